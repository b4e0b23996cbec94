#include "cli/measures_output.h"

#include <map>

#include <fmt/format.h>

#include "render/table_export.h"

namespace corparent::cli {
namespace {

using measures::Figure;
using measures::Kind;

// A published value as DfE shows it: its number, or its code (c, k, x, z); null where there is no row.
nlohmann::ordered_json published(const measures::PublishedValue& v) {
    if (v.value) return *v.value;
    if (!v.shown.empty()) return v.shown;
    return nullptr;
}

nlohmann::ordered_json optional_number(const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); }

nlohmann::ordered_json benchmarks_json(const measures::Benchmarks& b, const std::optional<double>& difference) {
    nlohmann::ordered_json neighbours = nlohmann::ordered_json::array();
    for (const auto& n : b.neighbours)
        neighbours.push_back({{"la_code", n.la_code}, {"la_name", n.la_name}, {"value", published(n.published)}});
    return {{"dfe_measure_id", b.dfe_measure_id},
            {"england", published(b.england)},
            {"region", published(b.region)},
            {"region_name", b.region_name},
            {"neighbours_mean", optional_number(b.neighbours_mean)},
            {"neighbours_median", optional_number(b.neighbours_median)},
            {"neighbours_with_value", b.neighbours_with_value},
            {"neighbours", neighbours},
            {"band", b.band ? nlohmann::ordered_json(std::string(1, *b.band)) : nlohmann::ordered_json(nullptr)},
            {"council_published", published(b.council)},
            {"difference", optional_number(difference)}};
}

// Whole numbers for people (spec 6): percentages and counts; the SDQ average and incidents per child to
// one decimal.
std::string display(const Figure& f) {
    if (f.suppressed) return "c";
    auto t = f.row.tenths();
    if (!t) return "-";
    if (f.row.kind == Kind::Mean) return measures::tenths_text(*t);
    long long whole = measures::round_half_up(*t, 10);
    return f.row.kind == Kind::Percent ? std::to_string(whole) + "%" : std::to_string(whole);
}

std::string fraction(const Figure& f) {
    if (f.suppressed) return "c";
    if (f.row.kind == Kind::Count) return "";
    return fmt::format("{}/{}", f.row.numerator, f.row.denominator);
}

std::string shown(const measures::PublishedValue& v) { return v.shown.empty() ? "-" : v.shown; }

std::string one_decimal(const std::optional<double>& v) { return v ? fmt::format("{:.1f}", *v) : "-"; }

}  // namespace

nlohmann::ordered_json measures_json(const measures::MeasureReport& report) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const Figure& f : report.figures) {
        const auto& r = f.row;
        nlohmann::ordered_json row = {{"id", r.id}, {"breakdown", r.breakdown}};
        if (f.suppressed) {
            row["numerator"] = "c";
            row["denominator"] = r.kind == Kind::Count ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json("c");
            row["value"] = "c";
        } else {
            row["numerator"] = r.numerator;
            row["denominator"] = r.kind == Kind::Count ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.denominator);
            if (r.kind == Kind::Count) row["value"] = r.numerator;
            else row["value"] = optional_number(measures::value_of(r));
        }
        if (r.incomplete_history) row["incomplete_history"] = *r.incomplete_history;
        if (f.benchmarks) row["benchmarks"] = benchmarks_json(*f.benchmarks, f.suppressed ? std::nullopt : f.difference);
        rows.push_back(std::move(row));
    }
    return {{"la_code", report.la_code}, {"year", report.year}, {"measures", rows}};
}

