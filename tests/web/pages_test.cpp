// The pages people read: the Pledge with its evidence, the measures, their downloads; aggregate roles
// see small numbers as c.
#include <gtest/gtest.h>

#include <filesystem>

#include "board/pledge.h"
#include "measures/definitions.h"
#include "measures/headline.h"
#include "ssda903/importer.h"
#include "ssda903/synth.h"
#include "web_fixture.h"
#include "../render/unzip.h"

using namespace corparent;
using accounts::Role;

namespace {

// A small synthetic council, imported once for the whole suite.
class Pages : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::filesystem::temp_directory_path() / ("corparent_pages_" + std::to_string(::getpid()));
        ssda903::synthesize({dir_, 400, 2023, 2025, 7});
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
    void SetUp() override {
        ASSERT_TRUE(ssda903::import_returns(*w.db, ssda903::year_folders(dir_), false).committed);
    }
    static std::filesystem::path dir_;
    test_support::WebFixture w;
};
std::filesystem::path Pages::dir_;

}  // namespace

TEST_F(Pages, TheStartPageIsThePledgeWithItsEvidence) {
    auto home = w.get("/", w.signed_in(Role::BoardMember));
    ASSERT_EQ(home.status, 200);
    auto pledge = board::current_pledge(*w.db);
    ASSERT_TRUE(pledge);
    EXPECT_EQ(pledge->statements.size(), 7u);
    EXPECT_EQ(pledge->version, 2);
    for (const auto& s : pledge->statements) {
        EXPECT_NE(home.body.find(s.commitment), std::string::npos) << s.id;
    }
    EXPECT_NE(home.body.find("href=\"/measures/stability_short\""), std::string::npos);
    // The promises that measures the 903 does not hold speak to link to their pages.
    EXPECT_NE(home.body.find("href=\"/education\">Education: attendance"), std::string::npos);
    EXPECT_NE(home.body.find("href=\"/homes\">The quality of the children"), std::string::npos);
    EXPECT_NE(home.body.find("2024-25"), std::string::npos);
    EXPECT_NE(home.body.find("Last year"), std::string::npos);
    EXPECT_NE(home.body.find("are shown as c"), std::string::npos);   // a board member sees aggregates
    EXPECT_EQ(board::pledge_versions(*w.db).front().statements.size(), 6u);   // the earlier Pledge is kept
}

TEST_F(Pages, AnAdministratorChangesWhatEvidencesAStatement) {
    board::set_evidence(*w.db, "included", {"uasc", "cl_eet:19-21"}, {"admin@example.gov.uk", "local"});
    auto pledge = board::current_pledge(*w.db);
    auto it = std::find_if(pledge->statements.begin(), pledge->statements.end(), [](const auto& s) { return s.id == "included"; });
    EXPECT_EQ(it->evidence, (std::vector<std::string>{"cl_eet:19-21", "uasc"}));
    EXPECT_THROW(board::set_evidence(*w.db, "included", {"no_such_measure"}, {"a", "b"}), std::invalid_argument);
    EXPECT_THROW(board::set_evidence(*w.db, "no-such-statement", {}, {"a", "b"}), std::invalid_argument);
}

TEST_F(Pages, EveryMeasureHasAPageWithItsTrendAndTable) {
    std::string token = w.signed_in(Role::Analyst);
    auto index = w.get("/measures", token);
    ASSERT_EQ(index.status, 200);
    for (const auto& d : measures::definitions()) {
        EXPECT_NE(index.body.find("href=\"/measures/" + std::string(d.id) + "\""), std::string::npos) << d.id;
        auto page = w.get("/measures/" + std::string(d.id), token);
        ASSERT_EQ(page.status, 200) << d.id;
        EXPECT_NE(page.body.find("role=\"img\""), std::string::npos) << d.id;   // the chart
        EXPECT_NE(page.body.find("<table class=\"govuk-table\">"), std::string::npos) << d.id;
        EXPECT_NE(page.body.find("2022-23"), std::string::npos) << d.id;        // every year held
    }
    EXPECT_EQ(w.get("/measures/no_such_measure", token).status, 404);
}

TEST_F(Pages, DownloadsHoldTheFiguresOnThePage) {
    std::string token = w.signed_in(Role::Analyst);
    auto csv = w.get("/measures/stability_short.csv", token);
    ASSERT_EQ(csv.status, 200);
    EXPECT_TRUE(csv.content_type.starts_with("text/csv"));
    EXPECT_NE(test_support::header(csv, "Content-Disposition").find("stability_short.csv"), std::string::npos);
    auto reports = measures::year_reports(*w.db, w.app.settings(), false);
    const auto* f = measures::find_figure(reports->rbegin()->second, "stability_short");
    ASSERT_TRUE(f);
    EXPECT_NE(csv.body.find("2024-25,all," + std::to_string(f->row.numerator) + "," + std::to_string(f->row.denominator)),
              std::string::npos)
        << csv.body.substr(0, 400);
    auto xlsx = w.get("/measures/stability_short.xlsx", token);
    ASSERT_EQ(xlsx.status, 200);
    auto parts = test_support::unzip(xlsx.body);
    const std::string& sheet = parts["xl/worksheets/sheet1.xml"];
    const std::string& strings = parts["xl/sharedStrings.xml"];
    EXPECT_NE(strings.find("2024-25"), std::string::npos);
    EXPECT_NE(sheet.find("<v>" + std::to_string(f->row.numerator) + "</v>"), std::string::npos);
    EXPECT_NE(sheet.find("<v>" + std::to_string(f->row.denominator) + "</v>"), std::string::npos);
    store::AuditFilter filter;
    filter.action = "export.measure";
    EXPECT_EQ(store::count_audit(*w.db, filter), 2);
}

TEST_F(Pages, AggregateRolesSeeSmallNumbersAsC) {
    auto analyst = w.get("/measures/placement_type", w.signed_in(Role::Analyst));
    auto member = w.get("/measures/placement_type", w.signed_in(Role::BoardMember));
    // DfE's own published figures may show c too; the board member's page has more: our small groups.
    auto count_c = [](const std::string& body) {
        std::size_t n = 0;
        for (auto p = body.find(">c<"); p != std::string::npos; p = body.find(">c<", p + 1)) ++n;
        return n;
    };
    EXPECT_GT(count_c(member.body), count_c(analyst.body));   // 400 children: some groups are small
    EXPECT_NE(member.body.find("are shown as c"), std::string::npos);
    EXPECT_EQ(analyst.body.find("are shown as c"), std::string::npos);
}
