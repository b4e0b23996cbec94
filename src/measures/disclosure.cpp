#include "measures/disclosure.h"

#include <algorithm>

namespace corparent::measures {

void control_disclosure(std::vector<Cell>& cells, const DisclosureRules& rules, bool breakdown) {
    for (Cell& c : cells) {
        bool small_count = c.count >= 1 && c.count < rules.smallest_count;
        bool small_denominator = c.denominator && *c.denominator < rules.smallest_denominator;
        c.suppressed = small_count || small_denominator;
    }
    if (!breakdown) return;
    if (std::count_if(cells.begin(), cells.end(), [](const Cell& c) { return c.suppressed; }) != 1) return;
    Cell* next = nullptr;
    for (Cell& c : cells)
        if (!c.suppressed && (!next || c.count < next->count)) next = &c;
    if (next) next->suppressed = true;
}

bool survey_group_suppressed(long long respondents, const DisclosureRules& rules) {
    return respondents < rules.smallest_survey_group;
}

}  // namespace corparent::measures
