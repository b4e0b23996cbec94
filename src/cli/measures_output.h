// Measures for people (a table), for spreadsheets (CSV) and for programs (JSON, spec/measures.md section 7).
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "measures/report.h"

namespace corparent::cli {

nlohmann::ordered_json measures_json(const measures::MeasureReport& report);
void print_measures_table(std::ostream& out, const measures::MeasureReport& report);
void print_measures_csv(std::ostream& out, const measures::MeasureReport& report);
// How many children each measure left out because of a missing or invalid value, and who.
void print_data_quality(std::ostream& out, const measures::MeasureReport& report);

}  // namespace corparent::cli
