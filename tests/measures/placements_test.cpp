// care::build_history on hand-made episodes: periods of care and placements as spec/measures.md section 0
// and edge rules 8.3, 8.10-8.13 define them.
#include <gtest/gtest.h>

#include "care/care_history.h"
#include "council_fixture.h"

using namespace corparent;
using council_fixture::d;
using council_fixture::E;

namespace {

using Rules = care::PlacementRules;

Rules by_rne() {
    Rules r;
    r.after_temporary = Rules::AfterTemporary::ByRne;
    return r;
}

Rules count_zero_day() {
    Rules r;
    r.count_zero_day = true;
    return r;
}

// "first-last start..end reason" for one placement, for readable failures.
std::string show(const care::CareHistory& h, std::size_t i) {
    const auto& p = h.placements[i];
    return std::to_string(p.first) + "-" + std::to_string(p.last) + " " + care::to_dmy(p.start) + ".." +
           (p.end ? care::to_dmy(*p.end) : std::string("open")) + " " + p.ending_reason +
           (p.counted ? "" : " (not counted)") + " period " + std::to_string(p.period);
}

std::vector<std::string> show_all(const care::CareHistory& h) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < h.placements.size(); ++i) out.push_back(show(h, i));
    return out;
}

}  // namespace

// Spec 0 "Period of care": each episode ends X1 on the day the next starts; any other REC ends the
// period, and an X1 with nothing starting that day (a gap) ends it too.
TEST(PlacementHistory, PeriodsFollowX1ChainsOnly) {
    std::vector<care::Episode> eps = {
        E("02/03/2021", "S", "K2").to("01/05/2021", "X1"),   // [3] after a one-day gap: new period
        E("01/09/2020", "S", "U6").to("01/03/2021", "X1"),   // [2] starts the day [1] ended, but [1] ended E13
        E("01/01/2020", "S", "U4").to("01/06/2020", "X1"),   // [0]
        E("01/05/2021", "P", "K2"),                          // [4] open, chained to [3]
        E("01/06/2020", "L", "U4").to("01/09/2020", "E13"),  // [1] chained to [0]; E13 ends the period
    };
    auto h = care::build_history(eps);
    ASSERT_EQ(h.episodes.size(), 5u);
    EXPECT_EQ(h.episodes[0].decom, d("01/01/2020"));   // sorted by DECOM
    EXPECT_EQ(h.episodes[4].decom, d("01/05/2021"));
    ASSERT_EQ(h.periods.size(), 3u);
    EXPECT_EQ(h.periods[0].first, 0u);
    EXPECT_EQ(h.periods[0].last, 1u);
    EXPECT_EQ(h.periods[0].start, d("01/01/2020"));
    EXPECT_EQ(h.periods[0].end, d("01/09/2020"));
    EXPECT_EQ(h.periods[0].ending_rec, "E13");
    EXPECT_EQ(h.periods[1].first, 2u);
    EXPECT_EQ(h.periods[1].last, 2u);
    EXPECT_EQ(h.periods[1].end, d("01/03/2021"));
    EXPECT_EQ(h.periods[1].ending_rec, "X1");   // X1 with nothing starting that day ends the period
    EXPECT_EQ(h.periods[2].first, 3u);
    EXPECT_EQ(h.periods[2].last, 4u);
    EXPECT_EQ(h.periods[2].start, d("02/03/2021"));
    EXPECT_FALSE(h.periods[2].end.has_value());
    EXPECT_EQ(h.period_of(1), 0u);
    EXPECT_EQ(h.period_of(2), 1u);
    EXPECT_EQ(h.period_of(4), 2u);
}

