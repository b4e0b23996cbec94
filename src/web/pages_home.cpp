// The start page: how well the Pledge is kept, in the measures of success of the latest year.
#include <set>

#include <fmt/format.h>

#include "measures/headline.h"
#include "web/context.h"

namespace corparent::web {
namespace {

// The rows the start page shows: the plain figures and the care leaver groups DfE publishes most.
bool on_home(const measures::MeasureRow& row) {
    static const std::set<std::pair<std::string, std::string>> rows = {
        {"stability_short", ""},    {"stability_long", ""},       {"stability_short_2y", ""},
        {"moves_unplanned", ""},    {"sw_stability", ""},         {"cla_31mar", ""},
        {"uasc", ""},               {"review_participation", ""}, {"missing_pct", "M"},
        {"missing_pct", "A"},       {"health_assessment", ""},    {"immunisations", ""},
        {"teeth_check", ""},        {"development_check", ""},    {"sdq_received", ""},
        {"sdq_concern", ""},        {"convicted", ""},            {"cl_in_touch", "19-21"},
        {"cl_eet", "17-18"},        {"cl_eet", "19-21"},          {"cl_suitable_accommodation", "19-21"},
    };
    return rows.count({row.id, row.breakdown}) > 0;
}

std::string shown(const measures::PublishedValue& v) { return v.shown.empty() ? "not published" : v.shown; }

}  // namespace

Response home(Context& c) {
    bool aggregate = !accounts::sees_child_level_data(c.session->user.role);
    auto report = measures::latest_report(c.db, c.settings, aggregate);
    auto v = c.view("How well we keep our Pledge", "/");
    if (!report) {
        v["no_data"] = true;
        return c.page("home", v);
    }
    v["year"] = std::to_string(report->year);
    v["year_label"] = fmt::format("{}-{:02}", report->year - 1, report->year % 100);
    v["aggregate"] = aggregate;
    std::string region = "region";
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& f : report->figures) {
        if (!on_home(f.row)) continue;
        const auto& r = f.row;
        std::string figure = "no data", fraction = "";
        if (f.suppressed) {
            figure = fraction = "c";
        } else if (auto t = r.tenths()) {
            long long whole = measures::round_half_up(*t, 10);
            figure = r.kind == measures::Kind::Percent ? std::to_string(whole) + "%" : std::to_string(whole);
            if (r.kind == measures::Kind::Percent) fraction = fmt::format("{} of {}", r.numerator, r.denominator);
        }
        nlohmann::json row = {{"name", std::string(f.definition->name)},
                              {"figure", figure},
                              {"fraction", fraction},
                              {"england", "not published"},
                              {"region_value", "not published"},
                              {"neighbours", "not published"},
                              {"band", "none"}};
        if (!r.breakdown.empty())   // absent rather than "": a mustache section shows for any string
            row["breakdown"] = r.breakdown == "M"   ? "missing"
                               : r.breakdown == "A" ? "away without authorisation"
                                                    : "aged " + r.breakdown;
        if (f.benchmarks) {
            const auto& b = *f.benchmarks;
            if (!b.region_name.empty()) region = b.region_name;
            row["england"] = shown(b.england);
            row["region_value"] = shown(b.region);
            row["neighbours"] = b.neighbours_mean ? fmt::format("{:.0f}", *b.neighbours_mean) : "not published";
            row["band"] = b.band ? std::string(1, *b.band) : "none";
        }
        rows.push_back(row);
    }
    v["rows"] = rows;
    v["region"] = region;
    return c.page("home", v);
}

}  // namespace corparent::web
