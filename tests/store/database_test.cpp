#include <gtest/gtest.h>

#include "store/bulk.h"
#include "store/migrations.h"
#include "store/returns.h"
#include "test_database.h"

using namespace corparent;
using store::Backend;

class StoreTest : public ::testing::TestWithParam<Backend> {};

TEST_P(StoreTest, AppliesEveryMigrationWhenItOpens) {
    auto db = test_support::fresh_database(GetParam());
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schema_version(), store::migrations().back().version);
    EXPECT_EQ(db->backend(), GetParam());
}

TEST_P(StoreTest, ReopeningAppliesNothingTwice) {
    std::string target = test_support::fresh_target(GetParam());
    ASSERT_FALSE(target.empty());
    { auto db = store::Database::open(target); }
    auto db = store::Database::open(target);
    int applied = 0;
    db->session() << "SELECT COUNT(*) FROM schema_migrations", soci::into(applied);
    EXPECT_EQ(applied, static_cast<int>(store::migrations().size()));
}

TEST_P(StoreTest, BulkRowsComeBackAsTheyWent) {
    auto db = test_support::fresh_database(GetParam());
    ASSERT_TRUE(db);
    store::TextTable rows("r903_missing", {"return_year", "row_no", "child", "dob", "missing", "mis_start", "mis_end"});
    const std::vector<std::optional<std::string>> awkward = {"2025", "2", "tab\there", "back\\slash", "new\nline",
                                                              "é ü ✓", std::nullopt};
    for (const auto& v : awkward) v ? rows.add(*v) : rows.add_null();
    for (const auto* v : {"2025", "3", "C2", "2010-01-01", "M", "2024-05-01", "2024-05-02"}) rows.add(v);
    {
        soci::transaction tx(db->session());
        store::insert_rows(*db, rows);
        tx.commit();
    }
    auto back = store::load_year_rows(*db, "r903_missing", {"child", "dob", "missing", "mis_start", "mis_end"}, 2025);
    ASSERT_EQ(back.rows(), 2u);
    for (std::size_t c = 0; c < awkward.size(); ++c) {
        auto v = back.get(0, c);
        EXPECT_EQ(v.has_value(), awkward[c].has_value()) << c;
        if (v && awkward[c]) {
            EXPECT_EQ(*v, *awkward[c]) << c;
        }
    }
    EXPECT_EQ(*back.get(1, 2), "C2");
}

TEST_P(StoreTest, ARolledBackTransactionLeavesNothing) {
    auto db = test_support::fresh_database(GetParam());
    ASSERT_TRUE(db);
    store::TextTable rows("r903_oc3", {"return_year", "row_no", "child", "dob", "in_touch", "activ", "accom"});
    for (const auto* v : {"2025", "2", "C1", "2005-01-01", "YES", "F1", "U1"}) rows.add(v);
    {
        soci::transaction tx(db->session());
        store::insert_rows(*db, rows);
        EXPECT_EQ(store::count_rows(*db, "r903_oc3", 2025), 1);
        tx.rollback();
    }
    EXPECT_EQ(store::count_rows(*db, "r903_oc3", 2025), 0);
}

TEST_P(StoreTest, DeletingAReturnTouchesOnlyThatYear) {
    auto db = test_support::fresh_database(GetParam());
    ASSERT_TRUE(db);
    store::TextTable rows("r903_oc3", {"return_year", "row_no", "child", "dob", "in_touch", "activ", "accom"});
    for (const auto* v : {"2024", "2", "C1", "2005-01-01", "YES", "F1", "U1"}) rows.add(v);
    for (const auto* v : {"2025", "2", "C1", "2005-01-01", "YES", "F1", "U1"}) rows.add(v);
    store::insert_rows(*db, rows);
    store::delete_return(*db, 2025);
    EXPECT_EQ(store::count_rows(*db, "r903_oc3", 2024), 1);
    EXPECT_EQ(store::count_rows(*db, "r903_oc3", 2025), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         test_support::backend_name);
