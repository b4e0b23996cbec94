#include "care/date.h"

#include <cstdio>

namespace corparent::care {
namespace {

// Reads 1..max_digits decimal digits; advances `pos`. -1 when there are none or too many.
int read_number(std::string_view text, std::size_t& pos, std::size_t min_digits, std::size_t max_digits) {
    std::size_t start = pos;
    int value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (pos - start == max_digits) return -1;
        value = value * 10 + (text[pos] - '0');
        ++pos;
    }
    std::size_t digits = pos - start;
    return digits >= min_digits ? value : -1;
}

std::optional<Date> checked(int y, int m, int d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

}  // namespace

std::optional<Date> parse_dmy(std::string_view text) {
    std::size_t pos = 0;
    int d = read_number(text, pos, 1, 2);
    if (d < 0 || pos >= text.size() || text[pos++] != '/') return std::nullopt;
    int m = read_number(text, pos, 1, 2);
    if (m < 0 || pos >= text.size() || text[pos++] != '/') return std::nullopt;
    int y = read_number(text, pos, 4, 4);
    if (y < 0 || pos != text.size()) return std::nullopt;
    return checked(y, m, d);
}

std::optional<Date> parse_iso(std::string_view text) {
    std::size_t pos = 0;
    int y = read_number(text, pos, 4, 4);
    if (y < 0 || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    int m = read_number(text, pos, 2, 2);
    if (m < 0 || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    int d = read_number(text, pos, 2, 2);
    if (d < 0 || pos != text.size()) return std::nullopt;
    return checked(y, m, d);
}

std::string to_iso(Date date) {
    std::chrono::year_month_day ymd{date};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

std::string to_dmy(Date date) {
    std::chrono::year_month_day ymd{date};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()),
                  static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
    return buffer;
}

Date make_date(int year, unsigned month, unsigned day) {
    return Date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

int age_on(Date birth, Date on) {
    std::chrono::year_month_day b{birth}, o{on};
    int years = static_cast<int>(o.year()) - static_cast<int>(b.year());
    unsigned bm = static_cast<unsigned>(b.month()), bd = static_cast<unsigned>(b.day());
    unsigned om = static_cast<unsigned>(o.month()), od = static_cast<unsigned>(o.day());
    if (om < bm || (om == bm && od < bd)) --years;
    return years;
}

Date year_start(int collection_year) { return make_date(collection_year - 1, 4, 1); }
Date year_end(int collection_year) { return make_date(collection_year, 3, 31); }

std::string collection_year_label(int collection_year) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d-%02d", collection_year - 1, collection_year % 100);
    return buffer;
}

}  // namespace corparent::care
