// Disclosure control (spec/measures.md section 6): primary suppression of counts 1-4 and of percentages
// whose denominator is under 10; secondary suppression within a breakdown when exactly one cell is
// suppressed; apply_disclosure over a report.
#include <gtest/gtest.h>

#include "council_fixture.h"
#include "measures/disclosure.h"
#include "measures/report.h"

using namespace corparent;
using measures::Cell;
using measures::control_disclosure;
using measures::DisclosureRules;

namespace {

std::vector<bool> suppressed(const std::vector<Cell>& cells) {
    std::vector<bool> out;
    for (const auto& c : cells) out.push_back(c.suppressed);
    return out;
}

Cell count(long long n) { return Cell{n, std::nullopt, false}; }
Cell percent(long long n, long long denominator) { return Cell{n, denominator, false}; }

measures::Figure figure(std::string id, std::string breakdown, measures::Kind kind, long long numerator,
                        long long denominator) {
    measures::Figure f;
    f.row.id = std::move(id);
    f.row.breakdown = std::move(breakdown);
    f.row.kind = kind;
    f.row.numerator = numerator;
    f.row.denominator = denominator;
    return f;
}

bool suppressed_in(const measures::MeasureReport& report, std::string_view id, std::string_view breakdown) {
    for (const auto& f : report.figures)
        if (f.row.id == id && f.row.breakdown == breakdown) return f.suppressed;
    throw std::runtime_error("no figure " + std::string(id) + " [" + std::string(breakdown) + "]");
}

}  // namespace

// A count of 1 to 4 is c; 0 and 5 are not.
TEST(Disclosure, PrimaryCounts) {
    std::vector<Cell> cells = {count(0), count(1), count(4), count(5), count(120)};
    control_disclosure(cells, {}, false);
    EXPECT_EQ(suppressed(cells), (std::vector<bool>{false, true, true, false, false}));
}

// A percentage whose denominator is under 10 is c (9 yes, 10 no), and so is one whose numerator is a
// count of 1 to 4.
TEST(Disclosure, PrimaryPercentages) {
    std::vector<Cell> cells = {percent(5, 9), percent(5, 10), percent(0, 9), percent(0, 10), percent(3, 50),
                               percent(6, 9)};
    control_disclosure(cells, {}, false);
    EXPECT_EQ(suppressed(cells), (std::vector<bool>{true, false, true, false, true, true}));
}

// The thresholds are configuration.
TEST(Disclosure, ThresholdsAreConfiguration) {
    DisclosureRules rules;
    rules.smallest_count = 10;
    rules.smallest_denominator = 20;
    std::vector<Cell> cells = {count(9), count(10), percent(12, 19), percent(12, 20)};
    control_disclosure(cells, rules, false);
    EXPECT_EQ(suppressed(cells), (std::vector<bool>{true, false, true, false}));
    EXPECT_TRUE(measures::survey_group_suppressed(4, {}));
    EXPECT_FALSE(measures::survey_group_suppressed(5, {}));
    rules.smallest_survey_group = 10;
    EXPECT_TRUE(measures::survey_group_suppressed(9, rules));
}

// Exactly one cell of a breakdown suppressed: the next smallest is suppressed too.
TEST(Disclosure, SecondaryWhenExactlyOneSuppressed) {
    std::vector<Cell> cells = {percent(20, 43), percent(3, 43), percent(8, 43), percent(12, 43)};
    control_disclosure(cells, {}, true);
    EXPECT_EQ(suppressed(cells), (std::vector<bool>{false, true, true, false}));
    std::vector<Cell> counts = {count(30), count(11), count(2), count(17)};
    control_disclosure(counts, {}, true);
    EXPECT_EQ(suppressed(counts), (std::vector<bool>{false, true, true, false}));
}

