// The names file: each child's name and case-management id, exported from the council's case-management
// system, so that the workers who know the children see their names (the 903 holds none).
//
// A CSV file (UTF-8, RFC 4180, a header row) with the columns CHILD and name, and case_id if the system
// gives one, in any order. Headings are recognised in any case, with spaces, hyphens or underscores:
// "case management id" names case_id too. CHILD is trimmed and upper-cased as the 903 import does; the
// name is trimmed. Findings name a file, row and column, never a child's name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "ssda903/finding.h"
#include "store/child_names.h"
#include "store/database.h"

namespace corparent::ssda903 {

struct NamesFile {
    bool refused = false;                    // not readable as a names file: nothing is taken from it
    std::vector<store::ChildNameRow> rows;   // the good rows, in file order
    std::vector<long> row_numbers;           // each good row's row in the file (the header is row 1)
    Findings findings;                       // errors: rows not taken, or why the file was refused; warnings
    long rows_read = 0;                      // data rows, the header not counted
};

// Checks a names file's text. A row without a CHILD or a name is not taken; nor are two rows for one
// CHILD that differ (which is right is not known); two rows that agree are taken once.
NamesFile read_names(std::string_view text, const std::string& file_name);

struct NamesImport {
    bool committed = false;                  // false: the names held are as they were
    long long replaced = 0;                  // how many names were held before
    NamesFile file;                          // rows stored, and the findings
};

// Reads the file and, unless it is refused or has no good row, replaces every name held with its good
// rows in one transaction, audited as import.names (the file's name and the counts, never a name).
// A CHILD that no imported return holds is stored all the same, with a warning. Throws
// std::runtime_error when the file cannot be read.
NamesImport import_names(store::Database& db, const std::filesystem::path& path, const accounts::Actor& actor);

}  // namespace corparent::ssda903
