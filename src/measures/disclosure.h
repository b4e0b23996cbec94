// Disclosure control (spec/measures.md section 6): the one function every view for a role without
// child-level access, and every public output, passes its figures through.
#pragma once

#include <optional>
#include <vector>

namespace corparent::measures {

struct DisclosureRules {
    long long smallest_count = 5;          // a count from 1 to smallest_count - 1 is shown as c
    long long smallest_denominator = 10;   // a percentage whose denominator is under this is c
    long long smallest_survey_group = 5;   // survey results: a group of fewer respondents is c, for every role
};

struct Cell {
    long long count = 0;                   // the numerator, or the count itself
    std::optional<long long> denominator;  // for a percentage
    bool suppressed = false;               // set by control_disclosure
};

// Suppresses in place. Primary: a count of 1 to smallest_count - 1 (and the percentage it is the
// numerator of), a percentage whose denominator is under smallest_denominator. Secondary, when `cells`
// are the groups of one breakdown: if exactly one cell is suppressed, the next smallest is too, so that
// the total cannot give it away.
void control_disclosure(std::vector<Cell>& cells, const DisclosureRules& rules, bool breakdown);

// Survey results: every group with fewer than smallest_survey_group respondents.
bool survey_group_suppressed(long long respondents, const DisclosureRules& rules);

}  // namespace corparent::measures
