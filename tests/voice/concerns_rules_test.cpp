// The rules that make a concern: harm words (whole words, any case) and office hours in England.
#include <gtest/gtest.h>

#include "care/date.h"
#include "voice/concerns.h"

using namespace corparent;
using voice::harm_words_in;

namespace {

// Seconds since the epoch of a UTC time.
long long utc(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return std::chrono::duration_cast<std::chrono::seconds>(care::make_date(y, m, d).time_since_epoch()).count() + hour * 3600 + minute * 60;
}

}  // namespace

TEST(HarmWords, AreFoundAsWholeWordsInAnyCase) {
    const std::vector<std::string> words = {"hit me", "abuse", "self-harm"};
    EXPECT_EQ(harm_words_in("He HIT ME yesterday", words), std::vector<std::string>{"hit me"});
    EXPECT_EQ(harm_words_in("abuse.", words), std::vector<std::string>{"abuse"});
    EXPECT_EQ(harm_words_in("I think about self-harm", words), std::vector<std::string>{"self-harm"});
    EXPECT_TRUE(harm_words_in("white meringue", words).empty());       // "hit me" inside other words
    EXPECT_TRUE(harm_words_in("disabused of the idea", words).empty());
    EXPECT_TRUE(harm_words_in("", words).empty());
    EXPECT_EQ(harm_words_in("abuse and hit me", words), (std::vector<std::string>{"hit me", "abuse"}));   // the list's order
}

TEST(HarmWords, TheDefaultListCatchesPlainWordsChildrenUse) {
    voice::ConcernSettings s;
    EXPECT_FALSE(harm_words_in("my foster carer's boyfriend hits me", s.harm_words).empty());
    EXPECT_FALSE(harm_words_in("sometimes I want to die", s.harm_words).empty());
    EXPECT_TRUE(harm_words_in("I would like more trips in the holidays", s.harm_words).empty());
}

TEST(OfficeHours, AreNineToFiveOnWeekdaysUkTime) {
    // Tuesday 13 January 2026 (GMT): 09:00 and 16:59 are office hours; 08:59 and 17:00 are not.
    EXPECT_TRUE(voice::out_of_hours(utc(2026, 1, 13, 8, 59)));
    EXPECT_FALSE(voice::out_of_hours(utc(2026, 1, 13, 9, 0)));
    EXPECT_FALSE(voice::out_of_hours(utc(2026, 1, 13, 16, 59)));
    EXPECT_TRUE(voice::out_of_hours(utc(2026, 1, 13, 17, 0)));
    // Saturday 17 January 2026 at noon.
    EXPECT_TRUE(voice::out_of_hours(utc(2026, 1, 17, 12, 0)));
}

TEST(OfficeHours, FollowBritishSummerTime) {
    // Wednesday 15 July 2026: 08:00 UTC is 09:00 BST (office hours); 16:00 UTC is 17:00 BST (out of hours).
    EXPECT_FALSE(voice::out_of_hours(utc(2026, 7, 15, 8, 0)));
    EXPECT_TRUE(voice::out_of_hours(utc(2026, 7, 15, 16, 0)));
    // BST began at 01:00 UTC on Sunday 29 March 2026: Monday 30 March at 08:30 UTC is 09:30 BST.
    EXPECT_FALSE(voice::out_of_hours(utc(2026, 3, 30, 8, 30)));
    // It ended at 01:00 UTC on Sunday 25 October 2026: Monday 26 October at 08:30 UTC is 08:30 GMT.
    EXPECT_TRUE(voice::out_of_hours(utc(2026, 10, 26, 8, 30)));
}
