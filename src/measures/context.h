// Shared by the measure sections: the year, each child's facts at 31 March, and the rows being built.
#pragma once

#include <optional>
#include <string>

#include "measures/engine.h"

namespace corparent::measures {

struct ChildFacts {
    bool looked_after_31mar = false;       // spec 0, with 8.10
    bool looked_after_in_year = false;     // spec 8.8
    std::optional<std::size_t> episode;    // the episode that decides at 31 March
    std::optional<std::size_t> placement;  // the current placement at 31 March (spec 8.12)
    std::optional<std::size_t> period;     // the current period of care
    std::optional<int> age;                // at 31 March
    std::string placement_group;           // "" when the PLACE is missing or in no group
};

class Context {
public:
    Context(const Council& council, const Choices& choices);

    const Council& council;
    const Choices& choices;
    const int year;
    const care::Date start, end;           // W(Y)
    std::vector<ChildFacts> facts;         // parallel to council.children
    MeasureResult result;

    MeasureRow& add(std::string id, std::string breakdown, Kind kind, long long numerator, long long denominator);
    void exclude(const std::string& measure, const Child& child, std::string reason);
    // True when every return from Y-3 to Y is loaded (spec 8.7).
    bool full_history() const;
};

// Sections of the spec, each appending its rows.
void placement_stability(Context& c);      // section 1
void looked_after(Context& c);             // section 2
void missing_from_care(Context& c);        // section 3
void health_and_offending(Context& c);     // section 4
void care_leavers(Context& c);             // section 5
void cla_breakdowns(Context& c);           // section 7, --breakdowns

}  // namespace corparent::measures
