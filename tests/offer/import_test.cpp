// The take-up file: row-level findings naming the file, row, column and rule; the good rows kept, in one
// transaction; a file that cannot be read refused whole; re-importing adds nothing; advisers assigned.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "../store/test_database.h"
#include "accounts/accounts.h"
#include "offer/import.h"
#include "offer/young_people.h"
#include "ssda903/csv_reader.h"
#include "offer_fixture.h"
#include "store/accounts.h"
#include "store/offer.h"

using namespace corparent;
namespace fs = std::filesystem;

namespace {

class OfferImport : public ::testing::Test {
protected:
    void SetUp() override {
        path = test_support::fresh_target(store::Backend::Sqlite);
        db = store::Database::open(path);
        test_support::load_offer_council(*db);
        accounts::add_user(*db, "pa@example.gov.uk", accounts::Role::Worker, "correct horse battery staple", std::nullopt,
                           actor);
        accounts::add_user(*db, "analyst@example.gov.uk", accounts::Role::Analyst, "correct horse battery staple",
                           std::nullopt, actor);
    }

    offer::TakeUpImport import(const std::string& text, const std::string& name = "take-up.csv") {
        auto dir = test_support::offer_temp_path("import");
        fs::create_directories(dir);
        std::ofstream(dir / name, std::ios::binary) << text;
        auto r = offer::import_take_up(*db, dir / name, {}, actor);
        fs::remove_all(dir);
        return r;
    }

    std::string target() const { return path; }

    std::string path;
    std::unique_ptr<store::Database> db;
    const accounts::Actor actor{"cli:test", "local"};
};

const ssda903::Finding* at(const offer::TakeUpImport& r, long row, const std::string& column) {
    for (const auto& f : r.file.findings)
        if (f.row == row && f.column == column) return &f;
    return nullptr;
}

}  // namespace

TEST_F(OfferImport, GoodRowsAreStoredAndBadOnesNamedByRowColumnAndRule) {
    auto r = import("CHILD,entitlement,status,date,adviser,note\n"
                    "C2,leisure_pass,offered,01/02/2025,pa@example.gov.uk,\n"          // 2 good
                    "c2,Leisure_Pass,Taken Up,2025-02-20,,went twice\n"                // 3 good: any case, ISO date
                    ",leisure_pass,offered,01/02/2025,,\n"                             // 4 no CHILD
                    "C3,bus_pass,offered,01/02/2025,,\n"                               // 5 unknown entitlement
                    "C3,council_tax_exemption,maybe,01/02/2025,,\n"                   // 6 bad status
                    "C3,council_tax_exemption,offered,31/02/2025,,\n"                 // 7 not a day
                    "C3,council_tax_exemption,offered,01/01/2999,,\n"                 // 8 the future
                    "C3,council_tax_exemption,offered,01/02/2025\n"                   // 9 too few fields
                    "C3,council_tax_exemption,taken up,03/02/2025,analyst@example.gov.uk,\n"   // 10 stored, adviser not a worker
                    "C3,water_bill_exemption,declined,03/02/2025,not an email,\n"     // 11 stored, adviser bad
                    "C9,leisure_pass,offered,03/02/2025,,\n");                         // 12 stored, unknown child
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.file.rows_read, 11);
    EXPECT_EQ(r.stored, 5);
    EXPECT_EQ(r.advisers, 1);
    struct Expect {
        long row;
        const char* column;
        const char* rule;
        ssda903::Severity severity;
    };
    for (const auto& e : std::vector<Expect>{{4, "CHILD", "OFFER-CHILD", ssda903::Severity::Error},
                                             {5, "entitlement", "OFFER-ENTITLEMENT", ssda903::Severity::Error},
                                             {6, "status", "OFFER-STATUS", ssda903::Severity::Error},
                                             {7, "date", "OFFER-DATE", ssda903::Severity::Error},
                                             {8, "date", "OFFER-DATE-FUTURE", ssda903::Severity::Error},
                                             {9, "", "OFFER-WIDTH", ssda903::Severity::Error},
                                             {10, "adviser", "OFFER-ADVISER", ssda903::Severity::Error},
                                             {11, "adviser", "OFFER-ADVISER", ssda903::Severity::Error},
                                             {12, "CHILD", "OFFER-UNKNOWN-CHILD", ssda903::Severity::Warning}}) {
        const auto* f = at(r, e.row, e.column);
        ASSERT_TRUE(f) << "row " << e.row;
        EXPECT_EQ(f->rule, e.rule) << "row " << e.row;
        EXPECT_EQ(f->severity, e.severity) << "row " << e.row;
        EXPECT_EQ(f->file, "take-up.csv");
    }
    EXPECT_EQ(r.file.findings.size(), 9u);
    EXPECT_EQ(at(r, 6, "status")->message, "the status is not offered, taken up, declined or not eligible; the row was "
                                           "not stored");
    EXPECT_EQ(at(r, 10, "adviser")->message, "no social worker or personal adviser signs in with this email; the row "
                                             "was stored without assigning an adviser");
    auto held = store::load_take_up(*db);
    ASSERT_EQ(held.size(), 5u);
    auto c2 = store::load_take_up_of(*db, "C2");
    ASSERT_EQ(c2.size(), 2u);
    EXPECT_EQ(c2[1].status, "taken_up");
    EXPECT_EQ(c2[1].on_date, "2025-02-20");
    EXPECT_EQ(c2[1].note, "went twice");
    EXPECT_EQ(c2[1].source, "take-up.csv");
    EXPECT_EQ(store::find_adviser(*db, "C2")->adviser, "pa@example.gov.uk");
    EXPECT_FALSE(store::find_adviser(*db, "C3"));
    store::AuditFilter f;
    f.action = "import.offer";
    auto lines = store::find_audit(*db, f);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].detail, "5 records stored, 0 held already, 1 advisers assigned; 11 rows read; 8 errors, 1 warnings");
}

