#include "web/measure_view.h"

#include <fmt/format.h>

namespace corparent::web {

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
