#include "measures/report.h"

#include <algorithm>
#include <map>

namespace corparent::measures {
namespace {

// DfE publishes some of our groups as two of theirs: add them, geography by geography.
PublishedValue sum(const PublishedValue& a, const PublishedValue& b) {
    if (a.value && b.value) {
        double v = *a.value + *b.value;
        char shown[32];
        std::snprintf(shown, sizeof shown, "%g", v);
        return {shown, v};
    }
    if (a.shown.empty() || b.shown.empty()) return {};
    return {a.value ? b.shown : a.shown, std::nullopt};   // the code that hides one hides the sum
}

Benchmarks combine(Benchmarks a, const Benchmarks& b) {
    a.dfe_measure_id += "+" + b.dfe_measure_id;
    a.england = sum(a.england, b.england);
    a.region = sum(a.region, b.region);
    a.council = sum(a.council, b.council);
    std::vector<double> values;
    for (std::size_t i = 0; i < a.neighbours.size() && i < b.neighbours.size(); ++i) {
        a.neighbours[i].published = sum(a.neighbours[i].published, b.neighbours[i].published);
        if (a.neighbours[i].published.value) values.push_back(*a.neighbours[i].published.value);
    }
    a.neighbours_with_value = static_cast<int>(values.size());
    a.neighbours_mean.reset();
    a.neighbours_median.reset();
    if (!values.empty()) {
        double total = 0;
        for (double v : values) total += v;
        a.neighbours_mean = total / static_cast<double>(values.size());
        std::sort(values.begin(), values.end());
        std::size_t n = values.size();
        a.neighbours_median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
    a.band.reset();   // groups of placement type have no polarity, so no band
    return a;
}

std::string dimension_of(const MeasureRow& row) {
    auto colon = row.breakdown.find(':');
    return row.id + "|" + (colon == std::string::npos ? (row.breakdown.empty() ? "" : "*") : row.breakdown.substr(0, colon));
}

}  // namespace

std::optional<double> value_of(const MeasureRow& row) {
    auto t = row.tenths();
    if (!t) return std::nullopt;
    return static_cast<double>(*t) / 10.0;
}

MeasureReport build_report(MeasureResult result, int year, const BenchmarkData& data, const std::string& la_code,
                           NeighbourModel model) {
    MeasureReport report;
    report.la_code = la_code;
    report.la_name = data.la_name(la_code);
    report.year = year;
    report.model = model;
    report.exclusions = std::move(result.exclusions);
    for (auto& row : result.rows) {
        Figure f;
        f.definition = &definition(row.id);
        std::optional<double> value = value_of(row);
        std::optional<Benchmarks> bench;
        for (const auto& id : dfe_measures(row.id, row.breakdown)) {
            auto b = data.lookup(id, year, la_code, model, value, f.definition->polarity);
            if (!b) {
                bench.reset();
                break;
            }
            bench = bench ? combine(*bench, *b) : *b;
        }
        if (bench && bench->council.value && value) f.difference = *value - *bench->council.value;
        f.benchmarks = std::move(bench);
        f.row = std::move(row);
        report.figures.push_back(std::move(f));
    }
    return report;
}

void apply_disclosure(MeasureReport& report, const DisclosureRules& rules) {
    // Rows of one breakdown (same id and dimension) are controlled together; a plain row alone.
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < report.figures.size(); ++i) groups[dimension_of(report.figures[i].row)].push_back(i);
    for (const auto& [key, members] : groups) {
        std::vector<Cell> cells;
        for (std::size_t i : members) {
            const MeasureRow& row = report.figures[i].row;
            // A mean is controlled by how many it averages (children), not by its sum.
            if (row.kind == Kind::Mean) cells.push_back({row.denominator, std::nullopt});
            else cells.push_back({row.numerator, row.kind == Kind::Percent ? std::optional(row.denominator) : std::nullopt});
        }
        bool breakdown = members.size() > 1 && key.back() != '|';
        control_disclosure(cells, rules, breakdown);
        for (std::size_t k = 0; k < members.size(); ++k) report.figures[members[k]].suppressed = cells[k].suppressed;
    }
}

}  // namespace corparent::measures
