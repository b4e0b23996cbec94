// A validation finding: where (file, row, column), which rule, what is wrong, how bad.
#pragma once

#include <string>
#include <vector>

namespace corparent::ssda903 {

enum class Severity { Error, Warning };
std::string_view severity_name(Severity s);

struct Finding {
    int year = 0;             // the return it belongs to
    std::string file;         // file name as uploaded ("" for the return as a whole)
    std::string table;        // the 903 table ("" when the file matched none)
    long row = 0;             // spreadsheet row, header = 1; 0 = the whole file
    std::string column;       // field name; "" = the whole row
    std::string rule;         // DfE rule code where the check is DfE's
    std::string message;      // what was expected
    Severity severity = Severity::Error;
    std::string child;        // CHILD of the row, when known
    std::string raw;          // the row verbatim, for row-level findings
    std::string stage;        // "read" (import) or "stack" (combining returns)
};

using Findings = std::vector<Finding>;

}  // namespace corparent::ssda903
