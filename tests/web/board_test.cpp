// The Board's pages: a Board officer records a meeting and marks an action done with its We did
// sentence; the public page shows it and nothing else (no personal data, nothing unpublished, no words
// given without consent); overdue actions and the health-theme warning stand out; who may do what.
// The fixture's "today" is 15 January 2027 (municipal year 2026-27).
#include <gtest/gtest.h>

#include "board/actions.h"
#include "board/meetings.h"
#include "board/members.h"
#include "board/you_said.h"
#include "web_fixture.h"

using namespace corparent;
using accounts::Role;

namespace {

care::Date day(int y, unsigned m, unsigned d) { return care::make_date(y, m, d); }
bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

// A small Board: a member who is a young person, one consented and one unconsented item, an action done
// and published, one done but not published, one overdue.
struct Board {
    long long consented = 0, unconsented = 0, published = 0, unpublished = 0, overdue = 0;
};

Board small_board(test_support::WebFixture& w) {
    accounts::Actor staff{"officer.jones@example.gov.uk", "local"};
    Board b;
    EXPECT_TRUE(board::add_member(*w.db, {0, "Jayden Smith-Okafor", board::MemberKind::YoungPerson, "Children in Care Council",
                                          board::BoardRole::Member, true}, staff).ok());
    board::NewYouSaid y;
    y.source = board::Source::CareLeaversForum;
    y.source_reference = "Care Leavers Forum at the Hive, Northtown";
    y.said_on = day(2026, 5, 14);
    y.statements = {"healthy"};
    y.words = "Waiting four months for a dentist is not fair";
    y.consent = true;
    b.consented = board::add_you_said(*w.db, y, staff, day(2026, 5, 20)).id;
    y.source = board::Source::Complaint;
    y.source_reference = "Complaint ref C-2291";
    y.statements = {"safe-and-settled"};
    y.words = "Mia at Oak House says her bedroom window does not shut";
    y.consent = false;
    y.summary = "A young person said their bedroom was cold because a window would not shut";
    b.unconsented = board::add_you_said(*w.db, y, staff, day(2026, 5, 20)).id;
    auto action = [&](long long you_said, const std::string& title, care::Date due) {
        return board::add_action(*w.db, {you_said, title, "Dr Priya Nair, designated doctor", "NHS dental services", due}, staff,
                                 day(2026, 5, 21)).id;
    };
    b.published = action(b.consented, "Agree fast dental appointments", day(2026, 9, 30));
    b.unpublished = action(b.unconsented, "Fix the window", day(2026, 6, 30));
    b.overdue = action(b.consented, "Write to every dental practice", day(2026, 12, 1));
    EXPECT_TRUE(board::change_status(*w.db, b.published, board::Status::Done,
                                     "Care leavers now get a dentist appointment within four weeks.", staff, day(2026, 9, 1)).empty());
    EXPECT_TRUE(board::set_published(*w.db, b.published, true, staff).empty());
    EXPECT_TRUE(board::change_status(*w.db, b.unpublished, board::Status::Done, "We fixed the window the same week.", staff,
                                     day(2026, 6, 2)).empty());
    return b;
}

}  // namespace

TEST(YouSaidWeDidPage, ShowsOnlyPublishedActionsAndNothingThatIdentifiesAChild) {
    test_support::WebFixture w;
    small_board(w);
    auto r = w.get("/you-said-we-did");   // signed out
    ASSERT_EQ(r.status, 200);
    const auto& body = r.body;
    EXPECT_TRUE(has(body, "<h1 class=\"govuk-heading-l\">You said, We did</h1>"));
    EXPECT_TRUE(has(body, "“Waiting four months for a dentist is not fair”")) << "quoted with consent";
    EXPECT_TRUE(has(body, "Care leavers now get a dentist appointment within four weeks."));
    EXPECT_TRUE(has(body, "Care Leavers Forum, May 2026"));
    EXPECT_TRUE(has(body, "We promised: “I want to be physically, mentally, and emotionally healthy”"));
    // Nothing unpublished, no words without consent, no names, no places, no staff, no exact days.
    for (const char* absent : {"We fixed the window", "Mia", "Oak House", "bedroom was cold", "Jayden", "Smith-Okafor",
                               "Priya", "officer.jones", "the Hive", "Northtown", "C-2291", "14 May", "Write to every dental",
                               "Fix the window"})
        EXPECT_FALSE(has(body, absent)) << absent;
}

