// One child's history of care, derived from their episodes: periods of care and placements
// (spec/measures.md section 0 and 8.3, 8.10-8.13).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "care/episode.h"

namespace corparent::care {

// A maximal run of episodes, each ending with REC X1 on the day the next starts.
struct PeriodOfCare {
    std::size_t first = 0, last = 0;   // indexes into the child's episodes
    Date start;                        // first episode's DECOM
    std::optional<Date> end;           // last episode's DEC
    std::string ending_rec;            // last episode's REC
};

// A placement of 24 hours or more with the same carer: starts at an episode with RNE S, P or B (or the
// first of a period); L, T and U episodes and temporary stays carry it on.
struct Placement {
    std::size_t period = 0;            // index into periods
    std::size_t first = 0;             // its first episode
    std::size_t last = 0;              // its last non-temporary episode
    Date start;
    std::optional<Date> end;           // DEC of its last non-temporary episode
    std::string ending_reason;         // REASON_PLACE_CHANGE on that episode
    bool counted = true;               // false for a placement that ends the day it starts (see rules)
    // Counts in [from, to] when it starts by `to` and has not ended before `from` (spec 0.4).
    bool counts_in(Date from, Date to) const { return counted && start <= to && (!end || *end >= from); }
};

struct CareHistory {
    std::vector<Episode> episodes;     // sorted by DECOM, short breaks (V3/V4) dropped
    std::vector<PeriodOfCare> periods;
    std::vector<Placement> placements;

    // The episode that decides where the child is on `day` (the latest DECOM among those open), if any.
    std::optional<std::size_t> episode_on(Date day) const;
    // The placement the child is in on `day`: during a temporary stay, the one before it (spec 8.12).
    std::optional<std::size_t> placement_on(Date day) const;
    std::optional<std::size_t> period_of(std::size_t episode) const;
};

// The [choice]s of spec section 0 about placements, with the spec's defaults.
struct PlacementRules {
    enum class AfterTemporary {
        SamePlaceOrCarer,   // the episode after a temporary stay continues the placement before it when it
                            // has the same PLACE and PL_POST, or RNE L, T or U (spec 0.2, default)
        ByRne,              // it is judged by its RNE like any other episode
    };
    AfterTemporary after_temporary = AfterTemporary::SamePlaceOrCarer;
    bool count_zero_day = false;   // a placement that ends on the day it starts is not counted (spec 0.3)
};

// Builds a child's history. `episodes` are the child's stacked episodes in any order (V3/V4 included;
// they are dropped here, after stacking and repair, as spec 8.3 orders).
CareHistory build_history(std::vector<Episode> episodes, const PlacementRules& rules = {});

}  // namespace corparent::care
