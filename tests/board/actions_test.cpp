// "We did" actions: the moves an action may make, when it is overdue (hand-worked dates), and its life
// from open to published, stored on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <set>

#include "board_fixture.h"

using namespace corparent;
using board::Status;
using test_support::day;

TEST(ActionStatus, OnlyTheAllowedMovesAreAllowed) {
    // Every pair: exactly the moves the header lists.
    std::set<std::pair<Status, Status>> allowed = {
        {Status::Open, Status::InProgress}, {Status::Open, Status::Done},       {Status::Open, Status::Cancelled},
        {Status::InProgress, Status::Done}, {Status::InProgress, Status::Cancelled},
        {Status::Done, Status::Closed},     {Status::Done, Status::InProgress},
    };
    for (Status from : board::all_statuses())
        for (Status to : board::all_statuses())
            EXPECT_EQ(board::may_move(from, to), allowed.count({from, to}) == 1)
                << board::status_id(from) << " -> " << board::status_id(to);
    EXPECT_TRUE(board::next_statuses(Status::Closed).empty());
    EXPECT_TRUE(board::next_statuses(Status::Cancelled).empty());
}

TEST(ActionStatus, IdsAndNamesGoBothWays) {
    for (Status s : board::all_statuses()) EXPECT_EQ(board::parse_status(board::status_id(s)), s);
    EXPECT_EQ(board::status_name(Status::Closed), "Closed by the Board");
    EXPECT_FALSE(board::parse_status("finished"));
}

TEST(Overdue, DueDatePassedAndNotFinished) {
    board::Action a;
    a.created_on = day(2026, 4, 1);
    a.due_on = day(2026, 6, 30);
    EXPECT_FALSE(board::is_overdue(a, day(2026, 6, 29)));
    EXPECT_FALSE(board::is_overdue(a, day(2026, 6, 30))) << "due today is not overdue yet";
    EXPECT_TRUE(board::is_overdue(a, day(2026, 7, 1)));
    EXPECT_TRUE(board::is_overdue(a, day(2027, 3, 31)));
    EXPECT_FALSE(board::is_overdue(a, day(2026, 3, 31))) << "before it existed it was not overdue";
}

TEST(Overdue, FinishedActionsWereOverdueOnlyUntilTheDayTheyFinished) {
    board::Action a;
    a.created_on = day(2026, 4, 1);
    a.due_on = day(2026, 6, 30);
    a.status = Status::Done;
    a.finished_on = day(2026, 7, 10);
    EXPECT_TRUE(board::is_overdue(a, day(2026, 7, 9))) << "on 9 July it was 9 days late and not done";
    EXPECT_FALSE(board::is_overdue(a, day(2026, 7, 10))) << "done that day";
    EXPECT_FALSE(board::is_overdue(a, day(2026, 8, 1)));
    a.status = Status::Cancelled;   // cancelled the same way
    EXPECT_TRUE(board::is_overdue(a, day(2026, 7, 5)));
    EXPECT_FALSE(board::is_overdue(a, day(2026, 7, 11)));
    a.finished_on = day(2026, 6, 1);   // done early: never overdue
    EXPECT_FALSE(board::is_overdue(a, day(2026, 7, 1)));
}

using ActionLife = test_support::BoardTest;

TEST_P(ActionLife, FromOpenToPublishedAndClosed) {
    long long y = you_said(day(2026, 5, 2));
    long long id = action(y, day(2026, 5, 10), day(2026, 9, 30));
    auto a = board::find_action(*db, id);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->status, Status::Open);
    EXPECT_EQ(a->partner, "NHS dental practice");
    EXPECT_EQ(a->statements, std::vector<std::string>{"healthy"}) << "it speaks to its You said item's promises";
    EXPECT_EQ(a->due_on, day(2026, 9, 30));

    EXPECT_TRUE(board::change_status(*db, id, Status::InProgress, "", actor, day(2026, 6, 1)).empty());
    EXPECT_TRUE(board::add_note(*db, id, "Practice found in Northtown", actor, day(2026, 6, 2)).empty());
    EXPECT_TRUE(board::add_action_evidence(*db, id, {board::EvidenceLink::Kind::Measure, "teeth_check"}, actor).empty());

    // Done needs its We did sentence, and nothing changes without one.
    auto refused = board::change_status(*db, id, Status::Done, "  ", actor, day(2026, 10, 3));
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].field, "we_did");
    EXPECT_EQ(board::find_action(*db, id)->status, Status::InProgress);
    EXPECT_TRUE(board::is_overdue(*board::find_action(*db, id), day(2026, 10, 3)));

    // Publishing before it is done is refused.
    EXPECT_EQ(board::set_published(*db, id, true, actor).size(), 1u);

    EXPECT_TRUE(board::change_status(*db, id, Status::Done, "Every care leaver can now see a dentist within a month.",
                                     actor, day(2026, 10, 3)).empty());
    a = board::find_action(*db, id);
    EXPECT_EQ(a->status, Status::Done);
    EXPECT_EQ(a->finished_on, day(2026, 10, 3));
    EXPECT_FALSE(board::is_overdue(*a, day(2026, 10, 3)));
    EXPECT_TRUE(board::is_overdue(*a, day(2026, 10, 2))) << "it was overdue the day before it was done";
    EXPECT_FALSE(a->published) << "nothing is published until the Board officer says so";
    EXPECT_TRUE(board::set_published(*db, id, true, actor).empty());

    EXPECT_TRUE(board::change_status(*db, id, Status::Closed, "", actor, day(2026, 11, 20)).empty());
    a = board::find_action(*db, id);
    EXPECT_EQ(a->status, Status::Closed);
    EXPECT_EQ(a->finished_on, day(2026, 10, 3)) << "closing keeps the day it was done";
    EXPECT_TRUE(a->published);
    EXPECT_EQ(a->we_did, "Every care leaver can now see a dentist within a month.");
    ASSERT_EQ(a->notes.size(), 1u);
    EXPECT_EQ(a->notes[0].written_on, day(2026, 6, 2));
    EXPECT_EQ(a->notes[0].written_by, "officer@example.gov.uk");
    ASSERT_EQ(a->evidence.size(), 1u);
    EXPECT_EQ(a->evidence[0].ref, "teeth_check");

    // Closed is final.
    auto again = board::change_status(*db, id, Status::InProgress, "", actor, day(2026, 12, 1));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].message, "An action that is Closed by the Board cannot become In progress");
}

