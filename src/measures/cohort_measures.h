// The measures whose cohort is the children looked after at 31 March: each says, per child, whether
// the child is in the cohort and whether in the numerator, so that the plain figure and every
// breakdown come from the same test.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "measures/context.h"

namespace corparent::measures {

struct CohortMeasure {
    std::string id;
    Kind kind;                                   // Percent, or Count (cla_31mar)
    bool needs_history;                          // carries incomplete_history (spec 8.7)
    // nullopt: not in the cohort; otherwise whether the child is in the numerator.
    std::function<std::optional<bool>(Context&, std::size_t child)> test;
};

// stability_short, stability_long, stability_short_2y, sw_stability, cla_31mar, uasc.
const std::vector<CohortMeasure>& cohort_measures();

// Adds the plain row of one cohort measure.
void add_cohort_row(Context& c, const CohortMeasure& m);

}  // namespace corparent::measures