// Spec 0 placement rule 1: S, P and B start a placement; L, T and U continue it (same carer). The end is
// the DEC of its last episode, its reason the REASON_PLACE_CHANGE there (8.11, 8.13).
TEST(PlacementHistory, RneStartsOrContinuesPlacement) {
    std::vector<care::Episode> eps = {
        E("01/01/2020", "S", "U4").to("01/03/2020", "X1").why("STAND"),   // reason on a non-final episode: ignored
        E("01/03/2020", "L", "U4").to("01/05/2020", "X1").why("CARPL"),
        E("01/05/2020", "P", "U6").to("01/07/2020", "X1"),
        E("01/07/2020", "T", "U6").to("01/09/2020", "X1"),
        E("01/09/2020", "U", "A5").to("01/11/2020", "X1").why("CREQB"),
        E("01/11/2020", "B", "K2").to("01/01/2021", "X1").why("ALLEG"),
        E("01/01/2021", "P", "K2"),   // P: a new placement even at the same PLACE
    };
    auto h = care::build_history(eps);
    ASSERT_EQ(h.periods.size(), 1u);
    EXPECT_EQ(show_all(h), (std::vector<std::string>{
                               "0-1 01/01/2020..01/05/2020 CARPL period 0",
                               "2-4 01/05/2020..01/11/2020 CREQB period 0",
                               "5-5 01/11/2020..01/01/2021 ALLEG period 0",
                               "6-6 01/01/2021..open  period 0",
                           }));
}

// Spec 0 rule 2 / 8.11: after a temporary stay (T0-T4), the episode with the same PLACE and PL_POST as
// the last non-temporary one continues that placement; postcodes compare with spaces removed (8.6).
// Under ByRne the return is judged by its RNE (P): a new placement.
TEST(PlacementHistory, ReturnFromTemporaryStayToSamePlaceContinues) {
    std::vector<care::Episode> eps = {
        E("01/01/2020", "S", "U4").to("01/06/2024", "X1").post("CV1 1AA"),
        E("01/06/2024", "P", "T1").to("10/06/2024", "X1").post(""),
        E("10/06/2024", "P", "U4").to("01/10/2024", "X1").post("CV11AA").why("CARPL"),
        E("01/10/2024", "P", "U6").post("CV2 2BB"),
    };
    auto h = care::build_history(eps);
    EXPECT_EQ(show_all(h), (std::vector<std::string>{
                               "0-2 01/01/2020..01/10/2024 CARPL period 0",
                               "3-3 01/10/2024..open  period 0",
                           }));
    auto r = care::build_history(eps, by_rne());
    EXPECT_EQ(show_all(r), (std::vector<std::string>{
                               "0-0 01/01/2020..01/06/2024  period 0",
                               "2-2 10/06/2024..01/10/2024 CARPL period 0",
                               "3-3 01/10/2024..open  period 0",
                           }));
}

// Same PLACE but another postcode, or same postcode but another PLACE, with RNE P: a new placement; the
// one before ends at the DEC of its last non-temporary episode (the day the stay began).
TEST(PlacementHistory, ReturnElsewhereStartsNewPlacement) {
    std::vector<care::Episode> other_postcode = {
        E("01/01/2020", "S", "U4").to("01/06/2024", "X1").post("CV1 1AA"),
        E("01/06/2024", "P", "T4").to("05/06/2024", "X1").post("CV5 5XX"),
        E("05/06/2024", "P", "U4").post("CV9 9ZZ"),
    };
    EXPECT_EQ(show_all(care::build_history(other_postcode)), (std::vector<std::string>{
                                                                 "0-0 01/01/2020..01/06/2024  period 0",
                                                                 "2-2 05/06/2024..open  period 0",
                                                             }));
    std::vector<care::Episode> other_place = {
        E("01/01/2020", "S", "U4").to("01/06/2024", "X1").post("CV1 1AA"),
        E("01/06/2024", "P", "T0").to("05/06/2024", "X1").post(""),
        E("05/06/2024", "P", "U6").post("CV1 1AA"),
    };
    EXPECT_EQ(care::build_history(other_place).placements.size(), 2u);
}

// Several temporary stays in a row, then a return with RNE T (same carer) to a different place and
// postcode: it continues the placement, under either switch.
TEST(PlacementHistory, ReturnWithSameCarerRneContinuesAfterSeveralStays) {
    std::vector<care::Episode> eps = {
        E("01/01/2020", "S", "U4").to("01/06/2024", "X1").post("CV1 1AA"),
        E("01/06/2024", "P", "T2").to("15/06/2024", "X1").post(""),
        E("15/06/2024", "P", "T3").to("20/06/2024", "X1").post("CV3 3CC"),
        E("20/06/2024", "T", "A5").post("CV7 7GG"),
    };
    EXPECT_EQ(show_all(care::build_history(eps)), (std::vector<std::string>{"0-3 01/01/2020..open  period 0"}));
    EXPECT_EQ(show_all(care::build_history(eps, by_rne())), (std::vector<std::string>{"0-3 01/01/2020..open  period 0"}));
}

