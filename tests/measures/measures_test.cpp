// Every measure of spec/measures.md sections 1-5 on small hand-made councils. The expected numerators and
// denominators are worked out in the comments from the spec text (not from running the code). Year
// Y = 2025 unless said: W(Y) = 01/04/2024 .. 31/03/2025, Y-2 = 2023, Y-3 = 2022.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "council_fixture.h"
#include "measures/measure_row.h"

using namespace corparent;
using namespace council_fixture;
using measures::Choices;
using measures::Kind;

namespace {

Choices by_rne() {
    Choices c;
    c.placements.after_temporary = care::PlacementRules::AfterTemporary::ByRne;
    return c;
}

Choices count_zero_day() {
    Choices c;
    c.placements.count_zero_day = true;
    return c;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Section 1: stability_short. Cohort: CLA at 31/03/2025. Numerator: placements counted in W >= 3.
TEST(MeasureStability, ShortThreeOrMorePlacementsInYear) {
    std::vector<ChildSpec> kids = {
        // A: placements S U4 (2020-01/05/2024, ends in W), P U6, P K2 (open): 3 counted -> numerator.
        child("A", "01/01/2012",
              {E("01/01/2020", "S", "U4").to("01/05/2024", "X1").why("CARPL"),
               E("01/05/2024", "P", "U6").to("01/09/2024", "X1"), E("01/09/2024", "P", "K2")}),
        // B: temporary stay (T1), back to the same PLACE and PL_POST ("CV11AA" = "CV1 1AA") with RNE P:
        // default: one placement 2020-01/10/2024, then U6: 2 -> not numerator.
        // ByRne: S U4 (ends 01/06/2024), return P U4, P U6: 3 -> numerator.
        child("B", "01/01/2012",
              {E("01/01/2020", "S", "U4").to("01/06/2024", "X1").post("CV1 1AA"),
               E("01/06/2024", "P", "T1").to("10/06/2024", "X1").post(""),
               E("10/06/2024", "P", "U4").to("01/10/2024", "X1").post("CV11AA"),
               E("01/10/2024", "P", "U6").post("CV2 2BB")}),
        // C: RNE L, T, U after S: all the same carer: 1 placement -> not numerator.
        child("C", "01/01/2012",
              {E("01/01/2020", "S", "U4").to("01/05/2024", "X1"), E("01/05/2024", "L", "U4").to("01/07/2024", "X1"),
               E("01/07/2024", "T", "U5").to("01/09/2024", "X1"), E("01/09/2024", "U", "A5")}),
        // D: a zero-day period (10/05/2024 .. 10/05/2024, E13), then S U4 and P U6 in a second period.
        // Default: zero-day placement not counted: 2 -> not numerator. count_zero_day: 3 -> numerator.
        child("D", "01/01/2012",
              {E("10/05/2024", "S", "U6").to("10/05/2024", "E13"), E("01/07/2024", "S", "U4").to("01/11/2024", "X1"),
               E("01/11/2024", "P", "U6")}),
        // E: three placements but the last episode ended on 31/03/2025: ceased, not CLA -> not in cohort.
        child("E", "01/01/2012",
              {E("01/01/2020", "S", "U4").to("01/05/2024", "X1"), E("01/05/2024", "P", "U6").to("01/09/2024", "X1"),
               E("01/09/2024", "P", "K2").to("31/03/2025", "E4A")}),
        // F: repaired chain: the first episode's DEC 01/04/2024 was filled in by stacking with X1. U4
        // ended on 01/04/2024 (the window's first day) so it counts; U6; K1: 3 -> numerator.
        child("F", "01/01/2012",
              {E("01/01/2019", "S", "U4").to("01/04/2024", "X1"), E("01/04/2024", "P", "U6").to("01/08/2024", "X1"),
               E("01/08/2024", "P", "K1")}),
        // G: only short breaks (V3), open at 31 March: dropped -> not CLA.
        child("G", "01/01/2012", {E("01/03/2025", "S", "U6").legal("V3")}),
        // H: U4 ended 31/03/2024 (before W): U6, K1: 2 -> not numerator.
        child("H", "01/01/2012",
              {E("01/01/2019", "S", "U4").to("31/03/2024", "X1"), E("31/03/2024", "P", "U6").to("01/08/2024", "X1"),
               E("01/08/2024", "P", "K1")}),
    };
    // Default: cohort A, B, C, D, F, H = 6; numerator A, F = 2.
    EXPECT_TRUE(is(compute(kids), "stability_short", "", 2, 6));
    // placements.after_temporary = ByRne: B has 3 -> 3/6.
    EXPECT_TRUE(is(compute(kids, by_rne()), "stability_short", "", 3, 6));
    // placements.count_zero_day: D has 3 -> 3/6.
    EXPECT_TRUE(is(compute(kids, count_zero_day()), "stability_short", "", 3, 6));
    // No history flag on stability_short (spec 7: only stability_long and stability_short_2y carry it).
    EXPECT_FALSE(row(compute(kids), "stability_short").incomplete_history.has_value());
}

// stability_long. Cohort: CLA at 31/03/2025, under 16 at 31/03/2025, current period began on or before
// 30/09/2022. Numerator: current placement began on or before 31/03/2023.
TEST(MeasureStability, LongSamePlacementTwoYears) {
    std::vector<ChildSpec> kids = {
        // L1: period began exactly 30/09/2022 (the 2.5-year day): in; placement began then -> numerator.
        child("L1", "01/06/2012", in_care_since("30/09/2022")),
        // L2: period began 01/10/2022: not in the cohort.
        child("L2", "01/06/2012", in_care_since("01/10/2022")),
        // L3: 16th birthday on 31/03/2025: aged 16 at 31 March: not under 16, out.
        child("L3", "31/03/2009", in_care_since("01/01/2015")),
        // L4: 16th birthday on 01/04/2025: aged 15 at 31 March: in; placement since 2015 -> numerator.
        child("L4", "01/04/2009", in_care_since("01/01/2015")),
        // L5: on a temporary stay (T2) at 31 March: the placement before (since 2020) is current (8.12)
        // -> in, numerator.
        child("L5", "01/06/2012",
              {E("01/01/2020", "S", "U4").to("20/03/2025", "X1").post("CV1 1AA"),
               E("20/03/2025", "P", "T2").post("")}),
        // L6: moved (P) on 01/04/2023, one day too late: in the cohort, not the numerator.
        child("L6", "01/06/2012", {E("01/01/2020", "S", "U4").to("01/04/2023", "X1"), E("01/04/2023", "P", "U6")}),
        // L7: moved (P) on 31/03/2023: numerator.
        child("L7", "01/06/2012", {E("01/01/2020", "S", "U4").to("31/03/2023", "X1"), E("31/03/2023", "P", "U6")}),
        // L8: placed for adoption with the foster carer (RNE T to A5) on 01/09/2024: same placement since
        // 2020 -> numerator.
        child("L8", "01/06/2012", {E("01/01/2020", "S", "U4").to("01/09/2024", "X1"), E("01/09/2024", "T", "A5")}),
        // L9: an earlier period ended E4B in 2022; the current one began 01/11/2022: out.
        child("L9", "01/06/2012", {E("01/01/2015", "S", "U4").to("01/01/2022", "E4B"), E("01/11/2022", "S", "U4")}),
        // L10: back from hospital (T1) with RNE P to another carer on 10/03/2025: a new placement -> in the
        // cohort, not the numerator.
        child("L10", "01/06/2012",
              {E("01/01/2020", "S", "U4").to("01/03/2025", "X1").post("CV1 1AA"),
               E("01/03/2025", "P", "T1").to("10/03/2025", "X1").post(""),
               E("10/03/2025", "P", "U6").post("CV6 6FF")}),
        // L11: ceased on 31/03/2025: not CLA.
        child("L11", "01/06/2012", {E("01/01/2015", "S", "U4").to("31/03/2025", "E11")}),
        // L12: born 29/02/2012: aged 13 at 31/03/2025: in; numerator.
        child("L12", "29/02/2012", in_care_since("01/01/2016")),
    };
    // Cohort: L1, L4, L5, L6, L7, L8, L10, L12 = 8. Numerator: L1, L4, L5, L7, L8, L12 = 6.
    auto r = compute(kids);
    EXPECT_TRUE(is(r, "stability_long", "", 6, 8));
    EXPECT_EQ(row(r, "stability_long").incomplete_history, std::optional<bool>(false));
}

// stability_short_2y. Cohort (default [choice]): CLA at 31/03/2025 whose current period began on or before
// 31/03/2023. Numerator: placements counted in 01/04/2023 .. 31/03/2025 >= 3.
TEST(MeasureStability, ShortTwoYears) {
    std::vector<ChildSpec> kids = {
        // T1: period began exactly 31/03/2023: in. U4, U6, K2 all touch the 2 years: 3 -> numerator.
        child("T1", "01/01/2012",
              {E("31/03/2023", "S", "U4").to("01/06/2023", "X1"), E("01/06/2023", "P", "U6").to("01/06/2024", "X1"),
               E("01/06/2024", "P", "K2")}),
        // T2: period began 01/04/2023: out by default; in (and numerator, 3) when every CLA child counts.
        child("T2", "01/01/2012",
              {E("01/04/2023", "S", "U4").to("01/06/2023", "X1"), E("01/06/2023", "P", "U6").to("01/06/2024", "X1"),
               E("01/06/2024", "P", "K2")}),
        // T3: U4 ended 01/04/2023, the first day of the 2 years: counts; U6; K2: 3 -> numerator.
        child("T3", "01/01/2012",
              {E("01/01/2020", "S", "U4").to("01/04/2023", "X1"), E("01/04/2023", "P", "U6").to("01/01/2025", "X1"),
               E("01/01/2025", "P", "K2")}),
        // T4: U4 ended 31/03/2023, before the 2 years: U6, K2: 2 -> not numerator.
        child("T4", "01/01/2012",
              {E("01/01/2020", "S", "U4").to("31/03/2023", "X1"), E("31/03/2023", "P", "U6").to("01/01/2025", "X1"),
               E("01/01/2025", "P", "K2")}),
        // T5: one placement since 2020: in, not numerator.
        child("T5", "01/01/2012", in_care_since("01/01/2020")),
    };
    // Default: cohort T1, T3, T4, T5 = 4; numerator T1, T3 = 2.
    EXPECT_TRUE(is(compute(kids), "stability_short_2y", "", 2, 4));
    // two_year_cohort = AllLookedAfter: cohort 5, numerator T1, T2, T3 = 3.
    Choices all;
    all.two_year_cohort = Choices::TwoYearCohort::AllLookedAfter;
    EXPECT_TRUE(is(compute(kids, all), "stability_short_2y", "", 3, 5));
    EXPECT_EQ(row(compute(kids), "stability_short_2y").incomplete_history, std::optional<bool>(false));
}

// moves_unplanned: counted placements of any child that ended in W with a REASON_PLACE_CHANGE; numerator
// the reasons CREQB, CREQO, ALLEG, STAND, APPRR, CLOSE, CHILD. The reason is the one on the placement's
// last non-temporary episode (8.13); a 0-day placement is not an ending (8.13).
TEST(MeasureStability, MovesUnplanned) {
    std::vector<ChildSpec> kids = {
        // M1: U4 ends 01/05/2024 CREQB (unplanned); U6 ends 01/09/2024 CARPL (planned). 2 endings, 1.
        child("M1", "01/01/2012",
              {E("01/01/2020", "S", "U4").to("01/05/2024", "X1").why("CREQB"),
               E("01/05/2024", "P", "U6").to("01/09/2024", "X1").why("CARPL"), E("01/09/2024", "P", "K2")}),
        // M2: U4 ended 31/03/2024 ALLEG: before W, no. U6 ended 01/04/2024 STAND: yes, unplanned. K2 ended
        // 15/02/2025 (period ends E4A) CHILD: yes, unplanned. 2 endings, 2.
        child("M2", "01/01/2012",
              {E("01/01/2022", "S", "U4").to("31/03/2024", "X1").why("ALLEG"),
               E("31/03/2024", "P", "U6").to("01/04/2024", "X1").why("STAND"),
               E("01/04/2024", "P", "K2").to("15/02/2025", "E4A").why("CHILD")}),
        // M3: an ending with no reason: not an ending for this measure. 0.
        child("M3", "01/01/2012", {E("01/01/2022", "S", "U4").to("01/06/2024", "X1"), E("01/06/2024", "P", "U6")}),
        // M4: U4 (reason none) -> T1 stay (its ALLEG is on a temporary episode: ignored) -> P U6 elsewhere,
        // ends 01/12/2024 CLOSE: U4's ending has no reason; U6's CLOSE is unplanned. 1 ending, 1.
        child("M4", "01/01/2012",
              {E("01/01/2022", "S", "U4").to("01/06/2024", "X1").post("CV1 1AA"),
               E("01/06/2024", "P", "T1").to("05/06/2024", "X1").why("ALLEG").post(""),
               E("05/06/2024", "P", "U6").to("01/12/2024", "X1").why("CLOSE").post("CV6 6FF"),
               E("01/12/2024", "P", "K2")}),
        // M5: a zero-day placement (10/05/2024, E13, CHILD): not counted -> not an ending. With
        // count_zero_day: 1 ending, 1 unplanned.
        child("M5", "01/01/2012", {E("10/05/2024", "S", "U6").to("10/05/2024", "E13").why("CHILD")}),
        // M6: S U4 (STAND on it, but L continues the placement) -> L U4 ends 01/10/2024 CREQO: the
        // placement's reason is CREQO on its last episode: 1 ending, 1 unplanned.
        child("M6", "01/01/2012",
              {E("01/01/2022", "S", "U4").to("01/07/2024", "X1").why("STAND"),
               E("01/07/2024", "L", "U4").to("01/10/2024", "X1").why("CREQO"), E("01/10/2024", "P", "U6")}),
    };
    // Default: endings 2 + 2 + 0 + 1 + 0 + 1 = 6; unplanned 1 + 2 + 1 + 1 = 5.
    EXPECT_TRUE(is(compute(kids), "moves_unplanned", "", 5, 6));
    // count_zero_day: M5's CHILD ending counts: 6/7.
    EXPECT_TRUE(is(compute(kids, count_zero_day()), "moves_unplanned", "", 6, 7));
    // unplanned_reasons = {CREQB, CREQO}: M1's CREQB, M6's CREQO: 2/6.
    Choices narrow;
    narrow.unplanned_reasons = {"CREQB", "CREQO"};
    EXPECT_TRUE(is(compute(kids, narrow), "moves_unplanned", "", 2, 6));
}

// sw_stability: CLA at 31 March; numerator: 3 or more distinct SW_IDs over SW episodes overlapping W (one
// ending on 01/04/2024 overlaps, 8.19); an "XX" SW_ID counts once per episode [choice].
TEST(MeasureStability, SocialWorkers) {
    using measures::SocialWorkerEpisode;
    auto sw = [](std::string id, std::string_view from, std::optional<std::string_view> to) {
        return SocialWorkerEpisode{std::move(id), d(from), to ? std::optional(d(*to)) : std::nullopt};
    };
    auto s1 = child("S1", "01/01/2012", in_care_since("01/01/2023"));
    // SW1 ends 01/04/2024: overlaps. SW2, SW3: 3 -> numerator.
    s1.child.social_workers = {sw("SW1", "01/01/2023", "01/04/2024"), sw("SW2", "01/04/2024", "01/10/2024"),
                               sw("SW3", "01/10/2024", std::nullopt)};
    auto s2 = child("S2", "01/01/2012", in_care_since("01/01/2023"));
    // SW1 ended 31/03/2024: no. SW2, SW3: 2 -> not.
    s2.child.social_workers = {sw("SW1", "01/01/2023", "31/03/2024"), sw("SW2", "31/03/2024", "01/10/2024"),
                               sw("SW3", "01/10/2024", std::nullopt)};
    auto s3 = child("S3", "01/01/2012", in_care_since("01/01/2023"));
    // SW7 twice: distinct SW7, SW8: 2 -> not.
    s3.child.social_workers = {sw("SW7", "01/01/2024", "01/06/2024"), sw("SW8", "01/06/2024", "01/09/2024"),
                               sw("SW7", "01/09/2024", std::nullopt)};
    auto s4 = child("S4", "01/01/2012", in_care_since("01/01/2023"));
    // XX0000001 in two episodes + SW5: per episode 2 + 1 = 3 -> numerator; all XX as one worker: 2 -> not.
    s4.child.social_workers = {sw("XX0000001", "01/01/2024", "01/06/2024"), sw("SW5", "01/06/2024", "01/09/2024"),
                               sw("XX0000001", "01/09/2024", std::nullopt)};
    auto s5 = child("S5", "01/01/2012", in_care_since("01/01/2023"));
    // SW3 starts 01/04/2025, after W: SW1, SW2: 2 -> not.
    s5.child.social_workers = {sw("SW1", "01/01/2024", "01/03/2025"), sw("SW2", "01/03/2025", std::nullopt),
                               sw("SW3", "01/04/2025", std::nullopt)};
    auto s6 = child("S6", "01/01/2012", {E("01/01/2023", "S", "U4").to("31/03/2025", "E4A")});
    // Ceased 31/03/2025: not in the cohort, whatever its workers.
    s6.child.social_workers = {sw("SW1", "01/01/2024", "01/06/2024"), sw("SW2", "01/06/2024", "01/09/2024"),
                               sw("SW3", "01/09/2024", "31/03/2025")};
    std::vector<ChildSpec> kids = {s1, s2, s3, s4, s5, s6};
    // Default: cohort S1..S5 = 5; numerator S1, S4 = 2.
    EXPECT_TRUE(is(compute(kids), "sw_stability", "", 2, 5));
    // unknown_worker_per_episode = false: S4 has 2: 1/5.
    Choices one;
    one.unknown_worker_per_episode = false;
    EXPECT_TRUE(is(compute(kids, one), "sw_stability", "", 1, 5));
}

// ---------------------------------------------------------------------------------------------------
// Section 2: cla_31mar, started_in_year, ceased_in_year (8.9).
TEST(MeasureLookedAfter, LookedAfterStartedAndCeased) {
    std::vector<ChildSpec> kids = {
        // C1: in care since 2020: CLA; neither started nor ceased in W.
        child("C1", "01/01/2012", in_care_since("01/01/2020")),
        // C2: started 01/04/2024 (W's first day): CLA, started.
        child("C2", "01/01/2012", in_care_since("01/04/2024")),
        // C3: 01/06/2024 .. 31/03/2025 E11: ended on 31 March: ceased (adopted), not CLA; started.
        child("C3", "01/01/2020", {E("01/06/2024", "S", "A5").to("31/03/2025", "E11")}),
        // C4: ended 31/03/2024, before W: nothing.
        child("C4", "01/01/2012", {E("01/01/2020", "S", "U4").to("31/03/2024", "E4A")}),
        // C5: ended 01/04/2024 E43 (an old SGO code): ceased sgo.
        child("C5", "01/01/2012", {E("01/01/2020", "S", "U4").to("01/04/2024", "E43")}),
        // C6: X1 chain then E44 on 01/08/2024: one period, ceased sgo.
        child("C6", "01/01/2012",
              {E("01/01/2020", "S", "U4").to("01/05/2024", "X1"), E("01/05/2024", "P", "U6").to("01/08/2024", "E44")}),
        // C7: an X1 ending on 01/09/2024 with nothing starting that day: the period ended, group other;
        // a new period from 01/11/2024: started, CLA.
        child("C7", "01/01/2012", {E("01/01/2022", "S", "U4").to("01/09/2024", "X1"), E("01/11/2024", "S", "U6")}),
        // C8: ten periods ending in W: E4B (began 2023: not started in W), then nine that began in W:
        // E41, E5, E6, E17, E9, E3, E13 (other), E12 (adopted), E2 (other, ends 31/03/2025).
        child("C8", "01/01/2008",
              {E("01/01/2023", "S", "U4").to("10/04/2024", "E4B"), E("01/05/2024", "S", "U4").to("10/05/2024", "E41"),
               E("01/06/2024", "S", "U4").to("10/06/2024", "E5"), E("01/07/2024", "S", "U4").to("10/07/2024", "E6"),
               E("01/08/2024", "S", "U4").to("10/08/2024", "E17"), E("01/09/2024", "S", "U4").to("10/09/2024", "E9"),
               E("01/10/2024", "S", "U4").to("10/10/2024", "E3"), E("01/11/2024", "S", "U4").to("10/11/2024", "E13"),
               E("01/12/2024", "S", "U4").to("10/12/2024", "E12"), E("01/01/2025", "S", "U4").to("31/03/2025", "E2")}),
        // C9: short breaks only (V3, ended in W; V4 open at 31 March): dropped: nothing.
        child("C9", "01/01/2012",
              {E("01/05/2024", "S", "U6").to("03/05/2024", "E8").legal("V3"), E("01/03/2025", "S", "U6").legal("V4")}),
        // C10: DEC 01/04/2025, after 31 March: CLA; period neither started nor ended in W.
        child("C10", "01/01/2012", {E("01/01/2024", "S", "U4").to("01/04/2025", "E4A")}),
        // C11: started 31/03/2025: CLA, started.
        child("C11", "01/01/2012", in_care_since("31/03/2025")),
        // C12: started 31/03/2024: CLA, not started in W.
        child("C12", "01/01/2012", in_care_since("31/03/2024")),
        // C13: repaired chain (DEC 01/07/2024 filled in with X1 by stacking): one period since 2020: CLA,
        // not started, not ceased.
        child("C13", "01/01/2012", {E("01/01/2020", "S", "U4").to("01/07/2024", "X1"), E("01/07/2024", "P", "U6")}),
        // C14: a V3 short break chained X1 into a C2 episode on 01/06/2024: the V3 episode is dropped, the
        // C2 episode starts a period in W: started, CLA.
        child("C14", "01/01/2012",
              {E("01/05/2024", "S", "U6").to("01/06/2024", "X1").legal("V3"), E("01/06/2024", "B", "K2")}),
    };
    auto r = compute(kids);
    // CLA: C1, C2, C7, C10, C11, C12, C13, C14 = 8.
    EXPECT_TRUE(is_count(r, "cla_31mar", "", 8));
    // Started: C2, C3, C7 (2nd), C8 x9, C11, C14 = 14.
    EXPECT_TRUE(is_count(r, "started_in_year", "", 14));
    // Ceased: C3, C5, C6, C7, C8 x10 = 14.
    EXPECT_TRUE(is_count(r, "ceased_in_year", "", 14));
    EXPECT_TRUE(is(r, "ceased_in_year", "adopted", 2, 14));              // C3 E11, C8 E12
    EXPECT_TRUE(is(r, "ceased_in_year", "sgo", 2, 14));                  // C5 E43, C6 E44
    EXPECT_TRUE(is(r, "ceased_in_year", "returned_home", 1, 14));        // C8 E4B
    EXPECT_TRUE(is(r, "ceased_in_year", "cao", 1, 14));                  // E41
    EXPECT_TRUE(is(r, "ceased_in_year", "independent_living", 2, 14));   // E5, E6
    EXPECT_TRUE(is(r, "ceased_in_year", "aged18_remained", 1, 14));      // E17
    EXPECT_TRUE(is(r, "ceased_in_year", "custody", 1, 14));              // E9
    EXPECT_TRUE(is(r, "ceased_in_year", "transferred", 1, 14));          // E3
    EXPECT_TRUE(is(r, "ceased_in_year", "other", 3, 14));                // C7 X1, C8 E13, C8 E2
    // 2/14 = 14.2857% -> 14.3.
    EXPECT_EQ(row(r, "ceased_in_year", "adopted").tenths(), 143);
}

// The SGO group is E43-E48 (8.9).
TEST(MeasureLookedAfter, SgoGroupIsE43ToE48) {
    std::vector<ChildSpec> kids;
    int n = 0;
    for (const char* rec : {"E43", "E44", "E45", "E46", "E47", "E48", "E4A"})
        kids.push_back(child("G" + std::to_string(++n), "01/01/2012", {E("01/01/2020", "S", "U4").to("01/06/2024", rec)}));
    auto r = compute(kids);
    EXPECT_TRUE(is_count(r, "ceased_in_year", "", 7));
    EXPECT_TRUE(is(r, "ceased_in_year", "sgo", 6, 7));
    EXPECT_TRUE(is(r, "ceased_in_year", "returned_home", 1, 7));
    EXPECT_TRUE(is(r, "ceased_in_year", "other", 0, 7));
}

// placement_type: CLA at 31 March by the group of the current placement's PLACE; during a temporary
// stay, the placement before it (8.12); with several open episodes, the latest DECOM (8.10).
TEST(MeasureLookedAfter, PlacementType) {
    std::vector<ChildSpec> kids = {
        child("P1", "01/01/2012", in_care_since("01/01/2020", "U1")),   // foster
        child("P2", "01/01/2012", in_care_since("01/01/2020", "U6")),   // foster
        // P3: U4 then placed for adoption with the same carers (RNE T, A5): adoption.
        child("P3", "01/01/2020", {E("01/01/2021", "S", "U4").to("01/09/2024", "X1"), E("01/09/2024", "T", "A5")}),
        child("P4", "01/01/2012", in_care_since("01/01/2020", "P1")),   // parents
        child("P5", "01/01/2012", in_care_since("01/01/2020", "K2")),   // childrens_homes
        child("P6", "01/01/2008", in_care_since("01/01/2020", "H5")),   // supported
        child("P7", "01/01/2008", in_care_since("01/01/2020", "K3")),   // supported
        child("P8", "01/01/2008", in_care_since("01/01/2020", "P2")),   // supported
        child("P9", "01/01/2012", in_care_since("01/01/2020", "S1")),   // residential_school
        child("P10", "01/01/2012", in_care_since("01/01/2020", "R1")),  // other
        child("P11", "01/01/2012", in_care_since("01/01/2020", "Z1")),  // other
        // P12: K1, then in hospital (T1) over 31 March: childrens_homes.
        child("P12", "01/01/2012", {E("01/01/2020", "S", "K1").to("01/03/2025", "X1"), E("01/03/2025", "P", "T1")}),
        // P13: U4, then T3 (respite while the carer is on holiday) over 31 March: foster.
        child("P13", "01/01/2012", {E("01/01/2020", "S", "U4").to("25/03/2025", "X1"), E("25/03/2025", "P", "T3")}),
        // P14: K2 but ceased on 31 March: not CLA.
        child("P14", "01/01/2012", {E("01/01/2020", "S", "K2").to("31/03/2025", "E4A")}),
        // P15: two open episodes, U4 (2020) and K2 (2024): the later decides: childrens_homes.
        child("P15", "01/01/2012", {E("01/01/2020", "S", "U4"), E("01/06/2024", "S", "K2")}),
    };
    auto r = compute(kids);
    // CLA: P1-P13, P15 = 14. foster P1, P2, P13 = 3; adoption P3 = 1; parents P4 = 1; childrens_homes P5,
    // P12, P15 = 3; supported P6, P7, P8 = 3; residential_school P9 = 1; other P10, P11 = 2. Sum 14.
    EXPECT_TRUE(is_count(r, "cla_31mar", "", 14));
    EXPECT_TRUE(is(r, "placement_type", "foster", 3, 14));
    EXPECT_TRUE(is(r, "placement_type", "adoption", 1, 14));
    EXPECT_TRUE(is(r, "placement_type", "parents", 1, 14));
    EXPECT_TRUE(is(r, "placement_type", "childrens_homes", 3, 14));
    EXPECT_TRUE(is(r, "placement_type", "supported", 3, 14));
    EXPECT_TRUE(is(r, "placement_type", "residential_school", 1, 14));
    EXPECT_TRUE(is(r, "placement_type", "other", 2, 14));
}

// uasc: CLA at 31 March with a UASC row whose DUC is empty or after 31/03/2025.
TEST(MeasureLookedAfter, Uasc) {
    auto u1 = child("U1", "01/01/2010", in_care_since("01/01/2024"));
    u1.child.uasc_row = true;   // DUC empty: yes
    auto u2 = child("U2", "01/01/2010", in_care_since("01/01/2024"));
    u2.child.uasc_row = true;
    u2.child.uasc_ceased = d("31/03/2025");   // ceased on 31 March: no
    auto u3 = child("U3", "01/01/2010", in_care_since("01/01/2024"));
    u3.child.uasc_row = true;
    u3.child.uasc_ceased = d("01/04/2025");   // after 31 March: yes
    auto u4 = child("U4", "01/01/2010", in_care_since("01/01/2024"));   // no row: no
    auto u5 = child("U5", "01/01/2010", {E("01/01/2024", "S", "U4").to("01/02/2025", "E4A")});
    u5.child.uasc_row = true;   // not CLA
    // Cohort U1-U4 = 4; numerator U1, U3 = 2.
    EXPECT_TRUE(is(compute({u1, u2, u3, u4, u5}), "uasc", "", 2, 4));
}

// review_participation: reviews in W of children looked after at any time in W (8.14), aged 4 or over at
// the review date (Header DOB, 8.16); numerator PN1-PN6 (PN0 and PN7 are not).
TEST(MeasureLookedAfter, ReviewParticipation) {
    using measures::Review;
    auto r1 = child("R1", "15/06/2020", in_care_since("01/01/2023"));
    r1.child.reviews = {
        {d("01/05/2024"), "PN0"},   // aged 3: not counted at all
        {d("15/06/2024"), "PN1"},   // 4th birthday: aged 4 -> denominator, numerator
        {d("01/10/2024"), "PN7"},   // denominator only
        {d("01/02/2025"), "PN6"},   // denominator, numerator
        {d("31/03/2024"), "PN1"},   // before W
        {d("01/04/2025"), "PN1"},   // after W
    };
    // R2: left care 01/04/2024 (looked after on W's first day, 8.8); review that day PN5: counts, numerator.
    auto r2 = child("R2", "01/01/2010", {E("01/01/2020", "S", "U4").to("01/04/2024", "E4A")});
    r2.child.reviews = {{d("01/04/2024"), "PN5"}};
    // R3: left care 31/03/2024: not looked after in W; its review is not counted.
    auto r3 = child("R3", "01/01/2010", {E("01/01/2020", "S", "U4").to("31/03/2024", "E4A")});
    r3.child.reviews = {{d("01/04/2024"), "PN1"}};
    // R4: aged 12: PN0 (wrongly coded) -> denominator only; PN4 -> numerator.
    auto r4 = child("R4", "01/01/2012", in_care_since("01/01/2020"));
    r4.child.reviews = {{d("01/09/2024"), "PN0"}, {d("01/12/2024"), "PN4"}};
    // R5: only short breaks: not looked after.
    auto r5 = child("R5", "01/01/2010", {E("01/05/2024", "S", "U6").legal("V3")});
    r5.child.reviews = {{d("01/06/2024"), "PN1"}};
    // Denominator: R1 3 + R2 1 + R4 2 = 6. Numerator: R1 2 + R2 1 + R4 1 = 4. 4/6 = 66.67% -> 66.7.
    auto r = compute({r1, r2, r3, r4, r5});
    EXPECT_TRUE(is(r, "review_participation", "", 4, 6));
    EXPECT_EQ(row(r, "review_participation").tenths(), 667);
}

// 8.16: a 29 February birthday falls on 1 March in other years. 2100 is not a leap year, so a child born
// 29/02/2096 turns 4 on 01/03/2100: a review on 28/02/2100 is of a 3-year-old (not counted), one on
// 01/03/2100 of a 4-year-old. Y = 2100: W = 01/04/2099 .. 31/03/2100.
TEST(MeasureAges, LeapDayBirthdayFallsOnFirstMarch) {
    EXPECT_EQ(care::age_on(d("29/02/2008"), d("28/02/2025")), 16);
    EXPECT_EQ(care::age_on(d("29/02/2008"), d("01/03/2025")), 17);
    EXPECT_EQ(care::age_on(d("29/02/2008"), d("28/02/2024")), 15);
    EXPECT_EQ(care::age_on(d("29/02/2008"), d("29/02/2024")), 16);
    EXPECT_EQ(care::age_on(d("29/02/2096"), d("28/02/2100")), 3);
    EXPECT_EQ(care::age_on(d("29/02/2096"), d("01/03/2100")), 4);
    auto c = child("R", "29/02/2096", in_care_since("01/01/2099"));
    c.child.reviews = {{d("28/02/2100"), "PN1"}, {d("01/03/2100"), "PN7"}};
    // Denominator: the 01/03/2100 review only; numerator 0 (PN7). 0/1.
    EXPECT_TRUE(is(compute({c}, {}, 2100), "review_participation", "", 0, 1));
}

// ---------------------------------------------------------------------------------------------------
// Section 3: missing (M) and away (A). Cohort: looked after at any time in W. An incident counts when it
// overlaps W (one open on 1 April counts; one ending on 01/04 of Y-1 overlaps, 8.19); open at 31 March:
// MIS_START <= 31/03/Y and MIS_END empty or after 31 March (8.15); missing_open_31mar counts children.
namespace {

std::vector<ChildSpec> missing_council() {
    using measures::MissingIncident;
    auto inc = [](std::string type, std::string_view from, std::optional<std::string_view> to) {
        return MissingIncident{std::move(type), d(from), to ? std::optional(d(*to)) : std::nullopt};
    };
    auto k1 = child("K1", "01/01/2010", in_care_since("01/01/2020"));
    k1.child.missing = {inc("M", "01/03/2024", "05/04/2024"), inc("M", "01/06/2024", "02/06/2024"),
                        inc("A", "01/03/2025", std::nullopt)};
    auto k2 = child("K2", "01/01/2010", in_care_since("01/01/2020"));
    k2.child.missing = {inc("M", "01/01/2024", "01/04/2024"), inc("M", "20/03/2024", "31/03/2024"),
                        inc("M", "30/03/2025", "01/04/2025")};
    auto k3 = child("K3", "01/01/2010", {E("01/01/2020", "S", "U4").to("01/06/2024", "E4A")});
    k3.child.missing = {inc("A", "01/05/2024", "03/05/2024"), inc("A", "10/05/2024", "11/05/2024"),
                        inc("A", "15/05/2024", "16/05/2024")};
    auto k4 = child("K4", "01/01/2010", in_care_since("01/01/2020"));
    auto k5 = child("K5", "01/01/2010", {E("01/01/2020", "S", "U4").to("31/03/2024", "E4A")});
    k5.child.missing = {inc("M", "01/04/2024", "02/04/2024")};
    auto k6 = child("K6", "01/01/2010", in_care_since("01/01/2020"));
    k6.child.missing = {inc("M", "31/03/2025", "31/03/2025"), inc("M", "01/04/2025", std::nullopt)};
    return {k1, k2, k3, k4, k5, k6};
}

}  // namespace

TEST(MeasureMissing, Year2025) {
    // Cohort: K1, K2, K3 (left 01/06/2024), K4, K6 = 5; K5 left 31/03/2024: not in it, nor its incident.
    // M: K1 01/03-05/04/2024 (open on 1 April: counts), 01/06/2024: 2. K2 01/01-01/04/2024 (ends on
    //    01/04/2024: overlaps), 20/03-31/03/2024 (no), 30/03/2025-01/04/2025: 2. K6 31/03/2025 (counts;
    //    ended on 31 March so not open), 01/04/2025 (after W): 1. Children 3, incidents 5.
    //    Open at 31/03/2025: K2's (ends 01/04/2025) -> 1 child.
    // A: K1 01/03/2025 open: 1 (open at 31 March). K3: 3. Children 2, incidents 4, open 1 (K1).
    auto r = compute(missing_council());
    EXPECT_TRUE(is(r, "missing_pct", "M", 3, 5));
    EXPECT_TRUE(is(r, "missing_pct", "A", 2, 5));
    EXPECT_TRUE(is(r, "missing_incidents", "M", 5, 3));
    EXPECT_TRUE(is(r, "missing_incidents", "A", 4, 2));
    EXPECT_TRUE(is_count(r, "missing_open_31mar", "M", 1));
    EXPECT_TRUE(is_count(r, "missing_open_31mar", "A", 1));
    EXPECT_EQ(row(r, "missing_incidents", "M").kind, Kind::Mean);
    EXPECT_EQ(row(r, "missing_incidents", "M").tenths(), 17);   // 5/3 = 1.67 -> 1.7
    EXPECT_EQ(row(r, "missing_incidents", "A").tenths(), 20);   // 2.0
    EXPECT_EQ(row(r, "missing_pct", "M").tenths(), 600);
}

TEST(MeasureMissing, Year2024IncidentOpenAcrossFirstAprilCountsInBothYears) {
    // Y = 2024, W = 01/04/2023 .. 31/03/2024. Cohort: all six children (K5 was in care until 31/03/2024).
    // M: K1 01/03-05/04/2024 (counts in 2024 too, and is open at 31/03/2024); K2 01/01-01/04/2024 (open at
    //    31 March: ends after it) and 20/03-31/03/2024 (counts; not open). Children 2, incidents 3, open 2.
    // A: nothing in W(2024): 0 children, 0 incidents: missing_incidents A has no value.
    auto r = compute(missing_council(), {}, 2024);
    EXPECT_TRUE(is(r, "missing_pct", "M", 2, 6));
    EXPECT_TRUE(is(r, "missing_pct", "A", 0, 6));
    EXPECT_TRUE(is(r, "missing_incidents", "M", 3, 2));
    EXPECT_TRUE(is(r, "missing_incidents", "A", 0, 0));
    EXPECT_FALSE(row(r, "missing_incidents", "A").tenths().has_value());
    EXPECT_TRUE(is_count(r, "missing_open_31mar", "M", 2));
    EXPECT_TRUE(is_count(r, "missing_open_31mar", "A", 0));
    EXPECT_EQ(row(r, "missing_open_31mar", "A").tenths(), 0);   // a count of 0 has the value 0
}

// ---------------------------------------------------------------------------------------------------
// Section 4: OC2 rows of return Y; age at 31/03/2025 from the Header DOB.
TEST(MeasureHealth, Oc2Indicators) {
    // oc2(sdq, convicted, health_check, immunisations, teeth, assessment, substance)
    auto h1 = child("H1", "01/04/2021", in_care_since("01/06/2021"));   // aged 3
    h1.child.oc2 = oc2(std::nullopt, "", "1", "1", "0", "1", "0");
    auto h2 = child("H2", "31/03/2020", in_care_since("01/06/2021"));   // 5th birthday 31/03/2025: aged 5
    h2.child.oc2 = oc2(13, "", "", "0", "1", "1", "0");
    auto h3 = child("H3", "01/04/2020", in_care_since("01/06/2021"));   // 5th birthday 01/04/2025: aged 4
    h3.child.oc2 = oc2(std::nullopt, "", "0", "1", "1", "0", "0");
    auto h4 = child("H4", "01/01/2015", in_care_since("01/06/2021"));   // 10
    h4.child.oc2 = oc2(14, "1", "", "1", "1", "1", "0");
    auto h5 = child("H5", "01/04/2008", in_care_since("01/06/2021"));   // 17th birthday 01/04/2025: aged 16
    h5.child.oc2 = oc2(std::nullopt, "0", "", "1", "0", "1", "1");
    auto h6 = child("H6", "31/03/2008", in_care_since("01/06/2021"));   // 17th birthday 31/03/2025: aged 17
    h6.child.oc2 = oc2(20, "1", "", "0", "0", "0", "1");
    auto h7 = child("H7", "31/03/2007", in_care_since("01/06/2021"));   // 18
    h7.child.oc2 = oc2(std::nullopt, "1", "", "1", "1", "1", "0");
    auto h8 = child("H8", "01/01/2014", in_care_since("01/06/2021"));   // 11
    h8.child.oc2 = oc2(17, "0", "", "1", "1", "1", "0");
    auto h9 = child("H9", "01/01/2012", in_care_since("01/06/2021"));   // 13
    h9.child.oc2 = oc2(40, "", "", "0", "0", "1", "0");
    auto h10 = child("H10", "01/01/2016", in_care_since("01/06/2021"));   // 9
    h10.child.oc2 = oc2(0, "", "", "0", "0", "0", "0");
    auto none = child("N", "01/01/2016", in_care_since("01/06/2021"));   // no OC2 row: in nothing
    auto r = compute({h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, none});
    // health_assessment (all 10): H1, H2, H4, H5, H7, H8, H9 = 7.
    EXPECT_TRUE(is(r, "health_assessment", "", 7, 10));
    // immunisations: H1, H3, H4, H5, H7, H8 = 6.
    EXPECT_TRUE(is(r, "immunisations", "", 6, 10));
    // teeth_check: H2, H3, H4, H7, H8 = 5.
    EXPECT_TRUE(is(r, "teeth_check", "", 5, 10));
    // substance_misuse: H5, H6 = 2.
    EXPECT_TRUE(is(r, "substance_misuse", "", 2, 10));
    // development_check, aged 0-4: H1 (3, yes), H3 (4, no) = 1/2 (H2 is 5).
    EXPECT_TRUE(is(r, "development_check", "", 1, 2));
    // convicted, aged 10-17: H4 (yes), H5 (no), H6 (17, yes), H8 (no), H9 (missing: no) = 2/5; H7 is 18.
    EXPECT_TRUE(is(r, "convicted", "", 2, 5));
    // sdq_received, aged 5-16: H2 13, H4 14, H5 none, H8 17, H9 40, H10 0 = 5/6 (H6 is 17: out).
    EXPECT_TRUE(is(r, "sdq_received", "", 5, 6));
    // sdq_average: (13 + 14 + 17 + 40 + 0) / 5 = 84/5 = 16.8.
    EXPECT_TRUE(is(r, "sdq_average", "", 84, 5));
    EXPECT_EQ(row(r, "sdq_average").kind, Kind::Mean);
    EXPECT_EQ(row(r, "sdq_average").tenths(), 168);
    // sdq_concern (17-40): 17, 40 = 2/5; bands: normal 13, 0 = 2/5; borderline 14 = 1/5; concern 2/5.
    EXPECT_TRUE(is(r, "sdq_concern", "", 2, 5));
    EXPECT_TRUE(is(r, "sdq_band", "normal", 2, 5));
    EXPECT_TRUE(is(r, "sdq_band", "borderline", 1, 5));
    EXPECT_TRUE(is(r, "sdq_band", "concern", 2, 5));
}

// A mean of 2.25 rounds half up to 2.3 (spec 8.18, in integers).
TEST(MeasureHealth, SdqAverageRoundsHalfUp) {
    std::vector<ChildSpec> kids;
    int n = 0;
    for (int score : {1, 2, 3, 3}) {
        auto c = child("S" + std::to_string(++n), "01/01/2014", in_care_since("01/01/2020"));
        c.child.oc2 = oc2(score, "0", "", "1", "1", "1", "0");
        kids.push_back(c);
    }
    auto r = compute(kids);
    EXPECT_TRUE(is(r, "sdq_average", "", 9, 4));
    EXPECT_EQ(row(r, "sdq_average").tenths(), 23);
    EXPECT_EQ(measures::tenths_text(*row(r, "sdq_average").tenths()), "2.3");
}

// ---------------------------------------------------------------------------------------------------
// Section 5 with 8.17: OC3 rows by age at 31/03/2025: 17-18 and 19-21; outside 17-21 in neither. DIED,
// RHOM and those whose last period ended E3 are out of every indicator. ACCOM 0 stays in the
// accommodation denominator; ACCOM starting G, H or R leaves it.
TEST(MeasureCareLeavers, Oc3Indicators) {
    auto leaver = [](std::string id, std::string_view dob, std::string in_touch, std::string activ, std::string accom,
                     std::vector<care::Episode> eps = {}) {
        if (eps.empty()) eps = {E("01/01/2020", "S", "U4").to("01/01/2023", "E17")};
        auto c = child(std::move(id), dob, std::move(eps));
        c.child.oc3 = measures::CareLeaverRow{std::move(in_touch), std::move(activ), std::move(accom)};
        return c;
    };
    std::vector<ChildSpec> kids = {
        leaver("Q1", "01/06/2007", "YES", "F1", "U1"),    // 17
        leaver("Q2", "31/03/2007", "NO", "0", "0"),       // 18th birthday 31/03/2025: 18
        leaver("Q3", "01/04/2007", "YES", "G5", "B2"),    // 17
        leaver("Q4", "01/04/2008", "YES", "F2", "D1"),    // 16 (17th birthday 01/04/2025): neither group
        leaver("Q5", "31/03/2008", "YES", "P4", "G1"),    // 17th birthday 31/03/2025: 17
        leaver("Q6", "01/01/2005", "DIED", "0", "0"),     // 20, died: out
        leaver("Q7", "01/01/2004", "RHOM", "0", "0"),     // 21, returned home: out
        leaver("Q8", "01/01/2006", "YES", "F5", "U1",     // 19, last period ended E3: out
               {E("01/01/2020", "S", "U4").to("01/06/2022", "E3")}),
        leaver("Q9", "01/01/2006", "YES", "P1", "H1"),    // 19
        leaver("Q10", "01/04/2003", "REFU", "G4", "R1"),  // 22nd birthday 01/04/2025: 21
        leaver("Q11", "31/03/2003", "YES", "F1", "U1"),   // 22nd birthday 31/03/2025: 22: neither group
        leaver("Q12", "01/01/2005", "YES", "G6", "Z1",    // 20; an earlier period ended E3, the last E17: in
               {E("01/01/2018", "S", "U4").to("01/06/2019", "E3"), E("01/01/2020", "S", "U4").to("01/01/2023", "E17")}),
        leaver("Q13", "01/01/2005", "NREQ", "0", "0"),    // 20
    };
    auto r = compute(kids);
    // 17-18: Q1, Q2, Q3, Q5 = 4. In touch Q1, Q3, Q5 = 3. EET Q1 (F1), Q5 (P4) = 2. NEET Q3 (G5) = 1.
    // Higher education Q1 = 1. Accommodation: Q1 U1, Q2 0, Q3 B2 (Q5 G1 leaves) = 3; suitable Q1 = 1.
    EXPECT_TRUE(is(r, "cl_in_touch", "17-18", 3, 4));
    EXPECT_TRUE(is(r, "cl_eet", "17-18", 2, 4));
    EXPECT_TRUE(is(r, "cl_neet", "17-18", 1, 4));
    EXPECT_TRUE(is(r, "cl_higher_education", "17-18", 1, 4));
    EXPECT_TRUE(is(r, "cl_suitable_accommodation", "17-18", 1, 3));
    // 19-21: Q9, Q10, Q12, Q13 = 4. In touch Q9, Q12 = 2. EET Q9 (P1) = 1. NEET Q10 (G4), Q12 (G6) = 2.
    // Higher education Q9 = 1. Accommodation: Q12 Z1, Q13 0 (Q9 H1, Q10 R1 leave) = 2; suitable Q12 = 1.
    EXPECT_TRUE(is(r, "cl_in_touch", "19-21", 2, 4));
    EXPECT_TRUE(is(r, "cl_eet", "19-21", 1, 4));
    EXPECT_TRUE(is(r, "cl_neet", "19-21", 2, 4));
    EXPECT_TRUE(is(r, "cl_higher_education", "19-21", 1, 4));
    EXPECT_TRUE(is(r, "cl_suitable_accommodation", "19-21", 1, 2));
}

// ---------------------------------------------------------------------------------------------------
// Rounding (spec 7, 8.18): half up on exact integers, in tenths.
TEST(MeasureRounding, HalfUpInTenths) {
    measures::MeasureRow p;
    p.kind = Kind::Percent;
    p.numerator = 1;
    p.denominator = 8;   // 12.5%
    EXPECT_EQ(p.tenths(), 125);
    p.denominator = 6;   // 16.666..% -> 16.7
    EXPECT_EQ(p.tenths(), 167);
    p.numerator = 1;
    p.denominator = 16;   // 6.25% -> 6.3 (half up)
    EXPECT_EQ(p.tenths(), 63);
    p.numerator = 0;
    p.denominator = 0;   // a zero denominator has no value
    EXPECT_FALSE(p.tenths().has_value());
    measures::MeasureRow m;
    m.kind = Kind::Mean;
    m.numerator = 9;
    m.denominator = 4;   // 2.25 -> 2.3
    EXPECT_EQ(m.tenths(), 23);
    m.denominator = 0;
    EXPECT_FALSE(m.tenths().has_value());
    measures::MeasureRow c;
    c.kind = Kind::Count;
    c.numerator = 7;
    EXPECT_EQ(c.tenths(), 70);
    EXPECT_EQ(measures::round_half_up(5, 2), 3);   // 2.5 -> 3 for display
    EXPECT_EQ(measures::round_half_up(7, 4), 2);   // 1.75 -> 2
    EXPECT_EQ(measures::round_half_up(5, 4), 1);   // 1.25 -> 1
}

// Through the engine: 1 UASC child of 8 CLA -> 12.5 (125 tenths); of 6 -> 16.7; no CLA -> no value.
TEST(MeasureRounding, ThroughTheEngine) {
    auto make = [](int n) {
        std::vector<ChildSpec> kids;
        for (int i = 0; i < n; ++i) kids.push_back(child("C" + std::to_string(i), "01/01/2012", in_care_since("01/01/2020")));
        kids[0].child.uasc_row = true;
        return kids;
    };
    auto eight = compute(make(8));
    EXPECT_TRUE(is(eight, "uasc", "", 1, 8));
    EXPECT_EQ(row(eight, "uasc").tenths(), 125);
    auto six = compute(make(6));
    EXPECT_TRUE(is(six, "uasc", "", 1, 6));
    EXPECT_EQ(row(six, "uasc").tenths(), 167);
    auto none = compute({});
    EXPECT_TRUE(is(none, "uasc", "", 0, 0));
    EXPECT_FALSE(row(none, "uasc").tenths().has_value());
    EXPECT_FALSE(row(none, "stability_short").tenths().has_value());
    EXPECT_TRUE(is_count(none, "cla_31mar", "", 0));
    EXPECT_EQ(row(none, "cla_31mar").tenths(), 0);
}

// ---------------------------------------------------------------------------------------------------
// Spec 8.7: stability_long and stability_short_2y are marked incomplete unless every return Y-3..Y is
// loaded; the figure is still computed. No other plain row carries the flag.
TEST(MeasureHistory, IncompleteHistoryFlag) {
    std::vector<ChildSpec> kids = {child("A", "01/01/2012", in_care_since("01/01/2020"))};
    for (auto [years, incomplete] :
         std::vector<std::pair<std::vector<int>, bool>>{{{2022, 2023, 2024, 2025}, false},
                                                        {{2021, 2022, 2023, 2024, 2025}, false},
                                                        {{2023, 2024, 2025}, true},
                                                        {{2021, 2023, 2024, 2025}, true},
                                                        {{2022, 2023, 2024}, true}}) {
        SCOPED_TRACE(::testing::PrintToString(years));
        auto r = compute(kids, {}, 2025, true, years);
        EXPECT_TRUE(is(r, "stability_long", "", 1, 1));   // still computed
        EXPECT_TRUE(is(r, "stability_short_2y", "", 0, 1));
        for (const auto& m : r.rows) {
            bool carries = m.id == "stability_long" || m.id == "stability_short_2y";
            if (carries) {
                EXPECT_EQ(m.incomplete_history, std::optional<bool>(incomplete)) << describe(m);
            } else if (m.breakdown.empty()) {
                EXPECT_FALSE(m.incomplete_history.has_value()) << describe(m);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Spec 7: the rows emitted without --breakdowns, always, zero counts included; no placed_far without a
// coordinate file and no cla_rate without a population.
namespace {

using Key = std::pair<std::string, std::string>;

std::vector<Key> expected_plain_rows() {
    std::vector<Key> k;
    for (const char* id : {"stability_short", "stability_long", "stability_short_2y", "moves_unplanned", "sw_stability",
                           "cla_31mar", "started_in_year", "ceased_in_year", "uasc", "review_participation",
                           "health_assessment", "immunisations", "teeth_check", "development_check", "convicted",
                           "substance_misuse", "sdq_received", "sdq_average", "sdq_concern"})
        k.emplace_back(id, "");
    for (const char* g : {"adopted", "sgo", "returned_home", "cao", "independent_living", "aged18_remained", "custody",
                          "transferred", "other"})
        k.emplace_back("ceased_in_year", g);
    for (const char* g : {"foster", "adoption", "parents", "childrens_homes", "supported", "residential_school", "other"})
        k.emplace_back("placement_type", g);
    for (const char* id : {"missing_pct", "missing_incidents", "missing_open_31mar"})
        for (const char* t : {"M", "A"}) k.emplace_back(id, t);
    for (const char* b : {"normal", "borderline", "concern"}) k.emplace_back("sdq_band", b);
    for (const char* id : {"cl_in_touch", "cl_eet", "cl_neet", "cl_higher_education", "cl_suitable_accommodation"})
        for (const char* g : {"17-18", "19-21"}) k.emplace_back(id, g);
    return k;
}

std::vector<Key> keys(const measures::MeasureResult& r) {
    std::vector<Key> k;
    for (const auto& m : r.rows) k.emplace_back(m.id, m.breakdown);
    return k;
}

Kind expected_kind(const Key& k) {
    if (k.first == "cla_31mar" || k.first == "started_in_year" || (k.first == "ceased_in_year" && k.second.empty()) ||
        k.first == "missing_open_31mar")
        return Kind::Count;
    if (k.first == "sdq_average" || k.first == "missing_incidents") return Kind::Mean;
    return Kind::Percent;
}

}  // namespace

TEST(MeasureRows, EveryRowAlwaysEmittedWithZeroCounts) {
    auto r = compute({});
    auto got = keys(r);
    auto want = expected_plain_rows();
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want);   // each exactly once, nothing more
    for (const auto& m : r.rows) {
        EXPECT_EQ(m.kind, expected_kind({m.id, m.breakdown})) << describe(m);
        EXPECT_EQ(m.numerator, 0) << describe(m);
        EXPECT_EQ(m.denominator, 0) << describe(m);
        if (m.kind == Kind::Count) {
            EXPECT_EQ(m.tenths(), 0) << describe(m);
        } else {
            EXPECT_FALSE(m.tenths().has_value()) << describe(m);
        }
        EXPECT_EQ(m.breakdown.find(':'), std::string::npos) << "breakdown row without --breakdowns: " << describe(m);
    }
}

TEST(MeasureRows, OrderIsStable) {
    std::vector<ChildSpec> kids = {
        child("A", "01/01/2012", {E("01/01/2020", "S", "U4").to("01/05/2024", "X1"), E("01/05/2024", "P", "K2")}),
        child("B", "01/01/2008", {E("01/01/2020", "S", "U4").to("01/06/2024", "E4A")}),
    };
    kids[1].child.oc3 = measures::CareLeaverRow{"YES", "F1", "U1"};
    auto empty = keys(compute({}));
    EXPECT_EQ(keys(compute(kids)), empty);
    EXPECT_EQ(keys(compute(kids, by_rne())), empty);
    EXPECT_EQ(keys(compute(kids)), keys(compute(kids)));
    auto with = keys(compute(kids, {}, 2025, true));
    EXPECT_EQ(with, keys(compute({}, {}, 2025, true)));
    // The plain rows come in the same order with and without breakdowns, before the breakdown rows.
    ASSERT_GE(with.size(), empty.size());
    EXPECT_EQ(std::vector<Key>(with.begin(), with.begin() + static_cast<long>(empty.size())), empty);
}

// ---------------------------------------------------------------------------------------------------
// --breakdowns (spec 6, 7): the measures of the children looked after at 31 March by age band (age at 31
// March), sex, ethnicity group, UASC and placement group; every category always emitted; they add up.
namespace {

std::vector<ChildSpec> breakdown_council() {
    auto b1 = child("B1", "01/06/2024", in_care_since("01/07/2024", "U4"));   // age 0
    b1.child.sex = "F";
    b1.child.ethnic = "WBRI";
    auto b2 = child("B2", "01/01/2022", in_care_since("01/01/2024", "K2"));   // 3
    b2.child.sex = "M";
    b2.child.ethnic = "MWBA";
    auto b3 = child("B3", "31/03/2020", in_care_since("01/01/2024", "U6"));   // 5 on 31/03/2025
    b3.child.sex = "1";   // the 2023-24 code for male
    b3.child.ethnic = "AIND";
    auto b4 = child("B4", "01/04/2015", in_care_since("01/01/2024", "K2"));   // 9 (10 on 01/04/2025)
    b4.child.sex = "F";
    b4.child.ethnic = "BCRB";
    b4.child.uasc_row = true;
    auto b5 = child("B5", "31/03/2009", in_care_since("01/01/2024", "H5"));   // 16 on 31/03/2025
    b5.child.sex = "U";
    b5.child.ethnic = "CHNE";
    b5.child.uasc_row = true;
    b5.child.uasc_ceased = d("01/01/2025");   // no longer UASC
    // B6: 3 placements in the year -> stability_short numerator.
    auto b6 = child("B6", "01/01/2012",
                    {E("01/01/2020", "S", "U4").to("01/06/2024", "X1"), E("01/06/2024", "P", "U6").to("01/10/2024", "X1"),
                     E("01/10/2024", "P", "U1")});   // 13
    b6.child.sex = "F";
    b6.child.ethnic = "NOBT";
    b6.child.uasc_row = true;
    auto b7 = child("B7", "01/01/2014", in_care_since("01/01/2024", "P1"));   // 11
    b7.child.sex = "2";   // the 2023-24 code for female
    b7.child.ethnic = "REFU";
    auto b8 = child("B8", "01/01/2010", {E("01/01/2024", "S", "U4").to("01/02/2025", "E4A")});   // not CLA
    b8.child.sex = "M";
    return {b1, b2, b3, b4, b5, b6, b7, b8};
}

const std::vector<std::pair<std::string, std::vector<std::string>>>& dimensions() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> d = {
        {"age", {"under 1", "1-4", "5-9", "10-15", "16 and over"}},
        {"sex", {"M", "F", "U"}},
        {"ethnicity", {"White", "Mixed", "Asian", "Black", "Other", "Refused or not obtained"}},
        {"uasc", {"yes", "no"}},
        {"placement", {"foster", "adoption", "parents", "childrens_homes", "supported", "residential_school", "other"}},
    };
    return d;
}

}  // namespace

TEST(MeasureBreakdowns, CountsByGroup) {
    auto r = compute(breakdown_council(), {}, 2025, true);
    // CLA: B1-B7 = 7.
    EXPECT_TRUE(is_count(r, "cla_31mar", "", 7));
    // Age: under 1 B1; 1-4 B2; 5-9 B3, B4; 10-15 B6, B7; 16 and over B5.
    EXPECT_TRUE(is_count(r, "cla_31mar", "age:under 1", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "age:1-4", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "age:5-9", 2));
    EXPECT_TRUE(is_count(r, "cla_31mar", "age:10-15", 2));
    EXPECT_TRUE(is_count(r, "cla_31mar", "age:16 and over", 1));
    // Sex: M B2, B3 ("1"); F B1, B4, B6, B7 ("2"); U B5.
    EXPECT_TRUE(is_count(r, "cla_31mar", "sex:M", 2));
    EXPECT_TRUE(is_count(r, "cla_31mar", "sex:F", 4));
    EXPECT_TRUE(is_count(r, "cla_31mar", "sex:U", 1));
    // Ethnicity: White B1, Mixed B2, Asian B3, Black B4, Other B5 (CHNE), Refused or not obtained B6, B7.
    EXPECT_TRUE(is_count(r, "cla_31mar", "ethnicity:White", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "ethnicity:Mixed", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "ethnicity:Asian", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "ethnicity:Black", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "ethnicity:Other", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "ethnicity:Refused or not obtained", 2));
    // UASC: yes B4, B6 (B5's DUC 01/01/2025 is before 31 March); no 5.
    EXPECT_TRUE(is_count(r, "cla_31mar", "uasc:yes", 2));
    EXPECT_TRUE(is_count(r, "cla_31mar", "uasc:no", 5));
    // Placement: foster B1, B3, B6 = 3; childrens_homes B2, B4; parents B7; supported B5; others 0.
    EXPECT_TRUE(is_count(r, "cla_31mar", "placement:foster", 3));
    EXPECT_TRUE(is_count(r, "cla_31mar", "placement:adoption", 0));
    EXPECT_TRUE(is_count(r, "cla_31mar", "placement:parents", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "placement:childrens_homes", 2));
    EXPECT_TRUE(is_count(r, "cla_31mar", "placement:supported", 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "placement:residential_school", 0));
    EXPECT_TRUE(is_count(r, "cla_31mar", "placement:other", 0));
    // stability_short: 1/7 (B6), by B6's groups: age 10-15 1/2, sex F 1/4, ethnicity Refused 1/2, uasc yes
    // 1/2, placement foster 1/3; B2 alone in 1-4: 0/1.
    EXPECT_TRUE(is(r, "stability_short", "", 1, 7));
    EXPECT_TRUE(is(r, "stability_short", "age:10-15", 1, 2));
    EXPECT_TRUE(is(r, "stability_short", "age:1-4", 0, 1));
    EXPECT_TRUE(is(r, "stability_short", "sex:F", 1, 4));
    EXPECT_TRUE(is(r, "stability_short", "ethnicity:Refused or not obtained", 1, 2));
    EXPECT_TRUE(is(r, "stability_short", "uasc:yes", 1, 2));
    EXPECT_TRUE(is(r, "stability_short", "placement:foster", 1, 3));
    // uasc by uasc: yes 2/2, no 0/5.
    EXPECT_TRUE(is(r, "uasc", "uasc:yes", 2, 2));
    EXPECT_TRUE(is(r, "uasc", "uasc:no", 0, 5));
}

TEST(MeasureBreakdowns, EveryCategoryEmittedAndAddsUp) {
    for (const auto& kids : {breakdown_council(), std::vector<ChildSpec>{}}) {
        auto r = compute(kids, {}, 2025, true);
        for (const char* id : {"stability_short", "stability_long", "stability_short_2y", "sw_stability", "cla_31mar", "uasc"}) {
            SCOPED_TRACE(id);
            const auto& plain = row(r, id);
            for (const auto& [dim, cats] : dimensions()) {
                SCOPED_TRACE(dim);
                long long num = 0, den = 0;
                for (const auto& cat : cats) {
                    std::string b = dim + ":" + cat;
                    int found = static_cast<int>(std::count_if(r.rows.begin(), r.rows.end(), [&](const auto& m) {
                        return m.id == id && m.breakdown == b;
                    }));
                    ASSERT_EQ(found, 1) << b;
                    const auto& m = row(r, id, b);
                    EXPECT_EQ(m.kind, plain.kind) << b;
                    EXPECT_EQ(m.incomplete_history, plain.incomplete_history) << b;
                    num += m.numerator;
                    den += m.denominator;
                }
                EXPECT_EQ(num, plain.numerator);
                if (plain.kind != Kind::Count) {
                    EXPECT_EQ(den, plain.denominator);
                }
            }
        }
        // Nothing but these dimensions' categories appears as a ':' breakdown.
        std::set<std::string> allowed;
        for (const auto& [dim, cats] : dimensions())
            for (const auto& cat : cats) allowed.insert(dim + ":" + cat);
        for (const auto& m : r.rows)
            if (m.breakdown.find(':') != std::string::npos) {
                EXPECT_TRUE(allowed.count(m.breakdown)) << describe(m);
            }
    }
}

// 8.9: started_in_year counts periods whose first DECOM is in W whatever their first RNE.
TEST(MeasureLookedAfter, StartedWhateverFirstRne) {
    std::vector<ChildSpec> kids = {
        // First period ends X1 on 01/05/2024 with nothing that day (ceased, other); the second begins
        // 01/06/2024 with RNE P: started.
        child("A", "01/01/2012", {E("01/01/2020", "S", "U4").to("01/05/2024", "X1"), E("01/06/2024", "P", "U6")}),
        // A period beginning with RNE L on 01/07/2024: started.
        child("B", "01/01/2012", {E("01/07/2024", "L", "U4")}),
        // A period beginning with RNE B on 01/04/2025, after W: not.
        child("C", "01/01/2012", {E("01/04/2025", "B", "U4")}),
    };
    auto r = compute(kids);
    EXPECT_TRUE(is_count(r, "started_in_year", "", 2));
    EXPECT_TRUE(is_count(r, "ceased_in_year", "", 1));
    EXPECT_TRUE(is(r, "ceased_in_year", "other", 1, 1));
    EXPECT_TRUE(is_count(r, "cla_31mar", "", 2));
}

// ---------------------------------------------------------------------------------------------------
// 8.21: a child left out of a measure because a value it needs is missing is counted in that measure's
// data quality exclusions (and a child that is not left out is not).
namespace {

bool excluded(const measures::MeasureResult& r, std::string_view measure, std::string_view child_id) {
    return std::any_of(r.exclusions.begin(), r.exclusions.end(),
                       [&](const measures::Exclusion& e) { return e.measure == measure && e.child == child_id; });
}

}  // namespace

TEST(MeasureExclusions, MissingDobListedUnderEveryMeasureItLeavesOut) {
    // X: an OC3 row but no valid DOB: its age group is unknown, so it is in no care leaver indicator.
    auto x = child("X", "01/01/2006", {E("01/01/2020", "S", "U4").to("01/01/2023", "E17")});
    x.child.dob.reset();
    x.child.oc3 = measures::CareLeaverRow{"YES", "F1", "U1"};
    // Y: an OC2 row but no valid DOB: in the all-ages indicators, left out of every age-limited one.
    auto y = child("Y", "01/01/2012", in_care_since("01/01/2020"));
    y.child.dob.reset();
    y.child.oc2 = oc2(12, "0", "", "1", "1", "1", "0");
    // Z: looked after since 2015, no valid DOB: left out of stability_long (under 16 unknown).
    auto z = child("Z", "01/01/2012", in_care_since("01/01/2015"));
    z.child.dob.reset();
    auto r = compute({x, y, z});
    EXPECT_TRUE(is(r, "cl_in_touch", "17-18", 0, 0));
    EXPECT_TRUE(is(r, "cl_in_touch", "19-21", 0, 0));
    EXPECT_TRUE(is(r, "health_assessment", "", 1, 1));
    EXPECT_TRUE(is(r, "sdq_received", "", 0, 0));
    EXPECT_TRUE(is(r, "sdq_average", "", 0, 0));
    EXPECT_TRUE(is(r, "stability_long", "", 0, 0));
    for (const char* m : {"cl_in_touch", "cl_eet", "cl_neet", "cl_higher_education", "cl_suitable_accommodation"})
        EXPECT_TRUE(excluded(r, m, "X")) << m;
    for (const char* m : {"development_check", "convicted", "sdq_received", "sdq_average", "sdq_concern", "sdq_band"})
        EXPECT_TRUE(excluded(r, m, "Y")) << m;
    for (const char* m : {"health_assessment", "immunisations", "teeth_check", "substance_misuse"})
        EXPECT_FALSE(excluded(r, m, "Y")) << m;
    EXPECT_TRUE(excluded(r, "stability_long", "Z"));
    EXPECT_FALSE(excluded(r, "stability_short", "Z"));
}

TEST(MeasureExclusions, ChildCountedIsNotListedAsLeftOut) {
    // W: in touch (YES), aged 19, ACTIV missing (invalid for its year): it stays in the cohort (cl_eet's
    // denominator is the cohort; a missing ACTIV is simply not EET). It is counted in cl_in_touch, so it
    // must not be listed as left out of cl_in_touch.
    auto w = child("W", "01/01/2006", {E("01/01/2020", "S", "U4").to("01/01/2023", "E17")});
    w.child.oc3 = measures::CareLeaverRow{"YES", "", "U1"};
    // P: CLA with a PLACE in no group: left out of placement_type, listed.
    auto p = child("P", "01/01/2012", in_care_since("01/01/2020", ""));
    auto r = compute({w, p});
    EXPECT_TRUE(is(r, "cl_in_touch", "19-21", 1, 1));
    EXPECT_TRUE(is(r, "cl_eet", "19-21", 0, 1));
    EXPECT_TRUE(is(r, "cl_suitable_accommodation", "19-21", 1, 1));
    EXPECT_FALSE(excluded(r, "cl_in_touch", "W"));
    EXPECT_FALSE(excluded(r, "cl_suitable_accommodation", "W"));
    EXPECT_TRUE(excluded(r, "placement_type", "P"));
    EXPECT_TRUE(is(r, "placement_type", "foster", 0, 1));
}
