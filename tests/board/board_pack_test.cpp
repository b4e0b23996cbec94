// The Board's papers from the "You said, We did" log, on SQLite and PostgreSQL: the pack for a meeting
// shows the log as on the meeting's day; the annual Pledge report and the Scrutiny update show each
// promise's work done in the last twelve months and its goals for the next twelve.
#include <gtest/gtest.h>

#include "board/papers.h"
#include "render/document.h"
#include "board_fixture.h"
#include "../render/pdf_tools.h"

using namespace corparent;
using test_support::day;

namespace {

class BoardPapers : public test_support::BoardTest {
protected:
    settings::Settings settings = settings::load_settings("/nonexistent", false);

    std::string pdf_text(const render::Document& d, const std::string& name) {
        std::string path = test_support::keep_pdf(render::document_pdf(d), name);
        if (GetParam() == store::Backend::Sqlite) test_support::first_page_png(path);
        return test_support::pdf_text_flat(path);
    }

    void done(long long action_id, const std::string& we_did, care::Date on) {
        auto problems = board::change_status(*db, action_id, board::Status::Done, we_did, actor, on);
        ASSERT_TRUE(problems.empty()) << problems[0].message;
    }
};

TEST_P(BoardPapers, ThePackForAMeetingShowsItsAgendaAndTheLogAsOnTheDay) {
    long long first = meeting(day(2026, 6, 10));
    long long said_before = you_said(day(2026, 6, 1));
    long long overdue = action(said_before, day(2026, 6, 2), day(2026, 8, 1));   // due before the meeting, not done
    long long finished = action(said_before, day(2026, 6, 2), day(2026, 12, 1));
    done(finished, "You can now see a dentist within a month", day(2026, 7, 15));
    you_said(day(2026, 7, 1), false);   // no consent: the summary stands in for the words
    long long health = board::add_meeting(*db, {day(2026, 9, 9), "Health and wellbeing", true,
                                               {"Apologies", "Dental checks: progress", "Any other business"}}, actor).id;
    (void)first;

    auto pack = board::board_pack(*db, settings, health, "2026-09-01");
    ASSERT_TRUE(pack);
    auto log = board::meeting_log(*db, health);
    ASSERT_EQ(log.new_you_said.size(), 1u);
    ASSERT_EQ(log.overdue.size(), 1u);
    ASSERT_EQ(log.done.size(), 1u);
    std::string text = pdf_text(*pack, "board-pack");
    EXPECT_NE(text.find("Corporate Parenting Board, 9 September 2026"), std::string::npos);
    EXPECT_NE(text.find("Board pack. Theme: Health and wellbeing"), std::string::npos);
    EXPECT_NE(text.find("Agenda 1. Apologies 2. Dental checks: progress 3. Any other business"), std::string::npos) << text;
    EXPECT_NE(text.find("Since the last meeting on 10 June 2026: 1 new thing said from children and young people, "
                        "0 new actions, 1 action overdue on the day of the meeting and 1 done."),
              std::string::npos)
        << text;
    // Without consent the child's words never reach the Board's papers.
    EXPECT_EQ(text.find("I waited months to see a dentist"), std::string::npos);
    EXPECT_NE(text.find("Young people waited a long time for the dentist (summary)"), std::string::npos);
    EXPECT_NE(text.find("Overdue on the day of the meeting"), std::string::npos);
    EXPECT_NE(text.find("Book dental checks Head of Health NHS dental practice 1 August 2026 Open, overdue"), std::string::npos);
    EXPECT_NE(text.find("Done since the last meeting"), std::string::npos);
    EXPECT_NE(text.find("You can now see a dentist within a month"), std::string::npos);
    // The health meeting's themed section is the health promise.
    auto themed = text.find("Theme: Health and wellbeing");
    ASSERT_NE(themed, std::string::npos);
    EXPECT_NE(text.find("I want to be physically, mentally, and emotionally healthy", themed), std::string::npos);
    EXPECT_NE(text.find("Source: the Board's You said, We did log, as on 9 September 2026"), std::string::npos);
    (void)overdue;

    EXPECT_FALSE(board::board_pack(*db, settings, health + 100, "2026-09-01"));
}

TEST_P(BoardPapers, ThePledgeReportShowsTheYearsWorkAndNextYearsGoalsPromiseByPromise) {
    long long said = you_said(day(2025, 6, 1));
    long long this_year = action(said, day(2025, 6, 2), day(2026, 3, 1));
    done(this_year, "Every child in care now has a dental check booked", day(2026, 2, 1));
    long long long_ago = action(said, day(2025, 6, 2), day(2025, 9, 1));
    done(long_ago, "An older piece of work", day(2025, 10, 1));    // more than twelve months before the report
    action(said, day(2026, 1, 5), day(2026, 11, 1));                // overdue on the report's day
    action(said, day(2026, 1, 5), day(2027, 6, 1));                 // due within twelve months
    action(said, day(2026, 1, 5), day(2028, 1, 1));                 // due later than that

    auto report = board::pledge_report(*db, settings, "2026-11-24");
    std::string text = pdf_text(report, "pledge-report-actions");
    auto healthy = text.find("2. \u201cI want to be physically");
    ASSERT_NE(healthy, std::string::npos);
    auto next = text.find("3. \u201c", healthy);
    std::string section = text.substr(healthy, next - healthy);
    EXPECT_NE(section.find("Actions done in the twelve months to 24 November 2026"), std::string::npos);
    EXPECT_NE(section.find("Book dental checks Every child in care now has a dental check booked 1 February 2026"),
              std::string::npos) << section;
    EXPECT_EQ(section.find("An older piece of work"), std::string::npos);
    EXPECT_NE(section.find("Goals for the next twelve months Still to do: the open actions due by 24 November 2027"),
              std::string::npos) << section;
    EXPECT_NE(section.find("1 November 2026 Open, overdue"), std::string::npos) << section;
    EXPECT_NE(section.find("1 June 2027 Open"), std::string::npos);
    EXPECT_EQ(section.find("1 January 2028"), std::string::npos);
    // A promise with no actions says so.
    auto first = text.find("1. \u201cI want to feel safe and settled");
    ASSERT_NE(first, std::string::npos);
    EXPECT_NE(text.substr(first, healthy - first).find("No action on this promise was done in the twelve months to 24 November 2026."),
              std::string::npos);
}

TEST_P(BoardPapers, TheScrutinyUpdateGivesEachStatementsWorkInThePublishedWords) {
    long long said = you_said(day(2026, 3, 1), true, {"healthy", "included"});
    long long a = action(said, day(2026, 3, 2), day(2026, 9, 1));
    done(a, "Young people chose the new health leaflet", day(2026, 8, 1));
    auto update = board::scrutiny_update(*db, settings, "2026-11-24");
    std::string text = pdf_text(update, "scrutiny-update-actions");
    // The action speaks to two statements, so it is under both.
    auto healthy = text.find("2) I want to be physically");
    auto included = text.find("7) I want to feel included");
    ASSERT_NE(healthy, std::string::npos);
    ASSERT_NE(included, std::string::npos);
    EXPECT_NE(text.find("Work done in the twelve months to 24 November 2026 (1 action): \u2022 Young people chose the new health leaflet",
                        healthy),
              std::string::npos);
    EXPECT_NE(text.find("Young people chose the new health leaflet", included), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, BoardPapers, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);

}  // namespace
