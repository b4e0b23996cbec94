// The [choice]s of spec/measures.md: where DfE's text is silent, corparent picks, and a council can pick
// otherwise to reconcile with its own published figures. Every default is the spec's.
#pragma once

#include <string>
#include <vector>

#include "care/care_history.h"

namespace corparent::measures {

struct Choices {
    // What counts as a placement (spec 0.2 temporary stays, 0.3 zero-day placements).
    care::PlacementRules placements;

    // stability_short_2y's cohort (spec 1).
    enum class TwoYearCohort {
        PeriodBeganTwoYearsBefore,   // current period of care began on or before 31 March Y-2 (default)
        AllLookedAfter,              // every child looked after at 31 March Y
    };
    TwoYearCohort two_year_cohort = TwoYearCohort::PeriodBeganTwoYearsBefore;

    // moves_unplanned: the reasons that make a placement ending "on an immediate basis" (spec 1).
    std::vector<std::string> unplanned_reasons = {"CREQB", "CREQO", "ALLEG", "STAND", "APPRR", "CLOSE", "CHILD"};

    // sw_stability: an SW_ID starting "XX" (worker not known) counts once per episode (default), or
    // all such episodes of a child count as one worker.
    bool unknown_worker_per_episode = true;

    // placement_type groups (spec 2): group name -> PLACE codes.
    std::vector<std::pair<std::string, std::vector<std::string>>> placement_groups = {
        {"foster", {"U1", "U2", "U3", "U4", "U5", "U6"}},
        {"adoption", {"A3", "A4", "A5", "A6"}},
        {"parents", {"P1"}},
        {"childrens_homes", {"K1", "K2"}},
        {"supported", {"H5", "K3", "P2"}},
        {"residential_school", {"S1"}},
        {"other", {"R1", "R2", "R3", "R5", "P3", "Z1", "Z11", "Z12", "Z13", "Z14"}},
    };
};

}  // namespace corparent::measures
