// The start page: the Pledge, statement by statement, with the measures that evidence each one.
#include <fmt/format.h>

#include "board/pledge.h"
#include "measures/headline.h"
#include "web/context.h"
#include "web/measure_view.h"

namespace corparent::web {

Response home(Context& c) {
    bool aggregate = !accounts::sees_child_level_data(c.session->user.role);
    auto reports = measures::year_reports(c.db, c.settings, aggregate);
    auto pledge = board::current_pledge(c.db);
    auto v = c.view("Our Pledge", "/");
    v["aggregate"] = aggregate;
    if (pledge) v["pledge_name"] = pledge->name;
    const measures::MeasureReport* latest = reports->empty() ? nullptr : &reports->rbegin()->second;
    const measures::MeasureReport* before = nullptr;
    if (latest && reports->count(latest->year - 1)) before = &reports->at(latest->year - 1);
    if (latest) {
        v["year_label"] = fmt::format("{}-{:02}", latest->year - 1, latest->year % 100);
        v["previous_label"] = fmt::format("{}-{:02}", latest->year - 2, (latest->year - 1) % 100);
    } else {
        v["no_data"] = true;
    }
    std::string region = "Region";
    nlohmann::json statements = nlohmann::json::array();
    for (const auto& s : pledge ? pledge->statements : std::vector<board::Statement>{}) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& key : s.evidence) {
            const measures::Figure* f = latest ? measures::find_figure(*latest, key) : nullptr;
            if (!f) continue;
            if (f->benchmarks && !f->benchmarks->region_name.empty()) region = f->benchmarks->region_name;
            rows.push_back(figure_row(*f, before ? measures::find_figure(*before, key) : nullptr));
        }
        nlohmann::json item = {{"id", s.id}, {"statement", s.statement}, {"commitment", s.commitment}};
        if (!rows.empty()) {
            item["rows"] = rows;
            item["has_rows"] = true;
        }
        statements.push_back(item);
    }
    v["statements"] = statements;
    v["region"] = region;
    return c.page("home", v);
}

}  // namespace corparent::web
