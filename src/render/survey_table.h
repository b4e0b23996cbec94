// A survey round's results as one table for download (CSV, XLSX) and for `corparent survey results`:
// a row per indicator and versions, then a row per breakdown group; suppressed figures as c.
#pragma once

#include "render/table_export.h"
#include "voice/results.h"

namespace corparent::render {

Table survey_results_table(const voice::RoundResults& results);

}  // namespace corparent::render