TEST_F(OfferImport, ImportingTheSameFileTwiceAddsNothing) {
    const std::string text = "CHILD,entitlement,status,date\nC2,leisure_pass,offered,01/02/2025\n"
                             "C2,leisure_pass,offered,01/02/2025\n"   // the same row twice in one file
                             "C3,leisure_pass,taken up,01/02/2025\n";
    auto first = import(text);
    EXPECT_EQ(first.stored, 2);
    EXPECT_EQ(first.held, 1);
    ASSERT_TRUE(at(first, 3, ""));
    EXPECT_EQ(at(first, 3, "")->rule, "OFFER-HELD");
    auto second = import(text);
    ASSERT_TRUE(second.committed);
    EXPECT_EQ(second.stored, 0);
    EXPECT_EQ(second.held, 3);
    EXPECT_EQ(store::load_take_up(*db).size(), 2u);
    // A new status for the same entitlement is a new record: the history grows.
    auto third = import("CHILD,entitlement,status,date\nC2,leisure_pass,taken up,01/03/2025\n");
    EXPECT_EQ(third.stored, 1);
    EXPECT_EQ(store::load_take_up(*db).size(), 3u);
}

TEST_F(OfferImport, HeadingsAreMatchedInAnyCaseAndOrderAndTwoAdvisersForOneChildAreAnError) {
    auto r = import("Personal Adviser,Date,Status,Entitlement ID,child\n"
                    "pa@example.gov.uk,01/02/2025,offered,leisure_pass,C3\n"
                    "PA@EXAMPLE.GOV.UK,02/02/2025,offered,apprenticeship_living_wage,C3\n"
                    "someone@example.gov.uk,03/02/2025,offered,care_leavers_awards,C3\n");
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.stored, 3);
    EXPECT_EQ(r.advisers, 1);
    EXPECT_EQ(store::find_adviser(*db, "C3")->adviser, "pa@example.gov.uk");
    ASSERT_TRUE(at(r, 4, "adviser"));   // not a worker who signs in
    EXPECT_EQ(at(r, 4, "adviser")->rule, "OFFER-ADVISER");
    accounts::add_user(*db, "pa2@example.gov.uk", accounts::Role::Worker, "correct horse battery staple", std::nullopt, actor);
    auto twice = import("CHILD,entitlement,status,date,adviser\n"
                        "C2,leisure_pass,offered,01/02/2025,pa@example.gov.uk\n"
                        "C2,care_leavers_awards,offered,01/02/2025,pa2@example.gov.uk\n");
    ASSERT_TRUE(at(twice, 3, "adviser"));
    EXPECT_EQ(at(twice, 3, "adviser")->rule, "OFFER-ADVISER-TWICE");
    EXPECT_EQ(store::find_adviser(*db, "C2")->adviser, "pa@example.gov.uk");
}

