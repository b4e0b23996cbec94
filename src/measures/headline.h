// The measures of the latest year the store holds, ready for a page: computed once per import and kept,
// since every signed-in page may show them.
#pragma once

#include <memory>

#include "measures/report.h"
#include "settings/settings.h"
#include "store/database.h"

namespace corparent::measures {

// The latest year's report (nullptr when no return is imported), with disclosure control applied when
// `aggregate_only`. Thread-safe; recomputed when an import (on any server) has happened since.
std::shared_ptr<const MeasureReport> latest_report(store::Database& db, const settings::Settings& settings,
                                                   bool aggregate_only);

}  // namespace corparent::measures
