#include "render/measure_chart.h"

#include <fmt/format.h>

#include "care/date.h"
#include "measures/figure_text.h"

namespace corparent::render {

MeasureTrend measure_trend(const measures::YearReports& reports, const measures::MeasureDefinition& d,
                           const std::string& breakdown) {
    MeasureTrend out;
    out.region_name = "Region";
    LineChart& chart = out.chart;
    Series us{"Us", {}, Series::Style::Council}, england{"England", {}, Series::Style::England},
        region{"Region", {}, Series::Style::Region}, neighbours{"Neighbours (mean)", {}, Series::Style::Neighbours};
    const std::string key = breakdown.empty() ? std::string(d.id) : std::string(d.id) + ":" + breakdown;
    for (const auto& [year, report] : reports) {
        const measures::Figure* f = measures::find_figure(report, key);
        chart.categories.push_back(care::collection_year_label(year));
        if (!f) {
            for (auto* s : {&us, &england, &region, &neighbours}) s->values.push_back(std::nullopt);
            continue;
        }
        if (f->row.kind == measures::Kind::Percent) chart.unit = "%";
        us.values.push_back(f->suppressed ? std::nullopt : measures::value_of(f->row));
        if (f->benchmarks) {
            out.benchmarked = true;
            const auto& b = *f->benchmarks;
            if (!b.region_name.empty()) out.region_name = b.region_name;
            england.values.push_back(b.england.value);
            region.values.push_back(b.region.value);
            neighbours.values.push_back(b.neighbours_mean);
        } else {
            for (auto* s : {&england, &region, &neighbours}) s->values.push_back(std::nullopt);
        }
    }
    region.name = out.region_name;
    chart.series.push_back(us);
    if (out.benchmarked) chart.series.insert(chart.series.end(), {england, region, neighbours});
    out.label = breakdown.empty() ? std::string(d.name) : std::string(d.name) + ": " + measures::breakdown_label(breakdown);
    chart.title = out.label + ", by year";
    chart.summary = fmt::format("How {} changed over the {} years held{}.", out.label, reports.size(),
                                out.benchmarked ? ", beside England, the " + out.region_name +
                                                      " region and our statistical neighbours"
                                                : "");
    if (chart.unit == "%") chart.y_min = 0;
    chart.id = "chart-" + (breakdown.empty() ? std::string("all") : breakdown);
    return out;
}

}  // namespace corparent::render