TEST_F(OfferImport, AFileThatCannotBeReadIsRefusedWholeAndChangesNothing) {
    struct Case {
        std::string text;
        long row;
        std::string column;
        std::string says;
    };
    for (const auto& c : std::vector<Case>{
             {"", 0, "", "the file is empty"},
             {"CHILD,entitlement,status,when\nC2,leisure_pass,offered,01/02/2025\n", 1, "column 4",
              "column 4's heading is not one of CHILD, entitlement, status, date, adviser and note"},
             {"CHILD,entitlement,status\nC2,leisure_pass,offered\n", 1, "", "there is no date column"},
             {"CHILD,entitlement,status,date,CHILD\n", 1, "column 5", "column 5 is a second CHILD column"},
             {"CHILD,entitlement,status,date\nC2,leisure_pass,offered,01/02/2025\nC3,\"leisure_pass,offered,01/02/2025\n",
              3, "column 2", "quote"},
             {"CHILD,entitlement,status,date\nC2,leisure_pass,offered,01/02/2025\nC3,lei\xff\xfe,offered,01/02/2025\n", 3,
              "", "UTF-8"}}) {
        auto r = import(c.text);
        SCOPED_TRACE(c.text);
        EXPECT_FALSE(r.committed);
        EXPECT_TRUE(r.file.refused);
        ASSERT_EQ(r.file.findings.size(), 1u);
        const auto& f = r.file.findings[0];
        EXPECT_EQ(f.rule, "OFFER-FILE");
        EXPECT_EQ(f.file, "take-up.csv");
        if (c.row) {
            EXPECT_EQ(f.row, c.row);
        }
        if (!c.column.empty()) {
            EXPECT_EQ(f.column, c.column);
        }
        EXPECT_NE(f.message.find(c.says), std::string::npos) << f.message;
        EXPECT_NE(f.message.find("nothing was imported"), std::string::npos);
    }
    EXPECT_TRUE(store::load_take_up(*db).empty());
}

TEST_F(OfferImport, TheCommandPrintsASummaryAndFindingsAndExitsByOutcome) {
    auto dir = test_support::offer_temp_path("cli");
    fs::create_directories(dir);
    std::ofstream(dir / "good.csv") << "CHILD,entitlement,status,date\nC2,leisure_pass,offered,01/02/2025\n"
                                       "C2,nope,offered,01/02/2025\n";
    std::ofstream(dir / "bad.csv") << "who,what\nC2,x\n";
    db.reset();
    auto run = [&](const std::string& file) {
        std::string cmd = std::string(CORPARENT_BINARY) + " offer import --db " + target() + " " + (dir / file).string() +
                          " > " + (dir / "out.txt").string() + " 2>&1";
        int status = std::system(cmd.c_str());
        std::ifstream in(dir / "out.txt");
        std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return std::make_pair(WEXITSTATUS(status), out);
    };
    auto [good_status, good] = run("good.csv");
    EXPECT_EQ(good_status, 0) << good;
    EXPECT_NE(good.find("Read 2 rows of good.csv: stored 1 record, 0 held already; assigned 0 personal advisers."),
              std::string::npos)
        << good;
    EXPECT_NE(good.find("1 error (rows not stored, or stored without their adviser) and 0 warnings:"), std::string::npos)
        << good;
    EXPECT_NE(good.find("good.csv row 3 entitlement"), std::string::npos) << good;
    auto [bad_status, bad] = run("bad.csv");
    EXPECT_EQ(bad_status, 1) << bad;
    EXPECT_NE(bad.find("bad.csv was not imported"), std::string::npos) << bad;
    fs::remove_all(dir);
}

TEST_F(OfferImport, TheDocumentedExampleFileReadsWithoutAnError) {
    ssda903::MappedFile file(fs::path(CORPARENT_DATA_DIR).parent_path() / "docs" / "offer-take-up-example.csv");
    auto read = offer::read_take_up_file(file.text(), "offer-take-up-example.csv", offer::load_catalogue(*db), offer::today());
    EXPECT_FALSE(read.refused);
    EXPECT_EQ(read.rows_read, 5);
    EXPECT_EQ(read.rows.size(), 5u);
    EXPECT_TRUE(read.findings.empty());
    EXPECT_EQ(read.rows[2].note, "wants to go later, with a friend");
    EXPECT_EQ(read.rows[4].status, "not_eligible");
}
