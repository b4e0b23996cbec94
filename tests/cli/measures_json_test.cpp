// The JSON of `corparent measures --format json` (spec/measures.md section 7).
#include <gtest/gtest.h>

#include "cli/measures_output.h"

using namespace corparent;
using measures::Kind;

namespace {

measures::Figure figure(const char* id, const char* breakdown, Kind kind, long long numerator, long long denominator) {
    measures::Figure f;
    f.row.id = id;
    f.row.breakdown = breakdown;
    f.row.kind = kind;
    f.row.numerator = numerator;
    f.row.denominator = denominator;
    f.definition = &measures::definition(id);
    return f;
}

}  // namespace

TEST(MeasuresJson, HasTheShapeOfSection7) {
    measures::MeasureReport report;
    report.la_code = "331";
    report.year = 2025;
    report.figures.push_back(figure("stability_short", "", Kind::Percent, 1, 8));
    report.figures.push_back(figure("cla_31mar", "", Kind::Count, 771, 0));
    report.figures.push_back(figure("sdq_average", "", Kind::Mean, 9, 4));
    report.figures.push_back(figure("cl_eet", "17-18", Kind::Percent, 0, 0));
    report.figures.back().row.incomplete_history = true;
    auto j = cli::measures_json(report);
    EXPECT_EQ(j["la_code"], "331");
    EXPECT_EQ(j["year"], 2025);
    ASSERT_EQ(j["measures"].size(), 4u);
    const auto& pct = j["measures"][0];
    EXPECT_EQ(pct["id"], "stability_short");
    EXPECT_EQ(pct["breakdown"], "");
    EXPECT_EQ(pct["numerator"], 1);
    EXPECT_EQ(pct["denominator"], 8);
    EXPECT_DOUBLE_EQ(pct["value"].get<double>(), 12.5);   // 1/8, one decimal
    EXPECT_FALSE(pct.contains("benchmarks"));
    const auto& count = j["measures"][1];
    EXPECT_TRUE(count["denominator"].is_null());
    EXPECT_EQ(count["value"], 771);
    EXPECT_DOUBLE_EQ(j["measures"][2]["value"].get<double>(), 2.3);   // 9/4 = 2.25, half up
    const auto& empty = j["measures"][3];
    EXPECT_TRUE(empty["value"].is_null());
    EXPECT_EQ(empty["incomplete_history"], true);
    // Keys in the order section 7 lists them.
    std::vector<std::string> keys;
    for (auto it = pct.begin(); it != pct.end(); ++it) keys.push_back(it.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"id", "breakdown", "numerator", "denominator", "value"}));
}

TEST(MeasuresJson, ASuppressedFigureShowsC) {
    measures::MeasureReport report;
    report.figures.push_back(figure("uasc", "", Kind::Percent, 3, 700));
    report.figures.back().suppressed = true;
    auto j = cli::measures_json(report);
    EXPECT_EQ(j["measures"][0]["numerator"], "c");
    EXPECT_EQ(j["measures"][0]["value"], "c");
}
