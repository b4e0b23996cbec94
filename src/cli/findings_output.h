// Findings for people (a table), for spreadsheets (CSV) and for programs (JSON).
#pragma once

#include <ostream>
#include <string>

#include "ssda903/finding.h"

namespace corparent::cli {

void print_findings_table(std::ostream& out, const ssda903::Findings& findings);
void print_findings_csv(std::ostream& out, const ssda903::Findings& findings);
void print_findings_json(std::ostream& out, const ssda903::Findings& findings);

// A short summary after an import: counts by rule, then the first `show` findings (errors first).
void print_findings_brief(std::ostream& out, const ssda903::Findings& findings, bool errors_only, int show);

// After a small import (names, education, providers): "2 errors (what happened to those rows) and 1
// warning:" and the findings, or nothing when there are none.
void print_import_findings(std::ostream& out, const ssda903::Findings& findings, std::string_view errors_meant);

}  // namespace corparent::cli
