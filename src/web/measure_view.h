// A measure's figure as a row of a page's table (measures/figure_text.h says how each figure reads).
// Private to web/.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "measures/figure_text.h"
#include "measures/report.h"

namespace corparent::web {

using measures::breakdown_label;
using measures::direction;
using measures::figure_text;
using measures::fraction_text;
using measures::published_text;

// A row for a table of figures: name, figure, fraction, England, region, neighbours, band, direction.
nlohmann::json figure_row(const measures::Figure& f, const measures::Figure* last_year);

}  // namespace corparent::web
