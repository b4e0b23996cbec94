// The children's pages: the list and its filters, one child's timeline, a worker's caseload, names from
// the names file (and CHILD ids without one), the audit of every view, and the names file's findings.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "measures/children.h"
#include "measures/council.h"
#include "measures/engine.h"
#include "ssda903/importer.h"
#include "ssda903/names_file.h"
#include "ssda903/synth.h"
#include "store/child_names.h"
#include "web_fixture.h"

using namespace corparent;
using accounts::Role;
namespace fs = std::filesystem;

namespace {

fs::path temp_path(const std::string& name) {
    static int n = 0;
    return fs::temp_directory_path() / ("corparent_children_" + std::to_string(::getpid()) + "_" + std::to_string(n++) + "_" + name);
}

std::size_t count(const std::string& body, const std::string& text) {
    std::size_t n = 0;
    for (auto p = body.find(text); p != std::string::npos; p = body.find(text, p + 1)) ++n;
    return n;
}

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

std::vector<store::AuditRow> audit(store::Database& db, const std::string& action) {
    store::AuditFilter f;
    f.action = action;
    return store::find_audit(db, f);
}

// A hand-made 2024-25 return (31 March 2025):
//  C1  born 01/05/2015 (9): in care since 01/04/2023 on a full care order, foster care (U6) then a
//      children's home (K2) from 01/06/2024: one move in the year. Missing 10-12/10/2024, away 01/02/2025
//      (same day). Social worker SW000001 throughout.
//  C2  born 01/01/2008 (17): looked after 01/05/2024 to 01/12/2024 (section 20), went home (E4A).
//      Social worker SW000002 while in care.
//  C3  born 01/06/2020 (4): in care since 01/04/2024 on an interim then full care order, three foster
//      placements: two moves. Social worker SW000001, then SW000002 from 01/09/2024.
//  C4  born 01/03/2012 (13): in care since 01/01/2025, police protection then section 20, foster care.
//      Social worker SW000001.
void write_return(const fs::path& dir) {
    fs::create_directories(dir);
    std::ofstream(dir / "header.csv") << "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                                         "C1,F,01/05/2015,WBRI,UN3,,\n"
                                         "C2,M,01/01/2008,BAFR,UN3,,\n"
                                         "C3,M,01/06/2020,AIND,UN1,,\n"
                                         "C4,F,01/03/2012,WBRI,UN3,0,\n";
    std::ofstream(dir / "episodes.csv")
        << "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
           "C1,01/04/2023,S,C2,N1,U6,PR1,01/06/2024,X1,CREQB,CV1 1AA,CV2 2BB,SC123456\n"
           "C1,01/06/2024,P,C2,N1,K2,PR4,,,,CV1 1AA,CV3 3CC,SC654321\n"
           "C2,01/05/2024,S,V2,N4,U6,PR1,01/12/2024,E4A,,CV1 1AA,CV4 4DD,SC111111\n"
           "C3,01/04/2024,S,C1,N1,U4,PR1,01/07/2024,X1,CARPL,CV1 1AA,CV5 5EE,SC222222\n"
           "C3,01/07/2024,P,C1,N1,U6,PR1,01/10/2024,X1,CARPL,CV1 1AA,CV6 6FF,SC333333\n"
           "C3,01/10/2024,B,C2,N1,U5,PR2,,,,CV1 1AA,CV7 7GG,SC444444\n"
           "C4,01/01/2025,S,L1,N1,U6,PR1,03/01/2025,X1,,CV1 1AA,CV8 8HH,SC555555\n"
           "C4,03/01/2025,L,V2,N1,U6,PR1,,,,CV1 1AA,CV8 8HH,SC555555\n";
    std::ofstream(dir / "missing.csv") << "CHILD,DOB,MISSING,MIS_START,MIS_END\n"
                                          "C1,01/05/2015,M,10/10/2024,12/10/2024\n"
                                          "C1,01/05/2015,A,01/02/2025,01/02/2025\n";
    std::ofstream(dir / "reviews.csv") << "CHILD,DOB,REVIEW,REVIEW_CODE\n"
                                          "C1,01/05/2015,01/10/2024,PN1\n";
    std::ofstream(dir / "sw_episodes.csv") << "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"
                                              "C1,01/05/2015,SW000001,01/04/2023,,TSPROC\n"
                                              "C2,01/01/2008,SW000002,01/05/2024,01/12/2024,TSPROC\n"
                                              "C3,01/06/2020,SW000001,01/04/2024,01/09/2024,TSPROC\n"
                                              "C3,01/06/2020,SW000002,01/09/2024,,ORGRST\n"
                                              "C4,01/03/2012,SW000001,01/01/2025,,TSPROC\n";
}

class Children : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(w.db);
        fs::path dir = temp_path("return");
        write_return(dir);
        auto outcome = ssda903::import_returns(*w.db, {{2025, dir}}, false);
        fs::remove_all(dir);
        ASSERT_TRUE(outcome.committed);
    }

    // Writes a names file and imports it as the CLI does.
    ssda903::NamesImport import_names(const std::string& text, const std::string& file = "names.csv") {
        fs::path dir = temp_path("names");
        fs::create_directories(dir);
        std::ofstream(dir / file, std::ios::binary) << text;
        auto r = ssda903::import_names(*w.db, dir / file, {"cli:test", "local"});
        fs::remove_all(dir);
        return r;
    }

    std::string worker(const std::string& sw_id, const std::string& email = "worker@example.gov.uk") {
        accounts::add_user(*w.db, email, Role::Worker, test_support::kPassword,
                           sw_id.empty() ? std::nullopt : std::optional<std::string>(sw_id), {"test", "local"});
        return w.signed_in(Role::Worker, email);
    }

    test_support::WebFixture w;
};

}  // namespace

