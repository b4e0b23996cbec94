// The survey end to end in the store, on SQLite and PostgreSQL: a code's life (made, used, resumed, spent,
// refused when reused or when its round has closed), wrong codes throttled, answers saved page by page, no
// link from an answer to a child, results with small groups suppressed, concerns routed.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "settings/settings.h"
#include "ssda903/importer.h"
#include "store/survey.h"
#include "voice/codes.h"
#include "voice/concerns.h"
#include "voice/responses.h"
#include "voice/results.h"
#include "voice/rounds.h"
#include "../ssda903/return_fixture.h"
#include "../store/test_database.h"

using namespace corparent;
using care::Date;

namespace {

const accounts::Actor kOfficer{"participation@example.gov.uk", "127.0.0.1"};

Date day(int y, unsigned m, unsigned d) { return care::make_date(y, m, d); }
long long noon(Date d) { return std::chrono::duration_cast<std::chrono::seconds>(d.time_since_epoch()).count() + 12 * 3600; }

class SurveyTest : public ::testing::TestWithParam<store::Backend> {
protected:
    void SetUp() override {
        target_ = test_support::fresh_target(GetParam());
        ASSERT_FALSE(target_.empty());
        db_ = store::Database::open(target_);
    }
    const voice::QuestionBank& bank() { return voice::question_bank(settings::load_settings("/nonexistent", false).data_dir); }
    // A round open through November 2026 asking 8-10 and 11-18.
    long long round(const std::string& opens = "2026-11-01", const std::string& closes = "2026-11-30") {
        return voice::create_round(*db_, bank(), {"Annual survey 2026", opens, closes, {"8-10", "11-18"}}, kOfficer);
    }
    std::string code_for(long long round_id, const std::string& version = "8-10") {
        return voice::issue_codes(*db_, round_id, version, 1, day(2026, 11, 1), kOfficer).front();
    }
    voice::OpenResponse open(const std::string& code, Date today = day(2026, 11, 10)) {
        auto r = voice::open_with_code(*db_, code, "10.0.0.1", "en", noon(today));
        EXPECT_EQ(r.outcome, voice::CodeOutcome::Opened);
        auto open = voice::response_for_code(*db_, r.canonical, today);
        EXPECT_TRUE(open.has_value());
        return open.value_or(voice::OpenResponse{});
    }
    // Answers every step of the 8-10 form: `safe` for the safe-where-you-live question, and sends it.
    void answer_and_send(const voice::OpenResponse& r, const std::string& safe, const std::map<std::string, std::string>& about,
                         Date today = day(2026, 11, 10)) {
        auto steps = voice::steps(bank(), r.version);
        for (std::size_t i = 0; i < steps.size(); ++i) {
            std::map<std::string, std::string> fields = about;
            fields["safe-where-you-live"] = safe;
            bool last = i + 1 == steps.size();
            auto saved = voice::save_step(*db_, bank(), r, static_cast<int>(i), fields, last, noon(today), today, concerns_);
            if (last) {
                EXPECT_TRUE(saved.sent);
            }
        }
    }
    std::string target_;
    std::unique_ptr<store::Database> db_;
    voice::ConcernSettings concerns_;
};

}  // namespace

TEST_P(SurveyTest, ACodeOpensOneResponseThatResumesUntilSentThenIsSpent) {
    long long id = round();
    auto code = code_for(id);
    auto first = voice::open_with_code(*db_, code, "10.0.0.1", "en", noon(day(2026, 11, 10)));
    ASSERT_EQ(first.outcome, voice::CodeOutcome::Opened);
    // The same code again (another tab, another day, lower case): the same response.
    auto again = voice::open_with_code(*db_, "  " + std::string(code).replace(0, 4, "") , "10.0.0.1", "en", noon(day(2026, 11, 12)));
    EXPECT_EQ(again.outcome, voice::CodeOutcome::NotACode);   // a code with a piece missing is not a code
    std::string lower = code;
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    again = voice::open_with_code(*db_, lower, "10.0.0.2", "en", noon(day(2026, 11, 12)));
    ASSERT_EQ(again.outcome, voice::CodeOutcome::Opened);
    EXPECT_EQ(again.response_id, first.response_id);

    auto r = *voice::response_for_code(*db_, first.canonical, day(2026, 11, 12));
    answer_and_send(r, "always", {});
    auto reused = voice::open_with_code(*db_, code, "10.0.0.1", "en", noon(day(2026, 11, 13)));
    EXPECT_EQ(reused.outcome, voice::CodeOutcome::Spent);
    EXPECT_FALSE(voice::response_for_code(*db_, first.canonical, day(2026, 11, 13)));
    // Sending twice changes nothing.
    EXPECT_FALSE(store::submit_survey_response(*db_, r.response_id, "2026-11-14"));
    auto counts = store::survey_response_counts(*db_, id);
    ASSERT_EQ(counts.size(), 1u);
    EXPECT_EQ(counts[0].started, 1);
    EXPECT_EQ(counts[0].submitted, 1);
}

