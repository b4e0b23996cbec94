#include "ssda903/names_file.h"

#include <chrono>
#include <map>
#include <optional>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "ssda903/csv_reader.h"
#include "store/returns.h"

namespace corparent::ssda903 {
namespace {

enum class Column { Child, Name, CaseId };

constexpr std::string_view kTable = "names";
constexpr std::size_t kMaxChild = 64, kMaxText = 200;

std::optional<Column> column_of(std::string_view heading) {
    std::string k = heading_key(heading);
    if (k == "child") return Column::Child;
    if (k == "name") return Column::Name;
    if (k == "case id" || k == "case management id") return Column::CaseId;
    return std::nullopt;
}

std::string heading_of(Column c) {
    switch (c) {
    case Column::Child: return "CHILD";
    case Column::Name: return "name";
    case Column::CaseId: return "case_id";
    }
    return "";
}

class Checker {
public:
    Checker(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    NamesFile run() {
        CsvReader csv(text_);
        if (auto r = read_header(text_, csv,
                                 "the file is empty: a names file starts with the header row CHILD,name,case_id"))
            return refuse(r->row, r->column, r->message);
        // The header: every column known, none twice, CHILD and name present.
        std::map<Column, std::size_t> where;
        for (std::size_t i = 0; i < csv.fields().size(); ++i) {
            // The heading is not repeated in the message: a file without its header row has a name here.
            auto c = column_of(csv.fields()[i]);
            if (!c)
                return refuse(1, i + 1,
                              fmt::format("column {}'s heading is not CHILD, name or case_id (\"case management id\" "
                                          "will do for case_id); a names file starts with the header row "
                                          "CHILD,name,case_id",
                                          i + 1));
            if (where.count(*c))
                return refuse(1, i + 1, fmt::format("column {} is a second {} column", i + 1, heading_of(*c)));
            where[*c] = i;
        }
        for (Column c : {Column::Child, Column::Name})
            if (!where.count(c))
                return refuse(1, 0, fmt::format("there is no {} column: a names file has the columns CHILD, name "
                                                "and case_id",
                                                heading_of(c)));
        const std::size_t width = csv.fields().size();

        struct Seen {
            long row;
            std::size_t index;   // into out_.rows, or npos once both rows are dropped
        };
        std::map<std::string, Seen> seen;
        std::set<std::size_t> dropped;
        while (csv.next()) {
            ++out_.rows_read;
            const long row = csv.row();
            if (!csv.problems().empty()) {
                for (const auto& p : csv.problems())
                    error(row, p.column >= 1 && p.column <= width ? column_name(where, p.column - 1) : "",
                          p.message + "; the row was not stored");
                continue;
            }
            if (csv.fields().size() != width) {
                error(row, "", fmt::format("the row has {} fields where the header has {}; the row was not stored",
                                           csv.fields().size(), width));
                continue;
            }
            store::ChildNameRow r;
            r.child = upper_ascii(trim_blanks(csv.fields()[where[Column::Child]]));
            r.name = one_line(trim_blanks(csv.fields()[where[Column::Name]]));
            if (where.count(Column::CaseId)) r.case_id = one_line(trim_blanks(csv.fields()[where[Column::CaseId]]));
            bool bad = false;
            if (r.child.empty()) {
                error(row, "CHILD", "CHILD is blank; the row was not stored");
                bad = true;
            }
            if (r.name.empty()) {
                error(row, "name", "the name is blank; the row was not stored");
                bad = true;
            }
            if (r.child.size() > kMaxChild) {
                error(row, "CHILD", fmt::format("CHILD is longer than {} characters; the row was not stored", kMaxChild));
                bad = true;
            }
            if (r.name.size() > kMaxText || r.case_id.size() > kMaxText) {
                error(row, r.name.size() > kMaxText ? "name" : "case_id",
                      fmt::format("longer than {} characters; the row was not stored", kMaxText));
                bad = true;
            }
            if (bad) continue;
            auto it = seen.find(r.child);
            if (it == seen.end()) {
                seen[r.child] = {row, out_.rows.size()};
                out_.rows.push_back(std::move(r));
                out_.row_numbers.push_back(row);
                continue;
            }
            const store::ChildNameRow& first = out_.rows[it->second.index];
            if (first.name == r.name && first.case_id == r.case_id) {
                warning(row, "CHILD", fmt::format("the same CHILD, name and case_id as row {}; stored once", it->second.row));
            } else {
                error(row, "CHILD",
                      fmt::format("the same CHILD as row {} with a different name or case_id: neither row was stored "
                                  "(which is right is not known)",
                                  it->second.row));
                if (!dropped.count(it->second.index)) {
                    dropped.insert(it->second.index);
                    error(it->second.row, "CHILD",
                          fmt::format("the same CHILD as row {} with a different name or case_id: neither row was stored",
                                      row));
                }
            }
        }
        if (csv.failed()) {
            // An unclosed quote swallows the rest of the file: nothing after it can be trusted.
            return refuse(csv.fatal().row, csv.fatal().column, csv.fatal().message);
        }
        std::vector<store::ChildNameRow> kept;
        std::vector<long> kept_rows;
        for (std::size_t i = 0; i < out_.rows.size(); ++i)
            if (!dropped.count(i)) {
                kept.push_back(std::move(out_.rows[i]));
                kept_rows.push_back(out_.row_numbers[i]);
            }
        out_.rows = std::move(kept);
        out_.row_numbers = std::move(kept_rows);
        std::stable_sort(out_.findings.begin(), out_.findings.end(),
                         [](const Finding& a, const Finding& b) { return a.row < b.row; });
        return std::move(out_);
    }

private:
    static std::string column_name(const std::map<Column, std::size_t>& where, std::size_t index) {
        for (const auto& [c, i] : where)
            if (i == index) return heading_of(c);
        return "";
    }

    void add(long row, std::string column, std::string message, Severity severity) {
        Finding f;
        f.file = file_;
        f.table = std::string(kTable);
        f.row = row;
        f.column = std::move(column);
        f.message = std::move(message);
        f.severity = severity;
        f.stage = "read";
        out_.findings.push_back(std::move(f));
    }
    void error(long row, std::string column, std::string message) {
        add(row, std::move(column), std::move(message), Severity::Error);
    }
    void warning(long row, std::string column, std::string message) {
        add(row, std::move(column), std::move(message), Severity::Warning);
    }
    NamesFile refuse(long row, std::size_t column, std::string message) {
        NamesFile f;
        f.refused = true;
        f.rows_read = out_.rows_read;
        out_ = std::move(f);
        add(row, column ? "column " + std::to_string(column) : "", message + "; nothing was imported", Severity::Error);
        return std::move(out_);
    }

    std::string_view text_;
    std::string file_;
    NamesFile out_;
};

}  // namespace

NamesFile read_names(std::string_view text, const std::string& file_name) { return Checker(text, file_name).run(); }

NamesImport import_names(store::Database& db, const std::filesystem::path& path, const accounts::Actor& actor) {
    MappedFile file(path);
    // Only the file's name: its folder may name a person.
    const std::string name = path.filename().string();
    NamesImport out;
    out.file = read_names(file.text(), name);
    NamesFile& f = out.file;
    if (f.refused) return out;
    if (f.rows.empty()) {
        Finding none;
        none.file = name;
        none.table = std::string(kTable);
        none.message = "no row could be stored; the names held are unchanged";
        none.stage = "read";
        f.findings.push_back(std::move(none));
        return out;
    }
    // CHILD ids no return holds: stored (the names file may be ahead of the returns), with a warning.
    std::set<std::string> known;
    auto header = store::load_stacked(db, "stacked_header", {"child"});
    for (std::size_t r = 0; r < header.rows(); ++r)
        if (auto c = header.get(r, 0)) known.emplace(*c);
    if (!known.empty()) {
        for (std::size_t i = 0; i < f.rows.size(); ++i) {
            if (known.count(f.rows[i].child)) continue;
            Finding w;
            w.file = name;
            w.table = std::string(kTable);
            w.row = f.row_numbers[i];
            w.column = "CHILD";
            w.message = "no imported return holds this CHILD; the name was stored all the same";
            w.severity = Severity::Warning;
            w.stage = "read";
            f.findings.push_back(std::move(w));
        }
        std::stable_sort(f.findings.begin(), f.findings.end(), [](const Finding& a, const Finding& b) { return a.row < b.row; });
    }
    const std::string at =
        fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    long errors = 0, warnings = 0;
    for (const auto& finding : f.findings) (finding.severity == Severity::Error ? errors : warnings) += 1;
    soci::transaction tx(db.session());
    out.replaced = store::replace_child_names(db, f.rows, at);
    accounts::audit(db, actor, "import.names", name,
                    fmt::format("{} names stored, replacing {}; {} rows read; {} errors, {} warnings", f.rows.size(),
                                out.replaced, f.rows_read, errors, warnings));
    tx.commit();
    out.committed = true;
    return out;
}

}  // namespace corparent::ssda903
