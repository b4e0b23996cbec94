// Quality of children's homes: Ofsted's list read and imported (its findings), a home's rating on 31 March
// (URN missing, unknown, not yet rated, rating changed during the year), the shares worked by hand, the
// temporary-stay rule, the page for an analyst and for a Board member, and the demo's synthetic list.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../measures/council_fixture.h"
#include "../ssda903/return_fixture.h"
#include "../web/web_fixture.h"
#include "providers/homes_measure.h"
#include "providers/provider_file.h"
#include "providers/synth.h"
#include "ssda903/importer.h"
#include "ssda903/synth.h"
#include "store/providers.h"

using namespace corparent;
using council_fixture::d;
using council_fixture::E;
using providers::HomeStatus;
using test_support::Places;
using test_support::where;

namespace {

constexpr const char* kHeader = "URN,Provider type,Overall effectiveness,Inspection date\n";

store::OfstedInspectionRow inspection(std::string urn, std::string rating, std::string iso_date) {
    return {std::move(urn), "Children's home", std::move(rating), std::move(iso_date)};
}

// An episode with its URN.
care::Episode with_urn(E e, std::string urn) {
    e.ep.urn = std::move(urn);
    return e;
}

// The list the hand-worked cases use: inspections of seven URNs.
providers::OfstedList hand_list() {
    return providers::OfstedList({
        inspection("1111111", "Good", "2024-06-01"),
        inspection("SC222222", "Outstanding", "2023-01-01"),
        inspection("3333333", "Inadequate", "2024-06-10"),   // rating changed during the year
        inspection("3333333", "Good", "2025-01-15"),
        inspection("4444444", "Requires improvement to be good", "2024-11-30"),
        inspection("5555555", "Inadequate", "2022-05-05"),
        inspection("6666666", "Good", "2025-04-02"),         // first rated after 31 March 2025
        inspection("8888888", "", ""),                       // registered, not yet inspected
    });
}

}  // namespace

// ---- reading Ofsted's list --------------------------------------------------------------------------

TEST(ProvidersFile, ReadsOfstedsHeadingsInAnyCaseAndIgnoresOtherColumns) {
    auto f = providers::read_providers(
        "Local authority,urn,Provider Type,Overall experiences and progress of children and young people,"
        "Date of latest full inspection\n"
        "Coventry, sc123456 ,Children's home,requires improvement,01/06/2024\n"
        "Warwickshire,1234567,Children's home,Not yet inspected,\n"
        "Solihull,7654321,Children's home,Outstanding,2023-09-30\n",
        "ofsted.csv");
    ASSERT_FALSE(f.refused) << f.findings.front().message;
    EXPECT_TRUE(f.findings.empty());
    EXPECT_EQ(f.rows_read, 3);
    ASSERT_EQ(f.rows.size(), 3u);
    EXPECT_EQ(f.rows[0].urn, "SC123456");
    EXPECT_EQ(f.rows[0].overall_effectiveness, "Requires improvement to be good");
    EXPECT_EQ(f.rows[0].inspection_date, "2024-06-01");
    EXPECT_EQ(f.rows[0].provider_type, "Children's home");
    EXPECT_EQ(f.rows[1].overall_effectiveness, "");
    EXPECT_EQ(f.rows[1].inspection_date, "");
    EXPECT_EQ(f.rows[2].inspection_date, "2023-09-30");
}

TEST(ProvidersFile, OverallEffectivenessWinsOverTheChildrensHomesGrade) {
    auto f = providers::read_providers("URN,Overall experiences and progress of children and young people,"
                                       "Overall effectiveness,Inspection date\n1234567,Inadequate,Good,01/06/2024\n",
                                       "ofsted.csv");
    ASSERT_EQ(f.rows.size(), 1u);
    EXPECT_EQ(f.rows[0].overall_effectiveness, "Good");
}