TEST_P(SurveyTest, CodesDoNotOpenBeforeTheRoundOrAfterItCloses) {
    long long id = round();
    auto code = code_for(id);
    EXPECT_EQ(voice::open_with_code(*db_, code, "10.0.0.1", "en", noon(day(2026, 10, 31))).outcome, voice::CodeOutcome::NotOpenYet);
    EXPECT_EQ(voice::open_with_code(*db_, code, "10.0.0.1", "en", noon(day(2026, 11, 30))).outcome, voice::CodeOutcome::Opened);
    EXPECT_EQ(voice::open_with_code(*db_, code, "10.0.0.1", "en", noon(day(2026, 12, 1))).outcome, voice::CodeOutcome::Closed);
    // A response left open when the round closes can no longer be changed.
    auto canonical = *voice::normalised_code(code);
    EXPECT_TRUE(voice::response_for_code(*db_, canonical, day(2026, 11, 30)));
    EXPECT_FALSE(voice::response_for_code(*db_, canonical, day(2026, 12, 1)));
    // Closing early: from the next day nothing opens, and no codes can be made for it.
    long long early = round("2026-11-01", "2026-12-31");
    auto code2 = code_for(early);
    voice::close_round(*db_, early, day(2026, 11, 15), kOfficer);
    EXPECT_EQ(voice::open_with_code(*db_, code2, "10.0.0.1", "en", noon(day(2026, 11, 16))).outcome, voice::CodeOutcome::Closed);
    EXPECT_THROW(voice::issue_codes(*db_, early, "8-10", 5, day(2026, 11, 16), kOfficer), voice::RoundError);
}

TEST_P(SurveyTest, WrongCodesAreThrottledPerAddress) {
    long long id = round();
    auto code = code_for(id);
    long long now = noon(day(2026, 11, 10));
    for (int i = 0; i < voice::kWrongCodesPerAddress; ++i)
        EXPECT_EQ(voice::open_with_code(*db_, "ABCD-EFGH-JKMN", "10.0.0.9", "en", now + i).outcome, voice::CodeOutcome::Unknown);
    auto refused = voice::open_with_code(*db_, code, "10.0.0.9", "en", now + 20);
    EXPECT_EQ(refused.outcome, voice::CodeOutcome::Throttled);   // even the right code, from that address, for a while
    EXPECT_GT(refused.retry_after, 0);
    EXPECT_LE(refused.retry_after, voice::kWrongCodeWindowSeconds);
    EXPECT_EQ(voice::open_with_code(*db_, code, "10.0.0.10", "en", now + 20).outcome, voice::CodeOutcome::Opened);   // another address
    EXPECT_EQ(voice::open_with_code(*db_, code, "10.0.0.9", "en", now + voice::kWrongCodeWindowSeconds + 1).outcome,
              voice::CodeOutcome::Opened);   // after the window
}

TEST_P(SurveyTest, AnswersAreSavedPageByPageSoAClosedTabLosesNothing) {
    long long id = round();
    auto code = code_for(id);
    auto r = open(code);
    auto steps = voice::steps(bank(), r.version);
    ASSERT_GE(steps.size(), 5u);
    EXPECT_EQ(steps.front().kind, voice::Step::Kind::Intro);
    EXPECT_EQ(steps.back().kind, voice::Step::Kind::TalkToSomeone);
    Date today = day(2026, 11, 10);
    voice::save_step(*db_, bank(), r, 0, {}, false, noon(today), today, concerns_);
    // The first question page: one answer, one "rather not say", and a value no form would post (ignored).
    std::map<std::string, std::string> fields;
    std::vector<std::string> on_page;
    for (const auto* ind : bank().asked_in("8-10"))
        if (ind->page == steps[1].page) on_page.push_back(ind->id);
    ASSERT_GE(on_page.size(), 2u);
    fields[on_page[0]] = bank().scale_of(*bank().indicator(on_page[0])).answers.front().value;
    fields[on_page[1]] = voice::kRatherNotSay;
    if (on_page.size() > 2) fields[on_page[2]] = "<script>";
    auto saved = voice::save_step(*db_, bank(), r, 1, fields, false, noon(today), today, concerns_);
    EXPECT_EQ(saved.next_step, 2);
    // The tab closes; the child comes back two days later with the same code.
    auto back = open(code, day(2026, 11, 12));
    EXPECT_EQ(back.response_id, r.response_id);
    EXPECT_EQ(back.step, 2);
    auto kept = voice::saved(*db_, back.response_id);
    EXPECT_EQ(kept.answers[on_page[0]], fields[on_page[0]]);
    EXPECT_EQ(kept.answers[on_page[1]], voice::kRatherNotSay);
    if (on_page.size() > 2) {
        EXPECT_EQ(kept.answers.count(on_page[2]), 0u);
    }
}

