#include "store/pledge.h"

#include <map>

namespace corparent::store {

std::vector<PledgeVersionRow> load_pledges(Database& db) {
    std::vector<PledgeVersionRow> out;
    std::map<int, std::size_t> index;
    {
        PledgeVersionRow v;
        soci::statement st = (db.session().prepare << "SELECT version, name, adopted FROM pledge_versions ORDER BY version",
                              soci::into(v.version), soci::into(v.name), soci::into(v.adopted));
        st.execute();
        while (st.fetch()) {
            index[v.version] = out.size();
            out.push_back(v);
        }
    }
    {
        int version = 0;
        PledgeStatementRow s;
        soci::statement st = (db.session().prepare << "SELECT version, statement_id, statement, commitment FROM "
                                                      "pledge_statements ORDER BY version, position",
                              soci::into(version), soci::into(s.statement_id), soci::into(s.statement), soci::into(s.commitment));
        st.execute();
        while (st.fetch())
            if (index.count(version)) out[index[version]].statements.push_back(s);
    }
    {
        int version = 0;
        std::string statement_id, measure;
        soci::statement st = (db.session().prepare << "SELECT version, statement_id, measure FROM pledge_evidence "
                                                      "ORDER BY version, statement_id, measure",
                              soci::into(version), soci::into(statement_id), soci::into(measure));
        st.execute();
        while (st.fetch()) {
            if (!index.count(version)) continue;
            for (auto& s : out[index[version]].statements)
                if (s.statement_id == statement_id) s.evidence.push_back(measure);
        }
    }
    return out;
}

void insert_pledge(Database& db, const PledgeVersionRow& p) {
    auto& sql = db.session();
    sql << "INSERT INTO pledge_versions (version, name, adopted) VALUES (:v, :n, :a)", soci::use(p.version),
        soci::use(p.name), soci::use(p.adopted);
    int position = 0;
    for (const auto& s : p.statements) {
        ++position;
        sql << "INSERT INTO pledge_statements (version, position, statement_id, statement, commitment) "
               "VALUES (:v, :p, :i, :s, :c)",
            soci::use(p.version), soci::use(position), soci::use(s.statement_id), soci::use(s.statement),
            soci::use(s.commitment);
        replace_evidence(db, p.version, s.statement_id, s.evidence);
    }
}

void replace_evidence(Database& db, int version, const std::string& statement_id, const std::vector<std::string>& measures) {
    auto& sql = db.session();
    sql << "DELETE FROM pledge_evidence WHERE version = :v AND statement_id = :s", soci::use(version), soci::use(statement_id);
    for (const auto& m : measures)
        sql << "INSERT INTO pledge_evidence (version, statement_id, measure) VALUES (:v, :s, :m)", soci::use(version),
            soci::use(statement_id), soci::use(m);
}

}  // namespace corparent::store