TEST_F(Children, TheListShowsEveryChildLookedAfterInTheYearByChildIdWithoutANamesFile) {
    auto page = w.get("/children", w.signed_in(Role::Analyst));
    ASSERT_EQ(page.status, 200);
    for (const char* id : {"C1", "C2", "C3", "C4"}) EXPECT_TRUE(has(page.body, "href=\"/children/" + std::string(id) + "\"")) << id;
    EXPECT_TRUE(has(page.body, "No names file has been imported"));
    EXPECT_TRUE(has(page.body, "4 children"));
    EXPECT_TRUE(has(page.body, "role=\"region\" aria-labelledby=\"children-caption\" tabindex=\"0\""));
    EXPECT_TRUE(has(page.body, "id=\"children-caption\""));
    EXPECT_FALSE(has(page.body, "style="));
    EXPECT_FALSE(has(page.body, "<style"));
}

TEST_F(Children, TheServiceGivesEachChildsFactsAt31March) {
    measures::ChildrenList list = measures::list_children(*w.db, {}, {});
    ASSERT_EQ(list.year, 2025);
    ASSERT_EQ(list.children.size(), 4u);
    EXPECT_EQ(list.looked_after, 4u);
    std::map<std::string, measures::ChildRow> by_id;
    for (const auto& r : list.children) by_id[r.child] = r;
    const auto& c1 = by_id["C1"];
    EXPECT_TRUE(c1.in_care_31mar);
    EXPECT_EQ(c1.age, 9);
    EXPECT_EQ(c1.age_band, "5-9");
    EXPECT_EQ(c1.placement_group, "childrens_homes");
    EXPECT_EQ(c1.place, "K2");
    EXPECT_EQ(c1.moves, 1);
    EXPECT_EQ(c1.sw_id, "SW000001");
    const auto& c2 = by_id["C2"];
    EXPECT_FALSE(c2.in_care_31mar);
    EXPECT_EQ(c2.age_band, "16 and over");
    EXPECT_EQ(c2.placement_group, "");
    EXPECT_EQ(c2.moves, 0);
    EXPECT_EQ(c2.sw_id, "");   // the episode ended with care
    const auto& c3 = by_id["C3"];
    EXPECT_EQ(c3.age_band, "1-4");
    EXPECT_EQ(c3.placement_group, "foster");
    EXPECT_EQ(c3.moves, 2);    // U4 -> U6 -> U5; the first placement began the period
    EXPECT_EQ(c3.sw_id, "SW000002");
    const auto& c4 = by_id["C4"];
    EXPECT_EQ(c4.moves, 0);    // L1 -> V2 is a change of legal status only (RNE L)
    EXPECT_EQ(c4.age_band, "10-15");
}

