#include "store/child_names.h"

#include <stdexcept>

namespace corparent::store {
namespace {

// Table and column names go into the SQL text: only lower-case names of letters, digits and _.
const std::string& identifier(const std::string& name) {
    if (name.empty()) throw std::invalid_argument("an empty SQL name");
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            throw std::invalid_argument("not an SQL name: " + name);
    return name;
}

}  // namespace

long long replace_child_names(Database& db, const std::vector<ChildNameRow>& rows, const std::string& imported_at) {
    auto& sql = db.session();
    long long before = 0;
    sql << "SELECT COUNT(*) FROM child_names", soci::into(before);
    sql << "DELETE FROM child_names";
    if (!rows.empty()) {
        ChildNameRow r;
        soci::statement st = (sql.prepare << "INSERT INTO child_names (child, name, case_id, imported_at) "
                                             "VALUES (:c, :n, :i, :a)",
                              soci::use(r.child), soci::use(r.name), soci::use(r.case_id), soci::use(imported_at));
        for (const auto& row : rows) {
            r = row;
            st.execute(true);
        }
    }
    return before;
}

std::vector<ChildNameRow> load_child_names(Database& db) {
    std::vector<ChildNameRow> out;
    ChildNameRow r;
    soci::statement st = (db.session().prepare << "SELECT child, name, case_id FROM child_names ORDER BY child",
                          soci::into(r.child), soci::into(r.name), soci::into(r.case_id));
    st.execute();
    while (st.fetch()) out.push_back(r);
    return out;
}

std::optional<ChildNameRow> find_child_name(Database& db, const std::string& child) {
    ChildNameRow r;
    soci::statement st = (db.session().prepare << "SELECT child, name, case_id FROM child_names WHERE child = :c",
                          soci::into(r.child), soci::into(r.name), soci::into(r.case_id), soci::use(child));
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return r;
}

long long count_child_names(Database& db) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM child_names", soci::into(n);
    return n;
}

std::optional<std::string> child_names_imported_at(Database& db) {
    std::string at;
    soci::indicator ind = soci::i_null;
    db.session() << "SELECT MAX(imported_at) FROM child_names", soci::into(at, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return at;
}

TextTable load_stacked_child(Database& db, const std::string& table, const std::vector<std::string>& columns,
                             const std::string& child) {
    if (!identifier(table).starts_with("stacked_")) throw std::invalid_argument("not a stacked table: " + table);
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + identifier(c);
    TextTable out(table, columns);
    std::vector<std::string> values(columns.size());
    std::vector<soci::indicator> nulls(columns.size(), soci::i_null);
    std::string id = child;
    soci::statement st(db.session());
    for (std::size_t i = 0; i < columns.size(); ++i) st.exchange(soci::into(values[i], nulls[i]));
    st.exchange(soci::use(id));
    st.alloc();
    st.prepare("SELECT " + list + " FROM " + table + " WHERE child = :c ORDER BY source_year, source_row");
    st.define_and_bind();
    st.execute();
    while (st.fetch())
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (nulls[i] == soci::i_ok) out.add(values[i]);
            else out.add_null();
        }
    return out;
}

}  // namespace corparent::store
