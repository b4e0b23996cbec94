// Importing returns into the store: one transaction, re-import replaces, years stack, a crash changes
// nothing. Runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ssda903/importer.h"
#include "ssda903/stored_findings.h"
#include "store/bulk.h"
#include "store/returns.h"
#include "../store/test_database.h"

using namespace corparent;
namespace fs = std::filesystem;

namespace {

const char* kHeader = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
const char* kEpisodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

// A folder holding one return's files, removed when the test ends.
class ReturnFolder {
public:
    ReturnFolder() {
        static int n = 0;
        path_ = fs::temp_directory_path() / ("corparent_import_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~ReturnFolder() { fs::remove_all(path_); }
    ReturnFolder& file(const std::string& name, const std::string& text) {
        std::ofstream(path_ / name, std::ios::binary) << text;
        return *this;
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

long stacked_count(store::Database& db, const std::string& table) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return static_cast<long>(n);
}

// Two children in the 2023-24 return: A still in care at 31 March, B with a broken chain.
void write_2024(ReturnFolder& f) {
    f.file("header.csv", std::string(kHeader) + "A,1,01/06/2012,WBRI,A123456789012,,\nB,2,15/02/2010,AIND,UN4,0,\n")
        .file("episodes.csv", std::string(kEpisodes) +
                                  "A,01/06/2023,S,C2,N1,U6,PR1,,,,CV1 2AB,CV3 4CD,\n"
                                  "B,01/05/2023,S,V2,N4,U4,PR4,,,,CV2 1AA,B12 0AB,SC12345\n"
                                  "B,01/09/2023,P,C1,N4,K2,PR4,,,,CV2 1AA,B13 9ZZ,1234567\n");
}

// The 2024-25 return: A's placement ended in May and a new one began; A's first episode is now closed.
void write_2025(ReturnFolder& f) {
    f.file("header.csv", std::string(kHeader) + "A,M,01/06/2012,WBRI,A123456789012,,\n")
        .file("episodes.csv", std::string(kEpisodes) +
                                  "A,01/06/2023,S,C2,N1,U6,PR1,01/05/2024,X1,CARPL,CV1 2AB,CV3 4CD,\n"
                                  "A,01/05/2024,P,C2,N1,U4,PR1,,,,CV1 2AB,CV5 6EF,\n");
}

class ImportTest : public ::testing::TestWithParam<store::Backend> {
protected:
    void SetUp() override {
        target_ = test_support::fresh_target(GetParam());
        ASSERT_FALSE(target_.empty());
        db_ = store::Database::open(target_);
    }
    ssda903::ImportOutcome import(int year, const ReturnFolder& f, bool strict = false) {
        return ssda903::import_returns(*db_, {{year, f.path()}}, strict);
    }
    std::string target_;
    std::unique_ptr<store::Database> db_;
};

}  // namespace

TEST_P(ImportTest, StoresEveryRowAndStacksTheReturn) {
    ReturnFolder f;
    write_2024(f);
    auto outcome = import(2024, f);
    ASSERT_TRUE(outcome.committed);
    EXPECT_EQ(store::count_rows(*db_, "r903_header", 2024), 2);
    EXPECT_EQ(store::count_rows(*db_, "r903_episodes", 2024), 3);
    EXPECT_EQ(stacked_count(*db_, "stacked_episodes"), 3);
    EXPECT_EQ(stacked_count(*db_, "stacked_header"), 2);
}

TEST_P(ImportTest, ReimportingAYearReplacesIt) {
    ReturnFolder f;
    write_2024(f);
    ASSERT_TRUE(import(2024, f).committed);
    auto findings_once = ssda903::stored_findings(*db_, 2024).size();
    ASSERT_TRUE(import(2024, f).committed);
    EXPECT_EQ(store::count_rows(*db_, "r903_episodes", 2024), 3);
    EXPECT_EQ(stacked_count(*db_, "stacked_episodes"), 3);
    EXPECT_EQ(ssda903::stored_findings(*db_, 2024).size(), findings_once);
}

TEST_P(ImportTest, TheLaterReturnWinsAndBrokenChainsAreRepaired) {
    ReturnFolder y2024, y2025;
    write_2024(y2024);
    write_2025(y2025);
    ASSERT_TRUE(import(2024, y2024).committed);
    ASSERT_TRUE(import(2025, y2025).committed);
    // A: the 2023 episode once (closed, from 2025) and the 2024 one; B: two episodes.
    EXPECT_EQ(stacked_count(*db_, "stacked_episodes"), 4);
    auto eps = store::select_rows(*db_, "stacked_episodes", {"child", "decom", "dec", "rec", "source_year", "repaired"},
                                  "ORDER BY child, decom");
    ASSERT_EQ(eps.rows(), 4u);
    EXPECT_EQ(*eps.get(0, 2), "2024-05-01");   // A's first episode, closed by the 2025 return
    EXPECT_EQ(*eps.get(0, 4), "2025");
    EXPECT_EQ(*eps.get(0, 5), "0");
    EXPECT_EQ(*eps.get(2, 2), "2023-09-01");   // B's open episode, closed when the next began
    EXPECT_EQ(*eps.get(2, 3), "X1");
    EXPECT_EQ(*eps.get(2, 5), "1");
    auto findings = ssda903::stored_findings(*db_, 2024);
    auto repairs = std::count_if(findings.begin(), findings.end(), [](const auto& x) { return x.rule == "STACK-REPAIR"; });
    EXPECT_EQ(repairs, 1);
    // B is not in the 2025 return and its last episode is open: it stays open, and says so.
    auto open = std::count_if(findings.begin(), findings.end(), [](const auto& x) { return x.rule == "STACK-OPEN"; });
    EXPECT_EQ(open, 1);
}

TEST_P(ImportTest, ARefusedReturnChangesNothing) {
    ReturnFolder good, bad;
    write_2024(good);
    ASSERT_TRUE(import(2024, good).committed);
    write_2024(bad);
    bad.file("episodes.csv", "CHILD,DECOM,RNE\nA,01/06/2023,S\n");   // columns missing
    auto outcome = import(2024, bad);
    EXPECT_FALSE(outcome.committed);
    auto refusal = std::find_if(outcome.findings.begin(), outcome.findings.end(),
                                [](const auto& x) { return x.rule == "STRUCTURE"; });
    ASSERT_NE(refusal, outcome.findings.end());
    EXPECT_EQ(refusal->file, "episodes.csv");
    EXPECT_EQ(refusal->row, 1);
    EXPECT_NE(refusal->message.find("missing column(s)"), std::string::npos) << refusal->message;
    EXPECT_EQ(store::count_rows(*db_, "r903_episodes", 2024), 3);
}

TEST_P(ImportTest, StrictRefusesOnAnyError) {
    ReturnFolder f;
    write_2024(f);
    f.file("header.csv", std::string(kHeader) + "A,1,31/04/2012,WBRI,A123456789012,,\nB,2,15/02/2010,AIND,UN4,0,\n");
    EXPECT_FALSE(import(2024, f, true).committed);
    EXPECT_EQ(store::count_rows(*db_, "r903_header", 2024), 0);
    EXPECT_TRUE(import(2024, f, false).committed);
    EXPECT_EQ(store::count_rows(*db_, "r903_header", 2024), 2);
}

TEST_P(ImportTest, AKilledImportLeavesTheDatabaseUnchanged) {
    ReturnFolder y2024, y2025;
    write_2024(y2024);
    write_2025(y2025);
    ASSERT_TRUE(import(2024, y2024).committed);
    db_.reset();   // the import below is another process
    for (const char* point : {"import-before-stack", "import-before-commit"}) {
        std::string command = "exec env CORPARENT_FAILPOINT=" + std::string(point) + " " CORPARENT_BINARY
                              " import --year 2025 --db \"" + target_ + "\" " + y2025.path().string() + " >/dev/null 2>&1";
        int status = std::system(command.c_str());
        ASSERT_TRUE(WIFSIGNALED(status)) << point << ": status " << status;
        EXPECT_EQ(WTERMSIG(status), SIGKILL);
        auto db = store::Database::open(target_);
        EXPECT_EQ(store::count_rows(*db, "r903_episodes", 2025), 0) << point;
        EXPECT_EQ(store::count_rows(*db, "r903_episodes", 2024), 3) << point;
        EXPECT_EQ(stacked_count(*db, "stacked_episodes"), 3) << point;
    }
    // And without the failpoint the same command lands.
    std::string command = CORPARENT_BINARY " import --year 2025 --db \"" + target_ + "\" " + y2025.path().string() + " >/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    auto db = store::Database::open(target_);
    EXPECT_EQ(store::count_rows(*db, "r903_episodes", 2025), 2);
}

TEST_P(ImportTest, TheMessyValidatorSampleGivesFindingsNotACrash) {
    fs::path sample = fs::path(CORPARENT_SOURCE_DIR) / "tests/data/903-samples/d2i-validator-fake";
    auto outcome = ssda903::import_returns(*db_, {{2018, sample}}, false);
    ASSERT_TRUE(outcome.committed);
    EXPECT_EQ(store::count_rows(*db_, "r903_episodes", 2018), 5050);
    EXPECT_EQ(store::count_rows(*db_, "r903_reviews", 2018), 12582);
    auto findings = ssda903::stored_findings(*db_, 2018);
    EXPECT_GT(findings.size(), 100u);
    for (const auto& f : findings) {
        EXPECT_FALSE(f.rule.empty());
        EXPECT_FALSE(f.message.empty());
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);