TEST_F(Children, FiltersNarrowTheList) {
    std::string token = w.signed_in(Role::Analyst);
    auto ids = [&](const std::string& query) {
        auto page = w.get("/children?" + query, token);
        EXPECT_EQ(page.status, 200) << query;
        std::string found;
        for (const char* id : {"C1", "C2", "C3", "C4"})
            if (has(page.body, "href=\"/children/" + std::string(id) + "\"")) found += std::string(found.empty() ? "" : ",") + id;
        return found;
    };
    EXPECT_EQ(ids("in_care=yes"), "C1,C3,C4");
    EXPECT_EQ(ids("in_care=no"), "C2");
    EXPECT_EQ(ids("placement=foster"), "C3,C4");
    EXPECT_EQ(ids("placement=childrens_homes"), "C1");
    EXPECT_EQ(ids("age=1-4"), "C3");
    EXPECT_EQ(ids("age=16+and+over"), "C2");
    EXPECT_EQ(ids("moves=1"), "C1,C3");
    EXPECT_EQ(ids("moves=2"), "C3");
    EXPECT_EQ(ids("in_care=yes&placement=foster&moves=1"), "C3");
    EXPECT_EQ(ids("q=c4"), "C4");
    // Choices that are not offered are ignored rather than failing.
    EXPECT_EQ(ids("in_care=maybe&placement=castle&age=99&moves=x&year=1066&page=-3"), "C1,C2,C3,C4");
    auto none = w.get("/children?q=nobody", token);
    EXPECT_TRUE(has(none.body, "0 children"));
    EXPECT_FALSE(has(none.body, "children-caption"));
}

TEST_F(Children, NamesAreShownOnceImportedAndCanBeSearchedFor) {
    auto r = import_names("CHILD,name,case_id\nc1,Amy Example,CM-001\nC3,Ben Example,CM-003\n");
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.file.rows.size(), 2u);
    std::string token = w.signed_in(Role::Analyst);
    auto page = w.get("/children", token);
    EXPECT_FALSE(has(page.body, "No names file has been imported"));
    EXPECT_TRUE(has(page.body, ">Amy Example</a>"));   // CHILD ids are upper-cased as the 903's are
    EXPECT_TRUE(has(page.body, ">Ben Example</a>"));
    EXPECT_TRUE(has(page.body, "No name held<span class=\"govuk-visually-hidden\"> for C2</span>"));
    // Named children first, by name.
    EXPECT_LT(page.body.find("Amy Example"), page.body.find("Ben Example"));
    EXPECT_LT(page.body.find("Ben Example"), page.body.find("for C2<"));
    auto search = w.get("/children?q=amy", token);
    EXPECT_TRUE(has(search.body, "Amy Example"));
    EXPECT_FALSE(has(search.body, "Ben Example"));
    EXPECT_TRUE(has(search.body, "1 child<"));
    auto child = w.get("/children/C1", token);
    ASSERT_EQ(child.status, 200);
    EXPECT_TRUE(has(child.body, "<h1 class=\"govuk-heading-l\">Amy Example</h1>"));
    EXPECT_TRUE(has(child.body, "CM-001"));
    // The browser's history keeps the title: it names the CHILD id, not the child.
    EXPECT_TRUE(has(child.body, "<title>Child C1 "));
    EXPECT_TRUE(has(child.body, "class=\"govuk-back-link\">Children</a>"));
    EXPECT_FALSE(has(child.body.substr(0, child.body.find("</title>")), "Amy"));
    auto unnamed = w.get("/children/C2", token);
    EXPECT_TRUE(has(unnamed.body, "<h1 class=\"govuk-heading-l\">CHILD C2</h1>"));
}

