#include "render/table_export.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string_view>

namespace corparent::render {

namespace {

// Text a spreadsheet would take for a formula (or, with a tab or carriage return, shift into another
// cell) starts with an apostrophe, so that it stays text (OWASP: CSV injection).
std::string defuse(const std::string& text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        return "'" + text;
    return text;
}

// A number as plain digits (shortest form that reads back exactly); empty when not finite.
std::string number_text(const Cell& cell) {
    if (const auto* d = std::get_if<double>(&cell)) return std::isfinite(*d) ? fmt::format("{}", *d) : "";
    return fmt::format("{}", std::get<long long>(cell));
}

std::string csv_field(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// At most `max` characters, cut between characters, never inside one.
std::string utf8_prefix(const std::string& text, std::size_t max) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == max) return text.substr(0, i);
    return text;
}

// Excel's rules for a sheet name: 1 to 31 characters, none of []:*?/\, no apostrophe at either end.
std::string sheet_name(const std::string& title) {
    std::string name;
    for (char c : title)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) name += c;
    const auto trim = [](const std::string& s) {
        const auto first = s.find_first_not_of(" '"), last = s.find_last_not_of(" '");
        return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
    };
    name = trim(utf8_prefix(trim(name), LXW_SHEETNAME_MAX));
    return name.empty() ? "Sheet1" : name;
}

// Removes the temporary file however to_xlsx ends.
struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() { std::remove(path.c_str()); }
};

// Closing writes the file and frees the workbook; on an exception the file is discarded anyway.
struct CloseWorkbook {
    void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};

// The sheet's content; the first error, if any.
lxw_error fill(lxw_workbook* workbook, const Table& table, const std::string& name) {
    if (const auto e = workbook_validate_sheet_name(workbook, name.c_str())) return e;
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
    if (!sheet) return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);

    // Excel holds at most 32,767 characters in a cell.
    const auto write_text = [&](lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
        return worksheet_write_string(sheet, row, col, utf8_prefix(defuse(text), 32767).c_str(), format);
    };

    std::vector<std::size_t> widths(table.headers.size());
    const auto widen = [&](std::size_t col, std::size_t chars) {
        if (col >= widths.size()) widths.resize(col + 1);
        widths[col] = std::max(widths[col], chars);
    };

    if (const auto e = write_text(0, 0, table.title, bold)) return e;
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
        if (const auto e = write_text(2, static_cast<lxw_col_t>(c), table.headers[c], bold)) return e;
        widen(c, utf8_length(table.headers[c]));
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(3 + r);
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
            const Cell& cell = table.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            lxw_error e = LXW_NO_ERROR;
            if (const auto* text = std::get_if<std::string>(&cell)) {
                e = write_text(row, col, *text, nullptr);
                widen(c, utf8_length(*text));
            } else if (const auto* d = std::get_if<double>(&cell); !d || std::isfinite(*d)) {  // else left empty
                e = worksheet_write_number(sheet, row, col, d ? *d : static_cast<double>(std::get<long long>(cell)),
                                           nullptr);
                widen(c, number_text(cell).size());
            }
            if (e) return e;
        }
    }
    // Widths in characters, with room for the filter button, capped so that long text cannot make a column
    // wider than the screen.
    for (std::size_t c = 0; c < widths.size(); ++c)
        if (const auto e = worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                                static_cast<double>(std::clamp<std::size_t>(widths[c] + 3, 8, 60)),
                                                nullptr))
            return e;
    if (!table.headers.empty()) {
        if (const auto e = worksheet_autofilter(sheet, 2, 0, static_cast<lxw_row_t>(2 + table.rows.size()),
                                                static_cast<lxw_col_t>(table.headers.size() - 1)))
            return e;
        worksheet_freeze_panes(sheet, 3, 0);  // the headers stay in view while scrolling
    }
    return LXW_NO_ERROR;
}

// A document title: accessibility checkers (and screen readers) use it.
lxw_error set_title(lxw_workbook* workbook, std::string title) {
    lxw_doc_properties properties{};
    properties.title = title.data();
    return workbook_set_properties(workbook, &properties);
}

// Writes a workbook through a temporary file (libxlsxwriter 1.1.4 has no in-memory output) and returns
// its bytes; `fill_all` fills it and returns the first error.
std::string workbook_bytes(const std::function<lxw_error(lxw_workbook*)>& fill_all) {
    std::string path = (std::filesystem::temp_directory_path() / "corparent-xlsx-XXXXXX").string();
    const int fd = mkstemp(path.data());
    if (fd < 0) throw std::runtime_error(fmt::format("to_xlsx: no temporary file: {}", std::strerror(errno)));
    close(fd);
    const RemoveOnExit remove{path};

    std::unique_ptr<lxw_workbook, CloseWorkbook> workbook(workbook_new(path.c_str()));
    if (!workbook) throw std::runtime_error("to_xlsx: cannot create the workbook");
    lxw_error error = fill_all(workbook.get());
    const lxw_error closed = workbook_close(workbook.release());
    if (!error) error = closed;
    if (error) throw std::runtime_error(fmt::format("to_xlsx: {}", lxw_strerror(error)));

    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof()) throw std::runtime_error("to_xlsx: cannot read the workbook back");
    return bytes;
}

}  // namespace

std::string csv_text(const std::string& text) { return csv_field(defuse(text)); }

std::string to_csv(const Table& table) {
    std::string out = "\xEF\xBB\xBF";
    if (!table.headers.empty()) {
        for (std::size_t c = 0; c < table.headers.size(); ++c)
            out += (c ? "," : "") + csv_field(defuse(table.headers[c]));
        out += "\r\n";
    }
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < std::max(row.size(), table.headers.size()); ++c) {
            if (c) out += ',';
            if (c >= row.size()) continue;
            const auto* text = std::get_if<std::string>(&row[c]);
            out += text ? csv_field(defuse(*text)) : number_text(row[c]);
        }
        out += "\r\n";
    }
    return out;
}

std::string to_xlsx(const Table& table) {
    return workbook_bytes([&](lxw_workbook* workbook) {
        if (const auto e = fill(workbook, table, sheet_name(table.title))) return e;
        return set_title(workbook, table.title);
    });
}

std::string to_xlsx(const std::vector<Table>& tables, const std::string& title) {
    return workbook_bytes([&](lxw_workbook* workbook) {
        // Numbered, so that two tables with the same title (or the same first 31 characters) differ.
        for (std::size_t i = 0; i < tables.size(); ++i)
            if (const auto e = fill(workbook, tables[i], sheet_name(std::to_string(i + 1) + " " + tables[i].title)))
                return e;
        if (tables.empty())
            if (!workbook_add_worksheet(workbook, "Sheet1")) return LXW_ERROR_MEMORY_MALLOC_FAILED;
        return set_title(workbook, title);
    });
}

}  // namespace corparent::render
