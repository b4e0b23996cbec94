// One-time codes: what they look like, how what a child types is read, and that only a hash is kept.
#include <gtest/gtest.h>

#include <set>

#include "voice/codes.h"

using namespace corparent::voice;

TEST(SurveyCodes, AreTwelveCharactersOfTheEasyAlphabetInGroupsOfFour) {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        auto code = new_code();
        ASSERT_EQ(code.size(), 14u) << code;
        EXPECT_EQ(code[4], '-');
        EXPECT_EQ(code[9], '-');
        for (std::size_t j = 0; j < code.size(); ++j) {
            if (j == 4 || j == 9) continue;
            EXPECT_NE(kCodeAlphabet.find(code[j]), std::string_view::npos) << code;
        }
        seen.insert(code);
    }
    EXPECT_EQ(seen.size(), 2000u);   // 31^12 codes: a repeat in 2,000 would mean the generator is broken
}

TEST(SurveyCodes, TheAlphabetHasNoLookAlikes) {
    for (char ch : std::string("0O1IL")) EXPECT_EQ(kCodeAlphabet.find(ch), std::string_view::npos) << ch;
    EXPECT_EQ(kCodeAlphabet.size(), 31u);
}

TEST(SurveyCodes, WhatIsTypedIsReadWithoutCaseSpacesOrDashes) {
    EXPECT_EQ(normalised_code("K7QM-3RTA-W9ZP"), "K7QM3RTAW9ZP");
    EXPECT_EQ(normalised_code(" k7qm 3rta w9zp "), "K7QM3RTAW9ZP");
    EXPECT_EQ(normalised_code("k7qm3rtaw9zp"), "K7QM3RTAW9ZP");
}

TEST(SurveyCodes, WhatCannotBeACodeIsRefused) {
    EXPECT_FALSE(normalised_code(""));
    EXPECT_FALSE(normalised_code("K7QM-3RTA-W9Z"));     // too short
    EXPECT_FALSE(normalised_code("K7QM-3RTA-W9ZPP"));   // too long
    EXPECT_FALSE(normalised_code("K7QM-3RTA-W9Z0"));    // zero is never printed
    EXPECT_FALSE(normalised_code("K7QM-3RTA-W9ZO"));    // nor O
    EXPECT_FALSE(normalised_code("K7QM-3RTA-W9Z1"));    // nor 1
    EXPECT_FALSE(normalised_code("K7QM-3RTA-W9Z!"));
}

TEST(SurveyCodes, TheStoreKeepsAHashNotTheCode) {
    auto h = code_hash("K7QM3RTAW9ZP");
    EXPECT_EQ(h.size(), 64u);
    EXPECT_EQ(h.find("K7QM"), std::string::npos);
    EXPECT_EQ(h, code_hash("K7QM3RTAW9ZP"));
    EXPECT_NE(h, code_hash("K7QM3RTAW9ZQ"));
    EXPECT_EQ(printed_code("K7QM3RTAW9ZP"), "K7QM-3RTA-W9ZP");
}
