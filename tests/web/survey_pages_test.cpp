// The survey over HTTP: a child's code, page by page, with the form's CSRF token; the staff pages for
// rounds, codes, results, comments and concerns, each open only to the roles it should be.
#include <gtest/gtest.h>

#include "board/you_said.h"
#include "store/accounts.h"
#include "store/survey.h"
#include "voice/themes.h"
#include "voice/concerns.h"
#include "voice/responses.h"
#include "voice/rounds.h"
#include "web_fixture.h"

using namespace corparent;
using accounts::Role;
using test_support::cookie_value;
using test_support::header;

namespace {

// A round open on the fixture's day (1,800,000,000 s = 15 January 2027), for 8-10.
long long open_round(test_support::WebFixture& w) {
    const auto& bank = voice::question_bank(w.app.settings().data_dir);
    return voice::create_round(*w.db, bank, {"Annual survey 2027", "2027-01-01", "2027-02-28", {"8-10"}}, {"test", "local"});
}

std::string a_code(test_support::WebFixture& w, long long round) {
    return voice::issue_codes(*w.db, round, "8-10", 1, care::make_date(2027, 1, 10), {"test", "local"}).front();
}

}  // namespace

TEST(SurveyPages, AChildAnswersPageByPageAndSends) {
    test_support::WebFixture w;
    long long round = open_round(w);
    std::string code = a_code(w, round);
    auto start = w.get("/survey");
    ASSERT_EQ(start.status, 200);
    EXPECT_NE(start.body.find("Childline"), std::string::npos);
    std::string form = cookie_value(start, "corparent_form");
    ASSERT_FALSE(form.empty());
    std::map<std::string, std::string> cookies = {{"corparent_form", form}};
    // Without the form's token the post is refused.
    EXPECT_EQ(w.post("/survey", {{"code", code}}, "", cookies).status, 403);
    auto wrong = w.post("/survey", {{"csrf", form}, {"code", "ABCD-EFGH-JKMN"}}, "", cookies);
    EXPECT_EQ(wrong.status, 400);
    EXPECT_NE(wrong.body.find("could not find that code"), std::string::npos);
    auto opened = w.post("/survey", {{"csrf", form}, {"code", code}, {"language", "en"}}, "", cookies);
    ASSERT_EQ(opened.status, 303);
    EXPECT_EQ(header(opened, "Location"), "/survey/step/0");
    cookies["corparent_survey"] = cookie_value(opened, "corparent_survey");
    EXPECT_NE(header(opened, "Set-Cookie").find("Max-Age=7200"), std::string::npos) << "a shared device forgets the code";
    ASSERT_FALSE(cookies["corparent_survey"].empty());

    auto intro = w.send("GET", "/survey/step/0", {}, "", cookies);
    ASSERT_EQ(intro.status, 200);
    EXPECT_NE(intro.body.find("Before you start"), std::string::npos);
    // A page not reached yet sends the child to the furthest page they have reached.
    EXPECT_EQ(header(w.send("GET", "/survey/step/3", {}, "", cookies), "Location"), "/survey/step/0");
    int step = 0;
    for (;;) {
        auto page = w.send("GET", "/survey/step/" + std::to_string(step), {}, "", cookies);
        ASSERT_EQ(page.status, 200) << step;
        
        bool last = page.body.find("Send my answers") != std::string::npos;
        std::map<std::string, std::string> fields = {{"csrf", form}, {"safe-where-you-live", "always"}};
        if (last) fields["send"] = "yes";
        auto posted = w.send("POST", "/survey/step/" + std::to_string(step), fields, "", cookies);
        ASSERT_EQ(posted.status, 303);
        if (last) {
            EXPECT_EQ(header(posted, "Location"), "/survey/sent");
            break;
        }
        EXPECT_EQ(header(posted, "Location"), "/survey/step/" + std::to_string(step + 1));
        ++step;
        ASSERT_LT(step, 30);
    }
    EXPECT_EQ(w.get("/survey/sent").status, 200);
    // The code is spent: it opens nothing now, and the cookie no longer reaches the form.
    auto again = w.post("/survey", {{"csrf", form}, {"code", code}}, "", cookies);
    EXPECT_EQ(again.status, 400);
    EXPECT_NE(again.body.find("used to send answers already"), std::string::npos);
    EXPECT_EQ(header(w.send("GET", "/survey/step/1", {}, "", cookies), "Location"), "/survey");
    auto r = *voice::find_round(*w.db, round);
    EXPECT_EQ(r.version("8-10")->submitted, 1);
}

