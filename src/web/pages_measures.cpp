// The measures: a list, and a page for each with its trend across the years held beside England, the
// region and the neighbours (a chart and the table under it), what it means in plain words, its
// breakdowns, and CSV and XLSX downloads.
#include <fmt/format.h>

#include <set>

#include "care/date.h"
#include "measures/definitions.h"
#include "measures/headline.h"
#include "render/chart.h"
#include "render/measure_chart.h"
#include "render/table_export.h"
#include "web/context.h"
#include "web/measure_view.h"

namespace corparent::web {
namespace {

std::string year_label(int year) { return care::collection_year_label(year); }

bool aggregate(const Context& c) { return !accounts::sees_child_level_data(c.session->user.role); }

// The rows of a measure that are not --breakdowns rows: "" alone, or its groups.
std::vector<std::string> series_keys(const measures::MeasureReport& report, const std::string& id) {
    std::vector<std::string> keys;
    for (const auto& f : report.figures)
        if (f.row.id == id && f.row.breakdown.find(':') == std::string::npos) keys.push_back(f.row.breakdown);
    return keys;
}

struct Section {
    const char* title;
    std::vector<std::string_view> ids;
};

const std::vector<Section>& sections() {
    static const std::vector<Section> all = {
        {"Placement stability", {"stability_short", "stability_long", "stability_short_2y", "moves_unplanned", "sw_stability"}},
        {"Children in care", {"cla_31mar", "started_in_year", "ceased_in_year", "placement_type", "uasc", "review_participation"}},
        {"Missing and away from placement", {"missing_pct", "missing_incidents", "missing_open_31mar"}},
        {"Health and offending", {"health_assessment", "immunisations", "teeth_check", "development_check", "convicted",
                                  "substance_misuse", "sdq_received", "sdq_average", "sdq_concern", "sdq_band"}},
        {"Care leavers", {"cl_in_touch", "cl_eet", "cl_neet", "cl_higher_education", "cl_suitable_accommodation"}},
    };
    return all;
}

// Every row of the measure in every year: what the downloads hold.
render::Table download_table(const measures::YearReports& reports, const measures::MeasureDefinition& d) {
    render::Table t;
    t.title = std::string(d.name);
    t.headers = {"Year", "Group", "Numerator", "Denominator", "Value", "England", "Region", "Neighbours (mean)",
                 "Neighbours (median)", "Quartile", "Council published"};
    for (const auto& [year, report] : reports)
        for (const auto& f : report.figures) {
            if (f.row.id != d.id) continue;
            std::vector<render::Cell> row{year_label(year), f.row.breakdown.empty() ? std::string("all") : f.row.breakdown};
            if (f.suppressed) {
                row.insert(row.end(), {std::string("c"), std::string("c"), std::string("c")});
            } else {
                row.push_back(static_cast<double>(f.row.numerator));
                row.push_back(f.row.kind == measures::Kind::Count ? render::Cell(std::string()) : render::Cell(static_cast<double>(f.row.denominator)));
                auto v = measures::value_of(f.row);
                row.push_back(v ? render::Cell(*v) : render::Cell(std::string()));
            }
            auto published = [](const measures::PublishedValue& p) {
                return p.value ? render::Cell(*p.value) : render::Cell(p.shown);
            };
            if (f.benchmarks) {
                const auto& b = *f.benchmarks;
                row.push_back(published(b.england));
                row.push_back(published(b.region));
                row.push_back(b.neighbours_mean ? render::Cell(*b.neighbours_mean) : render::Cell(std::string()));
                row.push_back(b.neighbours_median ? render::Cell(*b.neighbours_median) : render::Cell(std::string()));
                row.push_back(b.band ? std::string(1, *b.band) : std::string());
                row.push_back(published(b.council));
            } else {
                for (int i = 0; i < 6; ++i) row.push_back(std::string());
            }
            t.rows.push_back(std::move(row));
        }
    return t;
}

Response download(Context& c, const measures::MeasureDefinition& d, bool xlsx) {
    auto reports = measures::year_reports(c.db, c.settings, aggregate(c));
    auto table = download_table(*reports, d);
    Response r;
    r.content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
    r.body = xlsx ? render::to_xlsx(table) : render::to_csv(table);
    r.header("Content-Disposition", fmt::format("attachment; filename=\"{}.{}\"", d.id, xlsx ? "xlsx" : "csv"));
    return r;
}

nlohmann::json trend(const measures::YearReports& reports, const measures::MeasureDefinition& d, const std::string& key) {
    render::MeasureTrend t = render::measure_trend(reports, d, key);
    const std::string full_key = key.empty() ? std::string(d.id) : std::string(d.id) + ":" + key;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& [year, report] : reports) {
        const measures::Figure* f = measures::find_figure(report, full_key);
        if (!f) continue;
        const measures::Figure* before = reports.count(year - 1) ? measures::find_figure(reports.at(year - 1), full_key) : nullptr;
        auto row = figure_row(*f, before);
        row["year"] = year_label(year);
        row["published"] = f->benchmarks ? published_text(f->benchmarks->council) : "not published";
        rows.push_back(row);
    }
    return {{"label", t.label}, {"chart", render::line_chart_svg(t.chart)}, {"rows", rows}, {"region", t.region_name},
            {"caption", t.chart.title}, {"key", "trend-" + (key.empty() ? std::string("all") : key)}};
}

}  // namespace