TEST_P(SurveyTest, NothingLinksAnAnswerToAChild) {
    long long id = round();
    auto code = code_for(id);
    auto r = open(code);
    answer_and_send(r, "sometimes", {{"age_band", bank().about_question("age_band")->choices("8-10").front().value}});
    // No survey table has a column that could name a child, and the code itself is stored nowhere.
    auto& sql = db_->session();
    for (const char* table : {"survey_rounds", "survey_round_versions", "survey_code_batches", "survey_codes", "survey_responses",
                              "survey_answers", "survey_comments", "survey_concerns"}) {
        soci::rowset<soci::row> rows = (sql.prepare << std::string("SELECT * FROM ") + table);
        for (const auto& row : rows) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                std::string column = row.get_properties(i).get_name();
                for (const char* forbidden : {"child", "upn", "dob", "sw_id", "name_of", "email"})
                    EXPECT_EQ(column.find(forbidden), std::string::npos) << table << "." << column;
                if (row.get_indicator(i) == soci::i_ok && row.get_properties(i).get_data_type() == soci::dt_string) {
                    std::string value = row.get<std::string>(i);
                    EXPECT_EQ(value.find(*voice::normalised_code(code)), std::string::npos) << table << "." << column;
                    EXPECT_EQ(value.find(code), std::string::npos) << table << "." << column;
                }
            }
        }
    }
    // A response keeps the day, never the time, it was started and sent.
    auto response = *store::find_survey_response(*db_, r.response_id);
    EXPECT_EQ(response.started_on, "2026-11-10");
    EXPECT_EQ(response.submitted_on.value_or(""), "2026-11-10");
}

TEST_P(SurveyTest, ResultsSuppressGroupsOfFewerThanFive) {
    long long id = round();
    const std::string boy = "boy", girl = "girl", other = "other";
    // "Do you feel safe where you live?": six boys (5 always), four girls (all always), seven who describe
    // themselves another way (6 always), and a girl who would rather not say.
    for (int i = 0; i < 6; ++i) answer_and_send(open(code_for(id)), i < 5 ? "always" : "sometimes", {{"gender", boy}});
    for (int i = 0; i < 4; ++i) answer_and_send(open(code_for(id)), "always", {{"gender", girl}});
    for (int i = 0; i < 7; ++i) answer_and_send(open(code_for(id)), i < 6 ? "always" : "never", {{"gender", other}});
    answer_and_send(open(code_for(id)), voice::kRatherNotSay, {{"gender", girl}});
    measures::DisclosureRules rules;
    auto round_now = *voice::find_round(*db_, id);
    auto safe = [&](const voice::RoundResults& res) {
        for (const auto& ir : res.indicators)
            if (ir.indicator->id == "safe-where-you-live") return ir.rows.front();
        ADD_FAILURE() << "no row for safe-where-you-live";
        return voice::IndicatorRow{};
    };
    auto row = safe(voice::round_results(*db_, bank(), round_now, day(2026, 11, 20), rules, "8-10", "gender"));
    EXPECT_EQ(row.figure.numerator, 15);
    EXPECT_EQ(row.figure.denominator, 17);   // "I'd rather not say" is not in the denominator
    EXPECT_EQ(row.figure.rather_not_say, 1);
    EXPECT_EQ(row.figure.shown(), "88%");
    ASSERT_NE(row.comparator, nullptr);
    EXPECT_DOUBLE_EQ(row.comparator->general_population_percent, 81);
    std::map<std::string, voice::SurveyFigure> groups;
    for (const auto& b : row.breakdown) groups[b.group] = b.figure;
    EXPECT_EQ(groups[girl].shown(), "c");      // 4 answered: fewer than 5
    EXPECT_EQ(groups[boy].shown(), "c");       // the next smallest, or 17 - 7 would give the girls away
    EXPECT_EQ(groups[other].shown(), "86%");   // 6 of 7
    // The threshold is configuration: at 4, no group is suppressed.
    rules.smallest_survey_group = 4;
    row = safe(voice::round_results(*db_, bank(), round_now, day(2026, 11, 20), rules, "8-10", "gender"));
    for (const auto& b : row.breakdown) {
        if (b.group == girl) {
            EXPECT_EQ(b.figure.shown(), "100%");
        }
        if (b.group == boy) {
            EXPECT_EQ(b.figure.shown(), "83%");
        }
    }
    // The response rate counts sent responses against those who could answer (entered by hand here).
    voice::set_eligible(*db_, id, "8-10", 36, kOfficer);
    auto v = *voice::find_round(*db_, id)->version("8-10");
    EXPECT_EQ(v.submitted, 18);
    EXPECT_EQ(v.response_rate, 50);   // 18 of 36
}

