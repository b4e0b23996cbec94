#include "store/import_jobs.h"

namespace corparent::store {

void insert_import_job(Database& db, const ImportJobRow& j) {
    int finished = j.finished, committed = j.committed;
    db.session() << "INSERT INTO import_jobs (id, return_year, started_by, started_at, status, detail, finished, committed, "
                    "errors, warnings) VALUES (:i, :y, :b, :a, :s, :d, :f, :c, :e, :w)",
        soci::use(j.id), soci::use(j.return_year), soci::use(j.started_by), soci::use(j.started_at), soci::use(j.status),
        soci::use(j.detail), soci::use(finished), soci::use(committed), soci::use(j.errors), soci::use(j.warnings);
}

void update_import_job(Database& db, const ImportJobRow& j) {
    int finished = j.finished, committed = j.committed;
    db.session() << "UPDATE import_jobs SET status = :s, detail = :d, finished = :f, committed = :c, errors = :e, "
                    "warnings = :w WHERE id = :i",
        soci::use(j.status), soci::use(j.detail), soci::use(finished), soci::use(committed), soci::use(j.errors),
        soci::use(j.warnings), soci::use(j.id);
}

std::optional<ImportJobRow> find_import_job(Database& db, const std::string& id) {
    ImportJobRow j;
    int finished = 0, committed = 0;
    soci::statement st = (db.session().prepare << "SELECT id, return_year, started_by, started_at, status, detail, finished, "
                                                  "committed, errors, warnings FROM import_jobs WHERE id = :i",
                          soci::into(j.id), soci::into(j.return_year), soci::into(j.started_by), soci::into(j.started_at),
                          soci::into(j.status), soci::into(j.detail), soci::into(finished), soci::into(committed),
                          soci::into(j.errors), soci::into(j.warnings), soci::use(id));
    st.execute();
    if (!st.fetch()) return std::nullopt;
    j.finished = finished;
    j.committed = committed;
    return j;
}

std::vector<ImportRow> list_imports(Database& db) {
    std::vector<ImportRow> out;
    ImportRow r;
    soci::statement st = (db.session().prepare << "SELECT id, return_year, imported_at, source, files, rows_read, errors, "
                                                  "warnings FROM imports ORDER BY id DESC",
                          soci::into(r.id), soci::into(r.return_year), soci::into(r.imported_at), soci::into(r.source),
                          soci::into(r.files), soci::into(r.rows), soci::into(r.errors), soci::into(r.warnings));
    st.execute();
    while (st.fetch()) out.push_back(r);
    return out;
}

}  // namespace corparent::store
