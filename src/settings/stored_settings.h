// The settings an administrator changes in the browser: the council's name, its DfE LA code, the
// statistical neighbour model and the disclosure thresholds. They are kept in the store, so every server
// sharing it sees them, and override corparent.toml; every other setting comes from the file alone.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "accounts/accounts.h"
#include "settings/settings.h"
#include "store/database.h"

namespace corparent::settings {

// Their names, in the order the settings page shows them: council_name, la_code, neighbour_model,
// smallest_count, smallest_denominator, smallest_survey_group.
const std::vector<std::string>& changeable_settings();

// A changeable setting's value in `s`, as the store and the settings page write it ("331", "2025", "5").
std::string setting_text(const Settings& s, const std::string& name);

// `value` made canonical (spaces trimmed, numbers without leading zeros). Throws std::invalid_argument
// with a message for people ("The DfE LA code must be 3 digits, like 331") when it will not do, or when
// `name` is not a changeable setting.
std::string checked_setting(const std::string& name, const std::string& value);

// The file's settings with the stored values applied over them. A stored value that no longer passes
// checked_setting (the table edited by hand) is left out.
Settings effective_settings(store::Database& db, const Settings& from_file);

struct StoredValue {
    std::string name, value, updated_at, updated_by;   // updated_at: ISO 8601, UTC
};
std::vector<StoredValue> stored_values(store::Database& db);   // by name; only what an administrator changed

// Stores one value for every server sharing the store, audited as "setting.change" (object: the name;
// detail: "old -> new", the old value being the stored one, or "(corparent.toml)"). Throws
// std::invalid_argument as checked_setting does; nothing is stored then.
void save_setting(store::Database& db, const std::string& name, const std::string& value, const accounts::Actor& actor);

// Several values as one change: every value is checked first (the first problem is thrown as above and
// nothing is stored), then those that differ from `current` are stored and audited, the old value being
// the one in `current`, all in one transaction. Returns the names that changed.
std::vector<std::string> save_settings(store::Database& db, const Settings& current,
                                       const std::vector<std::pair<std::string, std::string>>& values,
                                       const accounts::Actor& actor);

// A server's settings kept current with the store. current() reads the stored values (one query over a
// handful of rows) and rebuilds the Settings only when one changed, on this server or another. It never
// throws: when the store cannot be read it returns the settings it last knew. Thread-safe.
class SettingsCache {
public:
    explicit SettingsCache(Settings from_file);
    std::shared_ptr<const Settings> current(store::Database& db);

private:
    std::mutex lock_;
    const Settings from_file_;
    std::string fingerprint_;                  // the stored names and values `settings_` was built from
    std::shared_ptr<const Settings> settings_;
};

}  // namespace corparent::settings