TEST_P(SurveyTest, TheAllChildrenRowCannotGiveAwayASuppressedVersion) {
    long long id = round();
    // 8-10: four answer (suppressed); 11-18: six.
    for (int i = 0; i < 4; ++i) answer_and_send(open(code_for(id, "8-10")), "always", {});
    for (int i = 0; i < 6; ++i) {
        auto r = open(code_for(id, "11-18"));
        auto steps = voice::steps(bank(), "11-18");
        for (std::size_t s = 0; s < steps.size(); ++s)
            voice::save_step(*db_, bank(), r, static_cast<int>(s), {{"safe-where-you-live", "always"}}, s + 1 == steps.size(),
                             noon(day(2026, 11, 10)), day(2026, 11, 10), concerns_);
    }
    auto res = voice::round_results(*db_, bank(), *voice::find_round(*db_, id), day(2026, 11, 20), {});
    for (const auto& ir : res.indicators) {
        if (ir.indicator->id != "safe-where-you-live") continue;
        ASSERT_EQ(ir.rows.size(), 3u);   // 8-10, 11-18, all children
        EXPECT_EQ(ir.rows[0].figure.shown(), "c");
        EXPECT_EQ(ir.rows[1].figure.shown(), "c");      // else 10 - 6 gives the 8-10s away
        EXPECT_EQ(ir.rows[2].figure.shown(), "100%");   // all 10 together
        return;
    }
    ADD_FAILURE() << "no results for safe-where-you-live";
}

TEST_P(SurveyTest, AnUnsentResponseCountsOnlyOnceTheRoundHasClosed) {
    long long id = round();
    for (int i = 0; i < 5; ++i) answer_and_send(open(code_for(id)), "always", {});
    auto r = open(code_for(id));
    Date today = day(2026, 11, 10);
    voice::save_step(*db_, bank(), r, 0, {}, false, noon(today), today, concerns_);
    auto steps = voice::steps(bank(), "8-10");
    for (std::size_t i = 1; i < steps.size(); ++i)
        if (steps[i].kind == voice::Step::Kind::Questions) {
            voice::save_step(*db_, bank(), r, static_cast<int>(i), {{"safe-where-you-live", "never"}}, false, noon(today), today, concerns_);
        }
    auto figure = [&](Date on) {
        auto res = voice::round_results(*db_, bank(), *voice::find_round(*db_, id), on, {}, "8-10");
        for (const auto& ir : res.indicators)
            if (ir.indicator->id == "safe-where-you-live") return ir.rows.front().figure;
        return voice::SurveyFigure{};
    };
    EXPECT_EQ(figure(day(2026, 11, 20)).denominator, 5);
    EXPECT_EQ(figure(day(2026, 12, 1)).denominator, 6);
    EXPECT_EQ(figure(day(2026, 12, 1)).numerator, 5);
}

