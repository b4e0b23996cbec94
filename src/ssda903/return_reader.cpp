#include "ssda903/return_reader.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "care/date.h"
#include "ssda903/consistency.h"
#include "ssda903/csv_reader.h"
#include "ssda903/value_check.h"

namespace corparent::ssda903 {
namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

std::string upper_trimmed(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    std::string out = b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

void refuse(ReturnData& out, std::string_view file, long row, std::string message, std::string rule = "STRUCTURE",
            std::string column = "") {
    Finding f;
    f.year = out.year;
    f.file = file;
    f.row = row;
    f.column = std::move(column);
    f.rule = std::move(rule);
    f.message = std::move(message);
    f.stage = "read";
    out.findings.push_back(std::move(f));
    out.refused = true;
}

// Says why a header row is not one of the 903's tables.
std::string header_problem(const HeaderMatch& m, const std::vector<std::string>& columns) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].empty())
            return "column " + std::to_string(i + 1) + " of the header has no name (a comma at the end of the line?)";
    if (!m.duplicated.empty())
        return "column " + join(m.duplicated) + " appears more than once in the header";
    if (m.nearest) {
        std::string msg = "the header looks like " + std::string(m.nearest->name) + " (" +
                          std::string(m.nearest->file_name) + ") but";
        if (!m.missing.empty()) msg += " is missing column(s) " + join(m.missing);
        if (!m.missing.empty() && !m.extra.empty()) msg += " and";
        if (!m.extra.empty()) msg += " has column(s) it should not: " + join(m.extra);
        return msg;
    }
    if (columns.size() == 1 && columns[0].find_first_of(";\t|") != std::string::npos)
        return "the columns are not separated by commas (found '" + columns[0].substr(0, 60) +
               "'); save the file as CSV with commas";
    std::vector<std::string> first(columns.begin(), columns.begin() + std::min<std::size_t>(columns.size(), 8));
    return "the header (" + join(first) + ") is not one of the 903 tables; see docs/ssda903-import.md";
}

}  // namespace

const ReturnTable* ReturnData::find(TableId id) const {
    for (const auto& t : tables)
        if (t.spec->id == id) return &t;
    return nullptr;
}

