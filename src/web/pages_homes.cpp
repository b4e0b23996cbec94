// The quality of children's homes: of the children in children's homes at 31 March, the share in homes
// Ofsted rated Good or Outstanding, and the rest by their home's standing; a chart of the shares, the
// trend across years, the shares by age, and (for the roles that see child-level data) the homes by URN.
// Roles that see aggregates only get the figures through disclosure control.
#include <fmt/format.h>

#include "measures/children.h"
#include "measures/disclosure.h"
#include "providers/homes_measure.h"
#include "render/chart.h"
#include "web/context.h"

namespace corparent::web {
namespace {

// A row as people read it, c where suppressed.
struct Shown {
    const measures::MeasureRow* row;
    bool suppressed = false;
};

// Disclosure control over one group of rows (the shares that add up to 100%, or one measure's age
// bands): each a percentage of the children in children's homes.
std::vector<Shown> controlled(const std::vector<const measures::MeasureRow*>& rows, const measures::DisclosureRules& rules,
                              bool aggregate) {
    std::vector<measures::Cell> cells;
    for (const auto* r : rows) cells.push_back({r->numerator, r->denominator});
    if (aggregate) measures::control_disclosure(cells, rules, rows.size() > 1);
    std::vector<Shown> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({rows[i], cells[i].suppressed});
    return out;
}

std::string share_text(const Shown& s) {
    if (s.suppressed) return "c";
    auto t = s.row->tenths();
    return t ? fmt::format("{}%", measures::round_half_up(*t, 10)) : "no children";
}

std::string fraction_text(const Shown& s) {
    if (s.suppressed) return "c";
    return fmt::format("{} of {}", s.row->numerator, s.row->denominator);
}

std::optional<double> chart_value(const Shown& s) {
    if (s.suppressed) return std::nullopt;
    auto t = s.row->tenths();
    if (!t) return std::nullopt;
    return static_cast<double>(*t) / 10.0;
}

std::vector<const measures::MeasureRow*> rows_of(const providers::HomesResult& r, std::string_view breakdown_prefix,
                                                 std::string_view id = {}) {
    std::vector<const measures::MeasureRow*> out;
    for (const auto& row : r.rows) {
        if (!id.empty() && row.id != id) continue;
        if (breakdown_prefix.empty() ? !row.breakdown.empty() : !row.breakdown.starts_with(breakdown_prefix)) continue;
        out.push_back(&row);
    }
    return out;
}

}  // namespace

Response homes_page(Context& c) {
    const bool child_level = accounts::sees_child_level_data(c.session->user.role);
    const bool aggregate = !child_level;
    const auto& rules = c.settings.disclosure;
    auto report = providers::homes_report(c.db, c.settings.choices);
    auto v = c.view("Quality of children's homes", "/homes");
    v["aggregate"] = aggregate;
    if (report.imported_at) {
        v["imported_at"] = report.imported_at->substr(0, 10);
        if (auto d = care::parse_iso(report.imported_at->substr(0, 10))) v["imported_at"] = measures::long_date(*d);
        if (report.latest_inspection) v["latest_inspection"] = measures::long_date(*report.latest_inspection);
    } else {
        v["no_list"] = true;
    }
    if (report.years.empty()) {
        v["no_data"] = true;
        return c.page("homes", v);
    }
    int year = report.years.rbegin()->first;
    if (std::string asked = c.request.query_value("year"); !asked.empty()) {
        auto it = std::find_if(report.years.begin(), report.years.end(),
                               [&](const auto& y) { return std::to_string(y.first) == asked; });
        if (it == report.years.end()) return error_page(c, 404);
        year = it->first;
    }
    const auto& result = report.years.at(year);
    const std::string label = care::collection_year_label(year);
    v["has_data"] = true;
    v["year_label"] = label;
    v["day"] = measures::long_date(care::year_end(year));
    nlohmann::json years = nlohmann::json::array();
    for (const auto& [y, r] : report.years)
        years.push_back({{"value", std::to_string(y)}, {"text", care::collection_year_label(y)}, {"selected", y == year}});
    v["years"] = years;

    // The shares, which add up to every child in a children's home.
    auto shares = controlled(rows_of(result, ""), rules, aggregate);
    render::BarChart bars;
    bars.title = fmt::format("Children in children's homes on 31 March {}, by their home's Ofsted rating", year);
    bars.summary = "The share of children in children's homes whose home was rated good or outstanding, and the rest "
                   "by their home's rating or why it has none.";
    bars.unit = "%";
    bars.id = "chart-shares";
    nlohmann::json share_rows = nlohmann::json::array();
    for (const auto& s : shares) {
        const std::string name(providers::homes_measure_name(s.row->id));
        bars.categories.push_back(name);
        bars.values.push_back(chart_value(s));
        share_rows.push_back({{"name", name}, {"share", share_text(s)}, {"fraction", fraction_text(s)}});
    }
    v["shares_chart"] = render::bar_chart_svg(bars);
    v["shares"] = share_rows;
    v["children"] = aggregate && result.children > 0 && result.children < rules.smallest_count
                        ? std::string("c")
                        : std::to_string(result.children);
    if (!shares.empty()) v["headline"] = share_text(shares.front());

    // Good or outstanding, year by year.
    render::LineChart trend;
    trend.title = "Children in children's homes rated good or outstanding, by year";
    trend.summary = fmt::format("How the share in good or outstanding homes changed over the {} years held.",
                                report.years.size());
    trend.unit = "%";
    trend.y_min = 0;
    trend.id = "chart-trend";
    render::Series us{"Us", {}, render::Series::Style::Council};
    nlohmann::json trend_rows = nlohmann::json::array();
    for (const auto& [y, r] : report.years) {
        auto good = controlled(rows_of(r, "", providers::kHomesGood), rules, aggregate);
        trend.categories.push_back(care::collection_year_label(y));
        us.values.push_back(chart_value(good.front()));
        trend_rows.push_back({{"year", care::collection_year_label(y)}, {"share", share_text(good.front())},
                              {"fraction", fraction_text(good.front())}});
    }
    trend.series.push_back(us);
    v["trend_chart"] = render::line_chart_svg(trend);
    v["trend"] = trend_rows;

    // Good or outstanding by age band: one breakdown, controlled together.
    auto by_age = controlled(rows_of(result, "age:", providers::kHomesGood), rules, aggregate);
    nlohmann::json age_rows = nlohmann::json::array();
    for (const auto& s : by_age)
        age_rows.push_back({{"group", "Aged " + s.row->breakdown.substr(4)}, {"share", share_text(s)},
                            {"fraction", fraction_text(s)}});
    v["has_by_age"] = !age_rows.empty();
    v["by_age"] = age_rows;

    if (child_level) {
        nlohmann::json homes = nlohmann::json::array();
        for (const auto& h : result.homes)
            homes.push_back({{"urn", h.urn},
                             {"rating", std::string(providers::status_label(h.status))},
                             {"inspected", h.inspected ? measures::long_date(*h.inspected) : std::string()},
                             {"children", std::to_string(h.children)}});
        v["homes"] = homes;
        v["show_homes"] = true;
        accounts::audit(c.db, c.actor(), "view.homes", label, fmt::format("{} homes listed", result.homes.size()));
    }
    return c.page("homes", v);
}

}  // namespace corparent::web
