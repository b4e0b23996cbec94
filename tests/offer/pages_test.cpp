// The local offer's pages: take-up for everyone (disclosure-controlled for the roles without child-level
// access), the catalogue edited by officers only, a worker's young people (their caseload, with the
// never offered), one young person's entitlements and the form to record a change: CSRF-checked,
// caseload-checked (another worker gets 403 and nothing is recorded), audited.
#include <gtest/gtest.h>

#include "../web/web_fixture.h"
#include "offer_fixture.h"
#include "store/offer.h"

using namespace corparent;
using accounts::Role;

namespace {

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

std::vector<store::AuditRow> audit(store::Database& db, const std::string& action) {
    store::AuditFilter f;
    f.action = action;
    return store::find_audit(db, f);
}

class OfferPages : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(w.db);
        test_support::load_offer_council(*w.db);
    }

    std::string worker(const std::string& email, const std::optional<std::string>& sw_id) {
        accounts::add_user(*w.db, email, Role::Worker, test_support::kPassword, sw_id, {"test", "local"});
        return w.signed_in(Role::Worker, email);
    }

    std::map<std::string, std::string> change(const std::string& token, const std::string& entitlement,
                                              const std::string& status) {
        return {{"csrf", w.csrf(token)}, {"entitlement", entitlement}, {"status", status},
                {"day", "3"},            {"month", "2"},               {"year", "2025"},
                {"note", "asked at the review"}};
    }

    test_support::WebFixture w;
};

}  // namespace

TEST_F(OfferPages, AWorkerSeesTheirYoungPeopleAndWhatTheyWereNeverOffered) {
    std::string token = worker("sw1@example.gov.uk", "SW000001");   // C1 and C4 by SW_ID
    accounts::add_user(*w.db, "analyst@example.gov.uk", Role::Analyst, test_support::kPassword, std::nullopt, {"t", "l"});
    auto analyst = w.signed_in(Role::Analyst, "analyst@example.gov.uk");
    // The analyst assigns the care leaver C3 to the worker as personal adviser.
    auto assigned = w.post("/offer/advisers/C3", {{"csrf", w.csrf(analyst)}, {"adviser", "sw1@example.gov.uk"}}, analyst);
    EXPECT_EQ(assigned.status, 303);
    EXPECT_EQ(test_support::header(assigned, "Location"), "/offer/young-people/C3?assigned=1");

    auto page = w.get("/offer/young-people", token);
    ASSERT_EQ(page.status, 200);
    for (const char* mine : {"C1", "C3", "C4"}) EXPECT_TRUE(has(page.body, "href=\"/offer/young-people/" + std::string(mine) + "\"")) << mine;
    EXPECT_FALSE(has(page.body, "href=\"/offer/young-people/C2\""));
    EXPECT_TRUE(has(page.body, "Eligible, never offered"));
    EXPECT_TRUE(has(page.body, "<li>Council tax exemption</li>"));   // C3, aged 20
    EXPECT_TRUE(has(page.body, "<li>Lifelong Links</li>"));          // C1 and C4
    // Filtered to care leavers: only C3.
    auto leavers = w.get("/offer/young-people?group=care_leaver", token);
    EXPECT_TRUE(has(leavers.body, "href=\"/offer/young-people/C3\">CHILD C3</a></th>"));
    EXPECT_FALSE(has(leavers.body, "href=\"/offer/young-people/C1\">"));
    EXPECT_EQ(audit(*w.db, "view.offer.young_people").size(), 2u);
}

TEST_F(OfferPages, AWorkerRecordsAChangeForSomeoneOnTheirCaseloadAndAnotherWorkerIsRefused) {
    std::string mine = worker("sw1@example.gov.uk", "SW000001");
    std::string other = worker("sw2@example.gov.uk", "SW000002");   // C2's social worker ended when C2 left care

    auto page = w.get("/offer/young-people/C1", mine);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "Lifelong Links"));
    EXPECT_TRUE(has(page.body, "Not offered yet"));
    EXPECT_TRUE(has(page.body, "Record a change"));
    EXPECT_TRUE(has(page.body, "name=\"csrf\""));
    EXPECT_FALSE(has(page.body, "Council tax exemption"));   // for care leavers only
    EXPECT_EQ(audit(*w.db, "view.offer.young_person").size(), 1u);

    // Another worker: refused, to see and to record; nothing is stored.
    EXPECT_EQ(w.get("/offer/young-people/C1", other).status, 403);
    EXPECT_EQ(w.post("/offer/young-people/C1", change(other, "lifelong_links", "offered"), other).status, 403);
    EXPECT_TRUE(store::load_take_up(*w.db).empty());
    EXPECT_EQ(audit(*w.db, "view.offer.refused").size(), 1u);
    EXPECT_EQ(audit(*w.db, "offer.take_up.refused").size(), 1u);
    // Without the form's CSRF token: refused.
    auto no_csrf = change(mine, "lifelong_links", "offered");
    no_csrf.erase("csrf");
    EXPECT_EQ(w.post("/offer/young-people/C1", no_csrf, mine).status, 403);
    EXPECT_TRUE(store::load_take_up(*w.db).empty());

    // The worker records it.
    auto done = w.post("/offer/young-people/C1", change(mine, "lifelong_links", "taken_up"), mine);
    EXPECT_EQ(done.status, 303);
    EXPECT_EQ(test_support::header(done, "Location"), "/offer/young-people/C1?recorded=1");
    auto held = store::load_take_up(*w.db);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].recorded_by, "sw1@example.gov.uk");
    EXPECT_EQ(held[0].on_date, "2025-02-03");
    auto after = w.get("/offer/young-people/C1?recorded=1", mine);
    EXPECT_TRUE(has(after.body, "The change has been recorded."));
    EXPECT_TRUE(has(after.body, "Taken up"));
    EXPECT_TRUE(has(after.body, "since 3 February 2025"));
    EXPECT_TRUE(has(after.body, "asked at the review"));
    EXPECT_EQ(audit(*w.db, "offer.take_up").size(), 1u);
}

