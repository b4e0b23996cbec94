// Education: the Virtual School's measures for one academic year (?year=2025 for 2024/25), each with its
// figure, a trend across the academic years held and its breakdowns by age and placement type; figures
// disclosure-controlled for the roles without child-level access.
#include <fmt/format.h>

#include <algorithm>

#include "education/academic_year.h"
#include "education/measures.h"
#include "measures/children.h"
#include "render/chart.h"
#include "store/education.h"
#include "store/returns.h"
#include "web/context.h"
#include "web/measure_view.h"

namespace corparent::web {
namespace {

using education::EducationFigure;

std::string figure_text(const EducationFigure& f) {
    if (f.suppressed) return "c";
    auto v = education::value_of(f);
    if (!v) return "no data";
    auto t = *f.row.tenths();
    // Attendance is read to a decimal place (DfE publishes it so); other percentages whole.
    if (f.row.kind == measures::Kind::Mean || f.row.id == "edu_attendance")
        return measures::tenths_text(t) + (f.row.kind == measures::Kind::Percent ? "%" : "");
    return std::to_string(measures::round_half_up(t, 10)) + "%";
}

std::string fraction_text(const EducationFigure& f) {
    if (f.suppressed) return "c";
    if (f.children == 0) return "no children";
    if (f.row.id == "edu_attendance")
        return fmt::format("{} of {} sessions, {} children", f.row.numerator, f.row.denominator, f.children);
    if (f.row.kind == measures::Kind::Mean) return fmt::format("average of {} children", f.children);
    return fmt::format("{} of {} children", f.children_counted, f.children);
}

}  // namespace

Response education_page(Context& c) {
    const bool aggregate = !accounts::sees_child_level_data(c.session->user.role);
    auto v = c.view("Education", "/education");
    v["aggregate"] = aggregate;
    const auto loaded = store::loaded_years(c.db);
    std::vector<int> years;   // academic years held whose 903 year is loaded too
    for (int y : store::education_years(c.db))
        if (std::find(loaded.begin(), loaded.end(), y) != loaded.end()) years.push_back(y);
    if (years.empty()) {
        v["no_data"] = true;
        return c.page("education", v);
    }
    int year = years.back();
    if (auto asked = c.request.query_value("year"); !asked.empty()) {
        auto it = std::find_if(years.begin(), years.end(), [&](int y) { return std::to_string(y) == asked; });
        if (it == years.end()) return error_page(c, 404);
        year = *it;
    }

    const auto records = store::load_education(c.db);
    const auto council = measures::load_council(c.db, loaded.back(), c.settings.choices.placements);
    std::map<int, education::EducationMeasures> by_year;
    for (int y : years) {
        auto m = education::compute_education(council, c.settings.choices, records, y);
        if (aggregate) education::control_disclosure(m, c.settings.disclosure);
        by_year.emplace(y, std::move(m));
    }
    const auto& now = by_year.at(year);

    nlohmann::json choices = nlohmann::json::array();
    for (int y : years)
        choices.push_back({{"value", y}, {"label", education::academic_year_label(y)}, {"selected", y == year}});
    v["years"] = choices;
    v["year_label"] = education::academic_year_label(year);
    v["return_label"] = care::collection_year_label(year);
    v["census"] = measures::long_date(education::pep_census(year));

    nlohmann::json summary = nlohmann::json::array(), sections = nlohmann::json::array();
    for (const auto& d : education::education_definitions()) {
        const EducationFigure* f = education::find_figure(now, d.id);
        summary.push_back({{"id", std::string(d.id)}, {"name", std::string(d.name)}, {"figure", figure_text(*f)},
                           {"fraction", fraction_text(*f)}});

        render::LineChart chart;
        chart.title = std::string(d.name) + ", by academic year";
        chart.summary = fmt::format("How {} changed over the {} academic years held.", d.name, years.size());
        chart.unit = d.id == "edu_ks4_attainment8" ? "" : "%";
        chart.y_min = 0;
        chart.id = "chart-" + std::string(d.id);
        render::Series us{"Us", {}, render::Series::Style::Council};
        nlohmann::json trend = nlohmann::json::array();
        for (int y : years) {
            const EducationFigure* g = education::find_figure(by_year.at(y), d.id);
            chart.categories.push_back(education::academic_year_label(y));
            us.values.push_back(education::value_of(*g));
            trend.push_back({{"year", education::academic_year_label(y)}, {"figure", figure_text(*g)},
                             {"fraction", fraction_text(*g)}});
        }
        chart.series.push_back(us);

        nlohmann::json breakdowns = nlohmann::json::array();
        for (const auto& [dimension, title] : {std::pair<std::string, std::string>{"age", "By age at 31 March"},
                                               {"placement", "By placement type at 31 March"}}) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& g : now.figures)
                if (g.row.id == d.id && g.row.breakdown.starts_with(dimension + ":"))
                    rows.push_back({{"group", breakdown_label(g.row.breakdown)}, {"figure", figure_text(g)},
                                    {"fraction", fraction_text(g)}});
            breakdowns.push_back({{"title", title}, {"key", std::string(d.id) + "-by-" + dimension}, {"rows", rows}});
        }
        sections.push_back({{"id", std::string(d.id)},
                            {"name", std::string(d.name)},
                            {"definition", std::string(d.definition)},
                            {"chart", render::line_chart_svg(chart)},
                            {"caption", chart.title},
                            {"trend", trend},
                            {"breakdowns", breakdowns}});
    }
    v["summary"] = summary;
    v["sections"] = sections;
    return c.page("education", v);
}

}  // namespace corparent::web
