// The settings an administrator changes in the browser (the council, its DfE LA code, the statistical
// neighbour model, the disclosure thresholds), kept in the store for every server.
#include <fmt/format.h>

#include "render/page.h"
#include "settings/stored_settings.h"
#include "web/context.h"

namespace corparent::web {
namespace {

// Values as the form shows them, and the problems with them by field.
using Values = std::map<std::string, std::string>;
using Problems = std::vector<std::pair<std::string, std::string>>;   // field, message; in the page's order

// "2025-06-01T09:30:12Z" as "2025-06-01 09:30".
std::string minute_of(std::string iso) {
    if (iso.size() >= 16 && iso[10] == 'T') return iso.substr(0, 10) + " " + iso.substr(11, 5);
    return iso;
}

Response settings_page(Context& c, const Values& values, const Problems& problems, int status) {
    auto v = c.view("Settings", "/admin/settings");
    std::map<std::string, settings::StoredValue> stored;
    for (auto& s : settings::stored_values(c.db)) stored[s.name] = s;
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& name : settings::changeable_settings()) {
        nlohmann::json f = {{"value", values.count(name) ? values.at(name) : settings::setting_text(c.settings, name)}};
        if (auto it = stored.find(name); it != stored.end())
            f["changed"] = fmt::format("Last changed by {} at {} (UTC).", it->second.updated_by,
                                       minute_of(it->second.updated_at));
        for (const auto& [field, message] : problems)
            if (field == name) f["error"] = message;
        fields[name] = f;
    }
    fields["neighbour_model"]["is_2025"] = fields["neighbour_model"]["value"] == "2025";
    fields["neighbour_model"]["is_2021"] = fields["neighbour_model"]["value"] == "2021";
    v["fields"] = fields;
    if (!problems.empty()) {
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& [field, message] : problems) errors.push_back({{"field", field}, {"message", message}});
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", {{"errors", errors}});
    }
    std::string saved = c.request.query_value("saved");
    if (problems.empty() && !saved.empty())
        v["banner"] = saved == "0" ? "Nothing was changed: the values were already set"
                                   : "The settings are saved. They apply now, for everyone";
    return c.page("admin_settings", v, status);
}

}  // namespace

Response admin_settings(Context& c) {
    if (c.request.method == "GET") return settings_page(c, {}, {}, 200);
    Values values;
    Problems problems;
    std::vector<std::pair<std::string, std::string>> changes;
    for (const auto& name : settings::changeable_settings()) {
        values[name] = c.request.form_value(name);
        try {
            changes.emplace_back(name, settings::checked_setting(name, values[name]));
        } catch (const std::invalid_argument& e) {
            problems.emplace_back(name, e.what());
        }
    }
    if (!problems.empty()) return settings_page(c, values, problems, 400);
    auto changed = settings::save_settings(c.db, c.settings, changes, c.actor());
    return Response::redirect("/admin/settings?saved=" + std::to_string(changed.size()));
}

}  // namespace corparent::web
