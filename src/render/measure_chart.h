// A measure's trend across the years held as a line chart: us beside England, the region and our
// statistical neighbours where DfE published them. The measure's page and the Board's papers draw the same.
#pragma once

#include <string>

#include "measures/headline.h"
#include "render/chart.h"

namespace corparent::render {

struct MeasureTrend {
    std::string label;         // the measure's name, with its group: "Care leavers in education...: aged 19-21"
    std::string region_name;   // "Region" when no benchmark names it
    bool benchmarked = false;  // DfE published a figure beside ours in at least one year
    LineChart chart;           // suppressed figures (c) are gaps in our line
};

// `breakdown` is "" for the measure's headline row, else its group ("19-21").
MeasureTrend measure_trend(const measures::YearReports& reports, const measures::MeasureDefinition& d,
                           const std::string& breakdown);

}  // namespace corparent::render
