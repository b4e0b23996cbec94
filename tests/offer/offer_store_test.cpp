// The local offer in the store, on SQLite and PostgreSQL alike: the catalogue seeded once and edited,
// take-up records, personal advisers, and the young people loaded from the stacked returns.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "../store/test_database.h"
#include "accounts/accounts.h"
#include "offer/take_up.h"
#include "offer/young_people.h"
#include "offer_fixture.h"
#include "store/accounts.h"
#include "store/offer.h"

using namespace corparent;

namespace {

class OfferStore : public ::testing::TestWithParam<store::Backend> {
protected:
    void SetUp() override {
        target = test_support::fresh_target(GetParam());
        ASSERT_FALSE(target.empty());
        db = store::Database::open(target);
    }
    std::string target;
    std::unique_ptr<store::Database> db;
    const accounts::Actor actor{"officer@example.gov.uk", "192.0.2.1"};
};

std::vector<store::AuditRow> audit(store::Database& db, const std::string& action) {
    store::AuditFilter f;
    f.action = action;
    return store::find_audit(db, f);
}

}  // namespace

TEST_P(OfferStore, TheDefaultCatalogueIsSeededOnceInTheSixAreas) {
    EXPECT_TRUE(offer::load_catalogue(*db).entitlements.empty());
    offer::seed_catalogue(*db, CORPARENT_DATA_DIR);
    auto c = offer::load_catalogue(*db);
    EXPECT_NE(c.source.find("local offer"), std::string::npos);
    ASSERT_EQ(c.entitlements.size(), 14u);
    // The seeds' offer: care leavers' and children in care's.
    for (const char* id : {"council_tax_exemption", "leisure_pass", "apprenticeship_living_wage", "water_bill_exemption",
                           "higher_education_support", "no_intentional_homelessness", "independent_advocate",
                           "lifelong_links", "life_story_work", "savings_account", "hobbies_activities",
                           "celebration_event", "care_leavers_awards"})
        EXPECT_TRUE(c.find(id)) << id;
    const auto* tax = c.find("council_tax_exemption");
    EXPECT_EQ(tax->area, "accommodation");
    EXPECT_EQ(offer::describe(tax->rule), "Care leavers aged 18 to 24");
    EXPECT_EQ(tax->review, care::make_date(2026, 4, 1));
    EXPECT_EQ(c.find("leisure_pass")->conditions, std::vector<std::string>{"living in the council's area"});
    std::set<std::string> areas;
    for (const auto& e : c.entitlements) areas.insert(e.area);
    EXPECT_EQ(areas.size(), 6u);   // every area has something

    // An officer's change survives another seeding (a server restarting), from another connection too.
    auto changed = *tax;
    changed.rule.age_until = 26;
    EXPECT_FALSE(offer::save_entitlement(*db, changed, false, actor).empty());   // 26 is over 25: refused
    changed.rule.age_until = 25;
    changed.provider = "The revenues service";
    EXPECT_TRUE(offer::save_entitlement(*db, changed, false, actor).empty());
    auto other = store::Database::open(target);
    offer::seed_catalogue(*other, CORPARENT_DATA_DIR);
    EXPECT_EQ(offer::load_catalogue(*db).find("council_tax_exemption")->provider, "The revenues service");
    EXPECT_EQ(offer::load_catalogue(*db).entitlements.size(), 14u);
    auto lines = audit(*db, "offer.catalogue");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].object, "council_tax_exemption");
    EXPECT_EQ(lines[0].actor, actor.who);
}

