// Take-up of the local offer, worked by hand on a small council built in the test: who counts as
// eligible, offered and taken up, per entitlement, per area (a young person once) and by age band;
// disclosure control for the roles without child-level access; the list of the never offered.
#include <gtest/gtest.h>

#include "offer/take_up.h"

using namespace corparent;
using offer::Group;

namespace {

offer::Entitlement entitlement(std::string id, std::string area, std::vector<Group> who, std::optional<int> from,
                               std::optional<int> until) {
    offer::Entitlement e;
    e.id = id;
    e.area = std::move(area);
    e.name = "The " + id;
    e.description = "what " + id + " is";
    e.rule = {std::move(who), from, until};
    e.provider = "a partner";
    e.review = care::make_date(2026, 4, 1);
    return e;
}

offer::YoungPerson person(std::string child, Group group, std::optional<int> age) {
    offer::YoungPerson p;
    p.child = std::move(child);
    p.standing = {group, age};
    if (age) p.dob = care::make_date(2025 - *age - 1, 6, 1);
    return p;
}

void record(offer::Offer& o, const std::string& child, const std::string& entitlement, const std::string& status,
            const std::string& date) {
    o.records[child].push_back({0, child, entitlement, status, date, "", "", "test", "web"});
}

void sort_people(offer::Offer& o) {
    std::sort(o.people.begin(), o.people.end(), [](const auto& a, const auto& b) { return a.child < b.child; });
}

const offer::TakeUpFigure& find(const std::vector<offer::TakeUpFigure>& figures, const std::string& entitlement,
                                const std::string& area, const std::string& band) {
    for (const auto& f : figures)
        if (f.entitlement == entitlement && f.area == area && f.age_band == band) return f;
    throw std::runtime_error("no figure " + entitlement + " " + area + " " + band);
}

// A: care leaver aged 19; B: care leaver aged 17; C: child in care aged 9; D: aged 12; E: in care, no date
// of birth. "tax" is for care leavers aged 18 to 24 (accommodation); "links" for children in care
// (relationships).
offer::Offer small_council() {
    offer::Offer o;
    o.year = 2025;
    o.on = care::make_date(2025, 3, 31);
    o.catalogue.entitlements = {entitlement("tax", "accommodation", {Group::CareLeaver}, 18, 25),
                                entitlement("links", "relationships", {Group::ChildInCare}, std::nullopt, std::nullopt)};
    o.people = {person("A", Group::CareLeaver, 19), person("B", Group::CareLeaver, 17), person("C", Group::ChildInCare, 9),
                person("D", Group::ChildInCare, 12), person("E", Group::ChildInCare, std::nullopt)};
    // Records come by date within a young person and entitlement, as the store gives them.
    record(o, "A", "tax", "offered", "2025-01-10");
    record(o, "A", "tax", "taken_up", "2025-02-01");
    record(o, "C", "links", "offered", "2025-03-01");
    record(o, "D", "links", "not_eligible", "2025-03-02");
    record(o, "E", "links", "offered", "2024-11-01");
    record(o, "E", "links", "taken_up", "2024-12-01");
    return o;
}

}  // namespace

TEST(OfferTakeUp, EachEntitlementCountsTheEligibleTheOfferedAndTheTakenUp) {
    auto figures = offer::take_up(small_council(), std::nullopt);
    const auto& tax = find(figures, "tax", "accommodation", "");
    EXPECT_EQ(tax.eligible.count, 1);   // A; B is 17
    EXPECT_EQ(tax.offered.count, 1);
    EXPECT_EQ(tax.taken_up.count, 1);
    EXPECT_EQ(tax.taken_up.denominator, 1);
    // links: C, D, E by the rules; D recorded not eligible; E took it up, C was offered it.
    const auto& links = find(figures, "links", "relationships", "");
    EXPECT_EQ(links.eligible.count, 2);
    EXPECT_EQ(links.offered.count, 2);
    EXPECT_EQ(links.taken_up.count, 1);
    EXPECT_EQ(offer::percent_text(links.taken_up), "50%");
    EXPECT_EQ(offer::percent_text(links.offered), "100%");
}

TEST(OfferTakeUp, AgeBandsSplitTheFiguresAndSumToThem) {
    auto figures = offer::take_up(small_council(), std::nullopt);
    EXPECT_EQ(find(figures, "tax", "accommodation", "18-20").eligible.count, 1);
    EXPECT_EQ(find(figures, "tax", "accommodation", "16-17").eligible.count, 0);   // B: not eligible at 17
    EXPECT_EQ(find(figures, "links", "relationships", "under 10").eligible.count, 1);
    EXPECT_EQ(find(figures, "links", "relationships", "under 10").taken_up.count, 0);
    EXPECT_EQ(find(figures, "links", "relationships", "10-15").eligible.count, 0);   // D: not eligible
    EXPECT_EQ(find(figures, "links", "relationships", "age not known").taken_up.count, 1);
    for (const auto* id : {"tax", "links"}) {
        long long eligible = 0, all = 0;
        for (const auto& f : figures)
            if (f.entitlement == id) (f.age_band.empty() ? all : eligible) += f.eligible.count;
        EXPECT_EQ(eligible, all) << id;
    }
    // Every band is there for every figure, zeros included: 2 entitlements and 6 areas, 7 rows each.
    EXPECT_EQ(figures.size(), (2u + 6u) * 7u);
}

