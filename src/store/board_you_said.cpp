#include "store/board_you_said.h"

#include <map>

namespace corparent::store {

long long insert_you_said(Database& db, const YouSaidRow& r) {
    auto& sql = db.session();
    long long id = 0;
    int consent = r.consent;
    long long meeting = r.meeting_id.value_or(0);
    soci::indicator meeting_ind = r.meeting_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO you_said (source, source_reference, said_on, words, consent, summary, meeting_id, recorded_by, "
           "recorded_at) VALUES (:s, :r, :d, :w, :c, :m, :mt, :b, :a) RETURNING id",
        soci::use(r.source), soci::use(r.source_reference), soci::use(r.said_on), soci::use(r.words), soci::use(consent),
        soci::use(r.summary), soci::use(meeting, meeting_ind), soci::use(r.recorded_by), soci::use(r.recorded_at),
        soci::into(id);
    for (const auto& s : r.statements)
        sql << "INSERT INTO you_said_statements (you_said_id, statement_id) VALUES (:i, :s)", soci::use(id), soci::use(s);
    for (const auto& e : r.evidence)
        sql << "INSERT INTO you_said_evidence (you_said_id, kind, ref) VALUES (:i, :k, :r)", soci::use(id),
            soci::use(e.kind), soci::use(e.ref);
    return id;
}

std::vector<YouSaidRow> load_you_said(Database& db) {
    auto& sql = db.session();
    std::vector<YouSaidRow> out;
    std::map<long long, std::size_t> index;
    {
        YouSaidRow r;
        int consent = 0;
        long long meeting = 0;
        soci::indicator meeting_ind = soci::i_null;
        soci::statement st = (sql.prepare << "SELECT id, source, source_reference, said_on, words, consent, summary, "
                                             "meeting_id, recorded_by, recorded_at FROM you_said ORDER BY said_on DESC, id DESC",
                              soci::into(r.id), soci::into(r.source), soci::into(r.source_reference), soci::into(r.said_on),
                              soci::into(r.words), soci::into(consent), soci::into(r.summary), soci::into(meeting, meeting_ind),
                              soci::into(r.recorded_by), soci::into(r.recorded_at));
        st.execute();
        while (st.fetch()) {
            r.consent = consent != 0;
            r.meeting_id = meeting_ind == soci::i_ok ? std::optional<long long>(meeting) : std::nullopt;
            index[r.id] = out.size();
            out.push_back(r);
        }
    }
    {
        long long id = 0;
        std::string statement;
        soci::statement st = (sql.prepare << "SELECT you_said_id, statement_id FROM you_said_statements ORDER BY you_said_id, statement_id",
                              soci::into(id), soci::into(statement));
        st.execute();
        while (st.fetch())
            if (index.count(id)) out[index[id]].statements.push_back(statement);
    }
    {
        long long id = 0;
        EvidenceLinkRow e;
        soci::statement st = (sql.prepare << "SELECT you_said_id, kind, ref FROM you_said_evidence ORDER BY you_said_id, kind, ref",
                              soci::into(id), soci::into(e.kind), soci::into(e.ref));
        st.execute();
        while (st.fetch())
            if (index.count(id)) out[index[id]].evidence.push_back(e);
    }
    return out;
}

std::optional<YouSaidRow> find_you_said(Database& db, long long id) {
    for (auto& r : load_you_said(db))
        if (r.id == id) return r;
    return std::nullopt;
}

}  // namespace corparent::store