TEST(ProvidersFile, BadRowsAreReportedWithRowAndColumnAndLeftOut) {
    auto f = providers::read_providers(std::string(kHeader) +
                                           "1111111,Children's home,Good,01/06/2024\n"            // 2: kept
                                           "2222222,Children's home,Very good,01/06/2024\n"       // 3: bad rating
                                           "3333333,Children's home,Good,31/04/2024\n"            // 4: no such day
                                           ",Children's home,Good,01/06/2024\n"                   // 5: no URN
                                           "12AB,Children's home,Good,01/06/2024\n"               // 6: not a URN
                                           "4444444,Children's home,Inadequate,\n"                // 7: rating, no date
                                           "5555555,,Good,01/06/2024\n"                           // 8: kept, warned
                                           "1111111,Children's home,Good,01/06/2024\n"            // 9: same as 2
                                           "6666666,Children's home,Good,01/06/2024\n"            // 10: clash with 11
                                           "6666666,Children's home,Inadequate,01/06/2024\n",     // 11
                                       "ofsted.csv");
    ASSERT_FALSE(f.refused);
    EXPECT_EQ(where(f.findings), (Places{"ofsted.csv:3:Overall effectiveness:PROV-RATING",
                                         "ofsted.csv:4:Inspection date:PROV-DATE", "ofsted.csv:5:URN:PROV-URN",
                                         "ofsted.csv:6:URN:PROV-URN", "ofsted.csv:7:Inspection date:PROV-DATE",
                                         "ofsted.csv:8:Provider type:PROV-TYPE", "ofsted.csv:9:URN:PROV-URN",
                                         "ofsted.csv:10:Overall effectiveness:PROV-RATING",
                                         "ofsted.csv:11:Overall effectiveness:PROV-RATING"}));
    EXPECT_EQ(f.findings[5].severity, ssda903::Severity::Warning);
    EXPECT_EQ(f.findings[6].severity, ssda903::Severity::Warning);
    ASSERT_EQ(f.rows.size(), 2u);
    EXPECT_EQ(f.rows[0].urn, "1111111");
    EXPECT_EQ(f.rows[1].urn, "5555555");
}

TEST(ProvidersFile, AFileThatIsNotOfstedsListIsRefused) {
    for (std::string text : {std::string("CHILD,name\nC1,Sam\n"), std::string("URN,Inspection date\n1234567,01/06/2024\n"),
                             std::string("URN,urn,Overall effectiveness,Inspection date\n"), std::string(""),
                             std::string(kHeader) + "1234567,\"Children's home,Good,01/06/2024\n"}) {
        auto f = providers::read_providers(text, "list.csv");
        EXPECT_TRUE(f.refused) << text;
        EXPECT_TRUE(f.rows.empty());
        ASSERT_EQ(f.findings.size(), 1u);
        EXPECT_TRUE(test_support::says(f.findings[0].message, "nothing was imported"));
    }
}

TEST(ProvidersFile, UrnsAndRatingsAreNormalised) {
    EXPECT_EQ(providers::normalise_urn(" sc 123456 "), "SC123456");
    EXPECT_EQ(providers::normalise_urn("1234567"), "1234567");
    EXPECT_EQ(providers::normalise_urn(""), "");
    EXPECT_FALSE(providers::normalise_urn("XXXXXXX"));
    EXPECT_FALSE(providers::normalise_urn("12345"));
    EXPECT_FALSE(providers::normalise_urn("ABC123456"));
    EXPECT_EQ(providers::normalise_rating("RI"), "Requires improvement to be good");
    EXPECT_EQ(providers::normalise_rating("2"), "Good");
    EXPECT_EQ(providers::normalise_rating("N/A"), "");
    EXPECT_FALSE(providers::normalise_rating("Improved effectiveness"));
}

// ---- importing it ------------------------------------------------------------------------------------

class ProvidersImport : public ::testing::Test {
protected:
    std::filesystem::path file(const std::string& name, const std::string& text) {
        auto p = folder.path() / name;
        folder.write(name, text);
        return p;
    }
    test_support::ReturnFolder folder;
    std::unique_ptr<store::Database> db = test_support::fresh_database(store::Backend::Sqlite);
    accounts::Actor actor{"analyst@example.gov.uk", "local"};
};

