// The Pledge's evidence, for administrators: which measures show how well each promise of the current
// Pledge is kept (they appear beside it on the start page); earlier versions of the Pledge, read only.
#include <algorithm>
#include <stdexcept>

#include "board/pledge.h"
#include "measures/definitions.h"
#include "web/context.h"
#include "web/measure_view.h"

namespace corparent::web {
namespace {

// "Care leavers in education, employment or training (aged 19-21)" for "cl_eet:19-21".
std::string measure_label(const std::string& key) {
    auto colon = key.find(':');
    std::string id = key.substr(0, colon);
    try {
        std::string name(measures::definition(id).name);
        if (colon == std::string::npos) return name;
        return name + " (" + breakdown_label(key.substr(colon + 1)) + ")";
    } catch (const std::out_of_range&) {
        return key;   // a measure no longer defined, kept by an earlier Pledge
    }
}

// A checkbox's name: one per measure, since a form's fields are read one value per name.
std::string field_name(const std::string& key) { return "evidence:" + key; }

}  // namespace

Response admin_pledge(Context& c) {
    auto v = c.view("The Pledge's evidence", "/admin/pledge");
    auto versions = board::pledge_versions(c.db);
    if (versions.empty()) {
        v["no_pledge"] = true;
        return c.page("admin_pledge", v);
    }
    const auto& current = versions.back();
    v["name"] = current.name;
    v["version"] = current.version;
    v["adopted"] = current.adopted;
    auto choices = board::evidence_choices();
    std::string saved = c.request.query_value("saved");
    nlohmann::json statements = nlohmann::json::array();
    for (const auto& s : current.statements) {
        nlohmann::json boxes = nlohmann::json::array();
        int n = 0;
        for (const auto& key : choices) {
            bool ticked = std::find(s.evidence.begin(), s.evidence.end(), key) != s.evidence.end();
            boxes.push_back({{"input_id", "evidence-" + s.id + "-" + std::to_string(++n)},
                             {"name", field_name(key)},
                             {"label", measure_label(key)},
                             {"checked", ticked}});
        }
        statements.push_back({{"id", s.id}, {"statement", s.statement}, {"commitment", s.commitment}, {"choices", boxes}});
        if (s.id == saved) v["banner"] = "The measures for “" + s.statement + "” are saved: the start page shows them now";
    }
    v["statements"] = statements;
    nlohmann::json earlier = nlohmann::json::array();
    for (auto it = versions.rbegin() + 1; it != versions.rend(); ++it) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& s : it->statements) {
            nlohmann::json evidence = nlohmann::json::array();
            for (const auto& key : s.evidence) evidence.push_back(measure_label(key));
            items.push_back({{"statement", s.statement}, {"evidence", evidence}, {"no_evidence", s.evidence.empty()}});
        }
        earlier.push_back({{"name", it->name}, {"version", it->version}, {"adopted", it->adopted}, {"statements", items}});
    }
    v["earlier"] = earlier;
    v["has_earlier"] = !earlier.empty();
    return c.page("admin_pledge", v);
}

Response admin_pledge_evidence(Context& c) {
    std::string id = c.request.path.substr(std::string("/admin/pledge/").size());
    auto pledge = board::current_pledge(c.db);
    if (!pledge || std::none_of(pledge->statements.begin(), pledge->statements.end(),
                                [&](const board::Statement& s) { return s.id == id; }))
        return error_page(c, 404);
    std::vector<std::string> measures;
    for (const auto& key : board::evidence_choices())
        if (!c.request.form_value(field_name(key)).empty()) measures.push_back(key);
    board::set_evidence(c.db, id, measures, c.actor());
    return Response::redirect("/admin/pledge?saved=" + url_encode(id));
}

}  // namespace corparent::web
