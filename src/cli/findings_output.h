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

}  // namespace corparent::cli