TEST(YouSaidWeDidPage, AnUnpublishedOrReopenedActionLeavesThePage) {
    test_support::WebFixture w;
    auto b = small_board(w);
    ASSERT_TRUE(has(w.get("/you-said-we-did").body, "within four weeks"));
    ASSERT_TRUE(board::change_status(*w.db, b.published, board::Status::InProgress, "", {"t", "l"}, day(2026, 10, 1)).empty());
    EXPECT_FALSE(has(w.get("/you-said-we-did").body, "within four weeks"));
}

TEST(BoardPages, WordsWithoutConsentReachOnlyThePeopleWhoHeardThem) {
    test_support::WebFixture w;
    auto b = small_board(w);
    std::string path = "/board/you-said/" + std::to_string(b.unconsented);
    for (Role role : {Role::BoardMember, Role::BoardOfficer}) {
        auto r = w.get(path, w.signed_in(role));
        ASSERT_EQ(r.status, 200);
        EXPECT_FALSE(has(r.body, "Mia at Oak House")) << accounts::role_id(role);
        EXPECT_TRUE(has(r.body, "A young person said their bedroom was cold"));
    }
    auto r = w.get(path, w.signed_in(Role::Participation));
    EXPECT_TRUE(has(r.body, "Mia at Oak House"));
    EXPECT_TRUE(has(r.body, "Not to be quoted"));
    int audited = 0;
    w.db->session() << "SELECT COUNT(*) FROM audit_log WHERE action = 'view.you_said' AND actor = 'participation@example.gov.uk'",
        soci::into(audited);
    EXPECT_EQ(audited, 1);
    // The lists show only what may be shown, to everyone.
    EXPECT_FALSE(has(w.get("/board/you-said", w.signed_in(Role::Participation)).body, "Mia at Oak House"));
}

TEST(BoardPages, OverdueActionsStandOutOnTheListsTheHomePageAndTheMeeting) {
    test_support::WebFixture w;
    auto b = small_board(w);
    std::string officer = w.signed_in(Role::BoardOfficer);
    auto home = w.get("/", officer);
    EXPECT_TRUE(has(home.body, "1 action is overdue in the “You said, We did” action plan"));
    EXPECT_TRUE(has(home.body, "No health-themed Board meeting is scheduled in the municipal year 2026-27"));
    auto list = w.get("/board/actions?show=overdue", officer);
    EXPECT_TRUE(has(list.body, "Write to every dental practice"));
    EXPECT_TRUE(has(list.body, "govuk-tag--red\">Overdue"));
    EXPECT_FALSE(has(list.body, "Agree fast dental appointments"));
    EXPECT_TRUE(has(w.get("/board/actions/" + std::to_string(b.overdue), officer).body, "Overdue: it was due on 1 December 2026"));
    // A meeting on 10 December 2026 saw it overdue; a health meeting in the year ends the warning.
    auto m = board::add_meeting(*w.db, {day(2026, 12, 10), "Health", true, {"Health of children in care"}}, {"t", "l"});
    auto meeting = w.get("/board/meetings/" + std::to_string(m.id), officer);
    EXPECT_TRUE(has(meeting.body, "1 action was overdue on the day of the meeting"));
    EXPECT_TRUE(has(meeting.body, "Write to every dental practice"));
    home = w.get("/", officer);
    EXPECT_FALSE(has(home.body, "No health-themed Board meeting"));
    // Analysts and workers are not shown the Board's alerts.
    EXPECT_FALSE(has(w.get("/", w.signed_in(Role::Analyst)).body, "overdue in the"));
}

