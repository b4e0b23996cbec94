// The local offer's eligibility rules, worked by hand: who is a child in care or a care leaver on a day,
// and ages at the boundaries (the day before, on and after a birthday), as status changes.
#include <gtest/gtest.h>

#include "offer/eligibility.h"

using namespace corparent;
using offer::Group;
using care::make_date;

namespace {

care::Episode episode(care::Date decom, std::optional<care::Date> dec, std::string rec = "") {
    care::Episode e;
    e.child = "C1";
    e.decom = decom;
    e.dec = dec;
    e.rne = "S";
    e.ls = "C2";
    e.place = "U1";
    e.rec = std::move(rec);
    return e;
}

care::CareHistory history(std::vector<care::Episode> episodes) { return care::build_history(std::move(episodes)); }

const care::Date kDob = make_date(2005, 6, 15);   // 16 on 15/06/2021, 18 on 15/06/2023, 21 on 15/06/2026
const care::Date kLater = make_date(2024, 3, 31);  // a day after every history below has ended

offer::Rule rule(std::vector<Group> who, std::optional<int> from, std::optional<int> until) { return {who, from, until}; }

}  // namespace

TEST(OfferEligibility, BirthdaysFallOnTheDayAndTwentyNinthFebruaryOnFirstMarch) {
    EXPECT_EQ(offer::birthday(kDob, 18), make_date(2023, 6, 15));
    EXPECT_EQ(offer::birthday(make_date(2008, 2, 29), 18), make_date(2026, 3, 1));
    EXPECT_EQ(offer::birthday(make_date(2008, 2, 29), 16), make_date(2024, 2, 29));   // a leap year
}

TEST(OfferEligibility, LookedAfterOnTheDayIsAChildInCare) {
    auto h = history({episode(make_date(2019, 1, 10), std::nullopt)});
    auto s = offer::standing_on(h, kDob, false, make_date(2021, 3, 31));
    ASSERT_TRUE(s.group);
    EXPECT_EQ(*s.group, Group::ChildInCare);
    EXPECT_EQ(s.age, 15);
    // Before care began: neither.
    EXPECT_FALSE(offer::standing_on(h, kDob, false, make_date(2019, 1, 9)).group);
}

TEST(OfferEligibility, LeavingCareAt18AfterYearsInCareMakesACareLeaverTheDayCareEnds) {
    // In care from 10/01/2019 until the 18th birthday, 15/06/2023 (REC E8, period of care ended).
    auto h = history({episode(make_date(2019, 1, 10), make_date(2023, 6, 15), "E8")});
    // 14/06/2023: still looked after (the episode ends on 15/06), aged 17.
    auto before = offer::standing_on(h, kDob, false, make_date(2023, 6, 14));
    EXPECT_EQ(before.group, Group::ChildInCare);
    EXPECT_EQ(before.age, 17);
    // 15/06/2023: care ended that day; a care leaver aged 18.
    auto after = offer::standing_on(h, kDob, false, make_date(2023, 6, 15));
    EXPECT_EQ(after.group, Group::CareLeaver);
    EXPECT_EQ(after.age, 18);
    // The child-in-care offer stops and the care leavers' starts on the same day.
    auto advocate = rule({Group::ChildInCare}, std::nullopt, std::nullopt);
    auto council_tax = rule({Group::CareLeaver}, 18, 25);
    EXPECT_TRUE(offer::eligibility(advocate, before).eligible);
    EXPECT_FALSE(offer::eligibility(council_tax, before).eligible);
    EXPECT_EQ(offer::eligibility(council_tax, before).reason, "for care leavers, not children in care");
    EXPECT_FALSE(offer::eligibility(advocate, after).eligible);
    EXPECT_TRUE(offer::eligibility(council_tax, after).eligible);
    EXPECT_EQ(offer::eligibility(council_tax, after).reason, "a care leaver, aged 18");
}

