// The 903 returns in the store: each year's tables as imported, their findings, and the stacked
// tables every measure reads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/text_table.h"

namespace corparent::store {

struct ImportRecord {
    int year = 0;
    std::string source;     // the folder's name, never its full path (it may name a person)
    int files = 0;
    long rows = 0;
    int errors = 0;
    int warnings = 0;
    bool strict = false;
};

// The columns of the findings table, in the order findings_table() rows must follow.
const std::vector<std::string>& finding_columns();
TextTable findings_table();

// Removes year's return: every r903_* table's rows for the year and the year's import findings.
void delete_return(Database& db, int year);
void record_import(Database& db, const ImportRecord& record);
std::vector<int> loaded_years(Database& db);
// The id of the latest import (0 if none): what a cache of figures is keyed by.
long long latest_import(Database& db);
// When each year's return was last imported ("2026-11-24T09:30:00Z"), by collection year: the date a
// paper's figures come from.
std::map<int, std::string> import_dates(Database& db);

// Every row of an r903_* table for every year but `except`: return_year, row_no, then `fields`
// (lower-case names).
TextTable load_return_rows(Database& db, const std::string& table, const std::vector<std::string>& fields,
                           const std::vector<int>& except = {});
// One year's rows of an r903_* table.
TextTable load_year_rows(Database& db, const std::string& table, const std::vector<std::string>& fields, int year);

// Every row of a stacked_* table: the given columns, in the order they were stacked (by CHILD).
TextTable load_stacked(Database& db, const std::string& table, const std::vector<std::string>& columns);
// The rows of a stacked_* table whose [start, end] (ISO dates; end null = open) overlaps [from, to].
TextTable load_stacked_overlapping(Database& db, const std::string& table, const std::vector<std::string>& columns,
                                   const std::string& start, const std::string& end, const std::string& from,
                                   const std::string& to);

// Replaces every stacked_* table given and all stacking findings.
void replace_stacked(Database& db, const std::vector<const TextTable*>& stacked, const TextTable& stack_findings);

// Findings for a year (both stages), in file, row, column order. Columns as finding_columns().
TextTable load_findings(Database& db, int year);

// How many rows each r903_* table holds for a year.
long count_rows(Database& db, const std::string& table, int year);

}  // namespace corparent::store