void print_measures_table(std::ostream& out, const measures::MeasureReport& report) {
    out << fmt::format("{} ({}), {} (year ending 31 March {})\n", report.la_name.empty() ? "Council" : report.la_name,
                       report.la_code, fmt::format("{}-{:02}", report.year - 1, report.year % 100), report.year);
    out << fmt::format("{:<46} {:>7} {:>11} {:>7} {:>7} {:>9} {:>4} {:>9} {:>6}\n", "measure", "figure", "num/den",
                       "England", "region", "neighbrs", "band", "published", "diff");
    std::string last;
    for (const Figure& f : report.figures) {
        std::string name(f.definition->name);
        if (!f.row.breakdown.empty()) {
            if (last != f.row.id) out << name << '\n';
            name = "  " + f.row.breakdown;
        }
        last = f.row.id;
        if (name.size() > 46) name = name.substr(0, 45) + "~";
        std::string england = "-", region = "-", neighbours = "-", band = "-", published = "-", diff = "-";
        if (f.benchmarks) {
            const auto& b = *f.benchmarks;
            england = shown(b.england);
            region = shown(b.region);
            neighbours = one_decimal(b.neighbours_mean);
            band = b.band ? std::string(1, *b.band) : "-";
            published = shown(b.council);
            if (f.difference && !f.suppressed) diff = fmt::format("{:+.1f}", *f.difference);
        }
        std::string history = f.row.incomplete_history.value_or(false) ? " (incomplete history)" : "";
        out << fmt::format("{:<46} {:>7} {:>11} {:>7} {:>7} {:>9} {:>4} {:>9} {:>6}{}\n", name, display(f), fraction(f),
                           england, region, neighbours, band, published, diff, history);
    }
    out << "neighbrs: the mean of the 10 statistical neighbours' published values; band: DfE LAIT quartile, A best.\n";
}

void print_measures_csv(std::ostream& out, const measures::MeasureReport& report) {
    out << "la_code,year,id,breakdown,measure,numerator,denominator,value,england,region,neighbours_mean,"
           "neighbours_median,neighbours_with_value,band,council_published,difference,incomplete_history\n";
    for (const Figure& f : report.figures) {
        const auto& r = f.row;
        auto value = measures::value_of(r);
        std::string num = f.suppressed ? "c" : std::to_string(r.numerator);
        std::string den = r.kind == Kind::Count ? "" : (f.suppressed ? "c" : std::to_string(r.denominator));
        std::string val = f.suppressed ? "c" : (value ? fmt::format("{:.1f}", *value) : "");
        out << report.la_code << ',' << report.year << ',' << r.id << ',' << render::csv_text(r.breakdown) << ','
            << render::csv_text(std::string(f.definition->name)) << ',' << num << ',' << den << ',' << val << ',';
        if (f.benchmarks) {
            const auto& b = *f.benchmarks;
            out << b.england.shown << ',' << b.region.shown << ','
                << (b.neighbours_mean ? fmt::format("{:.1f}", *b.neighbours_mean) : "") << ','
                << (b.neighbours_median ? fmt::format("{:.1f}", *b.neighbours_median) : "") << ','
                << b.neighbours_with_value << ',' << (b.band ? std::string(1, *b.band) : "") << ',' << b.council.shown
                << ',' << (f.difference && !f.suppressed ? fmt::format("{:.1f}", *f.difference) : "");
        } else {
            out << ",,,,,,,";
        }
        out << ',' << (r.incomplete_history ? (*r.incomplete_history ? "true" : "false") : "") << '\n';
    }
}

void print_data_quality(std::ostream& out, const measures::MeasureReport& report) {
    std::map<std::string, std::map<std::string, std::vector<std::string>>> by_measure;
    for (const auto& e : report.exclusions) by_measure[e.measure][e.reason].push_back(e.child);
    if (by_measure.empty()) {
        out << "Data quality: no measure left out a child for a missing or invalid value.\n";
        return;
    }
    out << "Data quality: children left out of a measure because a value it needs was missing or invalid\n";
    for (const auto& [measure, reasons] : by_measure)
        for (const auto& [reason, children] : reasons) {
            std::string list;
            for (std::size_t i = 0; i < children.size() && i < 20; ++i) list += (i ? ", " : "") + children[i];
            if (children.size() > 20) list += ", ...";
            out << fmt::format("  {}: {} ({}): {}\n", measure, children.size(), reason, list);
        }
}

}  // namespace corparent::cli
