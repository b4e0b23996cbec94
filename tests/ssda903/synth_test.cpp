// The synthetic council: deterministic, complete and valid SSDA903 returns.
#include "ssda903/synth.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace corparent::ssda903 {
namespace {

namespace fs = std::filesystem;
using Row = std::map<std::string, std::string>;

const std::map<std::string, std::string> kHeaders{
    {"header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"},
    {"episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"},
    {"reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE"},
    {"uasc.csv", "CHILD,SEX,DOB,DUC"},
    {"oc2.csv",
     "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
     "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"},
    {"oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"},
    {"ad1.csv", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR"},
    {"placed_for_adoption.csv", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"},
    {"previous_permanence.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM"},
    {"missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END"},
    {"sw_episodes.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON"},
};
const std::set<std::string> kDateColumns{"DOB",      "MC_DOB",     "DECOM",         "DEC",      "REVIEW",
                                         "DUC",      "DATE_INT",   "DATE_MATCH",    "DATE_PLACED",
                                         "DATE_PLACED_CEASED",     "DATE_PERM",     "MIS_START", "MIS_END",
                                         "SW_DECOM", "SW_DEC"};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    for (char ch : line) {
        if (ch == ',') {
            fields.push_back(field);
            field.clear();
        } else {
            field += ch;
        }
    }
    fields.push_back(field);
    return fields;
}

// Rows of a CSV written by the synthesizer (no quoting: no field needs it).
std::vector<Row> read_csv(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::getline(in, line);
    const auto columns = split(line);
    std::vector<Row> rows;
    while (std::getline(in, line)) {
        const auto fields = split(line);
        EXPECT_EQ(fields.size(), columns.size()) << path << ": " << line;
        Row row;
        for (std::size_t i = 0; i < columns.size() && i < fields.size(); ++i) row[columns[i]] = fields[i];
        rows.push_back(row);
    }
    return rows;
}

// dd/mm/yyyy as days since the epoch; nullopt when it is not a valid date in that form.
std::optional<int> parse_date(const std::string& text) {
    if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
    for (int i : {0, 1, 3, 4, 6, 7, 8, 9})
        if (text[static_cast<std::size_t>(i)] < '0' || text[static_cast<std::size_t>(i)] > '9') return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{std::stoi(text.substr(6, 4))},
                                          std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(3, 2)))},
                                          std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(0, 2)))}};
    if (!ymd.ok()) return std::nullopt;
    return static_cast<int>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}
int date(const std::string& text) { return parse_date(text).value(); }
int day_of(int y, unsigned m, unsigned d) {
    return static_cast<int>(
        std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}.time_since_epoch().count());
}
int year_start(int year) { return day_of(year - 1, 4, 1); }
int year_end(int year) { return day_of(year, 3, 31); }

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("corparent_synth_test_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir);
    return dir;
}

// One council written once and shared by the tests: 3000 children, 2021 to 2026.
class SynthCouncil : public ::testing::Test {
protected:
    static constexpr int kChildren = 3000;
    static constexpr int kFirst = 2021, kLast = 2026;
    static inline fs::path dir;
    static inline SynthSummary summary;

    static void SetUpTestSuite() {
        dir = scratch("council");
        SynthOptions options;
        options.out = dir;
        options.children = kChildren;
        options.first_year = kFirst;
        options.last_year = kLast;
        options.seed = 42;
        summary = synthesize(options);
    }
    static void TearDownTestSuite() { fs::remove_all(dir); }

    static std::vector<Row> table(int year, const std::string& file) {
        return read_csv(dir / std::to_string(year) / file);
    }
    // Every episode over all returns, the later return winning (ssda903 stacking), by child.
    static std::map<std::string, std::map<int, Row>> stacked_episodes() {
        std::map<std::string, std::map<int, Row>> children;
        for (int y = kFirst; y <= kLast; ++y)
            for (const Row& e : table(y, "episodes.csv")) children[e.at("CHILD")][date(e.at("DECOM"))] = e;
        return children;
    }
    // Children looked after at 31 March (not on short breaks).
    static std::set<std::string> looked_after_at_31_march(int year) {
        std::map<std::string, std::pair<int, std::string>> latest_open;  // child -> (DECOM, LS)
        for (const Row& e : table(year, "episodes.csv")) {
            if (!e.at("DEC").empty()) continue;
            auto& open = latest_open[e.at("CHILD")];
            if (date(e.at("DECOM")) >= open.first) open = {date(e.at("DECOM")), e.at("LS")};
        }
        std::set<std::string> children;
        for (const auto& [child, open] : latest_open)
            if (open.second != "V3" && open.second != "V4") children.insert(child);
        return children;
    }
};

