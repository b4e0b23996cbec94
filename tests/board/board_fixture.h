// A fresh store with the Pledge seeded, on SQLite or PostgreSQL, and helpers to add Board data with dates
// written out by hand.
#pragma once

#include <gtest/gtest.h>

#include "board/actions.h"
#include "board/meetings.h"
#include "board/members.h"
#include "board/pledge.h"
#include "board/you_said.h"
#include "settings/settings.h"
#include "../store/test_database.h"

namespace corparent::test_support {

inline care::Date day(int y, unsigned m, unsigned d) { return care::make_date(y, m, d); }

class BoardTest : public ::testing::TestWithParam<store::Backend> {
protected:
    void SetUp() override {
        db = fresh_database(GetParam());
        ASSERT_TRUE(db);
        board::seed_pledge(*db, settings::load_settings("/nonexistent", false).data_dir);
    }

    long long you_said(care::Date on, bool consent = true, std::vector<std::string> statements = {"healthy"}) {
        board::NewYouSaid y;
        y.source = board::Source::CareLeaversForum;
        y.source_reference = "Care Leavers Forum";
        y.said_on = on;
        y.statements = std::move(statements);
        y.words = "I waited months to see a dentist";
        y.consent = consent;
        y.summary = "Young people waited a long time for the dentist";
        auto added = board::add_you_said(*db, y, actor, on);
        EXPECT_TRUE(added.ok()) << (added.ok() ? "" : added.problems[0].message);
        return added.id;
    }

    long long action(long long you_said_id, care::Date created, care::Date due) {
        auto added = board::add_action(*db, {you_said_id, "Book dental checks", "Head of Health", "NHS dental practice", due},
                                       actor, created);
        EXPECT_TRUE(added.ok()) << (added.ok() ? "" : added.problems[0].message);
        return added.id;
    }

    long long meeting(care::Date on, bool health = false) {
        auto added = board::add_meeting(*db, {on, health ? "Health" : "Education", health, {"You said, We did"}}, actor);
        EXPECT_TRUE(added.ok());
        return added.id;
    }

    std::unique_ptr<store::Database> db;
    accounts::Actor actor{"officer@example.gov.uk", "192.0.2.1"};
};

}  // namespace corparent::test_support
