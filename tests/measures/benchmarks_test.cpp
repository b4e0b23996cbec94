// Against the shipped data in data/benchmarks: every expected figure below was read from those CSVs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "measures/benchmarks.h"

using namespace corparent::measures;
namespace fs = std::filesystem;

namespace {

const fs::path kDataDir = fs::path(CORPARENT_SOURCE_DIR) / "data/benchmarks";
const char* kFigures = "dfe_cla_benchmarks_all_geographies_long.csv";
const char* kCoventry = "331";

const BenchmarkData& data() {
    static const BenchmarkData loaded = BenchmarkData::load(kDataDir);
    return loaded;
}

Benchmarks coventry(const std::string& measure, int year, NeighbourModel model = NeighbourModel::May2025) {
    auto b = data().lookup(measure, year, kCoventry, model, std::nullopt, Polarity::None);
    EXPECT_TRUE(b) << measure << " " << year;
    return b.value_or(Benchmarks{});
}

std::optional<char> band(const std::string& measure, int year, double value, Polarity polarity) {
    return data().lookup(measure, year, kCoventry, NeighbourModel::May2025, value, polarity)->band;
}

// A copy of the data folder whose benchmark file is `figures`, removed when the test ends.
class BrokenCopy {
public:
    explicit BrokenCopy(const std::string& figures) {
        static int n = 0;
        path_ = fs::temp_directory_path() /
                ("corparent_benchmarks_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
        fs::remove_all(path_);
        fs::create_directories(path_);
        for (const char* name :
             {"statistical_neighbours_all_las_2025model.csv", "statistical_neighbours_all_las_april2021.csv"}) {
            fs::copy_file(kDataDir / name, path_ / name);
        }
        std::ofstream(path_ / kFigures, std::ios::binary) << figures;
    }
    ~BrokenCopy() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The shipped file's header and first three rows: rows 1 to 4 as a spreadsheet numbers them.
std::string first_rows() {
    std::ifstream in(kDataDir / kFigures, std::ios::binary);
    std::string text, line;
    for (int i = 0; i < 4 && std::getline(in, line); ++i) {
        text += line + "\n";
    }
    return text;
}

std::string load_error(const fs::path& dir) {
    try {
        BenchmarkData::load(dir);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST(Benchmarks, EnglandRegionAndCouncilAsPublished) {
    // England 2025: 8,500 of 81,770 children looked after on 31 March had 3+ placements in the year.
    Benchmarks b = coventry("stability_3plus_placements_pct", 2025);
    EXPECT_EQ(b.dfe_measure_id, "stability_3plus_placements_pct");
    EXPECT_EQ(b.year, 2025);
    EXPECT_EQ(b.england.shown, "10");
    EXPECT_EQ(b.england.value, 10.0);
    EXPECT_EQ(b.region_name, "West Midlands");
    EXPECT_EQ(b.region.shown, "10");
    // Coventry: 76 of 684.
    EXPECT_EQ(b.council.shown, "11");
    EXPECT_EQ(b.council.value, 11.0);

    // A decimal and a suppressed figure pass through as published.
    EXPECT_EQ(coventry("sdq_average_score", 2025).england.shown, "14.9");
    Benchmarks higher_education = coventry("cl_19_21_higher_education_pct", 2025);
    EXPECT_EQ(higher_education.neighbours[0].published.shown, "c");   // Derby
    EXPECT_FALSE(higher_education.neighbours[0].published.value);
}

TEST(Benchmarks, PlacesAndYears) {
    EXPECT_EQ(data().la_name("331"), "Coventry");
    EXPECT_EQ(data().region_name("331"), "West Midlands");
    // London boroughs' own rows carry Inner or Outer London, which have regional rows of their own.
    EXPECT_EQ(data().region_name("213"), "Inner London");   // Westminster
    // cl_17_18_eet_pct 2025: Inner London 69, London 66, Outer London 64.
    auto westminster = data().lookup("cl_17_18_eet_pct", 2025, "213", NeighbourModel::May2025, std::nullopt,
                                     Polarity::None);
    EXPECT_EQ(westminster->region_name, "Inner London");
    EXPECT_EQ(westminster->region.shown, "69");
    EXPECT_EQ(data().la_name("999"), "");
    EXPECT_EQ(data().years("stability_3plus_placements_pct"), (std::vector<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025}));
    // In-touch figures by LA stop at 2023.
    EXPECT_EQ(data().years("cl_19_21_in_touch_pct"), (std::vector<int>{2019, 2020, 2021, 2022, 2023}));
    EXPECT_TRUE(data().years("no_such_measure").empty());
}

TEST(Benchmarks, CoventrysNeighboursUnderBothModels) {
    EXPECT_EQ(data().neighbours(kCoventry, NeighbourModel::May2025),
              (std::vector<std::string>{"831", "852", "874", "350", "336", "312", "354", "335", "821", "861"}));
    EXPECT_EQ(data().neighbours(kCoventry, NeighbourModel::April2021),
              (std::vector<std::string>{"831", "350", "874", "383", "373", "851", "887", "335", "357", "852"}));
    Benchmarks b = coventry("stability_3plus_placements_pct", 2025, NeighbourModel::April2021);
    ASSERT_EQ(b.neighbours.size(), 10u);
    EXPECT_EQ(b.neighbours[3].la_code, "383");
    EXPECT_EQ(b.neighbours[3].la_name, "Leeds");
    EXPECT_TRUE(data().neighbours("999", NeighbourModel::May2025).empty());
}

TEST(Benchmarks, NeighboursMeanAndMedian) {
    // stability_3plus_placements_pct 2025, May 2025 model, in rank order: Derby 8, Southampton 14,
    // Peterborough 11, Bolton 12, Wolverhampton 10, Hillingdon 9, Rochdale 8, Walsall 9, Luton 13,
    // Stoke-on-Trent 10. Sum 104 -> mean 10.4; sorted 8 8 9 9 10 10 11 12 13 14 -> median (10+10)/2 = 10.
    Benchmarks all = coventry("stability_3plus_placements_pct", 2025);
    ASSERT_EQ(all.neighbours.size(), 10u);
    EXPECT_EQ(all.neighbours[1].la_name, "Southampton");
    EXPECT_EQ(all.neighbours[1].published.shown, "14");
    EXPECT_EQ(all.neighbours_with_value, 10);
    EXPECT_DOUBLE_EQ(*all.neighbours_mean, 10.4);
    EXPECT_DOUBLE_EQ(*all.neighbours_median, 10.0);

    // placement_with_parents_pct 2025: Derby c, Southampton 10, Peterborough 3, Bolton 10,
    // Wolverhampton 7, Hillingdon c, Rochdale 11, Walsall 6, Luton 3, Stoke-on-Trent 9.
    // 8 values, sum 59 -> mean 7.375; sorted 3 3 6 7 9 10 10 11 -> median (7+9)/2 = 8.
    Benchmarks some = coventry("placement_with_parents_pct", 2025);
    EXPECT_EQ(some.neighbours.size(), 10u);
    EXPECT_EQ(some.neighbours[5].published.shown, "c");
    EXPECT_EQ(some.neighbours_with_value, 8);
    EXPECT_DOUBLE_EQ(*some.neighbours_mean, 7.375);
    EXPECT_DOUBLE_EQ(*some.neighbours_median, 8.0);

    // placed_outside_la_boundary_pct 2025: Derby c, then 54 55 38 49 51 38 58 51 55.
    // 9 values, sum 449 -> mean 49.888...; sorted 38 38 49 51 51 54 55 55 58 -> median 51.
    Benchmarks odd = coventry("placed_outside_la_boundary_pct", 2025);
    EXPECT_EQ(odd.neighbours_with_value, 9);
    EXPECT_DOUBLE_EQ(*odd.neighbours_mean, 449.0 / 9);
    EXPECT_DOUBLE_EQ(*odd.neighbours_median, 51.0);
}

TEST(Benchmarks, NeighbourWithoutARowIsStillListed) {
    // April 2021 model: Bournemouth's pre-2019 code (837) has Poole's (836) at rank 3, and 836 has no
    // rows after 2023. Nor has 837 itself.
    auto b = data().lookup("stability_3plus_placements_pct", 2025, "837", NeighbourModel::April2021, std::nullopt,
                           Polarity::None);
    ASSERT_TRUE(b);
    ASSERT_EQ(b->neighbours.size(), 10u);
    EXPECT_EQ(b->neighbours[2].la_code, "836");
    EXPECT_EQ(b->neighbours[2].la_name, "Poole (Pre LG)");
    EXPECT_EQ(b->neighbours[2].published.shown, "");
    EXPECT_FALSE(b->neighbours[2].published.value);
    EXPECT_EQ(b->neighbours_with_value, 9);
    EXPECT_EQ(b->council.shown, "");
}

TEST(Benchmarks, LowIsGoodBandAtTheQuartiles) {
    // stability_3plus_placements_pct 2025: 151 of 155 LAs have a value (4 are c); R's quantile() type 7
    // gives min 0, Q1 8, Q2 10, Q3 12, max 18 (checked with a python3 one-off over the CSV).
    const char* m = "stability_3plus_placements_pct";
    EXPECT_EQ(band(m, 2025, 8, Polarity::LowIsGood), 'A');
    EXPECT_EQ(band(m, 2025, 8.01, Polarity::LowIsGood), 'B');
    EXPECT_EQ(band(m, 2025, 10, Polarity::LowIsGood), 'B');
    EXPECT_EQ(band(m, 2025, 10.01, Polarity::LowIsGood), 'C');
    EXPECT_EQ(band(m, 2025, 12, Polarity::LowIsGood), 'C');
    EXPECT_EQ(band(m, 2025, 12.01, Polarity::LowIsGood), 'D');
    // Outside every LA's published range: the end bands are open.
    EXPECT_EQ(band(m, 2025, 25, Polarity::LowIsGood), 'D');
}

TEST(Benchmarks, HighIsGoodBandAtTheQuartiles) {
    // health_assessment_pct 2025: 151 values; min 48, Q1 89, Q2 93, Q3 96, max 100. As in LAIT, a value
    // on a quartile belongs to the band below it, so exactly Q3 is B and exactly Q1 is D.
    const char* m = "health_assessment_pct";
    EXPECT_EQ(band(m, 2025, 100, Polarity::HighIsGood), 'A');
    EXPECT_EQ(band(m, 2025, 96.01, Polarity::HighIsGood), 'A');
    EXPECT_EQ(band(m, 2025, 96, Polarity::HighIsGood), 'B');
    EXPECT_EQ(band(m, 2025, 93.01, Polarity::HighIsGood), 'B');
    EXPECT_EQ(band(m, 2025, 93, Polarity::HighIsGood), 'C');
    EXPECT_EQ(band(m, 2025, 89.01, Polarity::HighIsGood), 'C');
    EXPECT_EQ(band(m, 2025, 89, Polarity::HighIsGood), 'D');
    EXPECT_EQ(band(m, 2025, 40, Polarity::HighIsGood), 'D');
}

TEST(Benchmarks, NoBandWithoutPolarityOrValue) {
    EXPECT_FALSE(band("cla_31mar_count", 2025, 1000, Polarity::None));
    EXPECT_FALSE(coventry("health_assessment_pct", 2025).band);
    auto b = data().lookup("health_assessment_pct", 2025, kCoventry, NeighbourModel::May2025, std::nullopt,
                           Polarity::HighIsGood);
    EXPECT_FALSE(b->band);
}

TEST(Benchmarks, NothingPublishedIsNullopt) {
    EXPECT_FALSE(data().lookup("no_such_measure", 2025, kCoventry, NeighbourModel::May2025, 10, Polarity::LowIsGood));
    EXPECT_FALSE(data().lookup("stability_3plus_placements_pct", 2018, kCoventry, NeighbourModel::May2025, 10,
                               Polarity::LowIsGood));
    // Missing-from-placement figures by LA stop at 2023.
    EXPECT_FALSE(data().lookup("missing_incident_pct", 2024, kCoventry, NeighbourModel::May2025, std::nullopt,
                               Polarity::None));
}

TEST(Benchmarks, MalformedFileNamesFileAndRow) {
    const std::string good = first_rows();
    // Row 5 is the one appended after the header and three rows.
    const std::string row5 =
        "cla_31mar_count,Children looked after at 31 March,count,2025,National,,,,,,,,81770,eighty,2025\r\n";
    BrokenCopy text_in_number(good + row5);
    std::string error = load_error(text_in_number.path());
    EXPECT_NE(error.find((text_in_number.path() / kFigures).string()), std::string::npos) << error;
    EXPECT_NE(error.find("row 5: value_numeric 'eighty' is not a number"), std::string::npos) << error;

    BrokenCopy short_row(good + "cla_31mar_count,2025,National\r\n");
    EXPECT_NE(load_error(short_row.path()).find("row 5: 3 fields where the header has 15"), std::string::npos)
        << load_error(short_row.path());

    BrokenCopy open_quote(good + "cla_31mar_count,\"Children looked after,count\r\n");
    EXPECT_NE(load_error(open_quote.path()).find("row 5: a quoted field is not closed"), std::string::npos);

    BrokenCopy unknown_level(good + "cla_31mar_count,x,count,2025,County,,,,,,,,1,1,2025\r\n");
    EXPECT_NE(load_error(unknown_level.path()).find("row 5: geographic_level 'County'"), std::string::npos);

    // The first data row again; a blank line still counts as a row.
    std::string row2 = good.substr(good.find('\n') + 1);
    row2 = row2.substr(0, row2.find('\n') + 1);
    BrokenCopy twice(good + "\r\n" + row2);
    EXPECT_NE(load_error(twice.path()).find("row 6: a second row for away_without_auth_pct 2019 England"),
              std::string::npos)
        << load_error(twice.path());

    BrokenCopy no_column("measure_id,time_period\r\nx,2025\r\n");
    EXPECT_NE(load_error(no_column.path()).find("row 1: no column 'geographic_level'"), std::string::npos)
        << load_error(no_column.path());

    // Coventry's rank-10 neighbour left out.
    BrokenCopy nine(good);
    {
        std::ifstream in(kDataDir / "statistical_neighbours_all_las_2025model.csv", std::ios::binary);
        std::ofstream out(nine.path() / "statistical_neighbours_all_las_2025model.csv", std::ios::binary);
        for (std::string line; std::getline(in, line);) {
            if (line.find(",331,Coventry,8,West Midlands,10,") == std::string::npos) {
                out << line << "\n";
            }
        }
    }
    EXPECT_NE(load_error(nine.path()).find("statistical_neighbours_all_las_2025model.csv: 331 has no neighbour of rank 10"),
              std::string::npos)
        << load_error(nine.path());

    BrokenCopy missing_file(good);
    fs::remove(missing_file.path() / "statistical_neighbours_all_las_april2021.csv");
    error = load_error(missing_file.path());
    EXPECT_NE(error.find("statistical_neighbours_all_las_april2021.csv: cannot open"), std::string::npos) << error;
}

TEST(Benchmarks, QuotedFieldsWithCommasAndQuotes) {
    // A label with a comma, an escaped quote and a line break, and an LF line end.
    BrokenCopy copy(first_rows() +
                    "cla_31mar_count,\"Children \"\"looked after\"\",\r\non 31 March\",count,2025,Local authority,"
                    "E12000009,South West,839,E06000058,\"Bournemouth, Christchurch and Poole\",,,400,400,2025\n");
    BenchmarkData loaded = BenchmarkData::load(copy.path());
    EXPECT_EQ(loaded.la_name("839"), "Bournemouth, Christchurch and Poole");
    auto b = loaded.lookup("cla_31mar_count", 2025, "839", NeighbourModel::May2025, std::nullopt, Polarity::None);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->council.shown, "400");
}