TEST_F(SynthCouncil, WritesOneFolderPerYearWithTheTablesOfThatYear) {
    EXPECT_EQ(summary.returns, kLast - kFirst + 1);
    std::set<std::string> folders;
    for (const auto& entry : fs::directory_iterator(dir)) folders.insert(entry.path().filename().string());
    std::set<std::string> expected;
    for (int y = kFirst; y <= kLast; ++y) expected.insert(std::to_string(y));
    EXPECT_EQ(folders, expected);
    for (int y = kFirst; y <= kLast; ++y) {
        std::set<std::string> files;
        for (const auto& entry : fs::directory_iterator(dir / std::to_string(y))) files.insert(entry.path().filename().string());
        std::set<std::string> wanted;
        for (const auto& [file, header] : kHeaders)
            if (file != "sw_episodes.csv" || y >= 2024) wanted.insert(file);
        EXPECT_EQ(files, wanted) << y;
    }
}

TEST_F(SynthCouncil, HeaderLinesAreExactlyTheColumnLists) {
    for (int y = kFirst; y <= kLast; ++y) {
        for (const auto& [file, header] : kHeaders) {
            const fs::path path = dir / std::to_string(y) / file;
            if (!fs::exists(path)) continue;
            const std::string text = slurp(path);
            EXPECT_EQ(text.substr(0, text.find('\n')), header) << path;
            EXPECT_EQ(text.find('\r'), std::string::npos) << path;  // LF only, no BOM either
            EXPECT_EQ(text.find('"'), std::string::npos) << path;   // nothing needed quoting
        }
    }
}

TEST_F(SynthCouncil, EveryDateIsDayMonthYear) {
    long dates = 0;
    for (int y = kFirst; y <= kLast; ++y) {
        for (const auto& [file, header] : kHeaders) {
            const fs::path path = dir / std::to_string(y) / file;
            if (!fs::exists(path)) continue;
            for (const Row& row : read_csv(path)) {
                for (const auto& [column, value] : row) {
                    if (!kDateColumns.contains(column) || value.empty()) continue;
                    EXPECT_TRUE(parse_date(value).has_value()) << path << " " << column << "=" << value;
                    ++dates;
                }
            }
        }
    }
    EXPECT_GT(dates, 50000);
}

TEST_F(SynthCouncil, WritesExactlyTheChildrenAskedForWithStableDatesOfBirth) {
    std::set<std::string> children;
    std::map<std::string, std::string> dob;
    long long rows = 0, bytes = 0;
    for (int y = kFirst; y <= kLast; ++y) {
        std::set<std::string> in_header;
        for (const Row& h : table(y, "header.csv")) {
            EXPECT_TRUE(in_header.insert(h.at("CHILD")).second) << "child twice in Header " << y;
            auto [it, fresh] = dob.emplace(h.at("CHILD"), h.at("DOB"));
            EXPECT_EQ(it->second, h.at("DOB")) << "DOB changed for " << h.at("CHILD");
        }
        for (const auto& [file, header] : kHeaders) {
            const fs::path path = dir / std::to_string(y) / file;
            if (!fs::exists(path)) continue;
            bytes += static_cast<long long>(fs::file_size(path));
            for (const Row& row : read_csv(path)) {
                ++rows;
                children.insert(row.at("CHILD"));
                EXPECT_TRUE(in_header.contains(row.at("CHILD"))) << file << " child not in Header " << y;
                if (row.contains("DOB")) {
                    EXPECT_EQ(row.at("DOB"), dob.at(row.at("CHILD"))) << file;
                }
            }
        }
    }
    EXPECT_EQ(static_cast<int>(children.size()), kChildren);
    EXPECT_EQ(summary.children, kChildren);
    EXPECT_EQ(summary.rows, rows);
    EXPECT_EQ(summary.bytes, bytes);
}

TEST(Synth, LooksAfterAMidSizedCouncilsChildrenAt31March) {
    const fs::path dir = scratch("default_years");
    SynthOptions options;  // 2021 to 2025
    options.out = dir;
    options.children = 3000;
    synthesize(options);
    std::map<std::string, std::pair<int, std::string>> latest_open;
    for (const Row& e : read_csv(dir / "2025" / "episodes.csv")) {
        if (!e.at("DEC").empty()) continue;
        auto& open = latest_open[e.at("CHILD")];
        if (date(e.at("DECOM")) >= open.first) open = {date(e.at("DECOM")), e.at("LS")};
    }
    int looked_after = 0;
    for (const auto& [child, open] : latest_open) looked_after += open.second != "V3";
    EXPECT_GE(looked_after, 550);
    EXPECT_LE(looked_after, 900);
    fs::remove_all(dir);
}

