#include "education/academic_year.h"

#include <fmt/format.h>

namespace corparent::education {

std::optional<int> parse_academic_year(std::string_view text) {
    if (text.size() != 7 || (text[4] != '/' && text[4] != '-')) return std::nullopt;
    int first = 0, second = 0;
    for (std::size_t i = 0; i < 7; ++i) {
        if (i == 4) continue;
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        (i < 4 ? first : second) = (i < 4 ? first : second) * 10 + (text[i] - '0');
    }
    if (first < 1990 || first > 2100 || (first + 1) % 100 != second) return std::nullopt;
    return first + 1;
}

std::string academic_year_label(int year) { return fmt::format("{}/{:02}", year - 1, year % 100); }

care::Date academic_year_start(int year) { return care::make_date(year - 1, 9, 1); }
care::Date academic_year_end(int year) { return care::make_date(year, 8, 31); }

int academic_year_of(care::Date day) {
    std::chrono::year_month_day ymd{day};
    int y = static_cast<int>(ymd.year());
    return static_cast<unsigned>(ymd.month()) >= 9 ? y + 1 : y;
}

}  // namespace corparent::education
