// Measures ready to show: each row with its definition, DfE's published figures beside it, and (for
// people without child-level access) disclosure control applied.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "measures/benchmarks.h"
#include "measures/definitions.h"
#include "measures/disclosure.h"
#include "measures/engine.h"

namespace corparent::measures {

struct Figure {
    MeasureRow row;
    const MeasureDefinition* definition = nullptr;
    std::optional<Benchmarks> benchmarks;     // where DfE published the measure for the year
    std::optional<double> difference;         // computed value less the council's own published one
    bool suppressed = false;                  // disclosure control: shown as c
};

struct MeasureReport {
    std::string la_code, la_name;
    int year = 0;
    NeighbourModel model = NeighbourModel::May2025;
    std::vector<Figure> figures;
    std::vector<Exclusion> exclusions;
};

// The computed value as a number: percentage or mean to one decimal, or the count.
std::optional<double> value_of(const MeasureRow& row);

MeasureReport build_report(MeasureResult result, int year, const BenchmarkData& data, const std::string& la_code,
                           NeighbourModel model);

// Applies control_disclosure to every figure: each plain row alone, each breakdown's groups together.
void apply_disclosure(MeasureReport& report, const DisclosureRules& rules);

}  // namespace corparent::measures
