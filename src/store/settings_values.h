// The settings an administrator changed in the browser (table settings_values), which override
// corparent.toml on every server sharing the store. Names and values are text; settings/ checks them.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct SettingValueRow {
    std::string name, value, updated_at, updated_by;   // updated_at: ISO 8601, UTC
};

std::vector<SettingValueRow> load_settings_values(Database& db);   // by name
// Inserts the value, or replaces the one stored under the same name (one statement, so safe without a
// transaction and on several servers at once).
void save_setting_value(Database& db, const SettingValueRow& row);

}  // namespace corparent::store
