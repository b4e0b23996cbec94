// Stacking returns (spec/measures.md section 0 and 8.1-8.5), on rows as the store hands them over.
#include <gtest/gtest.h>

#include "ssda903/stack.h"

using namespace corparent;
using ssda903::TableId;

namespace {

// Empty loaded tables for every stacked table, with the columns the store gives.
std::vector<store::TextTable> empty_loaded() {
    std::vector<store::TextTable> loaded;
    for (TableId id : ssda903::stacked_tables()) {
        const auto& spec = ssda903::table(id);
        std::vector<std::string> columns{"return_year", "row_no"};
        for (const auto& f : spec.fields) columns.emplace_back(f.name);
        loaded.emplace_back(std::string(spec.store_name), columns);
    }
    return loaded;
}

// An Episodes row: year, row, CHILD, DECOM, RNE, DEC, REC (other fields fixed).
void episode(store::TextTable& t, int year, int row, const char* child, const char* decom, const char* dec,
             const char* rec) {
    t.add(std::to_string(year));
    t.add(std::to_string(row));
    t.add(child);
    t.add(decom);
    for (const char* v : {"P", "C2", "N1", "U4", "PR1"}) t.add(v);
    dec ? t.add(dec) : t.add_null();
    rec ? t.add(rec) : t.add_null();
    for (int i = 0; i < 4; ++i) t.add_null();
}

ssda903::StackedReturns stack(const std::vector<store::TextTable>& loaded, ssda903::StackRules rules = {}) {
    std::vector<ssda903::RowSources> sources;
    for (const auto& t : loaded) sources.push_back({&t});
    return ssda903::stack_returns(sources, rules);
}

std::size_t rule_count(const ssda903::StackedReturns& s, const std::string& rule) {
    return static_cast<std::size_t>(
        std::count_if(s.findings.begin(), s.findings.end(), [&](const auto& f) { return f.rule == rule; }));
}

constexpr std::size_t kDec = 9, kRec = 10, kSourceYear = 0, kRepaired = 15;

}  // namespace

TEST(Stack, TheLaterReturnWinsForAnEpisodeBothHold) {
    auto loaded = empty_loaded();
    episode(loaded[0], 2024, 2, "A", "2023-06-01", nullptr, nullptr);
    episode(loaded[0], 2025, 2, "A", "2023-06-01", "2024-05-01", "E4A");
    auto s = stack(loaded);
    ASSERT_EQ(s.tables[0].rows(), 1u);
    EXPECT_EQ(*s.tables[0].get(0, kSourceYear), "2025");
    EXPECT_EQ(*s.tables[0].get(0, kDec), "2024-05-01");
    EXPECT_TRUE(s.findings.empty());
}

TEST(Stack, WithinOneReturnTheLastRowWins) {
    auto loaded = empty_loaded();
    episode(loaded[0], 2025, 2, "A", "2024-06-01", "2024-07-01", "E13");
    episode(loaded[0], 2025, 3, "A", "2024-06-01", "2024-08-01", "E4A");
    auto s = stack(loaded);
    ASSERT_EQ(s.tables[0].rows(), 1u);
    EXPECT_EQ(*s.tables[0].get(0, kDec), "2024-08-01");
}

TEST(Stack, AnOpenEpisodeFollowedByAnotherIsClosedWithX1) {
    auto loaded = empty_loaded();
    episode(loaded[0], 2025, 2, "B", "2024-05-01", nullptr, nullptr);
    episode(loaded[0], 2025, 3, "B", "2024-09-01", nullptr, nullptr);
    auto s = stack(loaded);
    ASSERT_EQ(s.tables[0].rows(), 2u);
    EXPECT_EQ(*s.tables[0].get(0, kDec), "2024-09-01");
    EXPECT_EQ(*s.tables[0].get(0, kRec), "X1");
    EXPECT_EQ(*s.tables[0].get(0, kRepaired), "1");
    EXPECT_FALSE(s.tables[0].get(1, kDec));
    EXPECT_EQ(*s.tables[0].get(1, kRepaired), "0");
    ASSERT_EQ(rule_count(s, "STACK-REPAIR"), 1u);
    EXPECT_EQ(s.findings[0].row, 2);
    EXPECT_EQ(s.findings[0].year, 2025);
}

TEST(Stack, ClosingOpenEpisodesIsASwitch) {
    auto loaded = empty_loaded();
    episode(loaded[0], 2025, 2, "B", "2024-05-01", nullptr, nullptr);
    episode(loaded[0], 2025, 3, "B", "2024-09-01", nullptr, nullptr);
    auto s = stack(loaded, {.close_open_episodes = false});
    ASSERT_EQ(s.tables[0].rows(), 2u);
    EXPECT_FALSE(s.tables[0].get(0, kDec));
    EXPECT_EQ(rule_count(s, "STACK-REPAIR"), 0u);
}

TEST(Stack, RowsComeFromEverySource) {
    auto older = empty_loaded(), newer = empty_loaded();
    episode(older[0], 2024, 2, "A", "2023-06-01", nullptr, nullptr);
    episode(newer[0], 2025, 2, "A", "2023-06-01", "2024-05-01", "E4A");
    episode(newer[0], 2025, 3, "B", "2024-06-01", nullptr, nullptr);
    std::vector<ssda903::RowSources> sources;
    for (std::size_t t = 0; t < older.size(); ++t) sources.push_back({&older[t], &newer[t]});
    auto s = ssda903::stack_returns(sources);
    ASSERT_EQ(s.tables[0].rows(), 2u);
    EXPECT_EQ(*s.tables[0].get(0, kDec), "2024-05-01");
}

TEST(Stack, AnOpenEpisodeALaterReturnDropsStaysOpenAndIsReported) {
    auto loaded = empty_loaded();
    episode(loaded[0], 2024, 2, "C", "2023-05-01", nullptr, nullptr);
    episode(loaded[0], 2025, 2, "D", "2024-05-01", nullptr, nullptr);   // 2025 is loaded, without C
    auto s = stack(loaded);
    ASSERT_EQ(s.tables[0].rows(), 2u);
    EXPECT_FALSE(s.tables[0].get(0, kDec));
    EXPECT_EQ(rule_count(s, "STACK-OPEN"), 1u);
    EXPECT_EQ(rule_count(s, "STACK-REPAIR"), 0u);
}

TEST(Stack, EpisodesWithoutADecomAreLeftOut) {
    auto loaded = empty_loaded();
    episode(loaded[0], 2025, 2, "E", "2024-05-01", "2024-06-01", "E13");
    loaded[0].add("2025");
    loaded[0].add("3");
    loaded[0].add("E");
    for (int i = 0; i < 13 - 1; ++i) loaded[0].add_null();
    auto s = stack(loaded);
    EXPECT_EQ(s.tables[0].rows(), 1u);
}

TEST(Stack, OtherTablesKeepTheLatestRowPerKey) {
    auto loaded = empty_loaded();
    auto& header = loaded[1];   // CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB
    for (const char* v : {"2024", "2", "A", "1", "2010-01-01", "WBRI", "UN1", "0"}) header.add(v);
    header.add_null();
    for (const char* v : {"2025", "2", "A", "M", "2010-01-01", "WBRI", "A123456789012", "0"}) header.add(v);
    header.add_null();
    auto s = stack(loaded);
    ASSERT_EQ(s.tables[1].rows(), 1u);
    EXPECT_EQ(*s.tables[1].get(0, 3), "M");
    EXPECT_EQ(s.tables[1].name(), "stacked_header");
}