TEST_F(SynthCouncil, EpisodesOfAReturnAreOpenInItsYearAndOpenOnesHaveNoEnding) {
    for (int y = kFirst; y <= kLast; ++y) {
        int open = 0;
        for (const Row& e : table(y, "episodes.csv")) {
            EXPECT_LE(date(e.at("DECOM")), year_end(y));
            if (e.at("DEC").empty()) {
                ++open;
                EXPECT_EQ(e.at("REC"), "");
                EXPECT_EQ(e.at("REASON_PLACE_CHANGE"), "");
            } else {
                EXPECT_GE(date(e.at("DEC")), year_start(y));
                EXPECT_LE(date(e.at("DEC")), year_end(y));
                EXPECT_GE(date(e.at("DEC")), date(e.at("DECOM")));
                EXPECT_NE(e.at("REC"), "");
            }
        }
        EXPECT_GT(open, 400) << y;
    }
}

TEST_F(SynthCouncil, SexCodesFollowTheYear) {
    for (int y = kFirst; y <= kLast; ++y) {
        const std::set<std::string> allowed = y <= 2024 ? std::set<std::string>{"1", "2"} : std::set<std::string>{"M", "F", "U"};
        std::set<std::string> seen;
        for (const char* file : {"header.csv", "uasc.csv"})
            for (const Row& r : table(y, file)) seen.insert(r.at("SEX"));
        for (const auto& sex : seen) EXPECT_TRUE(allowed.contains(sex)) << y << " " << sex;
        EXPECT_GE(seen.size(), 2u) << y;
    }
}

TEST_F(SynthCouncil, PlacementCodesFollowTheYear) {
    for (int y = kFirst; y <= kLast; ++y) {
        std::set<std::string> places;
        for (const Row& e : table(y, "episodes.csv")) places.insert(e.at("PLACE"));
        EXPECT_EQ(places.contains("K3"), y >= 2025) << y;
        if (y >= 2026) {
            for (const char* gone : {"H5", "P2", "Z1"}) EXPECT_FALSE(places.contains(gone)) << y << " " << gone;
        } else {
            for (const char* later : {"Z11", "Z12", "Z13", "Z14"}) EXPECT_FALSE(places.contains(later)) << y;
        }
        if (y <= 2024) {
            EXPECT_TRUE(places.contains("H5")) << y;
        }
        for (const char* usual : {"U6", "U4", "U3", "K2", "P1", "A6"}) EXPECT_TRUE(places.contains(usual)) << y << usual;
    }
}

TEST_F(SynthCouncil, PeriodsOfCareAreUnbrokenChainsAcrossReturns) {
    const auto children = stacked_episodes();
    std::set<std::string> rne, rec;
    for (const auto& [child, episodes] : children) {
        const Row* previous = nullptr;
        for (const auto& [decom, e] : episodes) {
            rne.insert(e.at("RNE"));
            rec.insert(e.at("REC"));
            if (previous != nullptr) {
                ASSERT_NE(previous->at("DEC"), "") << child << ": an open episode is followed by another";
                if (previous->at("REC") == "X1") {
                    EXPECT_EQ(date(previous->at("DEC")), decom) << child;
                    EXPECT_NE(e.at("RNE"), "S") << child;
                } else {
                    EXPECT_EQ(e.at("RNE"), "S") << child;
                    EXPECT_GT(decom, date(previous->at("DEC"))) << child;
                }
            }
            const std::string place = e.at("PLACE");
            if (place[0] == 'T') {  // temporary placements sit inside a period and return to the same carer
                EXPECT_NE(e.at("RNE"), "S") << child;
                EXPECT_EQ(e.at("REC"), e.at("DEC").empty() ? "" : "X1") << child;
                EXPECT_EQ(e.at("PLACE_PROVIDER"), "") << child;
                EXPECT_EQ(e.at("REASON_PLACE_CHANGE"), "") << child;
                if (previous != nullptr) {
                    EXPECT_EQ(previous->at("REASON_PLACE_CHANGE"), "") << child;
                }
                const auto next = episodes.upper_bound(decom);
                if (next != episodes.end() && previous != nullptr) {
                    EXPECT_EQ(next->second.at("RNE"), "P") << child;
                    for (const char* same : {"PLACE", "PLACE_PROVIDER", "PL_POST", "URN"})
                        EXPECT_EQ(next->second.at(same), previous->at(same)) << child << " " << same;
                }
            }
            previous = &e;
        }
    }
    for (const char* r : {"S", "P", "L", "T", "U", "B"}) EXPECT_TRUE(rne.contains(r)) << r;
    for (const char* r : {"X1", "E4A", "E11", "E12", "E13", "E17", "E3", "E41", "E45", "E5"}) EXPECT_TRUE(rec.contains(r)) << r;
}

