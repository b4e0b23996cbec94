#include "store/providers.h"

namespace corparent::store {

long long replace_ofsted_inspections(Database& db, const std::vector<OfstedInspectionRow>& rows,
                                     const std::string& imported_at) {
    auto& sql = db.session();
    long long before = 0;
    sql << "SELECT COUNT(*) FROM ofsted_inspections", soci::into(before);
    sql << "DELETE FROM ofsted_inspections";
    if (!rows.empty()) {
        OfstedInspectionRow r;
        soci::indicator date_ind = soci::i_null;
        soci::statement st = (sql.prepare << "INSERT INTO ofsted_inspections (urn, provider_type, overall_effectiveness, "
                                             "inspection_date, imported_at) VALUES (:u, :t, :o, :d, :a)",
                              soci::use(r.urn), soci::use(r.provider_type), soci::use(r.overall_effectiveness),
                              soci::use(r.inspection_date, date_ind), soci::use(imported_at));
        for (const auto& row : rows) {
            r = row;
            date_ind = r.inspection_date.empty() ? soci::i_null : soci::i_ok;
            st.execute(true);
        }
    }
    return before;
}

std::vector<OfstedInspectionRow> load_ofsted_inspections(Database& db) {
    std::vector<OfstedInspectionRow> out;
    OfstedInspectionRow r;
    soci::indicator date_ind = soci::i_null;
    // NULL dates first on both backends, so that a provider's inspections read oldest to newest.
    soci::statement st = (db.session().prepare << "SELECT urn, provider_type, overall_effectiveness, inspection_date "
                                                  "FROM ofsted_inspections ORDER BY urn, "
                                                  "CASE WHEN inspection_date IS NULL THEN 0 ELSE 1 END, inspection_date",
                          soci::into(r.urn), soci::into(r.provider_type), soci::into(r.overall_effectiveness),
                          soci::into(r.inspection_date, date_ind));
    st.execute();
    while (st.fetch()) {
        if (date_ind != soci::i_ok) r.inspection_date.clear();
        out.push_back(r);
    }
    return out;
}

std::optional<std::string> ofsted_inspections_imported_at(Database& db) {
    std::string at;
    soci::indicator ind = soci::i_null;
    db.session() << "SELECT MAX(imported_at) FROM ofsted_inspections", soci::into(at, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return at;
}

}  // namespace corparent::store