TEST_F(Children, AChildsPageShowsTheTimelineWithLegalStatusAndMissingIncidents) {
    auto page = w.get("/children/C1", w.signed_in(Role::Analyst));
    ASSERT_EQ(page.status, 200);
    const std::string& b = page.body;
    // The image, named and described, and the same facts as text.
    EXPECT_TRUE(has(b, "role=\"img\" aria-labelledby=\"timeline-title timeline-desc\""));
    EXPECT_TRUE(has(b, "<title id=\"timeline-title\">Timeline of care for CHILD C1</title>"));
    EXPECT_TRUE(has(b, "Full care order (C2)"));
    EXPECT_TRUE(has(b, "Children&#39;s home (K2)") || has(b, "Children's home (K2)")) << b.substr(0, 0);
    EXPECT_TRUE(has(b, "Foster care with other foster carers, not long-term (U6)"));
    EXPECT_TRUE(has(b, "Private provision (PR4)"));
    EXPECT_TRUE(has(b, "Missing (whereabouts not known)"));
    EXPECT_TRUE(has(b, "Away from placement without authorisation"));
    EXPECT_TRUE(has(b, "Back on 12 October 2024 (2 days)"));
    EXPECT_TRUE(has(b, "Attended and spoke for themselves (PN1)"));
    EXPECT_TRUE(has(b, "SW000001"));
    EXPECT_TRUE(has(b, "Change of placement and carers (P)"));
    EXPECT_TRUE(has(b, "The carers asked for it to end because of the child"));
    // In date order: started, moved, missing, review, away.
    auto at = [&](const std::string& t) { return b.find(t, b.find("caption-timeline")); };
    EXPECT_LT(at("1 April 2023"), at("1 June 2024"));
    EXPECT_LT(at("1 June 2024"), at("10 October 2024"));
    EXPECT_LT(at("10 October 2024"), at("1 February 2025"));
    // Every scrolling table is a focusable region named by its caption.
    EXPECT_EQ(count(b, "role=\"region\""), count(b, "tabindex=\"0\""));
    EXPECT_EQ(count(b, "role=\"region\""), count(b, "<caption"));
    EXPECT_FALSE(has(b, "style="));

    auto left = w.get("/children/C2", w.signed_in(Role::Admin));
    ASSERT_EQ(left.status, 200);
    EXPECT_TRUE(has(left.body, "Returned home to parents or others with parental responsibility, as planned (E4A)"));
    EXPECT_TRUE(has(left.body, "Accommodated under section 20 (single period) (V2)"));
}

TEST_F(Children, TheTimelineIsInDateOrder) {
    auto child = measures::find_child(*w.db, {}, "C3");
    ASSERT_TRUE(child);
    EXPECT_EQ(child->sw_id, "SW000002");
    EXPECT_TRUE(child->in_care);
    auto t = measures::timeline(*child);
    ASSERT_FALSE(t.empty());
    EXPECT_TRUE(std::is_sorted(t.begin(), t.end(), [](const auto& a, const auto& b) { return a.date < b.date; }));
    EXPECT_EQ(t.front().what, "Started to be looked after");
    std::size_t moves = 0, legal = 0;
    for (const auto& e : t) {
        moves += e.what == "Moved placement";
        legal += e.kind == measures::TimelineEntry::Kind::LegalStatus;
    }
    EXPECT_EQ(moves, 2u);
    EXPECT_EQ(legal, 2u);   // C1, then C2 from 01/10/2024
    EXPECT_FALSE(measures::find_child(*w.db, {}, "NOBODY"));
}