TEST_F(ProvidersImport, AReImportReplacesTheListAndAnUnknownHeaderChangesNothing) {
    auto first = providers::import_providers(
        *db, file("a.csv", std::string(kHeader) + "1111111,Children's home,Good,01/06/2024\n"
                                                  "1111111,Children's home,Inadequate,01/06/2023\n"
                                                  "2222222,Children's home,,\n"),
        actor);
    ASSERT_TRUE(first.committed);
    EXPECT_EQ(first.replaced, 0);
    auto held = store::load_ofsted_inspections(*db);
    ASSERT_EQ(held.size(), 3u);
    EXPECT_EQ(held[0].inspection_date, "2023-06-01");   // oldest first
    EXPECT_EQ(held[2].inspection_date, "");
    EXPECT_TRUE(store::ofsted_inspections_imported_at(*db));

    auto refused = providers::import_providers(*db, file("b.csv", "CHILD,name\nC1,Sam\n"), actor);
    EXPECT_FALSE(refused.committed);
    EXPECT_TRUE(refused.file.refused);
    EXPECT_EQ(store::load_ofsted_inspections(*db).size(), 3u);

    auto nothing_good = providers::import_providers(*db, file("c.csv", std::string(kHeader) + "1,x,Great,\n"), actor);
    EXPECT_FALSE(nothing_good.committed);
    EXPECT_EQ(store::load_ofsted_inspections(*db).size(), 3u);

    auto second = providers::import_providers(
        *db, file("d.csv", std::string(kHeader) + "3333333,Children's home,Outstanding,02/02/2025\n"), actor);
    ASSERT_TRUE(second.committed);
    EXPECT_EQ(second.replaced, 3);
    held = store::load_ofsted_inspections(*db);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].urn, "3333333");
    EXPECT_EQ(held[0].overall_effectiveness, "Outstanding");
}

// ---- a home's rating on 31 March ---------------------------------------------------------------------

TEST(HomesMatching, AHomeHasTheRatingOfItsLatestFullInspectionOnOrBefore31March) {
    const auto list = hand_list();
    const auto end2025 = d("31/03/2025"), end2024 = d("31/03/2024");
    EXPECT_EQ(list.rating_on("", end2025).status, HomeStatus::NoUrn);
    EXPECT_EQ(list.rating_on("XXXXXXX", end2025).status, HomeStatus::NoUrn);
    EXPECT_EQ(list.rating_on("9999999", end2025).status, HomeStatus::UnknownUrn);
    EXPECT_EQ(list.rating_on("8888888", end2025).status, HomeStatus::NotYetRated);
    EXPECT_EQ(list.rating_on("sc222222", end2025).status, HomeStatus::Outstanding);
    // Inadequate in June, Good in January: Good at 31 March; before June it had no rating.
    auto changed = list.rating_on("3333333", end2025);
    EXPECT_EQ(changed.status, HomeStatus::Good);
    EXPECT_EQ(changed.inspected, d("15/01/2025"));
    EXPECT_EQ(list.rating_on("3333333", d("31/12/2024")).status, HomeStatus::Inadequate);
    EXPECT_EQ(list.rating_on("3333333", end2024).status, HomeStatus::NotYetRated);
    // First rated after 31 March: not yet rated on that day.
    EXPECT_EQ(list.rating_on("6666666", end2025).status, HomeStatus::NotYetRated);
    EXPECT_EQ(list.rating_on("6666666", d("31/03/2026")).status, HomeStatus::Good);
    // An inspection counts from its own day.
    EXPECT_EQ(list.rating_on("6666666", d("02/04/2025")).status, HomeStatus::Good);
    EXPECT_EQ(list.rating_on("6666666", d("01/04/2025")).status, HomeStatus::NotYetRated);
}

// ---- the shares, by hand -----------------------------------------------------------------------------

