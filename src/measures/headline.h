// The measures of every year the store holds, ready for pages: computed once per import and kept, since
// every signed-in page may show them.
#pragma once

#include <map>
#include <memory>

#include "measures/report.h"
#include "settings/settings.h"
#include "store/database.h"

namespace corparent::measures {

using YearReports = std::map<int, MeasureReport>;   // by collection year, oldest first

// A report for each loaded year (empty when no return is imported), with disclosure control applied when
// `aggregate_only`. Thread-safe; recomputed when an import (on any server) has happened since.
std::shared_ptr<const YearReports> year_reports(store::Database& db, const settings::Settings& settings,
                                                bool aggregate_only);

// The figure of a measure key ("id" or "id:breakdown") in a report, if it has that row.
const Figure* find_figure(const MeasureReport& report, std::string_view key);

}  // namespace corparent::measures