TEST(BoardPages, TheBoardOfficerRecordsAMeetingAndMarksAnActionDone) {
    test_support::WebFixture w;
    auto b = small_board(w);
    std::string officer = w.signed_in(Role::BoardOfficer);
    std::string csrf = w.csrf(officer);
    // A meeting with problems first: every field named.
    auto bad = w.post("/board/meetings/new", {{"csrf", csrf}, {"held_on", "31"}, {"held_on-month", "2"}, {"held_on-year", "2027"}},
                      officer);
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(has(bad.body, "href=\"#held_on\">Enter the date of the meeting"));
    EXPECT_TRUE(has(bad.body, "href=\"#theme\""));
    EXPECT_TRUE(has(bad.body, "href=\"#agenda\""));
    auto added = w.post("/board/meetings/new",
                        {{"csrf", csrf}, {"held_on", "14"}, {"held_on-month", "1"}, {"held_on-year", "2027"}, {"theme", "Health"},
                         {"health_theme", "yes"}, {"agenda", "Apologies\r\nYou said, We did\r\n\r\nHealth report"}},
                        officer);
    ASSERT_EQ(added.status, 303);
    std::string meeting_path = test_support::header(added, "Location");
    auto page = w.get(meeting_path, officer);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "<li>Health report</li>"));
    auto future = board::add_meeting(*w.db, {day(2027, 2, 1), "Education", false, {"Agenda"}}, {"t", "l"});
    auto future_page = w.get("/board/meetings/" + std::to_string(future.id), officer).body;
    EXPECT_FALSE(has(future_page, "Record the meeting")) << "a meeting to come cannot be recorded yet";
    EXPECT_TRUE(has(future_page, "It can be recorded on the day of the meeting or after it."));
    long long meeting_id = std::stoll(meeting_path.substr(std::string("/board/meetings/").size()));
    auto members = board::all_members(*w.db);
    ASSERT_EQ(members.size(), 1u);
    auto recorded = w.post(meeting_path + "/record",
                           {{"csrf", csrf}, {"member-" + std::to_string(members[0].id), "yes"},
                            {"action-" + std::to_string(b.overdue), "yes"}, {"minutes", "The Board heard from young people."}},
                           officer);
    ASSERT_EQ(recorded.status, 303);
    EXPECT_EQ(board::find_meeting(*w.db, meeting_id)->attended, std::vector<long long>{members[0].id});
    EXPECT_EQ(board::find_action(*w.db, b.overdue)->reviewed_at, std::vector<long long>{meeting_id});

    // Done without its We did sentence is refused, then done with it, then published.
    std::string action_path = "/board/actions/" + std::to_string(b.overdue);
    auto refused = w.post(action_path + "/status", {{"csrf", csrf}, {"status", "done"}, {"we_did", ""}}, officer);
    EXPECT_EQ(refused.status, 400);
    EXPECT_TRUE(has(refused.body, "href=\"#we_did\">Enter the We did sentence"));
    EXPECT_EQ(w.post(action_path + "/status", {{"csrf", csrf}, {"status", "done"}, {"we_did", "We wrote to all 14 dental practices."}},
                     officer).status, 303);
    EXPECT_FALSE(has(w.get("/you-said-we-did").body, "We wrote to all 14 dental practices."))
        << "not public until the Board officer publishes it";
    EXPECT_EQ(w.post(action_path + "/publish", {{"csrf", csrf}, {"published", "yes"}}, officer).status, 303);
    EXPECT_TRUE(has(w.get("/you-said-we-did").body, "We wrote to all 14 dental practices."));
    // A move the lifecycle forbids is refused and said why.
    auto closed = w.post(action_path + "/status", {{"csrf", csrf}, {"status", "closed"}}, officer);
    EXPECT_EQ(closed.status, 303);
    auto reopen = w.post(action_path + "/status", {{"csrf", csrf}, {"status", "open"}}, officer);
    EXPECT_EQ(reopen.status, 400);
    EXPECT_TRUE(has(reopen.body, "An action that is Closed by the Board cannot become Open"));
    int audited = 0;
    w.db->session() << "SELECT COUNT(*) FROM audit_log WHERE actor = 'board_officer@example.gov.uk' AND action LIKE 'board.%'",
        soci::into(audited);
    EXPECT_EQ(audited, 5) << "meeting added and recorded, done, published, closed";
}

