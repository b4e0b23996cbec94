// One figure of one measure: what corparent computes, before benchmarks and disclosure control.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace corparent::measures {

enum class Kind {
    Percent,   // numerator / denominator, as a percentage
    Count,     // numerator alone; denominator none
    Mean,      // numerator = sum, denominator = how many were averaged
};

struct MeasureRow {
    std::string id;
    std::string breakdown;            // "" for the plain measure (spec section 7)
    Kind kind = Kind::Percent;
    long long numerator = 0;
    long long denominator = 0;        // unused for Count
    std::optional<bool> incomplete_history;   // stability_long and stability_short_2y (spec 8.7)

    // The value to one decimal, rounded half up on exact integers (spec 7, 8.18): tenths.
    std::optional<long long> tenths() const;
};

// Half-up rounding of a / b to a whole number, for b > 0 and a >= 0.
long long round_half_up(long long a, long long b);

// "12.3" from 123 tenths.
std::string tenths_text(long long tenths);

using MeasureRows = std::vector<MeasureRow>;

}  // namespace corparent::measures