TEST_P(SurveyTest, AskingToTalkOrNamingHarmRaisesARoutedConcern) {
    long long id = round();
    Date today = day(2026, 11, 10);   // a Tuesday
    auto steps = voice::steps(bank(), "8-10");
    auto step_of = [&](voice::Step::Kind kind) {
        for (std::size_t i = 0; i < steps.size(); ++i)
            if (steps[i].kind == kind) return static_cast<int>(i);
        return -1;
    };
    // 1. A child ticks "someone to talk to me about this" on a question page, in office hours.
    auto a = open(code_for(id));
    voice::save_step(*db_, bank(), a, step_of(voice::Step::Kind::Questions), {{"safe-where-you-live", "sometimes"}, {"talk", "yes"}},
                     false, noon(today), today, concerns_);
    auto open_now = voice::concerns(*db_, "open");
    ASSERT_EQ(open_now.size(), 1u);
    EXPECT_TRUE(open_now[0].asked_to_talk);
    EXPECT_FALSE(open_now[0].names_harm);
    EXPECT_EQ(open_now[0].routed_to, concerns_.participation_lead);
    EXPECT_NE(open_now[0].shared.find("Sometimes"), std::string::npos);   // what they answered there, nothing else
    EXPECT_EQ(open_now[0].contact, "");
    // 2. Another writes words that name harm, at 20:00 on a weekday: the front door (for referral) and the
    // out-of-hours team are told too.
    auto b = open(code_for(id));
    long long evening = noon(today) + 8 * 3600;
    voice::save_step(*db_, bank(), b, step_of(voice::Step::Kind::YourWords), {{"anything-else", "My carer hits me when I am bad"}}, false,
                     evening, today, concerns_);
    auto all = voice::concerns(*db_, "open");
    ASSERT_EQ(all.size(), 2u);
    const auto& harm = all[1];
    EXPECT_TRUE(harm.names_harm);
    EXPECT_NE(harm.harm_words.find("hits me"), std::string::npos);
    EXPECT_NE(harm.routed_to.find(concerns_.front_door), std::string::npos);
    EXPECT_NE(harm.routed_to.find(concerns_.out_of_hours), std::string::npos);
    EXPECT_NE(harm.shared.find("My carer hits me when I am bad"), std::string::npos);
    // 3. A child who says yes to someone talking to them, with contact details; saying it again updates the
    // same concern (one per response).
    auto c = open(code_for(id));
    int talk = step_of(voice::Step::Kind::TalkToSomeone);
    voice::save_step(*db_, bank(), c, talk, {{"talk", "yes"}, {"contact", "Sam 07700 900123"}}, false, noon(today), today, concerns_);
    voice::save_step(*db_, bank(), c, talk, {{"talk", "yes"}, {"talk-about", "school"}, {"contact", "Sam 07700 900123"}}, true, noon(today),
                     today, concerns_);
    all = voice::concerns(*db_, "open");
    ASSERT_EQ(all.size(), 3u);   // oldest first: a and c at noon, b in the evening
    EXPECT_EQ(all[1].contact, "Sam 07700 900123");
    EXPECT_NE(all[1].shared.find("school"), std::string::npos);
    // A child who says no gives no contact details to anyone, and raises nothing.
    auto d = open(code_for(id));
    voice::save_step(*db_, bank(), d, talk, {{"talk", "no"}, {"contact", "Alex"}}, true, noon(today), today, concerns_);
    EXPECT_EQ(voice::concerns(*db_, "").size(), 3u);
    EXPECT_TRUE(store::survey_comments_of(*db_, d.response_id).empty());

    // Worked to closure: a note, then closing needs what was done; a closed concern takes no more notes.
    long long first = open_now[0].id;
    EXPECT_EQ(voice::overdue_concerns(*db_, noon(today) + 2 * 86400), 3);
    EXPECT_THROW(voice::close_concern(*db_, first, "  ", noon(today) + 3600, kOfficer), std::invalid_argument);
    voice::add_concern_note(*db_, first, "Rang the child's social worker", noon(today) + 3600, kOfficer);
    voice::close_concern(*db_, first, "Social worker visited; the child is settled", noon(today) + 7200, kOfficer);
    auto closed = *voice::concern(*db_, first, kOfficer);
    EXPECT_EQ(closed.status, "closed");
    EXPECT_EQ(closed.closed_by, kOfficer.who);
    ASSERT_EQ(closed.notes.size(), 2u);
    EXPECT_EQ(closed.notes[0].note, "Rang the child's social worker");
    EXPECT_THROW(voice::add_concern_note(*db_, first, "more", noon(today) + 9000, kOfficer), std::invalid_argument);
    EXPECT_EQ(voice::overdue_concerns(*db_, noon(today) + 2 * 86400), 2);
    EXPECT_EQ(voice::overdue_concerns(*db_, noon(today) + 3600), 0);   // none is a day old yet
}

