#include "board/paper_parts.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "measures/definitions.h"
#include "measures/figure_text.h"
#include "care/date.h"
#include "render/measure_chart.h"
#include "store/returns.h"

namespace corparent::board::paper {
namespace {

// The definition and group of a key "id" or "id:group", or none for an unknown measure.
std::pair<const measures::MeasureDefinition*, std::string> split_key(const std::string& key) {
    auto colon = key.find(':');
    std::string id = key.substr(0, colon), group = colon == std::string::npos ? "" : key.substr(colon + 1);
    for (const auto& d : measures::definitions())
        if (d.id == id) return {&d, group};
    return {nullptr, group};
}

}  // namespace

const measures::MeasureReport* Data::latest() const {
    return reports->empty() ? nullptr : &reports->rbegin()->second;
}

const measures::MeasureReport* Data::year_before(const measures::MeasureReport& report) const {
    auto it = reports->find(report.year - 1);
    return it == reports->end() ? nullptr : &it->second;
}

Data load(store::Database& db, const settings::Settings& settings, const std::string& today) {
    Data d;
    d.reports = measures::year_reports(db, settings, true);
    d.imported = store::import_dates(db);
    d.pledge = current_pledge(db);
    d.today = today;
    d.council = settings.council_name;
    d.rules = settings.disclosure;
    return d;
}

std::string long_date(const std::string& iso) {
    static const std::array<const char*, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};
    if (iso.size() < 10) return iso;
    int year = 0, month = 0, day = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12) return iso;
    return fmt::format("{} {} {}", day, months[static_cast<std::size_t>(month - 1)], year);
}

std::string long_date(care::Date day) { return long_date(care::to_iso(day)); }

std::string measures_source(const Data& data, int year) {
    auto imported = data.imported.find(year);
    return fmt::format(
        "Source: {}'s SSDA903 return for {} (the year to 31 March {}{}), measures computed to the Department for "
        "Education's definitions; England, region and statistical neighbours: Department for Education, "
        "Children looked after in England, Open Government Licence v3.0. Figures as at {}.",
        data.council, care::collection_year_label(year), year,
        imported == data.imported.end() ? "" : ", imported " + long_date(imported->second), long_date(data.today));
}

std::string disclosure_note(const Data& data) {
    return fmt::format("To protect children's privacy, numbers from 1 to {}, and percentages of fewer than {} children, "
                       "are shown as c.",
                       data.rules.smallest_count - 1, data.rules.smallest_denominator);
}

render::DocumentTable measures_table(const Data& data, const Statement& statement) {
    render::DocumentTable t;
    const measures::MeasureReport* latest = data.latest();
    std::string region = "Region";
    t.numeric = {false, true, true, false, true, true, true, false};
    if (!latest) return t;
    const measures::MeasureReport* before = data.year_before(*latest);
    for (const auto& key : statement.evidence) {
        const measures::Figure* f = measures::find_figure(*latest, key);
        if (!f) continue;
        const measures::Figure* last = before ? measures::find_figure(*before, key) : nullptr;
        std::string direction = measures::direction(*f, last);
        std::vector<std::string> row = {measures::measure_label(key), measures::figure_text(*f),
                                        last ? measures::figure_text(*last) : "no data",
                                        direction.empty() ? "not compared" : direction};
        if (f->benchmarks) {
            const auto& b = *f->benchmarks;
            if (!b.region_name.empty()) region = b.region_name;
            row.push_back(measures::published_text(b.england));
            row.push_back(measures::published_text(b.region));
            row.push_back(b.neighbours_mean ? fmt::format("{:.0f}", *b.neighbours_mean) : "not published");
            row.push_back(b.band ? std::string(1, *b.band) : "none");
        } else {
            row.insert(row.end(), {"not published", "not published", "not published", "none"});
        }
        t.rows.push_back(std::move(row));
    }
    t.caption = fmt::format("How we know: the measures, {}", care::collection_year_label(latest->year));
    t.headers = {"Measure", "Us", "Last year", "Since last year", "England", region, "Neighbours", "Quartile"};
    t.source = measures_source(data, latest->year);
    return t;
}

