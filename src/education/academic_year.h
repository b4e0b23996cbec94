// The academic year: 1 September to 31 August, named by the year it ends in (2025 = 2024/25), beside
// the 903's collection year (1 April to 31 March): academic year A holds 31 March A, the last day of
// 903 year A, so the two are paired.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "care/date.h"

namespace corparent::education {

// "2024/25" or "2024-25" (the second year the next one) -> 2025; else nullopt.
std::optional<int> parse_academic_year(std::string_view text);
std::string academic_year_label(int year);     // 2025 -> "2024/25"
care::Date academic_year_start(int year);      // 1 September year-1
care::Date academic_year_end(int year);        // 31 August year
int academic_year_of(care::Date day);          // 31 August 2024 -> 2024; 1 September 2024 -> 2025

}  // namespace corparent::education