// A period that ends during a temporary stay: the placement ends at the DEC of its last non-temporary
// episode, not at the end of the stay (8.11).
TEST(PlacementHistory, PlacementEndsAtLastNonTemporaryEpisode) {
    std::vector<care::Episode> eps = {
        E("01/01/2020", "S", "U4").to("01/06/2024", "X1").why(""),
        E("01/06/2024", "P", "T1").to("08/06/2024", "E2").why("OTHER"),
    };
    auto h = care::build_history(eps);
    ASSERT_EQ(h.periods.size(), 1u);
    EXPECT_EQ(h.periods[0].end, d("08/06/2024"));
    EXPECT_EQ(show_all(h), (std::vector<std::string>{"0-0 01/01/2020..01/06/2024  period 0"}));
}

// Spec 0 rule 3: a placement that ends the day it starts is not counted; count_zero_day counts it. A
// one-day placement is counted.
TEST(PlacementHistory, ZeroDayPlacementNotCounted) {
    std::vector<care::Episode> eps = {
        E("10/05/2024", "S", "U6").to("10/05/2024", "E13").why("CHILD"),
        E("01/07/2024", "S", "U4").to("02/07/2024", "E4A"),
        E("01/08/2024", "S", "K2"),
    };
    auto h = care::build_history(eps);
    ASSERT_EQ(h.placements.size(), 3u);
    EXPECT_FALSE(h.placements[0].counted);
    EXPECT_FALSE(h.placements[0].counts_in(d("01/04/2024"), d("31/03/2025")));
    EXPECT_TRUE(h.placements[1].counted);
    EXPECT_TRUE(h.placements[2].counted);
    auto z = care::build_history(eps, count_zero_day());
    EXPECT_TRUE(z.placements[0].counted);
    EXPECT_TRUE(z.placements[0].counts_in(d("01/04/2024"), d("31/03/2025")));
}

// 8.11: the first episode of a period always starts a placement (whatever its RNE), and placements never
// span two periods, even when the next period begins at the same place with RNE L, T or after a stay.
TEST(PlacementHistory, FirstEpisodeOfPeriodStartsPlacementAndPlacementsNeverSpanPeriods) {
    std::vector<care::Episode> eps = {
        E("01/01/2020", "S", "U4").to("01/03/2021", "X1"),              // period 0 (nothing starts 01/03/2021)
        E("05/03/2021", "L", "U4").to("01/06/2021", "E4A"),             // period 1, RNE L
        E("01/06/2021", "T", "U4").to("01/07/2021", "X1"),              // period 2 (E4A ended period 1), RNE T
        E("01/07/2021", "P", "T1").to("03/07/2021", "E4B"),             // temporary; ends period 2
        E("03/07/2021", "P", "U4"),                                     // period 3 at the same PLACE and PL_POST
    };
    auto h = care::build_history(eps);
    ASSERT_EQ(h.periods.size(), 4u);
    EXPECT_EQ(show_all(h), (std::vector<std::string>{
                               "0-0 01/01/2020..01/03/2021  period 0",
                               "1-1 05/03/2021..01/06/2021  period 1",
                               "2-2 01/06/2021..01/07/2021  period 2",
                               "4-4 03/07/2021..open  period 3",
                           }));
}

// 8.12: on 31 March during a temporary stay the child is in the placement before the stay. 8.10: the
// episode is the temporary one.
TEST(PlacementHistory, PlacementOnDuringTemporaryStayIsTheOneBefore) {
    std::vector<care::Episode> eps = {
        E("01/01/2020", "S", "U4").to("20/03/2025", "X1").post("CV1 1AA"),
        E("20/03/2025", "P", "T2").to("05/04/2025", "X1").post(""),
        E("05/04/2025", "P", "U4").post("CV1 1AA"),
    };
    auto h = care::build_history(eps);
    EXPECT_EQ(h.episode_on(d("31/03/2025")), 1u);
    EXPECT_EQ(h.placement_on(d("31/03/2025")), 0u);
    ASSERT_EQ(h.placements.size(), 1u);   // the return continues it
    EXPECT_EQ(h.placement_on(d("10/04/2025")), 0u);

    auto r = care::build_history(eps, by_rne());
    ASSERT_EQ(r.placements.size(), 2u);
    EXPECT_EQ(r.placement_on(d("31/03/2025")), 0u);   // still the one before the stay
    EXPECT_EQ(r.placement_on(d("10/04/2025")), 1u);
}