// Two already suppressed: nothing more. None suppressed: nothing. Not a breakdown: no secondary.
TEST(Disclosure, NoSecondaryOtherwise) {
    std::vector<Cell> two = {percent(20, 37), percent(3, 37), percent(2, 37), percent(12, 37)};
    control_disclosure(two, {}, true);
    EXPECT_EQ(suppressed(two), (std::vector<bool>{false, true, true, false}));
    std::vector<Cell> none = {percent(20, 37), percent(5, 37), percent(12, 37)};
    control_disclosure(none, {}, true);
    EXPECT_EQ(suppressed(none), (std::vector<bool>{false, false, false}));
    std::vector<Cell> plain = {count(3), count(8)};
    control_disclosure(plain, {}, false);
    EXPECT_EQ(suppressed(plain), (std::vector<bool>{true, false}));
}

// apply_disclosure on a hand-built report: each plain row alone; each breakdown (same id, same
// dimension) together.
TEST(Disclosure, ApplyOnReportGroupsBreakdowns) {
    using measures::Kind;
    measures::MeasureReport report;
    report.year = 2025;
    // placement_type of 45 CLA: childrens_homes 3 is primary; the next smallest, supported 5, secondary.
    report.figures = {
        figure("cla_31mar", "", Kind::Count, 45, 0),
        figure("uasc", "", Kind::Percent, 2, 45),             // count 2: c; plain: nothing more
        figure("stability_long", "", Kind::Percent, 6, 9),    // denominator 9: c
        figure("stability_short", "", Kind::Percent, 5, 45),  // shown
        figure("placement_type", "foster", Kind::Percent, 10, 45),
        figure("placement_type", "adoption", Kind::Percent, 6, 45),
        figure("placement_type", "parents", Kind::Percent, 7, 45),
        figure("placement_type", "childrens_homes", Kind::Percent, 3, 45),
        figure("placement_type", "supported", Kind::Percent, 5, 45),
        figure("placement_type", "residential_school", Kind::Percent, 8, 45),
        figure("placement_type", "other", Kind::Percent, 6, 45),
        // Care leaver groups: 17-18 3/12 is c, so 19-21 (the only other cell) is too.
        figure("cl_eet", "17-18", Kind::Percent, 3, 12),
        figure("cl_eet", "19-21", Kind::Percent, 7, 20),
        figure("cl_neet", "17-18", Kind::Percent, 6, 12),
        figure("cl_neet", "19-21", Kind::Percent, 8, 20),
        // Two dimensions of one measure are separate breakdowns: age 1-4 (2) c -> under 1 (6) too; sex U
        // (2) c -> F (20), the next smallest of M 25 and F 20, too.
        figure("cla_31mar", "age:under 1", Kind::Count, 6, 0),
        figure("cla_31mar", "age:1-4", Kind::Count, 2, 0),
        figure("cla_31mar", "age:5-9", Kind::Count, 10, 0),
        figure("cla_31mar", "age:10-15", Kind::Count, 14, 0),
        figure("cla_31mar", "age:16 and over", Kind::Count, 13, 0),
        figure("cla_31mar", "sex:M", Kind::Count, 25, 0),
        figure("cla_31mar", "sex:F", Kind::Count, 20, 0),
        figure("cla_31mar", "sex:U", Kind::Count, 2, 0),
    };
    measures::apply_disclosure(report, {});
    EXPECT_FALSE(suppressed_in(report, "cla_31mar", ""));
    EXPECT_TRUE(suppressed_in(report, "uasc", ""));
    EXPECT_TRUE(suppressed_in(report, "stability_long", ""));
    EXPECT_FALSE(suppressed_in(report, "stability_short", ""));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "foster"));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "adoption"));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "parents"));
    EXPECT_TRUE(suppressed_in(report, "placement_type", "childrens_homes"));
    EXPECT_TRUE(suppressed_in(report, "placement_type", "supported"));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "residential_school"));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "other"));
    EXPECT_TRUE(suppressed_in(report, "cl_eet", "17-18"));
    EXPECT_TRUE(suppressed_in(report, "cl_eet", "19-21"));
    EXPECT_FALSE(suppressed_in(report, "cl_neet", "17-18"));
    EXPECT_FALSE(suppressed_in(report, "cl_neet", "19-21"));
    EXPECT_TRUE(suppressed_in(report, "cla_31mar", "age:under 1"));
    EXPECT_TRUE(suppressed_in(report, "cla_31mar", "age:1-4"));
    EXPECT_FALSE(suppressed_in(report, "cla_31mar", "age:5-9"));
    EXPECT_FALSE(suppressed_in(report, "cla_31mar", "age:10-15"));
    EXPECT_FALSE(suppressed_in(report, "cla_31mar", "age:16 and over"));
    EXPECT_FALSE(suppressed_in(report, "cla_31mar", "sex:M"));
    EXPECT_TRUE(suppressed_in(report, "cla_31mar", "sex:F"));
    EXPECT_TRUE(suppressed_in(report, "cla_31mar", "sex:U"));
}