TEST(HomesMeasure, SharesWorkedByHandAddUpToEveryChildInAChildrensHome) {
    using council_fixture::child;
    std::vector<council_fixture::ChildSpec> specs = {
        child("C01", "01/01/2010", {with_urn(E("01/01/2024", "S", "K2"), "1111111")}),                 // Good
        child("C02", "01/01/2010", {with_urn(E("01/01/2024", "S", "K2"), "SC222222")}),                // Outstanding
        child("C03", "01/01/2008", {with_urn(E("01/01/2024", "S", "K2"), "3333333")}),                 // Inadequate -> Good
        child("C04", "01/01/2008", {with_urn(E("01/01/2024", "S", "K2"), "4444444")}),                 // RI
        child("C05", "01/01/2008", {with_urn(E("01/01/2024", "S", "K2"), "5555555")}),                 // Inadequate
        child("C06", "01/01/2008", {with_urn(E("01/01/2024", "S", "K2"), "6666666")}),                 // not yet rated
        child("C07", "01/01/2008", {with_urn(E("01/01/2024", "S", "K2"), "7777777")}),                 // unknown
        child("C08", "01/01/2008", {with_urn(E("01/01/2024", "S", "K2"), "")}),                        // no URN
        child("C09", "01/01/2008", {with_urn(E("01/01/2024", "S", "K2"), "XXXXXXX")}),                 // no URN
        // A temporary stay on 31 March: the child counts in the children's home before it.
        child("C10", "01/01/2010", {with_urn(E("01/01/2024", "S", "K2").to("20/03/2025", "X1"), "1111111"),
                                    with_urn(E("20/03/2025", "P", "T1"), "")}),
        child("C11", "01/01/2010", council_fixture::in_care_since("01/01/2024", "U4")),               // foster care
        child("C12", "01/01/2010", {with_urn(E("01/01/2024", "S", "K2").to("01/03/2025", "E11"), "1111111")}),   // left
        // In a children's home before a move to foster care: where the child is on 31 March counts.
        child("C13", "01/01/2010", {with_urn(E("01/01/2024", "S", "K2").to("01/02/2025", "X1").why("CARPL"), "1111111"),
                                    E("01/02/2025", "P", "U4")}),
    };
    auto council = council_fixture::build_council(specs, {}, 2025, {});
    auto r = providers::homes_measure(council, 2025, hand_list());
    EXPECT_EQ(r.children, 10);
    measures::MeasureResult result;
    result.rows = r.rows;
    EXPECT_TRUE(council_fixture::is(result, "homes_good", "", 4, 10));   // C01, C02, C03, C10
    EXPECT_TRUE(council_fixture::is(result, "homes_requires_improvement", "", 1, 10));
    EXPECT_TRUE(council_fixture::is(result, "homes_inadequate", "", 1, 10));
    EXPECT_TRUE(council_fixture::is(result, "homes_not_yet_rated", "", 1, 10));
    EXPECT_TRUE(council_fixture::is(result, "homes_unknown_urn", "", 1, 10));
    EXPECT_TRUE(council_fixture::is(result, "homes_no_urn", "", 2, 10));
    // By age at 31 March 2025: C01, C02, C10 are 15; the other seven are 17.
    EXPECT_TRUE(council_fixture::is(result, "homes_good", "age:10-15", 3, 3));
    EXPECT_TRUE(council_fixture::is(result, "homes_good", "age:16 and over", 1, 7));
    EXPECT_TRUE(council_fixture::is(result, "homes_no_urn", "age:16 and over", 2, 7));

    // The homes, by URN: 1111111 has C01 and C10.
    std::vector<std::string> urns;
    for (const auto& h : r.homes) urns.push_back(h.urn);
    EXPECT_EQ(urns, (std::vector<std::string>{"1111111", "3333333", "4444444", "5555555", "6666666", "7777777",
                                              "SC222222"}));
    EXPECT_EQ(r.homes[0].children, 2);
    EXPECT_EQ(r.homes[0].status, HomeStatus::Good);
    EXPECT_EQ(r.homes[1].inspected, d("15/01/2025"));
    EXPECT_EQ(r.homes[5].status, HomeStatus::UnknownUrn);

    // A year earlier 3333333 had no rating yet, and C12 and C13 were in 1111111, not yet inspected then.
    auto before = providers::homes_measure(council, 2024, hand_list());
    measures::MeasureResult earlier;
    earlier.rows = before.rows;
    EXPECT_EQ(before.children, 12);
    EXPECT_TRUE(council_fixture::is(earlier, "homes_good", "", 1, 12));   // C02
    EXPECT_TRUE(council_fixture::is(earlier, "homes_not_yet_rated", "", 7, 12));   // C01, C03, C04, C06, C10, C12, C13
}

// ---- the page ----------------------------------------------------------------------------------------

