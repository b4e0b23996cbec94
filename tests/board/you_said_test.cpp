// "You said" items: sources, the rule that words are quoted only with consent, checks field by field,
// and what the store gives back, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "board_fixture.h"

using namespace corparent;
using test_support::day;

TEST(Sources, IdsAndNamesGoBothWays) {
    EXPECT_EQ(board::all_sources().size(), 7u);
    for (auto s : board::all_sources()) EXPECT_EQ(board::parse_source(board::source_id(s)), s);
    EXPECT_EQ(board::source_name(board::Source::CareLeaversForum), "Care Leavers Forum");
    EXPECT_FALSE(board::parse_source("twitter"));
}

TEST(Shown, WordsOnlyWithConsent) {
    board::YouSaid y;
    y.words = "My bedroom is freezing";
    y.summary = "A child said their bedroom was cold";
    y.consent = true;
    EXPECT_EQ(board::shown(y).text, "My bedroom is freezing");
    EXPECT_TRUE(board::shown(y).quoted);
    y.consent = false;
    EXPECT_EQ(board::shown(y).text, "A child said their bedroom was cold");
    EXPECT_FALSE(board::shown(y).quoted);
}

using YouSaidStore = test_support::BoardTest;

TEST_P(YouSaidStore, ASurveyThemeComesBackAsItWent) {
    long long m = meeting(day(2026, 6, 10));
    board::NewYouSaid survey;
    survey.source = board::Source::Survey;
    survey.source_reference = "Annual survey 2026, theme 'bedrooms'";
    survey.said_on = day(2026, 5, 31);
    survey.statements = {"safe-and-settled", "healthy", "safe-and-settled"};
    survey.words = "Cold bedrooms, “no curtains” – é";
    survey.consent = false;
    survey.summary = "Eleven children said their bedrooms were cold";
    survey.evidence = {{board::EvidenceLink::Kind::SurveyIndicator, "like_bedroom"},
                       {board::EvidenceLink::Kind::Measure, "stability_short"}};
    auto added = board::add_you_said(*db, survey, actor, day(2026, 6, 1));
    ASSERT_TRUE(added.ok()) << added.problems[0].message;
    board::NewYouSaid at_board;
    at_board.source = board::Source::BoardConsultation;
    at_board.said_on = day(2026, 6, 10);
    at_board.statements = {"keep-me-informed"};
    at_board.words = "Tell us when our worker changes";
    at_board.consent = true;
    at_board.meeting_id = m;
    ASSERT_TRUE(board::add_you_said(*db, at_board, actor, day(2026, 6, 10)).ok());

    auto all = board::all_you_said(*db);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].source, board::Source::BoardConsultation) << "newest first";
    EXPECT_EQ(all[0].meeting_id, m);
    const auto& y = all[1];
    EXPECT_EQ(y.id, added.id);
    EXPECT_EQ(y.source_reference, "Annual survey 2026, theme 'bedrooms'");
    EXPECT_EQ(y.said_on, day(2026, 5, 31));
    EXPECT_EQ(y.statements, (std::vector<std::string>{"healthy", "safe-and-settled"}));
    EXPECT_EQ(y.words, "Cold bedrooms, “no curtains” – é");
    EXPECT_FALSE(y.consent);
    EXPECT_FALSE(y.meeting_id);
    ASSERT_EQ(y.evidence.size(), 2u);
    EXPECT_EQ(y.evidence[0].kind, board::EvidenceLink::Kind::Measure);
    EXPECT_EQ(y.evidence[1].ref, "like_bedroom");
    EXPECT_EQ(y.recorded_by, "officer@example.gov.uk");
    // The audit log says what happened, never the words.
    std::string detail;
    db->session() << "SELECT detail FROM audit_log WHERE action = 'board.you_said.add' ORDER BY id", soci::into(detail);
    EXPECT_EQ(detail, "survey, not to be quoted");
}

TEST_P(YouSaidStore, BadItemsAreRefusedFieldByFieldAndNothingIsStored) {
    board::NewYouSaid y;
    y.source = board::Source::Survey;
    y.said_on = day(2026, 7, 1);   // after "today"
    y.statements = {"no-such-promise"};
    y.consent = false;
    y.evidence = {{board::EvidenceLink::Kind::Measure, "happiness"}, {board::EvidenceLink::Kind::SurveyIndicator, "Feel Safe"}};
    y.meeting_id = 999;
    auto added = board::add_you_said(*db, y, actor, day(2026, 6, 30));
    std::vector<std::string> fields;
    for (const auto& p : added.problems) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"said_on", "statements", "words", "summary", "source_reference", "meeting",
                                                "source", "evidence", "evidence"}));
    EXPECT_EQ(added.problems[7].message, "There is no measure called happiness: choose one from the measures list");
    EXPECT_TRUE(board::all_you_said(*db).empty());
}

TEST_P(YouSaidStore, BetweenTwoDaysByPledgeStatement) {
    you_said(day(2026, 3, 31), true, {"healthy"});
    long long first = you_said(day(2026, 4, 1), true, {"healthy", "included"});
    long long last = you_said(day(2027, 3, 31), true, {"healthy"});
    you_said(day(2027, 4, 1), true, {"included"});
    auto year = board::you_said_between(*db, board::municipal_year_start(2026), board::municipal_year_end(2026));
    ASSERT_EQ(year.size(), 2u);
    ASSERT_EQ(year["healthy"].size(), 2u);
    EXPECT_EQ(year["healthy"][0].id, last) << "newest first";
    EXPECT_EQ(year["healthy"][1].id, first);
    ASSERT_EQ(year["included"].size(), 1u);
    EXPECT_EQ(year["included"][0].id, first);
}

INSTANTIATE_TEST_SUITE_P(Backends, YouSaidStore, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);