// From the engine to the report: a council of 47 children looked after at 31 March whose placement_type
// groups are foster 9, adoption 6, parents 7, childrens_homes 2, supported 8, residential_school 5,
// other 10. childrens_homes (2) is primary; residential_school (5), the next smallest, secondary.
TEST(Disclosure, ApplyOnComputedPlacementTypes) {
    using council_fixture::child;
    using council_fixture::in_care_since;
    std::vector<council_fixture::ChildSpec> kids;
    int n = 0;
    for (auto [place, how_many] : std::vector<std::pair<std::string, int>>{
             {"U4", 9}, {"A5", 6}, {"P1", 7}, {"K2", 2}, {"K3", 8}, {"S1", 5}, {"R1", 10}})
        for (int i = 0; i < how_many; ++i)
            kids.push_back(child("C" + std::to_string(++n), "01/01/2012", in_care_since("01/01/2020", place)));
    for (int i = 0; i < 3; ++i) kids[static_cast<std::size_t>(i)].child.uasc_row = true;
    auto result = council_fixture::compute(kids);
    ASSERT_TRUE(council_fixture::is(result, "placement_type", "childrens_homes", 2, 47));
    ASSERT_TRUE(council_fixture::is(result, "placement_type", "residential_school", 5, 47));
    auto report = measures::build_report(std::move(result), 2025, measures::BenchmarkData{}, "999",
                                         measures::NeighbourModel::May2025);
    measures::apply_disclosure(report, {});
    EXPECT_FALSE(suppressed_in(report, "cla_31mar", ""));
    EXPECT_TRUE(suppressed_in(report, "uasc", ""));   // 3/47: a count of 3
    EXPECT_FALSE(suppressed_in(report, "placement_type", "foster"));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "adoption"));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "parents"));
    EXPECT_TRUE(suppressed_in(report, "placement_type", "childrens_homes"));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "supported"));
    EXPECT_TRUE(suppressed_in(report, "placement_type", "residential_school"));
    EXPECT_FALSE(suppressed_in(report, "placement_type", "other"));
}

// A mean over a handful of children says something about each of them: it is controlled by how many
// children it averages, not by its sum.
TEST(Disclosure, AMeanIsControlledByHowManyItAverages) {
    auto mean_row = [](const char* breakdown, long long sum, long long children) {
        corparent::measures::Figure f;
        f.row.id = "missing_incidents";
        f.row.breakdown = breakdown;
        f.row.kind = corparent::measures::Kind::Mean;
        f.row.numerator = sum;
        f.row.denominator = children;
        return f;
    };
    corparent::measures::MeasureReport report;
    report.figures.push_back(mean_row("M", 40, 3));    // 40 incidents, 3 children: c
    report.figures.push_back(mean_row("A", 2, 50));    // 2 incidents, 50 children: shown, the sum is no count of children
    corparent::measures::apply_disclosure(report, {});
    EXPECT_TRUE(report.figures[0].suppressed);
    // M and A are two groups of one breakdown: with M suppressed, A is the next smallest and goes too.
    EXPECT_TRUE(report.figures[1].suppressed);
    report.figures[0] = mean_row("M", 40, 30);
    corparent::measures::apply_disclosure(report, {});
    EXPECT_FALSE(report.figures[0].suppressed);
    EXPECT_FALSE(report.figures[1].suppressed);
}
