#include "measures/measure_row.h"

namespace corparent::measures {

long long round_half_up(long long a, long long b) { return (2 * a + b) / (2 * b); }

std::optional<long long> MeasureRow::tenths() const {
    switch (kind) {
    case Kind::Count: return numerator * 10;
    case Kind::Percent:
        if (denominator == 0) return std::nullopt;
        return round_half_up(1000 * numerator, denominator);
    case Kind::Mean:
        if (denominator == 0) return std::nullopt;
        return round_half_up(10 * numerator, denominator);
    }
    return std::nullopt;
}

std::string tenths_text(long long tenths) {
    std::string sign = tenths < 0 ? "-" : "";
    if (tenths < 0) tenths = -tenths;
    return sign + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

}  // namespace corparent::measures