TEST_F(OfferPages, ABadChangeIsShownWithItsErrorsAndWhatWasEntered) {
    std::string mine = worker("sw1@example.gov.uk", "SW000001");
    auto form = change(mine, "lifelong_links", "");
    form["day"] = "31";
    form["month"] = "2";
    auto res = w.post("/offer/young-people/C1", form, mine);
    EXPECT_EQ(res.status, 400);
    EXPECT_TRUE(has(res.body, "govuk-error-summary"));
    EXPECT_TRUE(has(res.body, "href=\"#status-offered\">Select offered, taken up, declined or not eligible</a>"));
    EXPECT_TRUE(has(res.body, "href=\"#date-day\">Enter the date as a real day, for example 27 3 2025</a>"));
    EXPECT_TRUE(has(res.body, "<title>Error: "));
    EXPECT_TRUE(has(res.body, "value=\"31\""));
    EXPECT_TRUE(has(res.body, "<option value=\"lifelong_links\" selected>"));
    EXPECT_TRUE(store::load_take_up(*w.db).empty());
}

TEST_F(OfferPages, OnlyWorkersRecordAndOnlyAnalystsAndAdministratorsAssignAdvisers) {
    std::string admin = w.signed_in(Role::Admin);
    auto page = w.get("/offer/young-people/C3", admin);
    ASSERT_EQ(page.status, 200);
    EXPECT_FALSE(has(page.body, "Record a change"));
    EXPECT_TRUE(has(page.body, "Save the personal adviser"));
    EXPECT_EQ(w.post("/offer/young-people/C3", change(admin, "leisure_pass", "offered"), admin).status, 403);
    std::string mine = worker("sw1@example.gov.uk", "SW000001");
    EXPECT_EQ(w.post("/offer/advisers/C1", {{"csrf", w.csrf(mine)}, {"adviser", "sw1@example.gov.uk"}}, mine).status, 403);
    auto bad = w.post("/offer/advisers/C3", {{"csrf", w.csrf(admin)}, {"adviser", "admin@example.gov.uk"}}, admin);
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(has(bad.body, "Select a personal adviser: a social worker or personal adviser who can sign in"));
    for (Role role : {Role::Participation, Role::BoardOfficer, Role::BoardMember}) {
        auto token = w.signed_in(role);
        EXPECT_EQ(w.get("/offer/young-people", token).status, 403);
        EXPECT_EQ(w.get("/offer/young-people/C1", token).status, 403);
    }
    EXPECT_EQ(w.get("/offer/young-people/C5", admin).status, 404);   // neither in care nor a care leaver
}

TEST_F(OfferPages, TakeUpIsShownToEveryoneAndSuppressedForTheBoard) {
    std::string mine = worker("sw1@example.gov.uk", "SW000001");
    ASSERT_EQ(w.post("/offer/young-people/C1", change(mine, "lifelong_links", "taken_up"), mine).status, 303);
    auto analyst = w.signed_in(Role::Analyst);
    auto open = w.get("/offer/take-up.csv", analyst);
    ASSERT_EQ(open.status, 200);
    // Lifelong Links: C1 and C4 eligible, C1 took it up.
    EXPECT_TRUE(has(open.body, "Relationships,Lifelong Links,all ages,2,1,50,1,50")) << open.body;
    EXPECT_TRUE(has(open.body, "Relationships,Lifelong Links,under 10,1,1,100,1,100")) << open.body;
    auto member = w.signed_in(Role::BoardMember);
    auto page = w.get("/offer", member);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "are shown as c"));
    EXPECT_TRUE(has(page.body, "role=\"img\""));
    auto controlled = w.get("/offer/take-up.csv", member);
    EXPECT_TRUE(has(controlled.body, "Relationships,Lifelong Links,all ages,c,c,c,c,c")) << controlled.body;
    EXPECT_FALSE(has(controlled.body, "Lifelong Links,all ages,2"));
    auto xlsx = w.get("/offer/take-up.xlsx", member);
    EXPECT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    EXPECT_EQ(audit(*w.db, "export.offer").size(), 3u);
}