TEST(OfferEligibility, ACareLeaverStaysOneUntilThe25thBirthday) {
    auto h = history({episode(make_date(2019, 1, 10), make_date(2023, 6, 15), "E8")});
    EXPECT_EQ(offer::standing_on(h, kDob, false, make_date(2030, 6, 14)).group, Group::CareLeaver);   // 24
    EXPECT_FALSE(offer::standing_on(h, kDob, false, make_date(2030, 6, 15)).group);                   // 25
}

TEST(OfferEligibility, TurningTwentyOneEndsAnOfferUntil21) {
    auto h = history({episode(make_date(2019, 1, 10), make_date(2023, 6, 15), "E8")});
    auto wellbeing = rule({Group::ChildInCare, Group::CareLeaver}, std::nullopt, 21);
    auto at20 = offer::standing_on(h, kDob, false, make_date(2026, 6, 14));
    auto at21 = offer::standing_on(h, kDob, false, make_date(2026, 6, 15));
    EXPECT_TRUE(offer::eligibility(wellbeing, at20).eligible);
    auto e = offer::eligibility(wellbeing, at21);
    EXPECT_FALSE(e.eligible);
    EXPECT_EQ(e.reason, "aged 21: it ends at 21");
}

TEST(OfferEligibility, AnOfferFrom18StartsOnThe18thBirthday) {
    // Left care at 16 and a half (after 2 years in care): a care leaver, but the council tax exemption
    // starts at 18.
    auto h = history({episode(make_date(2019, 12, 1), make_date(2021, 12, 1), "E4A")});
    auto council_tax = rule({Group::CareLeaver}, 18, 25);
    auto at17 = offer::standing_on(h, kDob, false, make_date(2023, 6, 14));
    EXPECT_EQ(at17.group, Group::CareLeaver);
    auto e = offer::eligibility(council_tax, at17);
    EXPECT_FALSE(e.eligible);
    EXPECT_EQ(e.reason, "aged 17: it starts at 18");
    EXPECT_TRUE(offer::eligibility(council_tax, offer::standing_on(h, kDob, false, make_date(2023, 6, 15))).eligible);
}

TEST(OfferEligibility, CareEndingBeforeThe16thBirthdayDoesNotMakeACareLeaver) {
    // Ended on 14/06/2021, the day before the 16th birthday: not a care leaver.
    auto h = history({episode(make_date(2019, 1, 10), make_date(2021, 6, 14), "E4A")});
    EXPECT_FALSE(offer::left_care_as_care_leaver(h, kDob, kLater));
    EXPECT_FALSE(offer::standing_on(h, kDob, false, make_date(2022, 1, 1)).group);
    // Ended on the 16th birthday: a care leaver.
    auto on16 = history({episode(make_date(2019, 1, 10), make_date(2021, 6, 15), "E4A")});
    EXPECT_TRUE(offer::left_care_as_care_leaver(on16, kDob, kLater));
}

TEST(OfferEligibility, ThirteenWeeksInCareSinceThe14thBirthdayAreNeeded) {
    // 14th birthday 15/06/2019. Looked after from 01/05/2021 to 31/07/2021: 91 days, 13 weeks: enough.
    auto enough = history({episode(make_date(2021, 5, 1), make_date(2021, 7, 31), "E4A")});
    EXPECT_TRUE(offer::left_care_as_care_leaver(enough, kDob, kLater));
    // One day less: 90 days.
    auto short_of = history({episode(make_date(2021, 5, 2), make_date(2021, 7, 31), "E4A")});
    EXPECT_FALSE(offer::left_care_as_care_leaver(short_of, kDob, kLater));
    // Two periods adding up: 60 days at 14 (from 01/08/2019) and 31 days at 16 (from 01/07/2021).
    auto two = history({episode(make_date(2019, 8, 1), make_date(2019, 9, 30), "E4A"),
                        episode(make_date(2021, 7, 1), make_date(2021, 8, 1), "E4A")});
    EXPECT_TRUE(offer::left_care_as_care_leaver(two, kDob, kLater));
    // Time in care before the 14th birthday does not count: from 16/05/2019 (a month before 14).
    auto early = history({episode(make_date(2019, 5, 16), make_date(2019, 7, 1), "E4A"),
                          episode(make_date(2021, 6, 15), make_date(2021, 8, 1), "E4A")});
    // 16 days from 15/06/2019 and 47 from 15/06/2021: 63 days.
    EXPECT_FALSE(offer::left_care_as_care_leaver(early, kDob, kLater));
}

