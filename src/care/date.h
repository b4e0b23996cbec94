// Calendar dates as the 903 and DfE use them: whole days, no time zone.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace corparent::care {

using Date = std::chrono::sys_days;

// dd/mm/yyyy (one- or two-digit day and month, four-digit year), a real calendar day; else nullopt.
std::optional<Date> parse_dmy(std::string_view text);
// yyyy-mm-dd, the form the store keeps; else nullopt.
std::optional<Date> parse_iso(std::string_view text);
std::string to_iso(Date date);
std::string to_dmy(Date date);

Date make_date(int year, unsigned month, unsigned day);

// Whole years from birth to `on`, comparing (month, day): a 29 February birthday falls on 1 March in
// other years (spec/measures.md 8.16).
int age_on(Date birth, Date on);

// The collection year Y runs from 1 April Y-1 to 31 March Y, both inclusive.
Date year_start(int collection_year);
Date year_end(int collection_year);
// "2024-25" for the collection year ending 31 March 2025.
std::string collection_year_label(int collection_year);

}  // namespace corparent::care
