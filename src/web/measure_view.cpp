#include "web/measure_view.h"

#include <fmt/format.h>

namespace corparent::web {

std::string figure_text(const measures::Figure& f) {
    if (f.suppressed) return "c";
    auto t = f.row.tenths();
    if (!t) return "no data";
    if (f.row.kind == measures::Kind::Mean) return measures::tenths_text(*t);
    long long whole = measures::round_half_up(*t, 10);
    return f.row.kind == measures::Kind::Percent ? std::to_string(whole) + "%" : std::to_string(whole);
}

std::string fraction_text(const measures::Figure& f) {
    if (f.suppressed) return "c";
    if (f.row.kind == measures::Kind::Count) return "";
    if (f.row.kind == measures::Kind::Mean) return fmt::format("{} over {}", f.row.numerator, f.row.denominator);
    return fmt::format("{} of {}", f.row.numerator, f.row.denominator);
}

std::string published_text(const measures::PublishedValue& v) { return v.shown.empty() ? "not published" : v.shown; }

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

std::string direction(const measures::Figure& now, const measures::Figure* before) {
    if (!before || now.suppressed || before->suppressed || now.definition->polarity == measures::Polarity::None) return "";
    auto a = now.row.tenths(), b = before->row.tenths();
    if (!a || !b) return "";
    // Compared on the figures as people see them: whole numbers, or one decimal for a mean.
    long long x = now.row.kind == measures::Kind::Mean ? *a : measures::round_half_up(*a, 10);
    long long y = before->row.kind == measures::Kind::Mean ? *b : measures::round_half_up(*b, 10);
    if (x == y) return "No change";
    bool up = x > y;
    return (up == (now.definition->polarity == measures::Polarity::HighIsGood)) ? "Better" : "Worse";
}

nlohmann::json figure_row(const measures::Figure& f, const measures::Figure* last_year) {
    nlohmann::json row = {{"id", f.row.id},
                          {"name", std::string(f.definition->name)},
                          {"figure", figure_text(f)},
                          {"fraction", fraction_text(f)},
                          {"last_year", last_year ? figure_text(*last_year) : "no data"},
                          {"england", "not published"},
                          {"region_value", "not published"},
                          {"neighbours", "not published"},
                          {"band", "none"}};
    if (!f.row.breakdown.empty()) row["breakdown"] = breakdown_label(f.row.breakdown);
    std::string d = direction(f, last_year);
    if (!d.empty()) {
        row["direction"] = d;
        row["direction_class"] = d == "Better" ? "govuk-tag--green" : d == "Worse" ? "govuk-tag--red" : "govuk-tag--grey";
    }
    if (f.benchmarks) {
        const auto& b = *f.benchmarks;
        row["england"] = published_text(b.england);
        row["region_value"] = published_text(b.region);
        row["neighbours"] = b.neighbours_mean ? fmt::format("{:.0f}", *b.neighbours_mean) : "not published";
        row["band"] = b.band ? std::string(1, *b.band) : "none";
    }
    return row;
}

}  // namespace corparent::web