TEST(OfferEligibility, AdoptionSpecialGuardianshipAndTransferDoNotMakeACareLeaver) {
    for (const char* rec : {"E11", "E12", "E41", "E43", "E44", "E45", "E46", "E47", "E48", "E3", "E2"}) {
        auto h = history({episode(make_date(2019, 1, 10), make_date(2022, 1, 1), rec)});
        EXPECT_FALSE(offer::left_care_as_care_leaver(h, kDob, kLater)) << rec;
    }
    for (const char* rec : {"E4A", "E4B", "E5", "E6", "E13", "E15", "E16", "E17", "E7", "E8", "E9"}) {
        auto h = history({episode(make_date(2019, 1, 10), make_date(2022, 1, 1), rec)});
        EXPECT_TRUE(offer::left_care_as_care_leaver(h, kDob, kLater)) << rec;
    }
}

TEST(OfferEligibility, ComingBackIntoCareMakesAChildInCareAgain) {
    auto h = history({episode(make_date(2019, 1, 10), make_date(2021, 9, 1), "E4A"),
                      episode(make_date(2022, 3, 1), std::nullopt)});
    EXPECT_EQ(offer::standing_on(h, kDob, false, make_date(2022, 2, 28)).group, Group::CareLeaver);
    EXPECT_EQ(offer::standing_on(h, kDob, false, make_date(2022, 3, 1)).group, Group::ChildInCare);
}

TEST(OfferEligibility, TheCareLeaversTableMakesACareLeaverWhereTheEpisodesDoNot) {
    care::CareHistory none;
    EXPECT_FALSE(offer::standing_on(none, kDob, false, make_date(2024, 3, 31)).group);
    EXPECT_EQ(offer::standing_on(none, kDob, true, make_date(2024, 3, 31)).group, Group::CareLeaver);
    // Without a date of birth: a care leaver by OC3, age unknown; an offer with ages cannot be judged.
    auto s = offer::standing_on(none, std::nullopt, true, make_date(2024, 3, 31));
    EXPECT_EQ(s.group, Group::CareLeaver);
    EXPECT_FALSE(s.age);
    auto e = offer::eligibility(rule({Group::CareLeaver}, 18, 25), s);
    EXPECT_FALSE(e.eligible);
    EXPECT_EQ(e.reason, "no date of birth, so the age limits cannot be checked");
    EXPECT_TRUE(offer::eligibility(rule({Group::CareLeaver}, std::nullopt, std::nullopt), s).eligible);
}

TEST(OfferEligibility, RulesAreDescribedInPlainWords) {
    EXPECT_EQ(offer::describe(rule({Group::CareLeaver}, 18, 25)), "Care leavers aged 18 to 24");
    EXPECT_EQ(offer::describe(rule({Group::ChildInCare}, std::nullopt, std::nullopt)), "Children in care");
    EXPECT_EQ(offer::describe(rule({Group::ChildInCare, Group::CareLeaver}, std::nullopt, 21)),
              "Children in care and care leavers under 21");
    EXPECT_EQ(offer::describe(rule({Group::CareLeaver}, 16, std::nullopt)), "Care leavers aged 16 and over");
    EXPECT_EQ(offer::eligibility(rule({Group::CareLeaver}, 16, 25), {}).reason, "not looked after and not a care leaver");
}