TEST_F(SynthCouncil, AnEpisodeInTwoReturnsKeepsItsFieldsAndClosesOnce) {
    std::map<std::pair<std::string, std::string>, Row> seen;
    int carried = 0;
    for (int y = kFirst; y <= kLast; ++y) {
        for (const Row& e : table(y, "episodes.csv")) {
            const auto key = std::pair{e.at("CHILD"), e.at("DECOM")};
            if (const auto it = seen.find(key); it != seen.end()) {
                ++carried;
                EXPECT_EQ(it->second.at("DEC"), "") << "a closed episode was written again";
                for (const auto& [column, value] : e) {
                    if (column == "DEC" || column == "REC" || column == "REASON_PLACE_CHANGE") continue;
                    const bool z1_split = column == "PLACE" && it->second.at("PLACE") == "Z1" && value == "Z12";
                    if (z1_split || (column != "PLACE" && it->second.at("PLACE") == "Z1" && y >= 2026)) continue;
                    EXPECT_EQ(value, it->second.at(column)) << column;
                }
            }
            seen[key] = e;
        }
    }
    EXPECT_GT(carried, 2000);
}

TEST_F(SynthCouncil, ShortBreaksArePresentAndSeparate) {
    int breaks = 0;
    for (const Row& e : table(kLast, "episodes.csv")) {
        if (e.at("LS") != "V3") continue;
        ++breaks;
        EXPECT_EQ(e.at("RNE"), "S");
        EXPECT_EQ(e.at("CIN"), "N2");
        EXPECT_TRUE(e.at("PLACE") == "U6" || e.at("PLACE") == "K2");
        EXPECT_EQ(e.at("PL_POST"), "");
        EXPECT_EQ(e.at("URN"), "");
        if (!e.at("DEC").empty()) {
            EXPECT_LE(date(e.at("DEC")) - date(e.at("DECOM")), 17);
        }
    }
    EXPECT_GT(breaks, 100);
}

TEST_F(SynthCouncil, OutcomeTableHoldsExactlyTheChildrenLookedAfterForTwelveMonths) {
    for (int y = kFirst; y <= kLast; ++y) {
        std::map<std::string, bool> continuous;  // validator's definition
        const auto at_31_march = looked_after_at_31_march(y);
        for (const Row& e : table(y, "episodes.csv")) {
            const std::string& child = e.at("CHILD");
            auto [it, fresh] = continuous.emplace(child, at_31_march.contains(child));
            const bool starts = e.at("RNE") == "S" && date(e.at("DECOM")) >= year_start(y);
            const bool ends = !e.at("REC").empty() && e.at("REC") != "X1";
            if (starts || ends || e.at("LS") == "V3") it->second = false;
        }
        std::set<std::string> expected, written;
        for (const auto& [child, yes] : continuous)
            if (yes) expected.insert(child);
        for (const Row& o : table(y, "oc2.csv")) EXPECT_TRUE(written.insert(o.at("CHILD")).second);
        EXPECT_EQ(written, expected) << y;
        EXPECT_GT(written.size(), 400u) << y;
    }
}

TEST_F(SynthCouncil, CareLeaversAreNotLookedAfterAndAre17To21) {
    for (int y = kFirst; y <= kLast; ++y) {
        const auto at_31_march = looked_after_at_31_march(y);
        std::map<std::string, int> in_touch;
        for (const Row& o : table(y, "oc3.csv")) {
            EXPECT_FALSE(at_31_march.contains(o.at("CHILD")));
            const auto dob = std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{date(o.at("DOB"))}}};
            // The age reached on the birthday that falls in the year.
            const int birthday_year = dob.month() >= std::chrono::April ? y - 1 : y;
            const int age = birthday_year - static_cast<int>(dob.year());
            EXPECT_GE(age, 17);
            EXPECT_LE(age, 21);
            ++in_touch[o.at("IN_TOUCH")];
            if (o.at("IN_TOUCH") == "YES") {
                EXPECT_NE(o.at("ACTIV"), "0");
                EXPECT_NE(o.at("ACCOM"), "0");
            }
            if (o.at("IN_TOUCH") != "YES" && o.at("IN_TOUCH") != "NREQ") {
                EXPECT_EQ(o.at("ACTIV"), "0");
                EXPECT_EQ(o.at("ACCOM"), "0");
            }
        }
        EXPECT_GT(in_touch["YES"], 200) << y;
    }
}

