#include "store/settings_values.h"

namespace corparent::store {

std::vector<SettingValueRow> load_settings_values(Database& db) {
    std::vector<SettingValueRow> out;
    SettingValueRow r;
    soci::statement st = (db.session().prepare << "SELECT name, value, updated_at, updated_by FROM settings_values "
                                                  "ORDER BY name",
                          soci::into(r.name), soci::into(r.value), soci::into(r.updated_at), soci::into(r.updated_by));
    st.execute();
    while (st.fetch()) out.push_back(r);
    return out;
}

void save_setting_value(Database& db, const SettingValueRow& r) {
    // ON CONFLICT ... DO UPDATE: SQLite 3.24 and later, PostgreSQL 9.5 and later.
    db.session() << "INSERT INTO settings_values (name, value, updated_at, updated_by) VALUES (:n, :v, :a, :b) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
                    "updated_by = excluded.updated_by",
        soci::use(r.name), soci::use(r.value), soci::use(r.updated_at), soci::use(r.updated_by);
}

}  // namespace corparent::store