TEST_F(OfferPages, OfficersEditTheCatalogueAndOthersOnlyReadIt) {
    for (Role role : accounts::all_roles()) {
        auto token = w.signed_in(role);
        auto page = w.get("/offer/catalogue", token);
        ASSERT_EQ(page.status, 200) << accounts::role_id(role);
        EXPECT_TRUE(has(page.body, "Council tax exemption"));
        const bool officer = role == Role::Admin || role == Role::Participation || role == Role::BoardOfficer;
        EXPECT_EQ(has(page.body, "href=\"/offer/catalogue/council_tax_exemption\""), officer) << accounts::role_id(role);
        EXPECT_EQ(w.get("/offer/catalogue/council_tax_exemption", token).status, officer ? 200 : 403);
    }
    auto officer = w.signed_in(Role::BoardOfficer, "officer2@example.gov.uk");
    std::map<std::string, std::string> form = {{"csrf", w.csrf(officer)},
                                               {"name", "Council tax exemption"},
                                               {"description", "The council pays your council tax."},
                                               {"area", "accommodation"},
                                               {"who_care_leaver", "yes"},
                                               {"age_from", "18"},
                                               {"age_until", "x"},
                                               {"conditions", ""},
                                               {"provider", "Revenues"},
                                               {"review_day", "1"},
                                               {"review_month", "4"},
                                               {"review_year", "2027"}};
    auto bad = w.post("/offer/catalogue/council_tax_exemption", form, officer);
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(has(bad.body, "The age it ends at must be a whole number from 0 to 25, or blank"));
    form["age_until"] = "25";
    auto good = w.post("/offer/catalogue/council_tax_exemption", form, officer);
    EXPECT_EQ(good.status, 303);
    EXPECT_EQ(test_support::header(good, "Location"), "/offer/catalogue?saved=council_tax_exemption");
    auto c = offer::load_catalogue(*w.db);
    EXPECT_EQ(c.find("council_tax_exemption")->provider, "Revenues");
    EXPECT_EQ(c.find("council_tax_exemption")->review, care::make_date(2027, 4, 1));
    auto lines = audit(*w.db, "offer.catalogue");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].actor, "officer2@example.gov.uk");
    // Adding one.
    form["id"] = "driving_lessons";
    form["name"] = "Driving lessons";
    EXPECT_EQ(w.post("/offer/catalogue/new", form, officer).status, 303);
    EXPECT_TRUE(offer::load_catalogue(*w.db).find("driving_lessons"));
    EXPECT_EQ(w.get("/offer/catalogue/no_such", officer).status, 404);
}

TEST(OfferRoutes, EachDoorOfTheOfferIsOpenToExactlyThePeopleItShouldBe) {
    test_support::WebFixture w;
    const std::vector<Role> everyone = accounts::all_roles();
    const std::vector<Role> officers = {Role::Participation, Role::BoardOfficer, Role::Admin};
    const std::vector<Role> child_level = {Role::Analyst, Role::Worker, Role::Admin};
    const std::map<std::pair<std::string, std::string>, std::vector<Role>> expected = {
        {{"GET", "/offer"}, everyone},
        {{"GET", "/offer/take-up.csv"}, everyone},
        {{"GET", "/offer/take-up.xlsx"}, everyone},
        {{"GET", "/offer/catalogue"}, everyone},
        {{"GET", "/offer/catalogue/*"}, officers},
        {{"POST", "/offer/catalogue/*"}, officers},
        {{"GET", "/offer/young-people"}, child_level},
        {{"GET", "/offer/young-people/*"}, child_level},
        {{"POST", "/offer/young-people/*"}, {Role::Worker}},
        {{"POST", "/offer/advisers/*"}, {Role::Analyst, Role::Admin}},
    };
    std::size_t seen = 0;
    for (const auto& r : w.app.routes()) {
        if (!r.path.starts_with("/offer")) continue;
        ++seen;
        auto it = expected.find({r.method, r.path});
        ASSERT_NE(it, expected.end()) << r.method << " " << r.path << " is not in this test";
        EXPECT_FALSE(r.is_public) << r.path;
        auto roles = r.roles;
        auto want = it->second;
        std::sort(roles.begin(), roles.end());
        std::sort(want.begin(), want.end());
        EXPECT_EQ(roles, want) << r.method << " " << r.path;
    }
    EXPECT_EQ(seen, expected.size());
}

TEST_F(OfferPages, AWorkerWithNoOneOnTheirCaseloadIsToldWhoToAsk) {
    std::string token = worker("new@example.gov.uk", std::nullopt);
    auto page = w.get("/offer/young-people", token);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "No one is on your caseload for the local offer"));
    EXPECT_FALSE(has(page.body, "href=\"/offer/young-people/C"));
    EXPECT_EQ(w.get("/offer/young-people/C3", token).status, 403);
}
