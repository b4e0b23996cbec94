// The measures of success of spec/measures.md sections 1-5, computed for one collection year from the
// council's stacked returns, with the breakdowns of section 7.
#pragma once

#include <string>
#include <vector>

#include "measures/choices.h"
#include "measures/council.h"
#include "measures/measure_row.h"

namespace corparent::measures {

// A child left out of a measure because a value it needed was missing or invalid (spec 8.21).
struct Exclusion {
    std::string measure;
    std::string child;
    std::string reason;
};

struct MeasureResult {
    MeasureRows rows;                  // in spec order; every section 7 breakdown row present
    std::vector<Exclusion> exclusions;
};

// `breakdowns` adds the age band, sex, ethnicity group, UASC and placement group rows of the measures
// whose cohort is the children looked after at 31 March.
MeasureResult compute_measures(const Council& council, const Choices& choices, bool breakdowns);

}  // namespace corparent::measures