render::DocumentFigure measure_figure(const Data& data, const std::string& key) {
    auto [d, group] = split_key(key);
    render::DocumentFigure out;
    if (!d || data.reports->empty()) return out;
    render::MeasureTrend trend = render::measure_trend(*data.reports, *d, group);
    trend.chart.id = "chart-" + key;
    for (char& c : trend.chart.id)
        if (c == ':') c = '-';
    out.title = trend.chart.title;
    out.summary = trend.chart.summary;
    out.svg = render::line_chart_svg(trend.chart);
    out.data.caption = trend.label + ": the figures";
    out.data.headers = {"Year", "Us", "Children", "England", trend.region_name, "Neighbours"};
    out.data.numeric = {false, true, true, true, true, true};
    for (const auto& [year, report] : *data.reports) {
        const measures::Figure* f = measures::find_figure(report, key);
        if (!f) continue;
        std::vector<std::string> row = {care::collection_year_label(year), measures::figure_text(*f), measures::fraction_text(*f)};
        if (f->benchmarks) {
            const auto& b = *f->benchmarks;
            row.push_back(measures::published_text(b.england));
            row.push_back(measures::published_text(b.region));
            row.push_back(b.neighbours_mean ? fmt::format("{:.0f}", *b.neighbours_mean) : "not published");
        } else {
            row.insert(row.end(), {"not published", "not published", "not published"});
        }
        out.data.rows.push_back(std::move(row));
    }
    out.source = measures_source(data, data.reports->rbegin()->first);
    return out;
}

Progress progress(const Data& data, const Statement& statement) {
    Progress p;
    const measures::MeasureReport* latest = data.latest();
    if (!latest) return p;
    const measures::MeasureReport* before = data.year_before(*latest);
    for (const auto& key : statement.evidence) {
        const measures::Figure* f = measures::find_figure(*latest, key);
        if (!f) continue;
        ++p.shown;
        std::string d = measures::direction(*f, before ? measures::find_figure(*before, key) : nullptr);
        p.better += d == "Better";
        p.worse += d == "Worse";
        p.unchanged += d == "No change";
        p.best_quarter += f->benchmarks && f->benchmarks->band == 'A';
    }
    return p;
}

std::string progress_sentence(const Data& data, const Statement& statement) {
    const measures::MeasureReport* latest = data.latest();
    if (!latest) return "No SSDA903 return has been imported yet, so no measure shows progress on this promise.";
    Progress p = progress(data, statement);
    if (p.shown == 0) return "No measure from the SSDA903 return evidences this promise yet.";
    int not_compared = p.shown - p.better - p.worse - p.unchanged;
    return fmt::format("Of the {} {} evidencing this promise in {}, {} {} better than the year before, {} worse and {} "
                       "unchanged{}; {} {} in the best quarter of councils in England.",
                       p.shown, p.shown == 1 ? "measure" : "measures", care::collection_year_label(latest->year), p.better,
                       p.better == 1 ? "is" : "are", p.worse, p.unchanged,
                       not_compared > 0 ? fmt::format(" ({} could not be compared)", not_compared) : "",
                       p.best_quarter, p.best_quarter == 1 ? "is" : "are");
}

PromiseActions promise_actions(const std::vector<Action>& actions, const std::string& statement_id, care::Date today) {
    using std::chrono::days;
    const care::Date year_ago = today - days(365), year_on = today + days(365);
    PromiseActions out;
    for (const auto& a : actions) {
        if (std::find(a.statements.begin(), a.statements.end(), statement_id) == a.statements.end()) continue;
        bool done = a.status == Status::Done || a.status == Status::Closed;
        bool unfinished = a.status == Status::Open || a.status == Status::InProgress;
        if (done && a.finished_on && *a.finished_on > year_ago && *a.finished_on <= today) out.done.push_back(a);
        if (unfinished && a.due_on <= year_on) out.goals.push_back(a);
    }
    std::sort(out.goals.begin(), out.goals.end(), [](const Action& a, const Action& b) { return a.due_on < b.due_on; });
    return out;
}

render::DocumentTable done_table(const std::vector<Action>& done, const std::string& caption, const std::string& source) {
    render::DocumentTable t{caption, {"Action", "We did", "Done on"}, {}, {}, source};
    for (const auto& a : done)
        t.rows.push_back({a.title, a.we_did, a.finished_on ? long_date(*a.finished_on) : "not recorded"});
    return t;
}

render::DocumentTable goals_table(const std::vector<Action>& goals, care::Date today, const std::string& source) {
    render::DocumentTable t{"Still to do: the open actions due by " + long_date(today + std::chrono::days(365)),
                            {"Action", "Owner", "Due", "Status"}, {}, {}, source};
    for (const auto& a : goals)
        t.rows.push_back({a.title, a.owner + (a.partner.empty() ? "" : ", with " + a.partner), long_date(a.due_on),
                          std::string(status_name(a.status)) + (is_overdue(a, today) ? ", overdue" : "")});
    return t;
}

std::string actions_source(const Data& data) {
    return "Source: the Board's You said, We did log, as at " + long_date(data.today) + ".";
}

}  // namespace corparent::board::paper
