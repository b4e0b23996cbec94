// Reading one year's return from a folder of CSV files: every file recognised by its header, every
// value checked against the year's code lists, every problem a finding with file, row and column.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "ssda903/finding.h"
#include "ssda903/schema.h"
#include "store/text_table.h"

namespace corparent::ssda903 {

// One table of a return. Cells hold the values as stored: trimmed, upper-cased, dates as yyyy-mm-dd,
// a bad value as null. Columns: return_year, row_no, then the table's fields in schema order.
struct ReturnTable {
    const TableSpec* spec = nullptr;
    std::string file;
    store::TextTable rows;
    std::vector<std::size_t> row_of;   // spreadsheet row of each stored row
    std::set<std::pair<std::size_t, std::size_t>> invalid;   // (row, field) of values stored as null for being bad

    bool was_invalid(std::size_t row, int field) const {
        return invalid.count({row, static_cast<std::size_t>(field)}) > 0;
    }

    static constexpr std::size_t kFirstField = 2;   // cells before the table's own fields
    std::optional<std::string_view> value(std::size_t row, int field) const {
        return rows.get(row, kFirstField + static_cast<std::size_t>(field));
    }
};

struct ReturnData {
    int year = 0;
    std::vector<ReturnTable> tables;
    Findings findings;
    // Structure errors: the return cannot be imported at all (unknown table, missing columns, a file
    // that is not UTF-8 or cannot be read). Each is also in findings.
    bool refused = false;

    const ReturnTable* find(TableId id) const;
};

// Reads every *.csv in `dir` (any file name) as the return for `year`.
ReturnData read_return(const std::filesystem::path& dir, int year);

// Reads one file's text as a table of the return; used by read_return and the fuzzer-facing tests.
void read_table_text(std::string_view file, std::string_view text, int year, ReturnData& out);

}  // namespace corparent::ssda903