namespace {

// A return for 2024-25: twelve children in children's homes (nine in Good homes, three in one that
// Requires improvement) and one in foster care; and Ofsted's list.
class HomesPage : public ::testing::Test {
protected:
    void SetUp() override {
        std::string header, episodes;
        for (int i = 1; i <= 13; ++i) {
            std::string id = "C" + std::to_string(100 + i);
            header += id + ",F,01/01/2010,WBRI,,,\n";
            std::string place = i == 13 ? "U4" : "K2";
            std::string urn = i == 13 ? "" : i <= 9 ? (i % 2 ? "1111111" : "SC222222") : "3333333";
            episodes += id + ",01/06/2024,S,C2,N1," + place + ",PR4,,,,CV1 1AA,CV2 2BB," + urn + "\n";
        }
        std::filesystem::create_directories(returns.path() / "2025");
        std::ofstream(returns.path() / "2025" / "header.csv") << test_support::csv_903(ssda903::TableId::Header, header);
        std::ofstream(returns.path() / "2025" / "episodes.csv") << test_support::csv_903(ssda903::TableId::Episodes, episodes);
        ASSERT_TRUE(ssda903::import_returns(*w.db, ssda903::year_folders(returns.path()), false).committed);
        returns.write("ofsted.csv", std::string(kHeader) + "1111111,Children's home,Good,01/06/2024\n"
                                                           "SC222222,Children's home,Outstanding,01/02/2025\n"
                                                           "3333333,Children's home,Requires improvement,01/05/2024\n");
        ASSERT_TRUE(providers::import_providers(*w.db, returns.path() / "ofsted.csv", {"t", "local"}).committed);
    }
    test_support::ReturnFolder returns;
    test_support::WebFixture w;
};

}  // namespace

TEST_F(HomesPage, AnAnalystSeesTheFiguresAndTheHomesByUrn) {
    const std::string token = w.signed_in(accounts::Role::Analyst);
    auto page = w.get("/homes", token);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("9 of 12"), std::string::npos);
    EXPECT_NE(page.body.find("3 of 12"), std::string::npos);
    EXPECT_NE(page.body.find("75%"), std::string::npos);
    EXPECT_NE(page.body.find("id=\"caption-homes\""), std::string::npos);
    EXPECT_NE(page.body.find(">SC222222<"), std::string::npos);
    EXPECT_NE(page.body.find(">3333333<"), std::string::npos);
    EXPECT_NE(page.body.find("role=\"img\""), std::string::npos);
    EXPECT_NE(page.body.find("Source: Ofsted"), std::string::npos);
    EXPECT_EQ(page.body.find("style="), std::string::npos);
    EXPECT_EQ(w.get("/homes?year=2025", token).status, 200);
    EXPECT_EQ(w.get("/homes?year=1999", token).status, 404);
}

TEST_F(HomesPage, ABoardMemberSeesAggregatesWithSmallNumbersAsC) {
    auto page = w.get("/homes", w.signed_in(accounts::Role::BoardMember));
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("9 of 12"), std::string::npos);
    EXPECT_EQ(page.body.find("3 of 12"), std::string::npos);   // three children: c
    EXPECT_NE(page.body.find(">c<"), std::string::npos);
    EXPECT_NE(page.body.find("are shown as c"), std::string::npos);
    EXPECT_EQ(page.body.find("caption-homes"), std::string::npos);   // no list of homes
    EXPECT_EQ(page.body.find("1111111"), std::string::npos);
    EXPECT_EQ(page.body.find("SC222222"), std::string::npos);
}

// ---- the demo's list ---------------------------------------------------------------------------------

TEST(ProvidersSynth, TheDemoListCoversEveryHomeAndImportsCleanly) {
    test_support::ReturnFolder folder;
    ssda903::synthesize({folder.path(), 400, 2023, 2025, 7});
    const auto csv = folder.path() / "ofsted.csv", again = folder.path() / "again.csv";
    providers::write_providers(folder.path(), csv, 5);
    providers::write_providers(folder.path(), again, 5);
    auto read = [](const std::filesystem::path& p) {
        std::ostringstream s;
        s << std::ifstream(p, std::ios::binary).rdbuf();
        return s.str();
    };
    EXPECT_EQ(read(csv), read(again));   // deterministic per seed

    auto db = test_support::fresh_database(store::Backend::Sqlite);
    ASSERT_TRUE(ssda903::import_returns(*db, ssda903::year_folders(folder.path()), false).committed);
    auto imported = providers::import_providers(*db, csv, {"t", "local"});
    ASSERT_TRUE(imported.committed);
    EXPECT_TRUE(imported.file.findings.empty());
    auto report = providers::homes_report(*db, {});
    ASSERT_EQ(report.years.size(), 3u);
    const auto& latest = report.years.at(2025);
    ASSERT_GT(latest.children, 0);
    measures::MeasureResult result;
    result.rows = latest.rows;
    EXPECT_EQ(council_fixture::row(result, "homes_unknown_urn").numerator, 0);
    const auto& good = council_fixture::row(result, "homes_good");
    EXPECT_GT(good.numerator * 100, good.denominator * 50);   // most homes are good or outstanding
    EXPECT_LT(good.numerator, good.denominator);
}