TEST_F(SynthCouncil, MissingIncidentsDoNotOverlapAndStayOpenOnlyAt31March) {
    int open = 0;
    for (int y = kFirst; y <= kLast; ++y) {
        std::map<std::string, int> last_end;
        for (const Row& m : table(y, "missing.csv")) {
            EXPECT_TRUE(m.at("MISSING") == "M" || m.at("MISSING") == "A");
            const int start = date(m.at("MIS_START"));
            EXPECT_LE(start, year_end(y));
            const int end = m.at("MIS_END").empty() ? year_end(y) + 1 : date(m.at("MIS_END"));
            open += m.at("MIS_END").empty();
            if (!m.at("MIS_END").empty()) {
                EXPECT_GE(end, start);
                EXPECT_GE(end, year_start(y));
                EXPECT_LE(end, year_end(y));
            }
            if (const auto it = last_end.find(m.at("CHILD")); it != last_end.end()) {
                EXPECT_GT(start, it->second);
            }
            last_end[m.at("CHILD")] = end;
        }
    }
    EXPECT_GT(open, 0);
}

TEST_F(SynthCouncil, ChildrenLookedAfterAt31MarchHaveAnOpenSocialWorkerEpisode) {
    for (int y = 2024; y <= kLast; ++y) {
        std::set<std::string> open;
        for (const Row& s : table(y, "sw_episodes.csv")) {
            EXPECT_TRUE(s.at("SW_ID").starts_with("SW") || s.at("SW_ID").starts_with("XX")) << s.at("SW_ID");
            if (s.at("SW_DEC").empty()) open.insert(s.at("CHILD"));
            if (date(s.at("SW_DECOM")) >= day_of(2023, 4, 1)) {
                EXPECT_NE(s.at("SW_REASON"), "");
            }
        }
        for (const auto& child : looked_after_at_31_march(y)) EXPECT_TRUE(open.contains(child)) << child;
    }
}

TEST_F(SynthCouncil, AdoptionsHaveTheirDecisionsAndMatches) {
    int adopted = 0;
    const auto children = stacked_episodes();
    for (int y = kFirst; y <= kLast; ++y) {
        for (const Row& a : table(y, "ad1.csv")) {
            ++adopted;
            EXPECT_LE(date(a.at("DATE_INT")), date(a.at("DATE_MATCH")));
            const auto& episodes = children.at(a.at("CHILD"));
            const Row& last = episodes.rbegin()->second;
            EXPECT_TRUE(last.at("REC") == "E11" || last.at("REC") == "E12");
            EXPECT_LE(date(a.at("DATE_MATCH")), episodes.rbegin()->first);
            const bool with_carers = last.at("PLACE") == "A3" || last.at("PLACE") == "A5";
            EXPECT_EQ(a.at("FOSTER_CARE"), with_carers ? "1" : "0");
            EXPECT_EQ(a.at("NB_ADOPTR") == "1", a.at("LS_ADOPTR") == "L0");
        }
    }
    EXPECT_GT(adopted, 50);
}

TEST(Synth, SameSeedSameBytesAndAnotherSeedOtherBytes) {
    auto run = [](const std::string& name, std::uint64_t seed) {
        SynthOptions options;
        options.out = scratch(name);
        options.children = 400;
        options.first_year = 2023;
        options.last_year = 2025;
        options.seed = seed;
        synthesize(options);
        std::map<std::string, std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(options.out))
            if (entry.is_regular_file()) files[fs::relative(entry.path(), options.out).string()] = slurp(entry.path());
        fs::remove_all(options.out);
        return files;
    };
    const auto first = run("seed_a", 7);
    EXPECT_EQ(first.size(), 3u * 10u + 2u);
    EXPECT_EQ(first, run("seed_b", 7));
    const auto other = run("seed_c", 8);
    EXPECT_NE(first.at("2025/episodes.csv"), other.at("2025/episodes.csv"));
}

TEST(Synth, RefusesOptionsThatMakeNoSense) {
    SynthOptions options;
    options.out = scratch("refused");
    options.children = 0;
    EXPECT_THROW(synthesize(options), std::runtime_error);
    options.children = 10;
    options.first_year = 2025;
    options.last_year = 2024;
    EXPECT_THROW(synthesize(options), std::runtime_error);
    options.first_year = 2024;
    options.out.clear();
    EXPECT_THROW(synthesize(options), std::runtime_error);
}

}  // namespace
}  // namespace corparent::ssda903
