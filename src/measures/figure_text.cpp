#include "measures/figure_text.h"

#include <fmt/format.h>

#include "measures/definitions.h"

namespace corparent::measures {

std::string figure_text(const Figure& f) {
    if (f.suppressed) return "c";
    auto t = f.row.tenths();
    if (!t) return "no data";
    if (f.row.kind == Kind::Mean) return tenths_text(*t);
    long long whole = round_half_up(*t, 10);
    return f.row.kind == Kind::Percent ? std::to_string(whole) + "%" : std::to_string(whole);
}

std::string fraction_text(const Figure& f) {
    if (f.suppressed) return "c";
    if (f.row.kind == Kind::Count) return "";
    if (f.row.kind == Kind::Mean) return fmt::format("{} over {}", f.row.numerator, f.row.denominator);
    return fmt::format("{} of {}", f.row.numerator, f.row.denominator);
}

std::string published_text(const PublishedValue& v) { return v.shown.empty() ? "not published" : v.shown; }

std::string breakdown_label(const std::string& b) {
    if (b.empty()) return "";
    if (b == "M") return "missing";
    if (b == "A") return "away without authorisation";
    if (b == "17-18" || b == "19-21") return "aged " + b;
    auto colon = b.find(':');
    if (colon == std::string::npos) {
        std::string out = b;
        for (char& c : out)
            if (c == '_') c = ' ';
        return out;
    }
    std::string dimension = b.substr(0, colon), group = b.substr(colon + 1);
    if (dimension == "age") return "aged " + group;
    if (dimension == "sex") return group == "M" ? "boys" : group == "F" ? "girls" : "sex not known";
    if (dimension == "uasc") return group == "yes" ? "unaccompanied asylum-seeking" : "not unaccompanied asylum-seeking";
    for (char& c : group)
        if (c == '_') c = ' ';
    return dimension + ": " + group;
}

std::string measure_label(const std::string& key) {
    auto colon = key.find(':');
    std::string id = key.substr(0, colon);
    for (const auto& d : definitions())
        if (d.id == id)
            return colon == std::string::npos ? std::string(d.name)
                                              : std::string(d.name) + ": " + breakdown_label(key.substr(colon + 1));
    return key;
}

std::string direction(const Figure& now, const Figure* before) {
    if (!before || now.suppressed || before->suppressed || now.definition->polarity == Polarity::None) return "";
    auto a = now.row.tenths(), b = before->row.tenths();
    if (!a || !b) return "";
    // Compared on the figures as people see them: whole numbers, or one decimal for a mean.
    long long x = now.row.kind == Kind::Mean ? *a : round_half_up(*a, 10);
    long long y = before->row.kind == Kind::Mean ? *b : round_half_up(*b, 10);
    if (x == y) return "No change";
    bool up = x > y;
    return (up == (now.definition->polarity == Polarity::HighIsGood)) ? "Better" : "Worse";
}

}  // namespace corparent::measures