// 8.10: with several episodes open on a day, the one with the latest DECOM decides; an episode whose DEC
// is the day has ceased (spec 0).
TEST(PlacementHistory, EpisodeOnTakesLatestDecom) {
    std::vector<care::Episode> eps = {
        E("01/06/2024", "S", "K2"),   // open
        E("01/01/2020", "S", "U4"),   // open too (never closed)
    };
    auto h = care::build_history(eps);
    EXPECT_EQ(h.episode_on(d("31/03/2025")), 1u);   // sorted: [0] 2020, [1] 2024
    EXPECT_EQ(h.episodes[*h.episode_on(d("31/03/2025"))].place, "K2");
    EXPECT_EQ(h.placement_on(d("31/03/2025")), 1u);
    EXPECT_EQ(h.episode_on(d("01/01/2021")), 0u);

    auto ceased = care::build_history({E("01/01/2020", "S", "U4").to("31/03/2025", "E4A")});
    EXPECT_FALSE(ceased.episode_on(d("31/03/2025")).has_value());
    EXPECT_EQ(ceased.episode_on(d("30/03/2025")), 0u);
}

// Spec 0 / 8.3: V3 and V4 episodes are dropped before periods are made; what remains is chained as usual.
TEST(PlacementHistory, ShortBreaksDropped) {
    std::vector<care::Episode> eps = {
        E("01/07/2024", "P", "K2"),
        E("01/02/2024", "S", "U6").to("03/02/2024", "E8").legal("V3"),
        E("01/06/2024", "P", "U6").to("01/07/2024", "X1").legal("V4"),
        E("01/05/2024", "S", "U4").to("01/06/2024", "X1"),
    };
    auto h = care::build_history(eps);
    ASSERT_EQ(h.episodes.size(), 2u);
    EXPECT_EQ(h.episodes[0].place, "U4");
    EXPECT_EQ(h.episodes[1].place, "K2");
    EXPECT_EQ(h.periods.size(), 2u);   // nothing starts on 01/06/2024 once the V4 episode is gone
    EXPECT_EQ(h.placements.size(), 2u);
    auto only_breaks = care::build_history({E("01/02/2024", "S", "U6").legal("V4")});
    EXPECT_TRUE(only_breaks.episodes.empty());
    EXPECT_TRUE(only_breaks.periods.empty());
    EXPECT_FALSE(only_breaks.episode_on(d("31/03/2025")).has_value());
}

// Spec 0 rule 4: counts in a window when it starts by the last day and has not ended before the first.
TEST(PlacementHistory, CountsInWindow) {
    auto from = d("01/04/2024"), to = d("31/03/2025");
    care::Placement p;
    p.start = d("01/01/2020");
    p.end = d("01/04/2024");
    EXPECT_TRUE(p.counts_in(from, to));   // ended on the first day
    p.end = d("31/03/2024");
    EXPECT_FALSE(p.counts_in(from, to));
    p.end.reset();
    EXPECT_TRUE(p.counts_in(from, to));   // open
    p.start = d("31/03/2025");
    EXPECT_TRUE(p.counts_in(from, to));
    p.start = d("01/04/2025");
    EXPECT_FALSE(p.counts_in(from, to));
}

TEST(PlacementHistory, PostcodesCompareWithoutSpaces) {
    EXPECT_TRUE(care::same_postcode("CV1 1AA", "CV11AA"));
    EXPECT_TRUE(care::same_postcode(" CV1  1AA ", "CV11AA"));
    EXPECT_FALSE(care::same_postcode("CV1 1AA", "CV1 1AB"));
    EXPECT_FALSE(care::same_postcode("CV1 1AA", "CV1 1A"));
}
