#include "providers/provider_file.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "care/date.h"
#include "ssda903/csv_reader.h"

namespace corparent::providers {
namespace {

using ssda903::Finding;
using ssda903::Severity;

enum class Column { Urn, ProviderType, Rating, Date };

constexpr std::string_view kTable = "providers";
constexpr std::size_t kMaxText = 200;

// Which column a heading names, and how strongly: Ofsted's files for children's homes carry "Overall
// experiences and progress..." beside, or instead of, "Overall effectiveness"; the latter wins.
struct Match {
    Column column;
    int preference;   // lower wins when two headings name one column
};

std::optional<Match> column_of(std::string_view heading) {
    static const std::map<std::string, Match> known = {
        {"urn", {Column::Urn, 0}},
        {"provider urn", {Column::Urn, 1}},
        {"setting urn", {Column::Urn, 1}},
        {"ofsted urn", {Column::Urn, 1}},
        {"unique reference number", {Column::Urn, 1}},
        {"provider type", {Column::ProviderType, 0}},
        {"type of provider", {Column::ProviderType, 1}},
        {"setting type", {Column::ProviderType, 1}},
        {"provision type", {Column::ProviderType, 1}},
        {"overall effectiveness", {Column::Rating, 0}},
        {"latest overall effectiveness", {Column::Rating, 1}},
        {"overall experiences and progress of children and young people", {Column::Rating, 2}},
        {"overall judgement", {Column::Rating, 3}},
        {"overall rating", {Column::Rating, 3}},
        {"inspection date", {Column::Date, 0}},
        {"latest full inspection date", {Column::Date, 0}},
        {"date of latest full inspection", {Column::Date, 0}},
        {"date of last full inspection", {Column::Date, 0}},
        {"last full inspection date", {Column::Date, 0}},
        {"full inspection date", {Column::Date, 0}},
        {"inspection start date", {Column::Date, 1}},
    };
    auto it = known.find(ssda903::heading_key(heading));
    if (it == known.end()) return std::nullopt;
    return it->second;
}

std::string heading_of(Column c) {
    switch (c) {
    case Column::Urn: return "URN";
    case Column::ProviderType: return "Provider type";
    case Column::Rating: return "Overall effectiveness";
    case Column::Date: return "Inspection date";
    }
    return "";
}

std::string one_line(std::string_view s) { return ssda903::one_line(ssda903::trim_blanks(s)); }

// Ofsted writes dd/mm/yyyy; spreadsheets re-saved elsewhere give yyyy-mm-dd.
std::optional<care::Date> parse_date(std::string_view text) {
    if (auto d = care::parse_dmy(text)) return d;
    return care::parse_iso(text);
}

class Checker {
public:
    Checker(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    ProviderFile run() {
        ssda903::CsvReader csv(text_);
        if (auto r = ssda903::read_header(text_, csv,
                                          "the file is empty: Ofsted's list starts with a header row (URN, Provider "
                                          "type, Overall effectiveness, Inspection date)"))
            return refuse(r->row, "", r->message);
        // The header: the columns used found by name, each once; Ofsted's other columns ignored.
        struct Found {
            std::size_t index;
            int preference;
        };
        std::map<Column, Found> where;
        for (std::size_t i = 0; i < csv.fields().size(); ++i) {
            auto m = column_of(csv.fields()[i]);
            if (!m) continue;
            auto it = where.find(m->column);
            if (it == where.end() || m->preference < it->second.preference) {
                where[m->column] = {i, m->preference};
            } else if (m->preference == it->second.preference) {
                return refuse(1, "column " + std::to_string(i + 1),
                              fmt::format("column {} is a second {} column (as is column {})", i + 1,
                                          heading_of(m->column), it->second.index + 1));
            }
        }
        for (Column c : {Column::Urn, Column::Rating, Column::Date})
            if (!where.count(c))
                return refuse(1, "",
                              fmt::format("there is no {} column: Ofsted's list has the columns URN, Provider type, "
                                          "Overall effectiveness and Inspection date (docs/providers.md lists the "
                                          "names accepted)",
                                          heading_of(c)));
        const std::size_t width = csv.fields().size();
        auto field = [&](Column c) -> std::string_view {
            auto it = where.find(c);
            return it == where.end() ? std::string_view() : csv.fields()[it->second.index];
        };

        // Each (URN, date) once: the row that first gave it, and its index in out_.rows.
        struct Seen {
            long row;
            std::size_t index;
        };
        std::map<std::pair<std::string, std::string>, Seen> seen;
        std::set<std::size_t> dropped;
        while (csv.next()) {
            ++out_.rows_read;
            const long row = csv.row();
            if (!csv.problems().empty()) {
                for (const auto& p : csv.problems()) error(row, "", "", p.message + "; the row was not stored");
                continue;
            }
            if (csv.fields().size() != width) {
                error(row, "", "",
                      fmt::format("the row has {} fields where the header has {}; the row was not stored",
                                  csv.fields().size(), width));
                continue;
            }
            store::OfstedInspectionRow r;
            bool bad = false;
            auto urn = normalise_urn(field(Column::Urn));
            if (!urn || urn->empty()) {
                error(row, "URN", "PROV-URN",
                      urn ? "the URN is blank; the row was not stored"
                          : "the URN is not an Ofsted URN (such as SC123456 or 1234567); the row was not stored");
                bad = true;
            } else {
                r.urn = *urn;
            }
            auto rating = normalise_rating(field(Column::Rating));
            if (!rating) {
                error(row, "Overall effectiveness", "PROV-RATING",
                      "the overall effectiveness is not Outstanding, Good, Requires improvement to be good, Inadequate "
                      "or blank (not yet inspected); the row was not stored");
                bad = true;
            } else {
                r.overall_effectiveness = *rating;
            }
            const std::string_view date_text = ssda903::trim_blanks(field(Column::Date));
            if (!date_text.empty()) {
                if (auto d = parse_date(date_text)) {
                    r.inspection_date = care::to_iso(*d);
                } else {
                    error(row, "Inspection date", "PROV-DATE",
                          "the inspection date is not a day written dd/mm/yyyy or yyyy-mm-dd; the row was not stored");
                    bad = true;
                }
            } else if (rating && !rating->empty()) {
                error(row, "Inspection date", "PROV-DATE",
                      "a rating without the date of the inspection that gave it; the row was not stored");
                bad = true;
            }
            r.provider_type = one_line(field(Column::ProviderType));
            if (r.provider_type.size() > kMaxText) {
                error(row, "Provider type", "PROV-TYPE",
                      fmt::format("the provider type is longer than {} characters; the row was not stored", kMaxText));
                bad = true;
            }
            if (bad) continue;
            if (where.count(Column::ProviderType) && r.provider_type.empty())
                warning(row, "Provider type", "PROV-TYPE", "the provider type is blank; the row was stored all the same");

            auto key = std::make_pair(r.urn, r.inspection_date);
            auto it = seen.find(key);
            if (it == seen.end()) {
                seen[key] = {row, out_.rows.size()};
                out_.rows.push_back(std::move(r));
                continue;
            }
            const auto& first = out_.rows[it->second.index];
            if (first.overall_effectiveness == r.overall_effectiveness) {
                warning(row, "URN", "PROV-URN",
                        fmt::format("the same URN, inspection date and rating as row {}; stored once", it->second.row));
            } else {
                error(row, "Overall effectiveness", "PROV-RATING",
                      fmt::format("the same URN and inspection date as row {} with a different rating: neither row was "
                                  "stored (which is right is not known)",
                                  it->second.row));
                if (dropped.insert(it->second.index).second)
                    error(it->second.row, "Overall effectiveness", "PROV-RATING",
                          fmt::format("the same URN and inspection date as row {} with a different rating: neither "
                                      "row was stored",
                                      row));
            }
        }
        if (csv.failed()) return refuse(csv.fatal().row, "", csv.fatal().message);
        std::vector<store::OfstedInspectionRow> kept;
        for (std::size_t i = 0; i < out_.rows.size(); ++i)
            if (!dropped.count(i)) kept.push_back(std::move(out_.rows[i]));
        out_.rows = std::move(kept);
        std::stable_sort(out_.findings.begin(), out_.findings.end(),
                         [](const Finding& a, const Finding& b) { return a.row < b.row; });
        return std::move(out_);
    }

private:
    void add(long row, std::string column, std::string rule, std::string message, Severity severity) {
        Finding f;
        f.file = file_;
        f.table = std::string(kTable);
        f.row = row;
        f.column = std::move(column);
        f.rule = std::move(rule);
        f.message = std::move(message);
        f.severity = severity;
        f.stage = "read";
        out_.findings.push_back(std::move(f));
    }
    void error(long row, std::string column, std::string rule, std::string message) {
        add(row, std::move(column), std::move(rule), std::move(message), Severity::Error);
    }
    void warning(long row, std::string column, std::string rule, std::string message) {
        add(row, std::move(column), std::move(rule), std::move(message), Severity::Warning);
    }
    ProviderFile refuse(long row, std::string column, std::string message) {
        ProviderFile f;
        f.refused = true;
        f.rows_read = out_.rows_read;
        out_ = std::move(f);
        add(row, std::move(column), "", message + "; nothing was imported", Severity::Error);
        return std::move(out_);
    }

    std::string_view text_;
    std::string file_;
    ProviderFile out_;
};

}  // namespace

std::optional<std::string> normalise_urn(std::string_view text) {
    std::string s;
    for (char c : ssda903::trim_blanks(text)) {
        if (c == ' ') continue;
        s += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (s.empty()) return s;
    std::size_t letters = 0;
    while (letters < s.size() && s[letters] >= 'A' && s[letters] <= 'Z') ++letters;
    const std::size_t digits = s.size() - letters;
    if (letters > 2 || digits < 6 || digits > 7) return std::nullopt;
    for (std::size_t i = letters; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    return s;
}

std::optional<std::string> normalise_rating(std::string_view text) {
    const std::string k = ssda903::heading_key(text);
    if (k.empty() || k == "not yet inspected" || k == "n a" || k == "na" || k == "not inspected" || ssda903::trim_blanks(text) == "-")
        return std::string();
    if (k == "outstanding" || k == "1") return std::string(kOutstanding);
    if (k == "good" || k == "2") return std::string(kGood);
    if (k == "requires improvement to be good" || k == "requires improvement" || k == "ri" || k == "3")
        return std::string(kRequiresImprovement);
    if (k == "inadequate" || k == "4") return std::string(kInadequate);
    return std::nullopt;
}

ProviderFile read_providers(std::string_view text, const std::string& file_name) {
    return Checker(text, file_name).run();
}

ProvidersImport import_providers(store::Database& db, const std::filesystem::path& path, const accounts::Actor& actor) {
    ssda903::MappedFile file(path);
    // Only the file's name: its folder may name a person.
    const std::string name = path.filename().string();
    ProvidersImport out;
    out.file = read_providers(file.text(), name);
    ProviderFile& f = out.file;
    if (f.refused) return out;
    if (f.rows.empty()) {
        Finding none;
        none.file = name;
        none.table = std::string(kTable);
        none.message = "no row could be stored; the list held is unchanged";
        none.stage = "read";
        f.findings.push_back(std::move(none));
        return out;
    }
    const std::string at =
        fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    long errors = 0, warnings = 0;
    for (const auto& finding : f.findings) (finding.severity == Severity::Error ? errors : warnings) += 1;
    soci::transaction tx(db.session());
    out.replaced = store::replace_ofsted_inspections(db, f.rows, at);
    accounts::audit(db, actor, "import.providers", name,
                    fmt::format("{} inspections stored, replacing {}; {} rows read; {} errors, {} warnings",
                                f.rows.size(), out.replaced, f.rows_read, errors, warnings));
    tx.commit();
    out.committed = true;
    return out;
}

}  // namespace corparent::providers