void read_table_text(std::string_view file, std::string_view text, int year, ReturnData& out) {
    std::vector<std::string> columns;
    auto column_name = [&](std::size_t column) {
        return column >= 1 && column <= columns.size() ? columns[column - 1] : std::string();
    };
    CsvReader csv(text);
    bool has_header = csv.next();
    if (has_header)
        for (auto f : csv.fields()) columns.push_back(upper_trimmed(f));
    if (auto enc = check_utf8(text); enc.found) {
        if (enc.utf16) {
            refuse(out, file, 1, "the file is UTF-16; save it as UTF-8 (\"CSV UTF-8\" in Excel)", "ENCODING");
            return;
        }
        CsvPlace at = place_of(text, enc.offset);
        refuse(out, file, at.row,
               "the file is not UTF-8 text: " + enc.message + " in column " + std::to_string(at.column) +
                   " (save it as CSV UTF-8)",
               "ENCODING", at.row > 1 ? column_name(at.column) : "");
        return;
    }
    if (!has_header) {
        if (csv.failed()) refuse(out, file, csv.fatal().row, csv.fatal().message, "CSV");
        else refuse(out, file, 0, "the file is empty: a 903 table starts with a header row");
        return;
    }
    HeaderMatch match = match_header(columns);
    if (!match.table) {
        refuse(out, file, 1, header_problem(match, columns));
        return;
    }
    const TableSpec& spec = *match.table;
    std::vector<int> field_of_column;   // file column -> schema field
    for (const auto& c : columns) field_of_column.push_back(field_index(spec, c));

    std::vector<std::string> store_columns{"return_year", "row_no"};
    for (const auto& f : spec.fields) {
        std::string name(f.name);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        store_columns.push_back(name);
    }
    ReturnTable table{&spec, std::string(file), store::TextTable(std::string(spec.store_name), store_columns), {}, {}};
    table.rows.reserve(text.size() / 60 + 16, text.size() + text.size() / 4);

    const std::string year_text = std::to_string(year);
    auto finding = [&](long row, std::string column, std::string rule, std::string message, Severity severity,
                       std::string_view child, std::string_view raw) {
        Finding f;
        f.year = year;
        f.file = file;
        f.table = spec.name;
        f.row = row;
        f.column = std::move(column);
        f.rule = std::move(rule);
        f.message = std::move(message);
        f.severity = severity;
        f.child = child;
        f.raw = raw;
        f.stage = "read";
        out.findings.push_back(std::move(f));
    };

    std::vector<std::string> values(spec.fields.size());
    std::vector<ValueStatus> status(spec.fields.size());
    const std::size_t child_column = static_cast<std::size_t>(
        std::find(field_of_column.begin(), field_of_column.end(), 0) - field_of_column.begin());
    long data_rows = 0;
    while (csv.next()) {
        ++data_rows;
        const auto& fields = csv.fields();
        std::string_view child = child_column < fields.size() ? fields[child_column] : std::string_view{};
        for (const auto& p : csv.problems())
            finding(p.row, column_name(p.column), "CSV", p.message, Severity::Error, child, csv.raw());
        if (fields.size() != columns.size()) {
            finding(csv.row(), "", "CSV",
                    "the row has " + std::to_string(fields.size()) + " fields; the header has " +
                        std::to_string(columns.size()) + " (the row is kept here and not imported)",
                    Severity::Error, child, csv.raw());
            continue;
        }
        for (std::size_t c = 0; c < fields.size(); ++c) {
            std::size_t f = static_cast<std::size_t>(field_of_column[c]);
            status[f] = check_value(spec.fields[f], year, fields[c], values[f]);
        }
        table.rows.add(year_text);
        table.rows.add(std::to_string(csv.row()));
        for (std::size_t f = 0; f < spec.fields.size(); ++f) {
            const FieldSpec& field = spec.fields[f];
            if (status[f] == ValueStatus::Ok) {
                table.rows.add(values[f]);
                continue;
            }
            table.rows.add_null();
            if (status[f] == ValueStatus::Invalid) table.invalid.insert({table.row_of.size(), f});
            if (status[f] == ValueStatus::Blank && !field.required) continue;
            std::string shown = values[f].size() > 40 ? values[f].substr(0, 40) + "..." : values[f];
            std::string message = status[f] == ValueStatus::Blank
                                      ? std::string(field.name) + " is blank; expected " + expected_value(field, year)
                                      : std::string(field.name) + " '" + shown + "' is not valid; expected " +
                                            expected_value(field, year);
            finding(csv.row(), std::string(field.name), std::string(field.rule), std::move(message), Severity::Error,
                    child, csv.raw());
        }
        table.row_of.push_back(static_cast<std::size_t>(csv.row()));
    }
    if (csv.failed()) {
        refuse(out, file, csv.fatal().row, csv.fatal().message, "CSV", column_name(csv.fatal().column));
        return;
    }
    if (data_rows == 0)
        finding(0, "", "EMPTY", "the file has a header and no rows", Severity::Warning, "", "");
    if (year < spec.first_year)
        finding(0, "", "TABLE-YEAR",
                std::string(spec.name) + " is collected from " + care::collection_year_label(spec.first_year) +
                    "; this " + care::collection_year_label(year) + " return's rows are kept but not used",
                Severity::Warning, "", "");
    out.tables.push_back(std::move(table));
}

ReturnData read_return(const std::filesystem::path& dir, int year) {
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error(dir.string() + ": not a folder of CSV files");
    ReturnData out;
    out.year = year;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    for (const auto& path : files) {
        std::string name = path.filename().string();
        std::string ext = upper_trimmed(path.extension().string());
        if (ext != ".CSV") {
            Finding f;
            f.year = year;
            f.file = name;
            f.rule = "FILE";
            f.message = ext == ".XML" ? "XML returns are not read: export the return as CSV files"
                                      : "not a .csv file; ignored";
            f.severity = Severity::Warning;
            f.stage = "read";
            out.findings.push_back(std::move(f));
            continue;
        }
        try {
            MappedFile mapped(path);
            read_table_text(name, mapped.text(), year, out);
        } catch (const std::exception& e) {
            refuse(out, name, 0, e.what(), "FILE");
        }
    }
    std::map<TableId, std::string> seen;
    for (const auto& t : out.tables) {
        auto [it, fresh] = seen.emplace(t.spec->id, t.file);
        if (!fresh)
            refuse(out, t.file, 0,
                   "holds " + std::string(t.spec->name) + " as " + it->second + " does: a return has one file per table");
    }
    if (!out.refused) {
        for (TableId required : {TableId::Header, TableId::Episodes})
            if (!seen.count(required))
                refuse(out, "", 0,
                       "the return has no " + std::string(table(required).name) + " table (" +
                           std::string(table(required).file_name) + ")");
    }
    if (!out.refused) check_consistency(out);
    return out;
}

}  // namespace corparent::ssda903