TEST_P(ActionLife, ANewWeDidSentenceIsNotPublicUntilPublishedAgain) {
    long long id = action(you_said(day(2026, 5, 2)), day(2026, 5, 10), day(2026, 6, 30));
    ASSERT_TRUE(board::change_status(*db, id, Status::Done, "We did it.", actor, day(2026, 6, 20)).empty());
    ASSERT_TRUE(board::set_published(*db, id, true, actor).empty());
    ASSERT_TRUE(board::change_status(*db, id, Status::Closed, "We did it, and more.", actor, day(2026, 7, 15)).empty());
    auto a = board::find_action(*db, id);
    EXPECT_EQ(a->we_did, "We did it, and more.");
    EXPECT_FALSE(a->published) << "the Board officer publishes the new words";
}

TEST_P(ActionLife, SentBackByTheBoardItIsNoLongerDoneOrPublic) {
    long long id = action(you_said(day(2026, 5, 2)), day(2026, 5, 10), day(2026, 6, 30));
    ASSERT_TRUE(board::change_status(*db, id, Status::Done, "We did it.", actor, day(2026, 6, 20)).empty());
    ASSERT_TRUE(board::set_published(*db, id, true, actor).empty());
    ASSERT_TRUE(board::change_status(*db, id, Status::InProgress, "", actor, day(2026, 7, 15)).empty());
    auto a = board::find_action(*db, id);
    EXPECT_EQ(a->status, Status::InProgress);
    EXPECT_FALSE(a->published);
    EXPECT_FALSE(a->finished_on);
    EXPECT_TRUE(board::is_overdue(*a, day(2026, 7, 15)));
}

TEST_P(ActionLife, BadActionsAreRefusedFieldByField) {
    long long y = you_said(day(2026, 5, 2));
    auto added = board::add_action(*db, {y, "", " ", "", std::nullopt}, actor, day(2026, 5, 10));
    std::vector<std::string> fields;
    for (const auto& p : added.problems) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"title", "owner", "due_on"}));
    auto late = board::add_action(*db, {y, "Do it", "Me", "", day(2026, 5, 9)}, actor, day(2026, 5, 10));
    ASSERT_EQ(late.problems.size(), 1u);
    EXPECT_EQ(late.problems[0].field, "due_on");
    auto orphan = board::add_action(*db, {y + 100, "Do it", "Me", "", day(2026, 6, 9)}, actor, day(2026, 5, 10));
    ASSERT_EQ(orphan.problems.size(), 1u);
    EXPECT_EQ(orphan.problems[0].field, "you_said");
    EXPECT_TRUE(board::all_actions(*db).empty());
}

TEST_P(ActionLife, DoneBetweenGroupsByPledgeStatement) {
    long long both = you_said(day(2026, 4, 2), true, {"healthy", "included"});
    long long one = you_said(day(2026, 4, 2), true, {"safe-and-settled"});
    long long a = action(both, day(2026, 4, 3), day(2026, 12, 1));
    long long b = action(one, day(2026, 4, 3), day(2026, 12, 1));
    long long c = action(one, day(2026, 4, 3), day(2026, 12, 1));
    long long d = action(one, day(2026, 4, 3), day(2026, 12, 1));
    ASSERT_TRUE(board::change_status(*db, a, Status::Done, "A", actor, day(2026, 5, 1)).empty());
    ASSERT_TRUE(board::change_status(*db, b, Status::Done, "B", actor, day(2027, 3, 31)).empty());
    ASSERT_TRUE(board::change_status(*db, c, Status::Done, "C", actor, day(2027, 4, 1)).empty());   // next year
    ASSERT_TRUE(board::change_status(*db, d, Status::Cancelled, "", actor, day(2026, 6, 1)).empty());
    auto done = board::done_between(*db, board::municipal_year_start(2026), board::municipal_year_end(2026));
    ASSERT_EQ(done.size(), 3u);
    EXPECT_EQ(done["healthy"].size(), 1u);
    EXPECT_EQ(done["included"].size(), 1u);
    ASSERT_EQ(done["safe-and-settled"].size(), 1u);
    EXPECT_EQ(done["safe-and-settled"][0].we_did, "B");
}

TEST_P(ActionLife, ChangesAreAudited) {
    long long id = action(you_said(day(2026, 5, 2)), day(2026, 5, 10), day(2026, 6, 30));
    ASSERT_TRUE(board::change_status(*db, id, Status::Cancelled, "", actor, day(2026, 5, 11)).empty());
    int n = 0;
    std::string object = "action/" + std::to_string(id);
    db->session() << "SELECT COUNT(*) FROM audit_log WHERE action = 'board.action.status' AND object = :o "
                     "AND detail = 'open -> cancelled'",
        soci::use(object), soci::into(n);
    EXPECT_EQ(n, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ActionLife, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);
