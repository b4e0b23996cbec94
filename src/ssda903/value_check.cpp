#include "ssda903/value_check.h"

#include <cctype>

#include "care/date.h"

namespace corparent::ssda903 {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool all_of(std::string_view s, bool (*pred)(char)) {
    for (char c : s)
        if (!pred(c)) return false;
    return true;
}
bool is_alnum(char c) { return is_digit(c) || is_upper(c); }

bool valid_child(std::string_view s) {
    if (s.size() > 64) return false;
    for (char c : s)
        if (!is_alnum(c) && c != '-' && c != '_' && c != '/' && c != '.') return false;
    return true;
}

// Outward code (A9, A99, A9A, AA9, AA99, AA9A), optionally followed by the inward code (9AA).
bool valid_postcode(std::string_view s) {
    std::string compact;
    for (char c : s)
        if (c != ' ') compact += c;
    std::size_t n = compact.size();
    auto outward_ok = [](std::string_view o) {
        if (o.size() < 2 || o.size() > 4 || !is_upper(o[0])) return false;
        std::size_t i = 1;
        if (is_upper(o[i])) ++i;
        if (i >= o.size() || !is_digit(o[i])) return false;
        ++i;
        return o.size() - i <= 1 && (i == o.size() || is_alnum(o[i]));
    };
    if (n >= 5 && is_digit(compact[n - 3]) && is_upper(compact[n - 2]) && is_upper(compact[n - 1]))
        return outward_ok(std::string_view(compact).substr(0, n - 3));
    return outward_ok(compact);
}

bool valid_partial_date(std::string_view s) {
    if (care::parse_dmy(s)) return true;
    // dd/mm/yyyy with ZZ for an unknown day or month (and ZZZZ for an unknown year).
    if (s.size() != 10 || s[2] != '/' || s[5] != '/') return false;
    auto part = [&](std::size_t at, std::size_t len) {
        auto p = s.substr(at, len);
        return all_of(p, is_digit) || p.find_first_not_of('Z') == std::string_view::npos;
    };
    return part(0, 2) && part(3, 2) && part(6, 4);
}

}  // namespace

ValueStatus check_value(const FieldSpec& field, int year, std::string_view raw, std::string& out) {
    std::size_t b = 0, e = raw.size();
    while (b < e && std::isspace(static_cast<unsigned char>(raw[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(raw[e - 1]))) --e;
    out.assign(raw.data() + b, e - b);
    if (out.empty()) return ValueStatus::Blank;
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');

    bool ok = false;
    switch (field.kind) {
    case FieldKind::Child: ok = valid_child(out); break;
    case FieldKind::Date:
        if (auto d = care::parse_dmy(out)) {
            out = care::to_iso(*d);
            ok = true;
        }
        break;
    case FieldKind::PartialDate: ok = valid_partial_date(out); break;
    case FieldKind::Code: ok = code_valid(field.codes, year, out); break;
    case FieldKind::Score:
        if (out.size() <= 3 && all_of(out, is_digit)) {
            int v = std::stoi(out);
            ok = v >= field.min && v <= field.max;
            out = std::to_string(v);
        }
        break;
    case FieldKind::Upn:
        ok = (out.size() == 13 && is_upper(out[0]) && all_of(std::string_view(out).substr(1), is_digit)) ||
             (out.size() == 3 && out[0] == 'U' && out[1] == 'N' && out[2] >= '1' && out[2] <= '5');
        break;
    case FieldKind::Postcode: ok = out.size() <= 10 && valid_postcode(out); break;
    case FieldKind::Urn: ok = out.size() >= 6 && out.size() <= 8 && (all_of(out, is_alnum)); break;
    case FieldKind::SwId:
        ok = out.size() >= 3 && out.size() <= 20 && (out.starts_with("SW") || out.starts_with("XX")) &&
             all_of(out, is_alnum);
        break;
    case FieldKind::LaCode:
        ok = (out.size() == 3 && all_of(out, is_digit)) || out == "WAL" || out == "SCO" || out == "NIR" ||
             out == "NUK";
        break;
    }
    return ok ? ValueStatus::Ok : ValueStatus::Invalid;
}

std::string expected_value(const FieldSpec& field, int year) {
    switch (field.kind) {
    case FieldKind::Child: return "a child id of letters and digits (at most 64)";
    case FieldKind::Date: return "a real date as dd/mm/yyyy";
    case FieldKind::PartialDate: return "a date as dd/mm/yyyy (ZZ for an unknown day or month)";
    case FieldKind::Code:
        return "one of the " + care::collection_year_label(year) +
               " codes: " + std::string(codes_for_message(field.codes, year));
    case FieldKind::Score:
        return "a whole number from " + std::to_string(field.min) + " to " + std::to_string(field.max);
    case FieldKind::Upn: return "a letter and 12 digits, or UN1 to UN5";
    case FieldKind::Postcode: return "a UK postcode such as CV1 2AB (or its first half)";
    case FieldKind::Urn: return "an Ofsted URN (6 to 8 letters or digits) or XXXXXXX";
    case FieldKind::SwId: return "a social worker id starting SW or XX";
    case FieldKind::LaCode: return "a 3-digit DfE LA code, or WAL, SCO, NIR, NUK";
    }
    return {};
}

}  // namespace corparent::ssda903
