// The findings kept in the store for an imported year.
#pragma once

#include "ssda903/finding.h"
#include "store/database.h"

namespace corparent::ssda903 {

// Import findings first (by file, row, column), then the findings of stacking the years.
Findings stored_findings(store::Database& db, int year);

}  // namespace corparent::ssda903
