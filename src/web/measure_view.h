// How a measure's figure reads on a page: whole numbers as DfE publishes them, c where suppressed, and
// which way it moved and how it stands, with the measure's polarity. Private to web/.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "measures/report.h"

namespace corparent::web {

std::string figure_text(const measures::Figure& f);         // "9%", "771", "14.8", "c", "no data"
std::string fraction_text(const measures::Figure& f);       // "70 of 771", "" for counts, "c"
std::string published_text(const measures::PublishedValue& v);
std::string breakdown_label(const std::string& breakdown);  // "aged 19-21", "missing", ...
// "Better", "Worse", "No change" (by polarity) or "" when either year has no figure or no polarity.
std::string direction(const measures::Figure& now, const measures::Figure* before);
// A row for a table of figures: name, figure, fraction, England, region, neighbours, band, direction.
nlohmann::json figure_row(const measures::Figure& f, const measures::Figure* last_year);

}  // namespace corparent::web
