#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "settings/settings.h"

using namespace corparent;
namespace fs = std::filesystem;

namespace {

fs::path write(const std::string& text) {
    static int n = 0;
    fs::path p = fs::temp_directory_path() / ("corparent_settings_" + std::to_string(::getpid()) + "_" + std::to_string(n++) + ".toml");
    std::ofstream(p) << text;
    return p;
}

}  // namespace

TEST(Settings, NoFileMeansTheDefaults) {
    auto s = settings::load_settings("/nonexistent/corparent.toml", false);
    EXPECT_EQ(s.la_code, "331");
    EXPECT_EQ(s.neighbour_model, measures::NeighbourModel::May2025);
    EXPECT_TRUE(s.stacking.close_open_episodes);
    EXPECT_EQ(s.disclosure.smallest_count, 5);
    EXPECT_EQ(s.choices.unplanned_reasons.size(), 7u);
    EXPECT_THROW(settings::load_settings("/nonexistent/corparent.toml", true), std::runtime_error);
}

TEST(Settings, TheWrittenDefaultsReadBackAsTheDefaults) {
    auto p = write(settings::default_settings_text());
    auto s = settings::load_settings(p, true);
    auto d = settings::load_settings("/nonexistent", false);
    EXPECT_EQ(s.la_code, d.la_code);
    EXPECT_EQ(s.choices.unplanned_reasons, d.choices.unplanned_reasons);
    EXPECT_EQ(s.disclosure.smallest_denominator, d.disclosure.smallest_denominator);
    fs::remove(p);
}

TEST(Settings, ReadsEverySwitch) {
    auto p = write(R"(
[council]
la_code = "330"
[benchmarks]
neighbour_model = "2021"
[import]
close_open_episodes = false
[measures]
after_temporary = "by_rne"
count_zero_day_placements = true
two_year_cohort = "all_looked_after"
unplanned_reasons = ["CREQB"]
unknown_worker_per_episode = false
[disclosure]
smallest_count = 10
)");
    auto s = settings::load_settings(p, true);
    EXPECT_EQ(s.la_code, "330");
    EXPECT_EQ(s.neighbour_model, measures::NeighbourModel::April2021);
    EXPECT_FALSE(s.stacking.close_open_episodes);
    EXPECT_EQ(s.choices.placements.after_temporary, care::PlacementRules::AfterTemporary::ByRne);
    EXPECT_TRUE(s.choices.placements.count_zero_day);
    EXPECT_EQ(s.choices.two_year_cohort, measures::Choices::TwoYearCohort::AllLookedAfter);
    EXPECT_EQ(s.choices.unplanned_reasons, std::vector<std::string>{"CREQB"});
    EXPECT_FALSE(s.choices.unknown_worker_per_episode);
    EXPECT_EQ(s.disclosure.smallest_count, 10);
    fs::remove(p);
}

TEST(Settings, AWrongValueNamesTheKeyAndWhatItTakes) {
    auto p = write("[benchmarks]\nneighbour_model = \"2019\"\n");
    try {
        settings::load_settings(p, true);
        FAIL() << "accepted a neighbour model that does not exist";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("benchmarks.neighbour_model must be \"2025\" or \"2021\""), std::string::npos)
            << e.what();
    }
    fs::remove(p);
}

TEST(Settings, ABrokenFileSaysWhere) {
    auto p = write("[council\nla_code = 331\n");
    try {
        settings::load_settings(p, true);
        FAIL();
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(p.string() + ":1"), std::string::npos) << e.what();
    }
    fs::remove(p);
}

TEST(Settings, TheDocumentedExampleIsTheDefaults) {
    std::ifstream in(fs::path(CORPARENT_SOURCE_DIR) / "docs/corparent.example.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, settings::default_settings_text());
}