TEST(BoardPages, EvidenceIsKeptWholeOrNotAtAll) {
    test_support::WebFixture w;
    auto b = small_board(w);
    std::string officer = w.signed_in(Role::BoardOfficer);
    std::string csrf = w.csrf(officer);
    const std::string path = "/board/actions/" + std::to_string(b.overdue) + "/evidence";
    auto before = board::find_action(*w.db, b.overdue)->evidence.size();
    // A good measure and a document title too long: refused, and the measure is not kept either.
    auto refused = w.post(path, {{"csrf", csrf}, {"measure", "teeth_check"}, {"document", std::string(301, 'x')}}, officer);
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(board::find_action(*w.db, b.overdue)->evidence.size(), before);
    EXPECT_EQ(w.post(path, {{"csrf", csrf}, {"measure", "teeth_check"}, {"document", "Dental audit 2026"}}, officer).status, 303);
    EXPECT_EQ(board::find_action(*w.db, b.overdue)->evidence.size(), before + 2);
}

TEST(BoardPages, WhoMayDoWhat) {
    test_support::WebFixture w;
    auto b = small_board(w);
    std::string action_path = "/board/actions/" + std::to_string(b.overdue) + "/note";
    std::string member = w.signed_in(Role::BoardMember);
    EXPECT_EQ(w.get("/board/actions", member).status, 200) << "Board members read";
    EXPECT_EQ(w.post(action_path, {{"csrf", w.csrf(member)}, {"note", "x"}}, member).status, 403);
    std::string participation = w.signed_in(Role::Participation);
    EXPECT_EQ(w.post(action_path, {{"csrf", w.csrf(participation)}, {"note", "x"}}, participation).status, 403)
        << "participation officers see actions but do not change them";
    EXPECT_EQ(w.get("/board/actions", participation).status, 200);
    EXPECT_EQ(w.get("/board/you-said/new", participation).status, 200);
    EXPECT_EQ(w.get("/board/you-said/new", w.signed_in(Role::BoardOfficer)).status, 403);
    EXPECT_EQ(w.get("/board/meetings", w.signed_in(Role::Analyst)).status, 403);
    std::string officer = w.signed_in(Role::BoardOfficer);
    EXPECT_EQ(w.post(action_path, {{"note", "no token"}}, officer).status, 403) << "every form carries its CSRF token";
    EXPECT_EQ(w.post(action_path, {{"csrf", w.csrf(officer)}, {"note", "Chased the practices"}}, officer).status, 303);
}

TEST(BoardPages, AParticipationOfficerRecordsTheConsultationAtAMeeting) {
    test_support::WebFixture w;
    auto m = board::add_meeting(*w.db, {day(2027, 1, 10), "Education", false, {"You said, We did"}}, {"t", "l"});
    std::string p = w.signed_in(Role::Participation);
    auto form = w.get("/board/you-said/new?meeting=" + std::to_string(m.id), p);
    EXPECT_TRUE(has(form.body, "At the Board meeting on 10 January 2027"));
    EXPECT_TRUE(has(form.body, "value=\"board_consultation\" checked"));
    auto bad = w.post("/board/you-said/new", {{"csrf", w.csrf(p)}, {"meeting", std::to_string(m.id)}, {"source", "board_consultation"}}, p);
    EXPECT_EQ(bad.status, 400);
    for (const char* field : {"#said_on", "#statements", "#words", "#summary"}) EXPECT_TRUE(has(bad.body, field)) << field;
    auto ok = w.post("/board/you-said/new",
                     {{"csrf", w.csrf(p)}, {"meeting", std::to_string(m.id)}, {"source", "board_consultation"}, {"said_on", "10"},
                      {"said_on-month", "1"}, {"said_on-year", "2027"}, {"statement-education-training-jobs", "yes"},
                      {"words", "We want help with revision"}, {"consent", "yes"}, {"measure", "stability_short"}},
                     p);
    ASSERT_EQ(ok.status, 303);
    auto items = board::all_you_said(*w.db);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].meeting_id, m.id);
    EXPECT_EQ(items[0].source, board::Source::BoardConsultation);
    EXPECT_TRUE(has(w.get("/board/meetings/" + std::to_string(m.id), w.signed_in(Role::BoardMember)).body, "“We want help with revision”"));
}
