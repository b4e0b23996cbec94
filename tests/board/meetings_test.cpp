// The Board's meetings: the municipal year (1 April to 31 March), the warning when no health-themed
// meeting is scheduled in it, members, and the "You said, We did" log a meeting reviews.
#include <gtest/gtest.h>

#include "board_fixture.h"

using namespace corparent;
using board::Status;
using test_support::day;

TEST(MunicipalYear, RunsFromAprilToMarch) {
    EXPECT_EQ(board::municipal_year_of(day(2026, 3, 31)), 2025);
    EXPECT_EQ(board::municipal_year_of(day(2026, 4, 1)), 2026);
    EXPECT_EQ(board::municipal_year_of(day(2026, 12, 31)), 2026);
    EXPECT_EQ(board::municipal_year_of(day(2027, 1, 1)), 2026);
    EXPECT_EQ(board::municipal_year_of(day(2027, 3, 31)), 2026);
    EXPECT_EQ(board::municipal_year_start(2026), day(2026, 4, 1));
    EXPECT_EQ(board::municipal_year_end(2026), day(2027, 3, 31));
    EXPECT_EQ(board::municipal_year_label(2026), "2026-27");
    EXPECT_EQ(board::municipal_year_label(2099), "2099-00");
}

board::Meeting held(care::Date on, bool health) {
    board::Meeting m;
    m.held_on = on;
    m.health_theme = health;
    return m;
}

TEST(HealthThemeWarning, NeedsAHealthMeetingInTheMunicipalYearOfToday) {
    // A health meeting on 31 March 2027 is the last day of 2026-27; on 1 April 2027 it belongs to 2027-28.
    std::vector<board::Meeting> meetings = {held(day(2026, 6, 10), false), held(day(2027, 3, 31), true)};
    EXPECT_FALSE(board::health_theme_warning(meetings, day(2026, 4, 1)));
    EXPECT_FALSE(board::health_theme_warning(meetings, day(2027, 3, 31)));
    auto next = board::health_theme_warning(meetings, day(2027, 4, 1));
    ASSERT_TRUE(next);
    EXPECT_EQ(*next, "No health-themed Board meeting is scheduled in the municipal year 2027-28 (1 April 2027 to 31 "
                     "March 2028): the Board meets on health at least once a year");
    EXPECT_TRUE(board::health_theme_warning(meetings, day(2026, 3, 31))) << "2025-26 has no meeting at all";
    EXPECT_TRUE(board::health_theme_warning({held(day(2026, 4, 1), false)}, day(2026, 4, 1)))
        << "a meeting on another theme does not count";
    EXPECT_FALSE(board::health_theme_warning({held(day(2026, 4, 1), true)}, day(2027, 3, 31)))
        << "1 April is the first day of the year it starts";
}

using Meetings = test_support::BoardTest;

TEST_P(Meetings, TheLogShowsNewOverdueAndDoneSinceTheLastMeeting) {
    long long june = meeting(day(2026, 6, 10));
    long long sept = meeting(day(2026, 9, 16), true);
    // Before June: an item and two actions, one due in July, one due in December.
    long long early = you_said(day(2026, 5, 2));
    long long due_july = action(early, day(2026, 5, 5), day(2026, 7, 31));
    long long due_dec = action(early, day(2026, 5, 5), day(2026, 12, 31));
    // Between the meetings: a new item and action; the December one done; the September meeting's day
    // itself counts as "since the last meeting".
    long long later = you_said(day(2026, 8, 1));
    long long quick = action(later, day(2026, 8, 2), day(2026, 8, 30));
    ASSERT_TRUE(board::change_status(*db, due_dec, Status::Done, "Done early.", actor, day(2026, 9, 16)).empty());
    ASSERT_TRUE(board::change_status(*db, quick, Status::Done, "Done late.", actor, day(2026, 10, 1)).empty());

    auto log = board::meeting_log(*db, sept);
    EXPECT_EQ(log.since, day(2026, 6, 10));
    ASSERT_EQ(log.new_you_said.size(), 1u);
    EXPECT_EQ(log.new_you_said[0].id, later);
    ASSERT_EQ(log.new_actions.size(), 1u);
    EXPECT_EQ(log.new_actions[0].id, quick);
    // On 16 September: July's was late and open; August's was late and done only on 1 October.
    std::vector<long long> overdue;
    for (const auto& a : log.overdue) overdue.push_back(a.id);
    EXPECT_EQ(overdue, (std::vector<long long>{due_july, quick}));
    ASSERT_EQ(log.done.size(), 1u);
    EXPECT_EQ(log.done[0].id, due_dec);

    auto first = board::meeting_log(*db, june);
    EXPECT_FALSE(first.since);
    EXPECT_EQ(first.new_you_said.size(), 1u);
    EXPECT_EQ(first.new_actions.size(), 2u);
    EXPECT_TRUE(first.overdue.empty());
    EXPECT_TRUE(first.done.empty());
}

