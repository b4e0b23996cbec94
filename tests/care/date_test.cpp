#include <gtest/gtest.h>

#include "care/date.h"

using namespace corparent::care;

TEST(Date, ParsesDayMonthYear) {
    EXPECT_EQ(to_iso(*parse_dmy("01/04/2024")), "2024-04-01");
    EXPECT_EQ(to_iso(*parse_dmy("1/4/2024")), "2024-04-01");
    EXPECT_EQ(to_iso(*parse_dmy("29/02/2024")), "2024-02-29");
}

TEST(Date, RefusesDaysThatDoNotExist) {
    EXPECT_FALSE(parse_dmy("31/04/2024"));
    EXPECT_FALSE(parse_dmy("29/02/2023"));
    EXPECT_FALSE(parse_dmy("00/01/2024"));
    EXPECT_FALSE(parse_dmy("01/13/2024"));
}

TEST(Date, RefusesOtherShapes) {
    EXPECT_FALSE(parse_dmy("2024-04-01"));
    EXPECT_FALSE(parse_dmy("01/04/24"));
    EXPECT_FALSE(parse_dmy("01/04/2024 "));
    EXPECT_FALSE(parse_dmy("01-04-2024"));
    EXPECT_FALSE(parse_dmy(""));
    EXPECT_FALSE(parse_dmy("111/04/2024"));
}

TEST(Date, IsoRoundTrip) {
    EXPECT_EQ(to_iso(*parse_iso("2025-03-31")), "2025-03-31");
    EXPECT_EQ(to_dmy(*parse_iso("2025-03-31")), "31/03/2025");
    EXPECT_FALSE(parse_iso("2025-02-30"));
}

TEST(Date, AgeComparesMonthAndDay) {
    auto dob = *parse_dmy("15/06/2010");
    EXPECT_EQ(age_on(dob, *parse_dmy("14/06/2026")), 15);
    EXPECT_EQ(age_on(dob, *parse_dmy("15/06/2026")), 16);
}

TEST(Date, LeapDayBirthdayFallsOnFirstOfMarch) {
    auto dob = *parse_dmy("29/02/2008");
    EXPECT_EQ(age_on(dob, *parse_dmy("28/02/2025")), 16);
    EXPECT_EQ(age_on(dob, *parse_dmy("01/03/2025")), 17);
    EXPECT_EQ(age_on(dob, *parse_dmy("29/02/2024")), 16);
}

TEST(Date, CollectionYearWindow) {
    EXPECT_EQ(to_iso(year_start(2025)), "2024-04-01");
    EXPECT_EQ(to_iso(year_end(2025)), "2025-03-31");
    EXPECT_EQ(collection_year_label(2025), "2024-25");
    EXPECT_EQ(collection_year_label(2000), "1999-00");
}