TEST_P(SurveyTest, WordsOfHarmAreNeverLostAndReopenAClosedConcern) {
    long long id = round();
    Date today = day(2026, 11, 10);
    auto steps = voice::steps(bank(), "8-10");
    int words = -1, talk = -1;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].kind == voice::Step::Kind::YourWords) words = static_cast<int>(i);
        if (steps[i].kind == voice::Step::Kind::TalkToSomeone) talk = static_cast<int>(i);
    }
    // Harm written in "what would you like to talk about" counts even when the child then chose "No".
    auto a = open(code_for(id));
    voice::save_step(*db_, bank(), a, talk, {{"talk", "no"}, {"talk-about", "my carer hits me"}, {"contact", "Jo"}}, false, noon(today),
                     today, concerns_);
    auto raised = voice::concerns(*db_, "open");
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_TRUE(raised[0].names_harm);
    EXPECT_NE(raised[0].shared.find("my carer hits me"), std::string::npos);
    EXPECT_EQ(raised[0].contact, "");   // "No": how to reach them is not kept
    // A concern closed, then the child writes more that names harm: it is open again, with a note.
    auto b = open(code_for(id));
    voice::save_step(*db_, bank(), b, words, {{"anything-else", "someone hit me at school"}}, false, noon(today), today, concerns_);
    long long concern = voice::concerns(*db_, "open").back().id;
    voice::close_concern(*db_, concern, "Talked to the school", noon(today) + 3600, kOfficer);
    voice::save_step(*db_, bank(), b, words, {{"anything-else", "someone hit me at school"}}, false, noon(today) + 7200, today, concerns_);
    EXPECT_EQ(voice::concern(*db_, concern, kOfficer)->status, "closed");   // nothing new: it stays closed
    voice::save_step(*db_, bank(), b, words, {{"anything-else", "someone hit me at school and I want to kill myself"}}, false,
                     noon(today) + 9000, today, concerns_);
    auto reopened = *voice::concern(*db_, concern, kOfficer);
    EXPECT_EQ(reopened.status, "open");
    EXPECT_FALSE(reopened.closed_at.has_value());
    EXPECT_NE(reopened.shared.find("kill myself"), std::string::npos);
    EXPECT_NE(reopened.notes.back().note.find("Reopened"), std::string::npos);
}

TEST_P(SurveyTest, TheEligibleCohortIsCountedFromTheReturn) {
    using test_support::csv_903;
    using ssda903::TableId;
    test_support::ReturnFolder f;
    // On 31 March 2025: A (8, in care since January) counts for 8-10; B (9, came into care 20 March: under
    // 28 days) does not; C (3) is too young; D left care at 17 in 2024 (a care leaver, 18 now); E was
    // adopted at 16 (not a care leaver); F (14) counts for 11-18.
    f.write("header.csv", csv_903(TableId::Header,
                                  "A,1,01/06/2016,WBRI,,,\nB,2,01/01/2016,WBRI,,,\nC,1,01/01/2022,WBRI,,,\n"
                                  "D,2,01/01/2007,WBRI,,,\nE,1,01/01/2008,WBRI,,,\nF,1,01/05/2010,WBRI,,,\n"))
        .write("episodes.csv", csv_903(TableId::Episodes,
                                       "A,01/01/2025,S,C2,N1,U4,PR1,,,,CV1 1AA,CV1 1AB,\n"
                                       "B,20/03/2025,S,C2,N1,U4,PR1,,,,CV1 1AA,CV1 1AB,\n"
                                       "C,01/01/2025,S,C2,N1,U4,PR1,,,,CV1 1AA,CV1 1AB,\n"
                                       "D,01/01/2022,S,C2,N1,U4,PR1,01/06/2024,E8,,CV1 1AA,CV1 1AB,\n"
                                       "E,01/01/2022,S,C2,N1,U4,PR1,01/06/2024,E11,,CV1 1AA,CV1 1AB,\n"
                                       "F,01/01/2024,S,C2,N1,U4,PR1,,,,CV1 1AA,CV1 1AB,\n"));
    ASSERT_TRUE(ssda903::import_returns(*db_, {{2025, f.path()}}, false).committed);
    auto cohort = voice::eligible_cohort(*db_, bank(), day(2025, 10, 1));
    EXPECT_EQ(cohort["4-7"].count, 0);
    EXPECT_EQ(cohort["8-10"].count, 1);
    EXPECT_EQ(cohort["11-18"].count, 1);
    EXPECT_EQ(cohort["care-leavers"].count, 1);
    EXPECT_EQ(cohort.count("foster-carers"), 0u);   // not in the return
    EXPECT_NE(cohort["8-10"].source.find("31/03/2025"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, SurveyTest, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);
