// A table of figures for download, as CSV or as an Excel workbook. Text that a spreadsheet would take for
// a formula (=, +, -, @ ...) is written with a leading apostrophe, so that opening a download never runs
// anything (CSV injection, OWASP).
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace corparent::render {

// Text, or a number that stays a number in the spreadsheet. A non-finite double is written empty.
using Cell = std::variant<std::string, double, long long>;

struct Table {
    std::string title;  // the XLSX's first row and sheet name; not in the CSV, which is data only
    std::vector<std::string> headers;
    std::vector<std::vector<Cell>> rows;
};

// RFC 4180: fields quoted when they need to be, CRLF line ends; UTF-8 with a byte order mark so that Excel
// reads accents. The header row first; a short row is padded to the headers' width.
std::string to_csv(const Table& table);
// One text field as to_csv writes it: formula-like text defused, quoted when it must be.
std::string csv_text(const std::string& text);

// The bytes of an .xlsx file: the title (bold) in row 1, the headers (bold, with a filter) in row 3, the
// rows from row 4. Throws std::runtime_error if the workbook cannot be written.
std::string to_xlsx(const Table& table);
// Several tables in one workbook, a sheet each (named "1 <title>", "2 <title>", ...), with `title` as the
// workbook's title.
std::string to_xlsx(const std::vector<Table>& tables, const std::string& title);

}  // namespace corparent::render
