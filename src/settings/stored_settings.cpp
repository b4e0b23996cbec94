#include "settings/stored_settings.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "store/settings_values.h"

namespace corparent::settings {
namespace {

constexpr std::size_t kLongestName = 100;
constexpr long long kLargestThreshold = 1'000'000;

std::string now_iso() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::string trimmed(const std::string& s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The disclosure thresholds, as the page names them in its messages.
const char* threshold_words(const std::string& name) {
    if (name == "smallest_count") return "the smallest count shown";
    if (name == "smallest_denominator") return "the smallest number of children for a percentage";
    return "the smallest survey group shown";
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

long long& threshold(Settings& s, const std::string& name) {
    if (name == "smallest_count") return s.disclosure.smallest_count;
    if (name == "smallest_denominator") return s.disclosure.smallest_denominator;
    return s.disclosure.smallest_survey_group;
}

// `value` has passed checked_setting.
void apply(Settings& s, const std::string& name, const std::string& value) {
    if (name == "council_name") s.council_name = value;
    else if (name == "la_code") s.la_code = value;
    else if (name == "neighbour_model")
        s.neighbour_model = value == "2021" ? measures::NeighbourModel::April2021 : measures::NeighbourModel::May2025;
    else threshold(s, name) = std::stoll(value);
}

Settings applied(const Settings& from_file, const std::vector<store::SettingValueRow>& rows) {
    Settings s = from_file;
    for (const auto& r : rows) {
        try {
            apply(s, r.name, checked_setting(r.name, r.value));
        } catch (const std::invalid_argument& e) {
            spdlog::warn("stored setting {} ignored: {}", r.name, e.what());
        }
    }
    return s;
}

void store_and_audit(store::Database& db, const std::string& name, const std::string& value, const std::string& old,
                     const accounts::Actor& actor) {
    store::save_setting_value(db, {name, value, now_iso(), actor.who});
    accounts::audit(db, actor, "setting.change", name, old + " -> " + value);
}

}  // namespace

const std::vector<std::string>& changeable_settings() {
    static const std::vector<std::string> names = {"council_name",   "la_code",              "neighbour_model",
                                                   "smallest_count", "smallest_denominator", "smallest_survey_group"};
    return names;
}

std::string setting_text(const Settings& s, const std::string& name) {
    if (name == "council_name") return s.council_name;
    if (name == "la_code") return s.la_code;
    if (name == "neighbour_model") return s.neighbour_model == measures::NeighbourModel::April2021 ? "2021" : "2025";
    if (name == "smallest_count") return std::to_string(s.disclosure.smallest_count);
    if (name == "smallest_denominator") return std::to_string(s.disclosure.smallest_denominator);
    if (name == "smallest_survey_group") return std::to_string(s.disclosure.smallest_survey_group);
    throw std::invalid_argument("there is no setting " + name);
}

std::string checked_setting(const std::string& name, const std::string& value_in) {
    const auto& names = changeable_settings();
    if (std::find(names.begin(), names.end(), name) == names.end())
        throw std::invalid_argument("there is no setting " + name);
    std::string value = trimmed(value_in);
    if (name == "council_name") {
        if (value.empty()) throw std::invalid_argument("Enter the council's name");
        if (value.size() > kLongestName)
            throw std::invalid_argument(fmt::format("The council's name must be {} characters or fewer", kLongestName));
        if (std::any_of(value.begin(), value.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
            throw std::invalid_argument("The council's name must be on one line, without tabs");
        return value;
    }
    if (name == "la_code") {
        if (value.empty()) throw std::invalid_argument("Enter the council's DfE LA code");
        if (value.size() != 3 || !all_digits(value))
            throw std::invalid_argument("The DfE LA code must be 3 digits, like 331");
        return value;
    }
    if (name == "neighbour_model") {
        if (value.empty()) throw std::invalid_argument("Select the statistical neighbour model");
        if (value != "2025" && value != "2021")
            throw std::invalid_argument("Select the 2025 or the 2021 statistical neighbour model");
        return value;
    }
    std::string words = threshold_words(name);
    if (value.empty()) throw std::invalid_argument("Enter " + words);
    if (!all_digits(value)) throw std::invalid_argument(capitalised(words) + " must be a whole number, like 5");
    auto digits = value.find_first_not_of('0');
    if (digits == std::string::npos) throw std::invalid_argument(capitalised(words) + " must be 1 or more");
    value = value.substr(digits);
    if (value.size() > 7 || std::stoll(value) > kLargestThreshold)
        throw std::invalid_argument(capitalised(words) + " must be 1,000,000 or fewer");
    return value;
}

Settings effective_settings(store::Database& db, const Settings& from_file) {
    return applied(from_file, store::load_settings_values(db));
}

std::vector<StoredValue> stored_values(store::Database& db) {
    std::vector<StoredValue> out;
    for (const auto& r : store::load_settings_values(db)) out.push_back({r.name, r.value, r.updated_at, r.updated_by});
    return out;
}

void save_setting(store::Database& db, const std::string& name, const std::string& value, const accounts::Actor& actor) {
    std::string canonical = checked_setting(name, value);
    std::string old = "(corparent.toml)";
    for (const auto& r : store::load_settings_values(db))
        if (r.name == name) old = r.value;
    soci::transaction tx(db.session());
    store_and_audit(db, name, canonical, old, actor);
    tx.commit();
}

std::vector<std::string> save_settings(store::Database& db, const Settings& current,
                                       const std::vector<std::pair<std::string, std::string>>& values,
                                       const accounts::Actor& actor) {
    std::vector<std::pair<std::string, std::string>> canonical;
    for (const auto& [name, value] : values) canonical.emplace_back(name, checked_setting(name, value));
    std::vector<std::string> changed;
    soci::transaction tx(db.session());
    for (const auto& [name, value] : canonical) {
        std::string old = setting_text(current, name);
        if (old == value) continue;
        store_and_audit(db, name, value, old, actor);
        changed.push_back(name);
    }
    tx.commit();
    return changed;
}

SettingsCache::SettingsCache(Settings from_file)
    : from_file_(std::move(from_file)), settings_(std::make_shared<const Settings>(from_file_)) {}

std::shared_ptr<const Settings> SettingsCache::current(store::Database& db) {
    std::vector<store::SettingValueRow> rows;
    try {
        rows = store::load_settings_values(db);
    } catch (const std::exception& e) {
        spdlog::error("cannot read the stored settings, using the last known: {}", store::loggable_error(e.what()));
        std::lock_guard guard(lock_);
        return settings_;
    }
    std::string fingerprint;
    for (const auto& r : rows) fingerprint += r.name + '\0' + r.value + '\0';
    std::lock_guard guard(lock_);
    if (fingerprint != fingerprint_) {
        settings_ = std::make_shared<const Settings>(applied(from_file_, rows));
        fingerprint_ = std::move(fingerprint);
    }
    return settings_;
}

}  // namespace corparent::settings