TEST_F(Children, AnUnknownChildIsNotFound) {
    std::string token = w.signed_in(Role::Analyst);
    EXPECT_EQ(w.get("/children/NOBODY", token).status, 404);
    EXPECT_EQ(w.get("/children/", token).status, 404);
    EXPECT_EQ(w.get("/children/C1/more", token).status, 404);
    EXPECT_TRUE(audit(*w.db, "view.child").empty());
}

TEST_F(Children, AWorkerSeesOnlyTheirCaseload) {
    // SW000002's caseload: C3 only (C2's episode with them ended when C2 left care).
    std::string token = worker("SW000002");
    auto page = w.get("/children", token);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "Your caseload"));
    EXPECT_TRUE(has(page.body, "href=\"/children/C3\""));
    for (const char* other : {"C1", "C2", "C4"}) EXPECT_FALSE(has(page.body, "href=\"/children/" + std::string(other) + "\"")) << other;
    EXPECT_EQ(w.get("/children/C3", token).status, 200);
    for (const char* other : {"C1", "C2", "C4"}) EXPECT_EQ(w.get("/children/" + std::string(other), token).status, 403) << other;
    EXPECT_EQ(audit(*w.db, "view.child.refused").size(), 3u);
    EXPECT_EQ(audit(*w.db, "view.child").size(), 1u);
    // Filters apply within the caseload.
    EXPECT_FALSE(has(w.get("/children?in_care=no", token).body, "href=\"/children/C3\""));

    EXPECT_EQ(measures::caseload(*w.db, "SW000001"), (std::set<std::string>{"C1", "C4"}));
    EXPECT_EQ(measures::caseload(*w.db, "sw000002"), (std::set<std::string>{"C3"}));
    EXPECT_TRUE(measures::caseload(*w.db, "SW999999").empty());
}

TEST_F(Children, AWorkerWithoutAnSwIdIsToldToAskAnAdministrator) {
    std::string token = worker("");
    auto page = w.get("/children", token);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "does not have an SW_ID"));
    EXPECT_TRUE(has(page.body, "Ask your corparent administrator"));
    EXPECT_FALSE(has(page.body, "href=\"/children/C"));
    EXPECT_EQ(w.get("/children/C1", token).status, 403);
}

TEST_F(Children, OtherRolesAreRefused) {
    for (Role role : {Role::Participation, Role::BoardOfficer, Role::BoardMember}) {
        std::string token = w.signed_in(role);
        EXPECT_EQ(w.get("/children", token).status, 403) << accounts::role_id(role);
        EXPECT_EQ(w.get("/children/C1", token).status, 403) << accounts::role_id(role);
    }
    EXPECT_EQ(w.get("/children").status, 303);   // signed out: to sign in
}

TEST_F(Children, EveryViewIsAuditedWithItsFiltersAndNeverAName) {
    ASSERT_TRUE(import_names("CHILD,name,case_id\nC1,Amy Example,CM-001\n").committed);
    std::string token = w.signed_in(Role::Analyst);
    w.get("/children?in_care=yes&placement=foster&age=1-4&moves=1&q=Amy", token);
    auto list = audit(*w.db, "view.children");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].actor, "analyst@example.gov.uk");
    EXPECT_EQ(list[0].address, w.address);
    EXPECT_TRUE(has(list[0].detail, "year=2025"));
    EXPECT_TRUE(has(list[0].detail, "in_care=yes"));
    EXPECT_TRUE(has(list[0].detail, "placement=foster"));
    EXPECT_TRUE(has(list[0].detail, "age=1-4"));
    EXPECT_TRUE(has(list[0].detail, "moves>=1"));
    EXPECT_TRUE(has(list[0].detail, "search=given"));
    EXPECT_FALSE(has(list[0].detail, "Amy"));
    w.get("/children/C1", token);
    auto one = audit(*w.db, "view.child");
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].object, "C1");
    EXPECT_FALSE(has(one[0].detail, "Amy"));
    auto imported = audit(*w.db, "import.names");
    ASSERT_EQ(imported.size(), 1u);
    EXPECT_EQ(imported[0].actor, "cli:test");
    EXPECT_EQ(imported[0].object, "names.csv");
    EXPECT_TRUE(has(imported[0].detail, "1 names stored"));
    EXPECT_FALSE(has(imported[0].detail, "Amy"));
}

