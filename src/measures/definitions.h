// What each measure is called, which way is better, and which of DfE's published measures it sits beside.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "measures/benchmarks.h"

namespace corparent::measures {

struct MeasureDefinition {
    std::string_view id;
    std::string_view name;         // for people
    std::string_view definition;   // in plain words
    Polarity polarity;
};

const std::vector<MeasureDefinition>& definitions();
// The definition of a measure id; throws std::out_of_range for an unknown one.
const MeasureDefinition& definition(std::string_view id);

// DfE's measure_id(s) that a row of ours compares with: usually one, two when ours is the sum of two of
// DfE's (placement_type "other" = other residential + other placements), none when DfE publishes none.
std::vector<std::string> dfe_measures(std::string_view id, std::string_view breakdown);

}  // namespace corparent::measures