TEST_P(OfferStore, TwoServersSeedingTogetherSeedOnce) {
    std::vector<std::unique_ptr<store::Database>> servers;
    for (int i = 0; i < 4; ++i) servers.push_back(store::Database::open(target));
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (auto& s : servers)
        threads.emplace_back([&s, &failures] {
            try {
                offer::seed_catalogue(*s, CORPARENT_DATA_DIR);
            } catch (const std::exception&) {
                ++failures;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(offer::load_catalogue(*db).entitlements.size(), 14u);
}

TEST_P(OfferStore, AnOfficerAddsAnEntitlementAtTheEnd) {
    offer::seed_catalogue(*db, CORPARENT_DATA_DIR);
    offer::Entitlement e;
    e.id = "driving_lessons";
    e.area = "employment";
    e.name = "Driving lessons";
    e.description = "Ten driving lessons.";
    e.rule = {{offer::Group::CareLeaver}, 17, 25};
    e.provider = "The leaving care service";
    e.review = care::make_date(2026, 9, 1);
    EXPECT_TRUE(offer::save_entitlement(*db, e, true, actor).empty());
    auto problems = offer::save_entitlement(*db, e, true, actor);   // the same id again
    ASSERT_EQ(problems.count("id"), 1u);
    EXPECT_EQ(problems["id"], "There is already an entitlement with this id");
    auto c = offer::load_catalogue(*db);
    ASSERT_EQ(c.entitlements.size(), 15u);
    EXPECT_EQ(c.entitlements.back().id, "driving_lessons");
    EXPECT_EQ(c.entitlements.back().rule.age_from, 17);
    EXPECT_EQ(c.entitlements.back().updated_by, actor.who);
}

TEST_P(OfferStore, AnEntitlementIsCheckedFieldByField) {
    offer::Catalogue empty;
    offer::Entitlement e;
    e.id = "Bad Id";
    e.rule.age_from = 18;
    e.rule.age_until = 16;
    auto p = offer::check_entitlement(e, empty, true);
    for (const char* field : {"id", "area", "name", "description", "who", "age_until", "provider"})
        EXPECT_EQ(p.count(field), 1u) << field;
    EXPECT_EQ(p["age_until"], "The age it ends at must be more than the age it starts at");
    EXPECT_EQ(p.count("age_from"), 0u);
}

TEST_P(OfferStore, TakeUpRecordsAndAdvisersRoundTrip) {
    store::TakeUpRow r{0, "C2", "leisure_pass", "offered", "2025-01-02", "by text", "2026-01-01T00:00:00Z", "w@x", "web"};
    EXPECT_FALSE(store::take_up_held(*db, r));
    store::insert_take_up(*db, r);
    EXPECT_TRUE(store::take_up_held(*db, r));
    auto later = r;
    later.status = "taken_up";
    later.on_date = "2025-01-20";
    store::insert_take_up(*db, later);
    auto earlier = r;
    earlier.entitlement = "apprenticeship_living_wage";
    store::insert_take_up(*db, earlier);
    store::insert_take_up(*db, {0, "C1", "lifelong_links", "offered", "2025-03-01", "", "t", "w@x", "file.csv"});
    auto all = store::load_take_up(*db);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].child, "C1");
    EXPECT_EQ(all[1].entitlement, "apprenticeship_living_wage");
    EXPECT_EQ(all[2].status, "offered");
    EXPECT_EQ(all[3].status, "taken_up");
    EXPECT_EQ(all[3].note, "by text");
    EXPECT_EQ(store::load_take_up_of(*db, "C2").size(), 3u);
    EXPECT_TRUE(store::load_take_up_of(*db, "C9").empty());

    EXPECT_FALSE(store::find_adviser(*db, "C2"));
    store::set_adviser(*db, {"C2", "pa@example.gov.uk", "t", "analyst"});
    store::set_adviser(*db, {"C2", "pa2@example.gov.uk", "t", "analyst"});
    EXPECT_EQ(store::find_adviser(*db, "C2")->adviser, "pa2@example.gov.uk");
    EXPECT_EQ(store::load_advisers(*db).size(), 1u);
    store::set_adviser(*db, {"C2", "", "t", "analyst"});
    EXPECT_FALSE(store::find_adviser(*db, "C2"));
}

TEST_P(OfferStore, YoungPeopleComeFromTheStackedReturns) {
    test_support::load_offer_council(*db);
    const auto o = offer::load_offer(*db, {});
    EXPECT_EQ(o.year, 2025);
    EXPECT_EQ(o.on, care::make_date(2025, 3, 31));
    ASSERT_EQ(o.people.size(), 4u);   // C5 went home at 14: neither
    EXPECT_EQ(o.find("C1")->standing.group, offer::Group::ChildInCare);
    EXPECT_EQ(o.find("C2")->standing.group, offer::Group::CareLeaver);
    EXPECT_EQ(o.find("C2")->standing.age, 17);
    EXPECT_EQ(o.find("C2")->left_care, care::make_date(2024, 12, 1));
    EXPECT_EQ(o.find("C3")->standing.group, offer::Group::CareLeaver);
    EXPECT_EQ(o.find("C3")->standing.age, 20);
    EXPECT_EQ(o.find("C4")->standing.age, 13);
    EXPECT_FALSE(o.find("C5"));
    // What each is eligible for by the default catalogue.
    auto eligible = [&](const std::string& child) {
        std::vector<std::string> ids;
        for (const auto& s : offer::entitlements_of(o, *o.find(child)))
            if (s.eligibility.eligible) ids.push_back(s.entitlement->id);
        return ids;
    };
    EXPECT_EQ(eligible("C2"), (std::vector<std::string>{"leisure_pass", "emotional_wellbeing", "apprenticeship_living_wage",
                                                        "higher_education_support", "care_leavers_awards"}));
    EXPECT_EQ(eligible("C3").size(), 8u);
    EXPECT_EQ(eligible("C1"), (std::vector<std::string>{"emotional_wellbeing", "independent_advocate", "lifelong_links",
                                                        "life_story_work", "savings_account", "hobbies_activities",
                                                        "celebration_event"}));
}

TEST_P(OfferStore, TheCaseloadIsTheSwIdsChildrenAndTheAssignedCareLeavers) {
    test_support::load_offer_council(*db);
    auto w1 = accounts::add_user(*db, "one@example.gov.uk", accounts::Role::Worker, "correct horse battery staple",
                                 std::string("SW000001"), actor);
    auto w2 = accounts::add_user(*db, "two@example.gov.uk", accounts::Role::Worker, "correct horse battery staple",
                                 std::nullopt, actor);
    accounts::add_user(*db, "analyst@example.gov.uk", accounts::Role::Analyst, "correct horse battery staple",
                       std::nullopt, actor);
    auto o = offer::load_offer(*db, {});
    EXPECT_EQ(offer::offer_caseload(*db, w1), (std::set<std::string>{"C1", "C4"}));
    EXPECT_TRUE(offer::offer_caseload(*db, w2).empty());
    EXPECT_EQ(offer::assign_adviser(*db, o, "c3", "TWO@example.gov.uk", actor), "");
    EXPECT_EQ(offer::offer_caseload(*db, w2), (std::set<std::string>{"C3"}));
    EXPECT_EQ(offer::load_offer(*db, {}).find("C3")->adviser, "two@example.gov.uk");
    // Only a worker can be a personal adviser; only a young person of the offer can have one.
    EXPECT_NE(offer::assign_adviser(*db, o, "C3", "analyst@example.gov.uk", actor), "");
    EXPECT_NE(offer::assign_adviser(*db, o, "C3", "nobody@example.gov.uk", actor), "");
    EXPECT_NE(offer::assign_adviser(*db, o, "C5", "two@example.gov.uk", actor), "");
    EXPECT_EQ(offer::assign_adviser(*db, o, "C3", "", actor), "");
    EXPECT_TRUE(offer::offer_caseload(*db, w2).empty());
    auto lines = audit(*db, "offer.adviser");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].detail, "none");   // newest first
    EXPECT_EQ(lines[1].detail, "two@example.gov.uk");
}