TEST_P(Meetings, RecordingTakesAttendanceMinutesAndReviews) {
    auto chair = board::add_member(*db, {0, "Cllr Asha Patel", board::MemberKind::ElectedMember, "Councillor",
                                         board::BoardRole::Chair, true}, actor);
    ASSERT_TRUE(chair.ok());
    auto second = board::add_member(*db, {0, "Cllr Tom Reid", board::MemberKind::ElectedMember, "Councillor",
                                          board::BoardRole::Chair, true}, actor);
    ASSERT_EQ(second.problems.size(), 1u);
    EXPECT_EQ(second.problems[0].message, "The Board has a Chair already (Cllr Asha Patel): stand them down first");
    ASSERT_TRUE(board::stand_down(*db, chair.id, actor).empty());
    EXPECT_TRUE(board::add_member(*db, {0, "Cllr Tom Reid", board::MemberKind::ElectedMember, "Councillor",
                                        board::BoardRole::Chair, true}, actor).ok());

    long long m = meeting(day(2026, 6, 10));
    long long a = action(you_said(day(2026, 5, 2)), day(2026, 5, 5), day(2026, 7, 31));
    auto refused = board::record_meeting(*db, m, "  ", {chair.id}, {a}, actor, day(2026, 6, 10));
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].field, "minutes");
    auto early = board::record_meeting(*db, m, "Minutes written before the day", {}, {}, actor, day(2026, 6, 9));
    ASSERT_EQ(early.size(), 1u);
    EXPECT_EQ(early[0].message, "The meeting can be recorded on its day or after it");
    EXPECT_FALSE(board::find_meeting(*db, m)->recorded());
    ASSERT_TRUE(board::record_meeting(*db, m, "The Board heard from the Children in Care Council.", {chair.id}, {a}, actor,
                                      day(2026, 6, 10)).empty());
    auto found = board::find_meeting(*db, m);
    EXPECT_TRUE(found->recorded());
    EXPECT_EQ(found->attended, std::vector<long long>{chair.id});
    EXPECT_EQ(found->agenda, std::vector<std::string>{"You said, We did"});
    EXPECT_EQ(board::find_action(*db, a)->reviewed_at, std::vector<long long>{m});
}

TEST_P(Meetings, MeetingsOfAMunicipalYear) {
    meeting(day(2026, 3, 31));
    long long a = meeting(day(2026, 4, 1));
    long long b = meeting(day(2027, 3, 31), true);
    meeting(day(2027, 4, 1));
    auto year = board::meetings_in_year(*db, 2026);
    ASSERT_EQ(year.size(), 2u);
    EXPECT_EQ(year[0].id, a);
    EXPECT_EQ(year[1].id, b);
    EXPECT_FALSE(board::health_theme_warning(board::all_meetings(*db), day(2026, 10, 1)));
    EXPECT_TRUE(board::health_theme_warning(board::all_meetings(*db), day(2027, 4, 1)));
}

INSTANTIATE_TEST_SUITE_P(Backends, Meetings, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);