TEST_F(Children, TheNamesFileReportsBadRowsAndStoresTheGoodOnes) {
    auto r = import_names("Case Management ID,Name,child\n"
                          "CM-1,Amy Example,C1\n"
                          "CM-2,,C2\n"                    // row 3: blank name
                          "CM-3,Ben Example,\n"           // row 4: blank CHILD
                          "CM-4,Cat Example,C3\n"         // rows 5 and 6: one CHILD, two names
                          "CM-5,Dan Example,c3\n"
                          "CM-1,Amy Example,C1\n"         // row 7: the same as row 2
                          "CM-9,Eve Example,C9\n"         // row 8: no return holds C9
                          "CM-6,\"" + std::string(201, 'x') + "\",C4\n"   // row 9: a name too long
                          "CM-7,\"Fay\nExample\",C2\n");  // rows 10-11: a line break in a name
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.file.rows_read, 9);
    std::vector<std::string> stored;
    for (const auto& n : store::load_child_names(*w.db)) stored.push_back(n.child + "=" + n.name + "/" + n.case_id);
    EXPECT_EQ(stored, (std::vector<std::string>{"C1=Amy Example/CM-1", "C2=Fay Example/CM-7", "C9=Eve Example/CM-9"}));
    std::vector<std::string> places;
    for (const auto& f : r.file.findings)
        places.push_back(f.file + ":" + std::to_string(f.row) + ":" + f.column + ":" +
                         std::string(ssda903::severity_name(f.severity)));
    EXPECT_EQ(places, (std::vector<std::string>{"names.csv:3:name:error", "names.csv:4:CHILD:error",
                                                "names.csv:5:CHILD:error", "names.csv:6:CHILD:error",
                                                "names.csv:7:CHILD:warning", "names.csv:8:CHILD:warning",
                                                "names.csv:9:name:error"}));
    // Findings never repeat a name.
    for (const auto& f : r.file.findings)
        for (const char* name : {"Amy", "Ben", "Cat", "Dan", "Eve"}) EXPECT_FALSE(has(f.message, name)) << f.message;
}

TEST_F(Children, ANamesFileWithAnUnknownHeaderIsRefusedAndChangesNothing) {
    ASSERT_TRUE(import_names("CHILD,name,case_id\nC1,Amy Example,CM-1\n").committed);
    for (const std::string& text : {std::string("CHILD,name,address\nC2,Ben Example,1 High Street\n"),
                                    std::string("C2,Ben Example,CM-2\n"),   // no header row
                                    std::string("CHILD,case_id\nC2,CM-2\n"),
                                    std::string("CHILD,name,name\nC2,Ben,Example\n"),
                                    std::string("CHILD,name\nC2,\"Ben Example\n"),
                                    std::string("CHILD,name\nC2,\xff\xfe\n"),
                                    std::string(""),
                                    std::string("CHILD,name\nC2,\n")}) {
        SCOPED_TRACE(text);
        auto r = import_names(text);
        EXPECT_FALSE(r.committed);
        ASSERT_FALSE(r.file.findings.empty());
        EXPECT_EQ(r.file.findings.front().severity, ssda903::Severity::Error);
        EXPECT_FALSE(has(r.file.findings.front().message, "Ben"));
        EXPECT_FALSE(has(r.file.findings.front().message, "High Street"));
    }
    auto unknown = import_names("CHILD,name,address\nC2,Ben Example,1 High Street\n");
    EXPECT_TRUE(unknown.file.refused);
    EXPECT_EQ(unknown.file.findings.front().row, 1);
    EXPECT_EQ(unknown.file.findings.front().column, "column 3");
    EXPECT_TRUE(has(unknown.file.findings.front().message, "column 3's heading is not CHILD, name or case_id"));
    EXPECT_EQ(store::count_child_names(*w.db), 1);
    EXPECT_EQ(audit(*w.db, "import.names").size(), 1u);   // only the import that was made
}

