#include "education/education_file.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "education/academic_year.h"
#include "ssda903/csv_reader.h"
#include "store/returns.h"

namespace corparent::education {
namespace {

using ssda903::Finding;
using ssda903::Severity;

constexpr std::string_view kTable = "education";

enum class Column {
    Child, Upn, Year, Urn, StartDate, Possible, Attended, Suspensions, SuspensionDays, Exclusions,
    Ks2Reading, Ks2Writing, Ks2Maths, Ks4Attainment8, Ks4EnglishMaths4, PepDate
};

struct Heading {
    Column column;
    std::string_view name;                     // as findings and docs/education.md write it
    std::vector<std::string_view> keys;        // what it may be called, in heading_key form
};

const std::vector<Heading>& headings() {
    static const std::vector<Heading> all = {
        {Column::Child, "CHILD", {"child", "child id"}},
        {Column::Upn, "UPN", {"upn"}},
        {Column::Year, "academic_year", {"academic year", "year"}},
        {Column::Urn, "school_urn", {"school urn", "urn"}},
        {Column::StartDate, "start_date", {"start date", "school start date"}},
        {Column::Possible, "sessions_possible", {"sessions possible", "possible sessions"}},
        {Column::Attended, "sessions_attended", {"sessions attended", "attended sessions"}},
        {Column::Suspensions, "suspensions", {"suspensions", "suspension count"}},
        {Column::SuspensionDays, "suspension_days", {"suspension days", "days suspended"}},
        {Column::Exclusions, "permanent_exclusions", {"permanent exclusions"}},
        {Column::Ks2Reading, "ks2_reading", {"ks2 reading"}},
        {Column::Ks2Writing, "ks2_writing", {"ks2 writing"}},
        {Column::Ks2Maths, "ks2_maths", {"ks2 maths"}},
        {Column::Ks4Attainment8, "ks4_attainment8", {"ks4 attainment8", "ks4 attainment 8"}},
        {Column::Ks4EnglishMaths4, "ks4_english_maths_4", {"ks4 english maths 4", "ks4 english and maths 4"}},
        {Column::PepDate, "pep_date", {"pep date", "latest pep date", "pep"}},
    };
    return all;
}

const Heading* heading_of(std::string_view text) {
    std::string k = ssda903::heading_key(text);
    for (const auto& h : headings())
        if (std::find(h.keys.begin(), h.keys.end(), k) != h.keys.end()) return &h;
    return nullptr;
}

// A whole number, or one with a decimal part of at most one digit, in tenths: "2.5" -> 25.
std::optional<int> parse_tenths(std::string_view s, bool whole) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int value = 0, decimals = -1;
    for (char c : s) {
        if (c == '.' && !whole && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (c < '0' || c > '9' || decimals >= 1) return std::nullopt;
        value = value * 10 + (c - '0');
        if (decimals >= 0) ++decimals;
    }
    if (decimals == 0) return std::nullopt;   // "2." is not a number anyone meant
    return decimals == 1 ? value : value * 10;
}

std::optional<bool> parse_flag(std::string_view s) {
    std::string k = ssda903::heading_key(s);
    if (k == "y" || k == "yes" || k == "1" || k == "true") return true;
    if (k == "n" || k == "no" || k == "0" || k == "false") return false;
    return std::nullopt;
}

class Checker {
public:
    Checker(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    EducationFile run() {
        ssda903::CsvReader csv(text_);
        if (auto r = ssda903::read_header(text_, csv, "the file is empty: an education file starts with a header row"))
            return refuse(r->row, "", r->message);
        for (std::size_t i = 0; i < csv.fields().size(); ++i) {
            const Heading* h = heading_of(csv.fields()[i]);
            if (!h)
                return refuse(1, fmt::format("column {}", i + 1),
                              fmt::format("column {}'s heading is not one of an education file's (see "
                                          "docs/education.md)",
                                          i + 1));
            for (const Heading* seen : columns_)
                if (seen->column == h->column)
                    return refuse(1, std::string(h->name), fmt::format("column {} is a second {} column", i + 1, h->name));
            columns_.push_back(h);
        }
        auto has = [&](Column c) {
            return std::any_of(columns_.begin(), columns_.end(), [c](const Heading* h) { return h->column == c; });
        };
        if (!has(Column::Child) && !has(Column::Upn))
            return refuse(1, "", "there is no CHILD or UPN column: each row needs one or the other");
        if (!has(Column::Year)) return refuse(1, "", "there is no academic_year column");
        if (!has(Column::Urn)) return refuse(1, "", "there is no school_urn column");

        while (csv.next()) {
            ++out_.rows_read;
            store::EducationRecord r;
            r.source = file_;
            r.row = csv.row();
            r.raw = std::string(csv.raw());
            row_ = csv.row();
            raw_ = r.raw;
            for (const auto& p : csv.problems())
                add(p.column >= 1 && p.column <= columns_.size() ? std::string(columns_[p.column - 1]->name) : "",
                    "EDU-CSV", p.message, Severity::Warning);
            if (csv.fields().size() != columns_.size()) {
                // Which value is which cannot be known: the row is kept verbatim, with no academic year.
                add("", "EDU-ROW",
                    fmt::format("the row has {} fields where the header has {}; it was kept as it stands but is in no "
                                "measure",
                                csv.fields().size(), columns_.size()),
                    Severity::Error);
                out_.rows.push_back(std::move(r));
                continue;
            }
            for (std::size_t i = 0; i < columns_.size(); ++i) take(r, *columns_[i], ssda903::trim_blanks(csv.fields()[i]));
            check_row(r);
            out_.rows.push_back(std::move(r));
        }
        if (csv.failed()) return refuse(csv.fatal().row, "", csv.fatal().message);
        std::stable_sort(out_.findings.begin(), out_.findings.end(),
                         [](const Finding& a, const Finding& b) { return a.row < b.row; });
        return std::move(out_);
    }

private:
    void take(store::EducationRecord& r, const Heading& h, std::string_view v) {
        const std::string name(h.name);
        auto whole = [&](std::optional<int>& into) {
            if (v.empty()) return;
            if (auto n = parse_tenths(v, true)) into = *n / 10;
            else add(name, "EDU-NUMBER", "expected a whole number of 0 or more; stored as missing", Severity::Error);
        };
        auto flag = [&](std::optional<bool>& into) {
            if (v.empty()) return;
            if (auto f = parse_flag(v)) into = f;
            else add(name, "EDU-FLAG", "expected Y or N; stored as missing", Severity::Error);
        };
        auto date = [&](std::optional<care::Date>& into) {
            if (v.empty()) return;
            if (auto d = care::parse_dmy(v)) into = d;
            else add(name, "EDU-DATE", "expected a date as dd/mm/yyyy; stored as missing", Severity::Error);
        };
        switch (h.column) {
        case Column::Child: r.child = ssda903::upper_ascii(v); break;
        case Column::Upn: r.upn = ssda903::upper_ascii(v); break;
        case Column::Year:
            if (auto y = parse_academic_year(v)) r.academic_year = y;
            else
                add(name, "EDU-YEAR",
                    v.empty() ? "the academic year is blank; the row is in no measure"
                              : "expected an academic year as 2024/25 or 2024-25; the row is in no measure",
                    Severity::Error);
            break;
        case Column::Urn: r.school_urn = std::string(v); break;
        case Column::StartDate: date(r.start_date); break;
        case Column::Possible: whole(r.sessions_possible); break;
        case Column::Attended: whole(r.sessions_attended); break;
        case Column::Suspensions: whole(r.suspensions); break;
        case Column::SuspensionDays:
            if (v.empty()) break;
            if (auto n = parse_tenths(v, false)) r.suspension_days_tenths = n;
            else add(name, "EDU-NUMBER", "expected a number of days such as 2 or 1.5; stored as missing", Severity::Error);
            break;
        case Column::Exclusions: whole(r.permanent_exclusions); break;
        case Column::Ks2Reading: flag(r.ks2_reading); break;
        case Column::Ks2Writing: flag(r.ks2_writing); break;
        case Column::Ks2Maths: flag(r.ks2_maths); break;
        case Column::Ks4Attainment8:
            if (v.empty()) break;
            if (auto n = parse_tenths(v, false); n && *n <= 900) r.ks4_attainment8_tenths = n;
            else add(name, "EDU-A8", "expected an Attainment 8 score from 0 to 90; stored as missing", Severity::Error);
            break;
        case Column::Ks4EnglishMaths4: flag(r.ks4_english_maths_4); break;
        case Column::PepDate: date(r.pep_date); break;
        }
    }

    // Checks across fields, once each field is read.
    void check_row(store::EducationRecord& r) {
        if (r.child.empty() && r.upn.empty())
            add("CHILD", "EDU-CHILD", "CHILD and UPN are both blank; the row was kept but is in no measure",
                Severity::Error);
        if (!r.upn.empty() && r.upn.size() != 13)
            add("UPN", "EDU-UPN", "a UPN has 13 characters", Severity::Warning);
        if (r.school_urn.empty())
            add("school_urn", "EDU-URN", "the school URN is blank", Severity::Warning);
        if (r.sessions_possible && r.sessions_attended && *r.sessions_attended > *r.sessions_possible) {
            add("sessions_attended", "EDU-SESSIONS",
                "more sessions attended than possible; both stored as missing", Severity::Error);
            r.sessions_possible.reset();
            r.sessions_attended.reset();
        }
        if (r.academic_year && r.start_date &&
            (*r.start_date < academic_year_start(*r.academic_year) || *r.start_date > academic_year_end(*r.academic_year)))
            add("start_date",
                "EDU-YEAR-DATE",
                fmt::format("the start date falls in academic year {}, not {} (a year runs from 1 September to 31 August)",
                            academic_year_label(academic_year_of(*r.start_date)), academic_year_label(*r.academic_year)),
                Severity::Warning);
        if (r.academic_year && r.pep_date && *r.pep_date > academic_year_end(*r.academic_year))
            add("pep_date", "EDU-PEP-DATE", "the personal education plan is dated after the academic year",
                Severity::Warning);
    }

    void add(std::string column, std::string rule, std::string message, Severity severity) {
        Finding f;
        f.file = file_;
        f.table = std::string(kTable);
        f.row = row_;
        f.column = std::move(column);
        f.rule = std::move(rule);
        f.message = std::move(message);
        f.severity = severity;
        f.raw = raw_;
        f.stage = "read";
        out_.findings.push_back(std::move(f));
    }

    EducationFile refuse(long row, std::string column, std::string message) {
        EducationFile f;
        f.refused = true;
        f.rows_read = out_.rows_read;
        out_ = std::move(f);
        row_ = row;
        raw_.clear();
        add(std::move(column), "EDU-FILE", message + "; nothing was imported", Severity::Error);
        return std::move(out_);
    }

    std::string_view text_;
    std::string file_;
    std::vector<const Heading*> columns_;
    long row_ = 0;
    std::string raw_;
    EducationFile out_;
};

Finding warning(const store::EducationRecord& r, std::string column, std::string rule, std::string message) {
    Finding f;
    f.file = r.source;
    f.table = std::string(kTable);
    f.row = r.row;
    f.column = std::move(column);
    f.rule = std::move(rule);
    f.message = std::move(message);
    f.severity = Severity::Warning;
    f.child = r.child;
    f.raw = r.raw;
    f.stage = "read";
    return f;
}

}  // namespace

EducationFile read_education(std::string_view text, const std::string& file_name) {
    return Checker(text, file_name).run();
}

void match_children(EducationFile& file, const std::map<std::string, std::string>& upn_to_child,
                    const std::set<std::string>& children) {
    if (children.empty()) return;
    for (auto& r : file.rows) {
        if (r.child.empty() && r.upn.empty()) continue;   // already an error
        auto by_upn = r.upn.empty() ? upn_to_child.end() : upn_to_child.find(r.upn);
        if (r.child.empty() && by_upn != upn_to_child.end()) {
            r.child = by_upn->second;
        } else if (!r.child.empty() && by_upn != upn_to_child.end() && by_upn->second != r.child) {
            file.findings.push_back(warning(r, "UPN", "EDU-UPN-CHILD",
                                            "the returns give this UPN to another CHILD; the row's CHILD was kept"));
        } else if (!children.count(r.child)) {
            file.findings.push_back(warning(r, r.child.empty() ? "UPN" : "CHILD", "EDU-CHILD-UNKNOWN",
                                            "no imported return holds this child; the row was kept all the same"));
        }
    }
    std::stable_sort(file.findings.begin(), file.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.row < b.row; });
}

EducationImport import_education(store::Database& db, const std::filesystem::path& path,
                                 const accounts::Actor& actor) {
    ssda903::MappedFile mapped(path);
    // Only the file's name: its folder may name a person.
    const std::string name = path.filename().string();
    EducationImport out;
    out.file = read_education(mapped.text(), name);
    EducationFile& f = out.file;
    if (f.refused) return out;

    std::map<std::string, std::string> upn_to_child;
    std::set<std::string> children;
    auto header = store::load_stacked(db, "stacked_header", {"child", "upn"});
    for (std::size_t r = 0; r < header.rows(); ++r) {
        auto child = header.get(r, 0);
        if (!child) continue;
        children.emplace(*child);
        if (auto upn = header.get(r, 1); upn && !upn->empty()) upn_to_child[ssda903::upper_ascii(*upn)] = std::string(*child);
    }
    match_children(f, upn_to_child, children);

    for (const auto& r : f.rows)
        if (r.academic_year) out.years.insert(*r.academic_year);
    std::vector<store::EducationFinding> findings;
    long errors = 0, warnings = 0;
    for (const auto& x : f.findings) {
        (x.severity == Severity::Error ? errors : warnings) += 1;
        findings.push_back({x.file, x.row, x.column, x.rule, std::string(ssda903::severity_name(x.severity)), x.message,
                            x.child, x.raw});
    }
    const std::string at =
        fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    soci::transaction tx(db.session());
    out.replaced = store::replace_education(db, out.years, name, f.rows, findings, at);
    std::string years;
    for (int y : out.years) years += (years.empty() ? "" : ", ") + academic_year_label(y);
    accounts::audit(db, actor, "import.education", name,
                    fmt::format("{} rows stored for {}, replacing {}; {} errors, {} warnings", f.rows.size(),
                                years.empty() ? "no academic year" : years, out.replaced, errors, warnings));
    tx.commit();
    out.committed = true;
    return out;
}

}  // namespace corparent::education