TEST_P(OfferStore, RecordingTakeUpChecksEachFieldAndIsAudited) {
    test_support::load_offer_council(*db);
    auto o = offer::load_offer(*db, {});
    const auto& c2 = *o.find("C2");
    auto problems = offer::record_take_up(*db, o, c2, "no_such", "maybe", std::nullopt, std::string(501, 'x'), actor);
    EXPECT_EQ(problems.size(), 4u);
    EXPECT_EQ(problems["entitlement"], "Select an entitlement of the local offer");
    EXPECT_EQ(problems["status"], "Select offered, taken up, declined or not eligible");
    EXPECT_EQ(problems["date"], "Enter the date as a real day, for example 27 3 2025");
    EXPECT_EQ(problems["note"], "The note must be 500 characters or fewer");
    EXPECT_EQ(offer::record_take_up(*db, o, c2, "leisure_pass", "offered", offer::today() + std::chrono::days(1), "", actor)["date"],
              "The date must be today or in the past");
    EXPECT_EQ(offer::record_take_up(*db, o, c2, "leisure_pass", "offered", care::make_date(2007, 12, 31), "", actor)["date"],
              "The date must be after the young person was born");
    EXPECT_TRUE(store::load_take_up(*db).empty());
    EXPECT_TRUE(offer::record_take_up(*db, o, c2, "leisure_pass", "Taken up", care::make_date(2025, 2, 1), "gym", actor).empty());
    auto held = store::load_take_up(*db);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].status, "taken_up");
    EXPECT_EQ(held[0].on_date, "2025-02-01");
    EXPECT_EQ(held[0].source, "web");
    auto lines = audit(*db, "offer.take_up");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].object, "C2");
    EXPECT_EQ(lines[0].detail, "leisure_pass: taken_up on 2025-02-01");   // never the note
    // And the figures see it.
    auto figures = offer::take_up(*db, {}, std::nullopt);
    for (const auto& f : figures)
        if (f.entitlement == "leisure_pass" && f.age_band.empty()) {
            EXPECT_EQ(f.eligible.count, 2);   // C2 and C3
            EXPECT_EQ(f.taken_up.count, 1);
        }
}

INSTANTIATE_TEST_SUITE_P(OfferOn, OfferStore, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);