TEST_F(Children, AnotherNamesFileReplacesTheLastWhole) {
    ASSERT_TRUE(import_names("CHILD,name,case_id\nC1,Amy Example,CM-1\nC3,Ben Example,CM-3\n").committed);
    auto r = import_names("child,NAME\nC4,Dee Example\n");   // no case_id column: none given
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.replaced, 2);
    auto names = store::load_child_names(*w.db);
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names[0].child, "C4");
    EXPECT_EQ(names[0].case_id, "");
    EXPECT_TRUE(store::child_names_imported_at(*w.db).has_value());
}

TEST_F(Children, TheNamesCommandPrintsASummary) {
    fs::path dir = temp_path("cli");
    fs::create_directories(dir);
    std::string db = (dir / "cli.db").string();
    std::ofstream(dir / "names.csv") << "CHILD,name,case_id\nC1,Amy Example,CM-1\nC2,,CM-2\n";
    std::ofstream(dir / "bad.csv") << "CHILD,name,address\nC1,Amy Example,Home\n";
    auto run = [&](const std::string& args, std::string& out) {
        std::string command = std::string(CORPARENT_BINARY) + " names import --db " + db + " " + args + " 2>&1";
        FILE* p = ::popen(command.c_str(), "r");
        char buffer[4096];
        out.clear();
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
        return WEXITSTATUS(::pclose(p));
    };
    std::string out;
    EXPECT_EQ(run((dir / "names.csv").string(), out), 0) << out;
    EXPECT_TRUE(has(out, "Read 2 rows of names.csv: stored 1 name, replacing the 0 held before.")) << out;
    EXPECT_TRUE(has(out, "names.csv row 3 name")) << out;
    EXPECT_FALSE(has(out, "Amy")) << out;
    EXPECT_EQ(run((dir / "bad.csv").string(), out), 1) << out;
    EXPECT_TRUE(has(out, "bad.csv was not imported")) << out;
    fs::remove_all(dir);
}

// A small synthetic council: the list agrees with the measures, and comes 50 to a page.
TEST(ChildrenSynthetic, TheListAgreesWithTheMeasuresAndIsPaged) {
    fs::path dir = temp_path("synth");
    ssda903::synthesize({dir, 300, 2024, 2025, 11});
    test_support::WebFixture w;
    ASSERT_TRUE(ssda903::import_returns(*w.db, ssda903::year_folders(dir), false).committed);
    fs::remove_all(dir);

    measures::ChildFilter in_care;
    in_care.in_care_31mar = true;
    auto list = measures::list_children(*w.db, w.app.settings().choices, in_care);
    auto council = measures::load_council(*w.db, 2025);
    auto result = measures::compute_measures(council, w.app.settings().choices, false);
    long long cla = -1;
    for (const auto& r : result.rows)
        if (r.id == "cla_31mar" && r.breakdown.empty()) cla = r.numerator;
    EXPECT_EQ(static_cast<long long>(list.children.size()), cla);
    ASSERT_GT(list.children.size(), 50u);

    std::string token = w.signed_in(Role::Analyst);
    auto first = w.get("/children?in_care=yes", token);
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(count(first.body, "href=\"/children/"), 50u);
    EXPECT_TRUE(has(first.body, "Showing 1 to 50 of " + std::to_string(cla)));
    EXPECT_TRUE(has(first.body, "href=\"/children?year=2025&amp;in_care=yes&amp;page=2\" rel=\"next\"") ||
                has(first.body, "href=\"/children?year=2025&in_care=yes&page=2\" rel=\"next\""));
    auto last = w.get("/children?in_care=yes&page=999", token);   // past the end: the last page
    EXPECT_TRUE(has(last.body, "of " + std::to_string(cla)));
    EXPECT_TRUE(has(last.body, "rel=\"prev\""));
    EXPECT_FALSE(has(last.body, "rel=\"next\""));

    // The year before is there to choose.
    auto before = w.get("/children?year=2024", token);
    EXPECT_TRUE(has(before.body, "2023-24"));

    // Every child on the list has a page, and a worker's caseload lists only their children.
    auto some = list.children.front();
    EXPECT_EQ(w.get("/children/" + some.child, token).status, 200);
    if (!some.sw_id.empty()) {
        accounts::add_user(*w.db, "w@example.gov.uk", Role::Worker, test_support::kPassword, some.sw_id, {"t", "l"});
        std::string wt = w.signed_in(Role::Worker, "w@example.gov.uk");
        auto mine = measures::caseload(*w.db, some.sw_id);
        EXPECT_TRUE(mine.count(some.child));
        auto page = w.get("/children", wt);
        EXPECT_EQ(count(page.body, "href=\"/children/"), std::min<std::size_t>(mine.size(), 50));
        EXPECT_EQ(w.get("/children/" + some.child, wt).status, 200);
    }
}