Response measures_index(Context& c) {
    auto v = c.view("Measures of success", "/measures");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : sections()) {
        nlohmann::json items = nlohmann::json::array();
        for (auto id : s.ids) {
            const auto& d = measures::definition(id);
            items.push_back({{"id", std::string(d.id)}, {"name", std::string(d.name)}, {"definition", std::string(d.definition)}});
        }
        list.push_back({{"title", s.title}, {"items", items}});
    }
    v["sections"] = list;
    return c.page("measures", v);
}

Response measure_page(Context& c) {
    std::string rest = c.request.path.substr(std::string("/measures/").size());
    bool csv = rest.ends_with(".csv"), xlsx = rest.ends_with(".xlsx");
    std::string id = csv ? rest.substr(0, rest.size() - 4) : xlsx ? rest.substr(0, rest.size() - 5) : rest;
    const measures::MeasureDefinition* d = nullptr;
    for (const auto& def : measures::definitions())
        if (def.id == id) d = &def;
    if (!d) return error_page(c, 404);
    if (csv || xlsx) {
        accounts::audit(c.db, c.actor(), "export.measure", id, csv ? "csv" : "xlsx");
        return download(c, *d, xlsx);
    }

    auto reports = measures::year_reports(c.db, c.settings, aggregate(c));
    auto v = c.view(std::string(d->name), "/measures");
    v["id"] = id;
    v["name"] = std::string(d->name);
    v["definition"] = std::string(d->definition);
    v["aggregate"] = aggregate(c);
    if (reports->empty()) {
        v["no_data"] = true;
        return c.page("measure", v);
    }
    const auto& latest = reports->rbegin()->second;
    nlohmann::json trends = nlohmann::json::array();
    for (const auto& key : series_keys(latest, id)) trends.push_back(trend(*reports, *d, key));
    v["trends"] = trends;

    // Breakdowns of the latest year, dimension by dimension.
    nlohmann::json groups = nlohmann::json::array();
    std::map<std::string, nlohmann::json> by_dimension;
    std::vector<std::string> order;
    for (const auto& f : latest.figures) {
        if (f.row.id != id) continue;
        auto colon = f.row.breakdown.find(':');
        if (colon == std::string::npos) continue;
        std::string dimension = f.row.breakdown.substr(0, colon);
        if (!by_dimension.count(dimension)) {
            order.push_back(dimension);
            by_dimension[dimension] = nlohmann::json::array();
        }
        by_dimension[dimension].push_back({{"group", breakdown_label(f.row.breakdown)}, {"figure", figure_text(f)},
                                           {"fraction", fraction_text(f)}});
    }
    static const std::map<std::string, std::string> titles = {{"age", "By age at 31 March"}, {"sex", "By sex"},
                                                               {"ethnicity", "By ethnic group"},
                                                               {"uasc", "Unaccompanied asylum-seeking children"},
                                                               {"placement", "By placement type"}};
    for (const auto& dimension : order)
        groups.push_back({{"title", titles.count(dimension) ? titles.at(dimension) : dimension},
                          {"key", "by-" + dimension},
                          {"rows", by_dimension[dimension]}});
    if (!groups.empty()) {
        v["breakdowns"] = groups;
        v["latest_label"] = year_label(latest.year);
    }
    return c.page("measure", v);
}

}  // namespace corparent::web
