// The question bank shipped in data/voice: every version asks questions, every reference resolves, and a
// broken bank is refused with a message that names what is wrong.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "settings/settings.h"
#include "voice/question_bank.h"

using namespace corparent;

namespace {

std::filesystem::path data_dir() { return settings::load_settings("/nonexistent", false).data_dir; }

}  // namespace

TEST(QuestionBank, EveryVersionAsksQuestionsWordedInEnglish) {
    auto bank = voice::load_question_bank(data_dir());
    for (const char* id : {"4-7", "8-10", "11-18", "care-leavers", "foster-carers"}) {
        SCOPED_TRACE(id);
        ASSERT_NE(bank.version(id), nullptr);
        auto asked = bank.asked_in(id);
        EXPECT_GE(asked.size(), 8u);
        for (const auto* ind : asked) EXPECT_FALSE(voice::in_language(ind->wording.at(id), "en").empty()) << ind->id;
        for (const auto& q : bank.free_text) EXPECT_TRUE(q.wording.count(id)) << q.id;
    }
    EXPECT_FALSE(bank.asks_about_you("foster-carers"));
    EXPECT_TRUE(bank.asks_about_you("8-10"));
}

TEST(QuestionBank, TheOnsQuestionsAreVerbatim) {
    auto bank = voice::load_question_bank(data_dir());
    std::set<std::string> texts;
    for (const auto& ind : bank.indicators)
        for (const auto& [version, text] : ind.wording) texts.insert(voice::in_language(text, "en"));
    EXPECT_TRUE(texts.count("Overall, how satisfied are you with your life nowadays?"));
    EXPECT_TRUE(texts.count("Overall, how anxious did you feel yesterday?"));
}

TEST(QuestionBank, ComparatorsCarryTheirPublishedFigureAndSource) {
    auto bank = voice::load_question_bank(data_dir());
    const auto* safe = bank.indicator("safe-where-you-live");
    ASSERT_NE(safe, nullptr);
    ASSERT_FALSE(safe->comparators.empty());
    EXPECT_DOUBLE_EQ(safe->comparators[0].general_population_percent, 81);
    EXPECT_FALSE(safe->comparators[0].publication.empty());
    EXPECT_TRUE(safe->counted.count("always"));
}

TEST(QuestionBank, EasyReadFallsBackToEnglish) {
    voice::Text t{{"en", "Do you feel safe?"}};
    EXPECT_EQ(voice::in_language(t, "en-easy"), "Do you feel safe?");
    t["en-easy"] = "Are you safe?";
    EXPECT_EQ(voice::in_language(t, "en-easy"), "Are you safe?");
}

TEST(QuestionBank, ABrokenBankIsRefusedSayingWhatIsWrong) {
    auto dir = std::filesystem::temp_directory_path() / ("corparent_bank_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "voice");
    std::filesystem::create_directories(dir / "benchmarks");
    std::filesystem::copy_file(data_dir() / "benchmarks" / "general_population_comparators.csv",
                               dir / "benchmarks" / "general_population_comparators.csv",
                               std::filesystem::copy_options::overwrite_existing);
    std::ifstream in(data_dir() / "voice" / "question_bank.json");
    auto j = nlohmann::json::parse(in);
    auto write_and_expect = [&](nlohmann::json bank, const std::string& expected) {
        std::ofstream(dir / "voice" / "question_bank.json") << bank.dump();
        try {
            voice::load_question_bank(dir);
            ADD_FAILURE() << "a broken bank was accepted; expected: " << expected;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
        }
    };
    auto bad_scale = j;
    bad_scale["indicators"][0]["scale"] = "no-such-scale";
    write_and_expect(bad_scale, "unknown scale no-such-scale");
    auto bad_counted = j;
    bad_counted["indicators"][0]["counted"] = {"perhaps"};
    write_and_expect(bad_counted, "counts \"perhaps\"");
    auto bad_comparator = j;
    bad_comparator["indicators"][0]["comparators"] = {{{"versions", {"8-10"}}, {"indicator", "Made up"}, {"population", "Nobody"}}};
    write_and_expect(bad_comparator, "names a comparator that is not in");
    std::ofstream(dir / "voice" / "question_bank.json") << "{ not json";
    EXPECT_THROW(voice::load_question_bank(dir), std::runtime_error);
    std::filesystem::remove_all(dir);
}