// The store's side on both backends: names replaced in one go, one child's rows, the caseload.
class ChildrenStore : public ::testing::TestWithParam<store::Backend> {};

TEST_P(ChildrenStore, NamesTimelineAndCaseloadReadAlikeOnEveryBackend) {
    test_support::WebFixture w(GetParam());
    ASSERT_TRUE(w.db);
    fs::path dir = temp_path("store");
    write_return(dir / "2025");
    ASSERT_TRUE(ssda903::import_returns(*w.db, ssda903::year_folders(dir), false).committed);
    std::ofstream(dir / "names.csv") << "CHILD,name,case_id\nC1,Amy O'Example,CM-1\nC3,\"Ben, Example\",CM-3\n";
    auto first = ssda903::import_names(*w.db, dir / "names.csv", {"cli:test", "local"});
    ASSERT_TRUE(first.committed);
    std::ofstream(dir / "names.csv") << "CHILD,name,case_id\nC1,Amy O'Example,CM-1\nC4,Dee Example,CM-4\n";
    auto second = ssda903::import_names(*w.db, dir / "names.csv", {"cli:test", "local"});
    fs::remove_all(dir);
    ASSERT_TRUE(second.committed);
    EXPECT_EQ(second.replaced, 2);
    auto names = store::load_child_names(*w.db);
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[0].name, "Amy O'Example");
    EXPECT_EQ(store::find_child_name(*w.db, "C4")->case_id, "CM-4");
    EXPECT_FALSE(store::find_child_name(*w.db, "C3"));

    auto c1 = measures::find_child(*w.db, {}, "C1");
    ASSERT_TRUE(c1);
    EXPECT_EQ(c1->name, "Amy O'Example");
    EXPECT_EQ(c1->history.episodes.size(), 2u);
    EXPECT_EQ(c1->history.episodes[1].place_provider, "PR4");
    EXPECT_EQ(c1->missing.size(), 2u);
    EXPECT_EQ(c1->reviews.size(), 1u);
    EXPECT_EQ(c1->sw_id, "SW000001");
    EXPECT_EQ(measures::caseload(*w.db, "SW000001"), (std::set<std::string>{"C1", "C4"}));
    // A CHILD id is bound, never written into the SQL.
    EXPECT_FALSE(measures::find_child(*w.db, {}, "C1' OR '1'='1"));

    std::string token = w.signed_in(Role::Analyst);
    auto list = w.get("/children", token);
    EXPECT_TRUE(has(list.body, "Amy O&#39;Example") || has(list.body, "Amy O&apos;Example")) << list.body.substr(0, 0);
    EXPECT_EQ(w.get("/children/C1", token).status, 200);
}

INSTANTIATE_TEST_SUITE_P(ChildrenOn, ChildrenStore, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);