TEST(SurveyPages, AnOfficerOpensARoundAndMakesCodesAsCardsOrAList) {
    test_support::WebFixture w;
    std::string token = w.signed_in(Role::Participation);
    std::string csrf = w.csrf(token);
    auto missing = w.post("/voice/new-round", {{"csrf", csrf}, {"name", ""}, {"opens", "2027-01-01"}, {"closes", "2027-02-01"}}, token);
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(missing.body.find("Enter a name for the round"), std::string::npos);
    auto backwards = w.post("/voice/new-round", {{"csrf", csrf}, {"name", "Annual survey 2027"}, {"opens", "2027-02-01"},
                                                 {"closes", "2027-01-01"}, {"version-8-10", "yes"}}, token);
    EXPECT_NE(backwards.body.find("close on or after the day it opens"), std::string::npos);
    auto made = w.post("/voice/new-round", {{"csrf", csrf}, {"name", "Annual survey 2027"}, {"opens", "2027-01-01"},
                                            {"closes", "2027-02-28"}, {"version-8-10", "yes"}, {"version-11-18", "yes"}}, token);
    ASSERT_EQ(made.status, 303);
    std::string page = header(made, "Location");
    ASSERT_TRUE(page.starts_with("/voice/rounds/"));
    EXPECT_EQ(w.get(page, token).status, 200);
    auto pdf = w.post(page + "/codes", {{"csrf", csrf}, {"version", "8-10"}, {"count", "9"}, {"format", "pdf"}}, token);
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.content_type, "application/pdf");
    EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
    auto csv = w.post(page + "/codes", {{"csrf", csrf}, {"version", "11-18"}, {"count", "3"}, {"format", "csv"}}, token);
    ASSERT_EQ(csv.status, 200);
    // Three codes, each of which opens the survey for 11-18.
    std::vector<std::string> codes;
    std::size_t at = 0;
    while ((at = csv.body.find('\n', at)) != std::string::npos && at + 15 < csv.body.size()) {
        codes.push_back(csv.body.substr(at + 1, 14));
        ++at;
    }
    ASSERT_EQ(codes.size(), 3u);
    for (const auto& code : codes) {
        auto result = voice::open_with_code(*w.db, code, "10.1.1.1", "en", w.now);
        EXPECT_EQ(result.outcome, voice::CodeOutcome::Opened) << code;
    }
    auto too_many = w.post(page + "/codes", {{"csrf", csrf}, {"version", "8-10"}, {"count", "5000"}, {"format", "csv"}}, token);
    EXPECT_EQ(too_many.status, 400);
    EXPECT_NE(too_many.body.find("from 1 to 2,000"), std::string::npos);
    auto audit = store::find_audit(*w.db, {"", "survey.codes", "", "", 200, 0});
    EXPECT_EQ(audit.size(), 2u);
}

TEST(SurveyPages, ResultsAreForEveryoneWhoReportsButChildrensWordsAndConcernsAreNot) {
    test_support::WebFixture w;
    long long open = open_round(w);
    const auto& bank = voice::question_bank(w.app.settings().data_dir);
    long long round = voice::create_round(*w.db, bank, {"Annual survey 2026", "2026-10-01", "2026-11-30", {"8-10"}}, {"test", "local"});
    // While a round is open only the participation team sees its figures: they move with each answer.
    const std::string open_results = "/voice/results/" + std::to_string(open);
    auto member = w.signed_in(Role::BoardMember);
    auto waiting = w.get(open_results, member);
    EXPECT_EQ(waiting.status, 200);
    EXPECT_NE(waiting.body.find("once the round has closed"), std::string::npos);
    EXPECT_EQ(w.get(open_results + ".csv", member).status, 404);
    EXPECT_EQ(w.get(open_results + ".csv", w.signed_in(Role::Participation)).status, 200);
    const std::string results = "/voice/results/" + std::to_string(round);
    const std::string comments = "/voice/comments/" + std::to_string(round);
    for (Role role : {Role::BoardMember, Role::BoardOfficer, Role::Analyst}) {
        std::string token = w.signed_in(role);
        SCOPED_TRACE(std::string(accounts::role_id(role)));
        EXPECT_EQ(w.get(results, token).status, 200);
        EXPECT_EQ(w.get(results + ".csv", token).status, 200);
        EXPECT_EQ(w.get(comments, token).status, 403);
        EXPECT_EQ(w.get("/concerns", token).status, 403);
        EXPECT_EQ(w.get("/voice/rounds/" + std::to_string(round), token).status, 403);
    }
    // The download holds the figures: an indicator's row for 8-10 with its counted answer.
    auto csv = w.get(results + ".csv", w.signed_in(Role::BoardMember));
    EXPECT_NE(csv.body.find("Indicator,Pledge statements,Counted answer,Versions,Group,Numerator,Denominator,Per cent"), std::string::npos);
    auto xlsx = w.get(results + ".xlsx", w.signed_in(Role::BoardMember));
    EXPECT_TRUE(xlsx.body.starts_with("PK"));
    std::string worker = w.signed_in(Role::Worker);
    EXPECT_EQ(w.get(results, worker).status, 403);
    std::string officer = w.signed_in(Role::Participation);
    EXPECT_EQ(w.get(comments, officer).status, 200);
    EXPECT_EQ(w.get(results + "?by=no-such-breakdown", officer).status, 404);
}