TEST(OfferTakeUp, AnAreaCountsAYoungPersonOnce) {
    auto o = small_council();
    // A second accommodation entitlement, which A also took up: A still counts once in the area.
    o.catalogue.entitlements.push_back(entitlement("water", "accommodation", {Group::CareLeaver}, 18, 25));
    record(o, "A", "water", "taken_up", "2025-02-02");
    auto figures = offer::take_up(o, std::nullopt);
    const auto& area = find(figures, "", "accommodation", "");
    EXPECT_EQ(area.name, "Accommodation");
    EXPECT_EQ(area.eligible.count, 1);
    EXPECT_EQ(area.taken_up.count, 1);
    const auto& relationships = find(figures, "", "relationships", "");
    EXPECT_EQ(relationships.eligible.count, 2);
    EXPECT_EQ(relationships.offered.count, 2);
    EXPECT_EQ(relationships.taken_up.count, 1);
    EXPECT_EQ(find(figures, "", "employment", "").eligible.count, 0);
}

TEST(OfferTakeUp, TheLatestRecordIsWhereItStands) {
    auto o = small_council();
    record(o, "A", "tax", "declined", "2025-03-01");   // after taking it up, A declined it
    auto figures = offer::take_up(o, std::nullopt);
    const auto& tax = find(figures, "tax", "accommodation", "");
    EXPECT_EQ(tax.offered.count, 1);   // declining means it was offered
    EXPECT_EQ(tax.taken_up.count, 0);
}

TEST(OfferTakeUp, DisclosureControlSuppressesSmallNumbersAndTheNextSmallestBand) {
    offer::Offer o;
    o.year = 2025;
    o.on = care::make_date(2025, 3, 31);
    o.catalogue.entitlements = {entitlement("pass", "health_wellbeing", {Group::CareLeaver}, 16, 25)};
    // Twelve care leavers: ten aged 17 (all offered, three took it up) and two aged 19 (one offered).
    for (int i = 0; i < 12; ++i) {
        std::string id = "P" + std::to_string(10 + i);
        o.people.push_back(person(id, Group::CareLeaver, i < 10 ? 17 : 19));
        if (i < 11) record(o, id, "pass", "offered", "2025-01-01");
        if (i < 3) record(o, id, "pass", "taken_up", "2025-02-01");
    }
    sort_people(o);
    auto open = offer::take_up(o, std::nullopt);
    EXPECT_EQ(find(open, "pass", "health_wellbeing", "").taken_up.count, 3);
    EXPECT_EQ(offer::percent_text(find(open, "pass", "health_wellbeing", "").offered), "92%");   // 11/12, half up

    measures::DisclosureRules rules;   // counts 1-4 and denominators under 10 are c
    auto shown = offer::take_up(o, rules);
    const auto& all = find(shown, "pass", "health_wellbeing", "");
    EXPECT_FALSE(all.eligible.suppressed);
    EXPECT_EQ(offer::count_text(all.eligible), "12");
    EXPECT_EQ(offer::count_text(all.offered), "11");
    EXPECT_EQ(offer::percent_text(all.offered), "92%");
    EXPECT_EQ(offer::count_text(all.taken_up), "c");       // 3
    EXPECT_EQ(offer::percent_text(all.taken_up), "c");
    // By age: 19-year-olds are 2 (c), so the next smallest band is hidden too and none can be worked out.
    const auto& older = find(shown, "pass", "health_wellbeing", "18-20");
    EXPECT_EQ(offer::count_text(older.eligible), "c");
    EXPECT_EQ(offer::count_text(older.offered), "c");
    int hidden = 0;
    for (const auto& f : shown)
        if (f.entitlement == "pass" && !f.age_band.empty() && f.eligible.suppressed) ++hidden;
    EXPECT_EQ(hidden, 2);
    const auto& younger = find(shown, "pass", "health_wellbeing", "16-17");
    EXPECT_EQ(offer::count_text(younger.eligible), "10");
    EXPECT_EQ(offer::percent_text(younger.offered), "100%");
    EXPECT_EQ(offer::count_text(younger.taken_up), "c");   // 3 of 10
    // The area's figures are controlled as well.
    EXPECT_EQ(offer::count_text(find(shown, "", "health_wellbeing", "").taken_up), "c");
    EXPECT_EQ(offer::count_text(find(shown, "", "health_wellbeing", "").eligible), "12");
}

TEST(OfferTakeUp, PercentagesAreWholeNumbersRoundedHalfUp) {
    EXPECT_EQ(offer::percent({1, 8, false}), 13);    // 12.5
    EXPECT_EQ(offer::percent({1, 3, false}), 33);
    EXPECT_EQ(offer::percent({2, 3, false}), 67);
    EXPECT_EQ(offer::percent({0, 0, false}), std::nullopt);
    EXPECT_EQ(offer::percent_text({0, 0, false}), "no one eligible");
    EXPECT_EQ(offer::percent({5, 10, true}), std::nullopt);
}

TEST(OfferTakeUp, TheNeverOfferedAreListedWithWhatTheyWereNeverOffered) {
    auto o = small_council();
    auto all = offer::never_offered(o, std::nullopt);
    // A took up tax; B is eligible for nothing; C was offered links; D is not eligible; E took it up.
    EXPECT_TRUE(all.empty());
    o.people.push_back(person("F", Group::CareLeaver, 21));
    sort_people(o);
    all = offer::never_offered(o, std::nullopt);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].person->child, "F");
    ASSERT_EQ(all[0].entitlements.size(), 1u);
    EXPECT_EQ(all[0].entitlements[0]->id, "tax");
    // Only the caseload's.
    EXPECT_TRUE(offer::never_offered(o, std::set<std::string>{"A", "C"}).empty());
}