TEST(SurveyPages, AConcernIsReadAuditedAndWorkedToClosure) {
    test_support::WebFixture w;
    long long round = open_round(w);
    voice::Shared shared;
    shared.asked_to_talk = true;
    shared.contact = "Sam, 07700 900123";
    long long id = voice::raise_concern(*w.db, round, 42, shared, w.now - 2 * 86400, {});
    std::string token = w.signed_in(Role::Participation);
    std::string csrf = w.csrf(token);
    auto list = w.get("/concerns", token);
    ASSERT_EQ(list.status, 200);
    EXPECT_NE(list.body.find("over a day"), std::string::npos);
    auto home = w.get("/", token);
    EXPECT_NE(home.body.find("/concerns"), std::string::npos);
    const std::string page = "/concerns/" + std::to_string(id);
    auto read = w.get(page, token);
    ASSERT_EQ(read.status, 200);
    EXPECT_NE(read.body.find("07700 900123"), std::string::npos);
    EXPECT_EQ(store::find_audit(*w.db, {"", "view.concern", "", "", 200, 0}).size(), 1u);
    auto empty = w.post(page, {{"csrf", csrf}, {"action", "close"}, {"note", " "}}, token);
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(empty.body.find("Enter what was done"), std::string::npos);
    EXPECT_EQ(w.post(page, {{"csrf", csrf}, {"action", "note"}, {"note", "Rang Sam"}}, token).status, 303);
    EXPECT_EQ(w.post(page, {{"csrf", csrf}, {"action", "close"}, {"note", "Sam is fine"}}, token).status, 303);
    auto closed = w.get(page, token);
    EXPECT_NE(closed.body.find("Closed"), std::string::npos);
    EXPECT_EQ(closed.body.find("Add the note"), std::string::npos);
    EXPECT_EQ(w.get("/concerns/999", token).status, 404);
}

TEST(SurveyPages, AThemeBecomesAYouSaidItemForTheBoard) {
    test_support::WebFixture w;
    long long round = open_round(w);
    const accounts::Actor officer{"participation@example.gov.uk", "local"};
    auto opened = voice::open_with_code(*w.db, a_code(w, round), "10.1.1.1", "en", w.now);
    ASSERT_EQ(opened.outcome, voice::CodeOutcome::Opened);
    store::save_survey_comments(*w.db, opened.response_id, {{"make-better", "My bedroom does not feel like mine"}});
    ASSERT_TRUE(store::submit_survey_response(*w.db, opened.response_id, "2027-01-15"));
    auto r = *voice::find_round(*w.db, round);
    auto comments = voice::comments(*w.db, r, care::make_date(2027, 1, 20), officer);
    ASSERT_EQ(comments.size(), 1u);
    voice::set_comment_themes(*w.db, round, comments[0].id, "Bedrooms", officer);
    auto theme = voice::themes(*w.db, round).at(0);
    std::string token = w.signed_in(Role::Participation);
    std::string csrf = w.csrf(token);
    const std::string page = "/voice/comments/" + std::to_string(round) + "/themes/" + std::to_string(theme.id);
    ASSERT_EQ(w.get(page, token).status, 200);
    auto missing = w.post(page, {{"csrf", csrf}, {"summary", ""}}, token);
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(missing.body.find("Select the Pledge promises"), std::string::npos);
    auto made = w.post(page, {{"csrf", csrf}, {"statement-safe-and-settled", "yes"}, {"summary", "Children want bedrooms that feel their own"},
                              {"indicator", "safe-where-you-live"}}, token);
    ASSERT_EQ(made.status, 303);
    std::string location = header(made, "Location");
    ASSERT_TRUE(location.starts_with("/board/you-said/"));
    long long id = std::stoll(location.substr(std::string("/board/you-said/").size()));
    auto item = *board::find_you_said(*w.db, id);
    EXPECT_EQ(item.source, board::Source::Survey);
    EXPECT_EQ(item.source_reference, "Annual survey 2027, theme 'Bedrooms'");
    EXPECT_FALSE(item.consent);   // children's survey words are never quoted
    EXPECT_EQ(item.words, "My bedroom does not feel like mine");
    EXPECT_EQ(board::shown(item).text, "Children want bedrooms that feel their own");
    EXPECT_EQ(item.statements, std::vector<std::string>{"safe-and-settled"});
    ASSERT_EQ(item.evidence.size(), 1u);
    EXPECT_EQ(item.evidence[0].ref, "safe-where-you-live");
    EXPECT_EQ(voice::themes(*w.db, round).at(0).you_said_id, id);
    // Once made, the theme links to its item and is not made twice.
    EXPECT_NE(w.get(page, token).body.find(location), std::string::npos);
    EXPECT_EQ(w.post(page, {{"csrf", csrf}, {"statement-healthy", "yes"}, {"summary", "again"}}, token).status, 200);
    EXPECT_EQ(board::all_you_said(*w.db).size(), 1u);
    // A Board member may not reach it.
    EXPECT_EQ(w.get(page, w.signed_in(Role::BoardMember)).status, 403);
}
