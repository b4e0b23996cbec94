#include "offer/import.h"

#include <chrono>
#include <map>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "measures/children.h"
#include "offer/young_people.h"
#include "ssda903/csv_reader.h"
#include "store/accounts.h"
#include "store/offer.h"

namespace corparent::offer {
namespace {

using ssda903::Finding;
using ssda903::Severity;

enum class Column { Child, Entitlement, Status, Date, Adviser, Note };

constexpr std::string_view kTable = "take-up";
constexpr std::size_t kMaxChild = 64, kMaxNote = 500, kMaxEmail = 254;

const std::vector<Column> kRequired = {Column::Child, Column::Entitlement, Column::Status, Column::Date};

std::optional<Column> column_of(std::string_view heading) {
    std::string k = ssda903::heading_key(heading);
    if (k == "child") return Column::Child;
    if (k == "entitlement" || k == "entitlement id") return Column::Entitlement;
    if (k == "status") return Column::Status;
    if (k == "date") return Column::Date;
    if (k == "adviser" || k == "personal adviser" || k == "adviser email" || k == "personal adviser email" ||
        k == "personal adviser s email")
        return Column::Adviser;
    if (k == "note") return Column::Note;
    return std::nullopt;
}

std::string heading_of(Column c) {
    switch (c) {
    case Column::Child: return "CHILD";
    case Column::Entitlement: return "entitlement";
    case Column::Status: return "status";
    case Column::Date: return "date";
    case Column::Adviser: return "adviser";
    case Column::Note: return "note";
    }
    return "";
}

std::string lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

class Checker {
public:
    Checker(std::string_view text, const std::string& file, const Catalogue& catalogue, care::Date latest)
        : text_(text), file_(file), catalogue_(catalogue), latest_(latest) {}

    TakeUpFile run() {
        ssda903::CsvReader csv(text_);
        if (auto r = ssda903::read_header(text_, csv, "the file is empty: a take-up file starts with the header row "
                                                       "CHILD,entitlement,status,date"))
            return refuse(r->row, r->column, r->message);
        std::map<Column, std::size_t> where;
        for (std::size_t i = 0; i < csv.fields().size(); ++i) {
            auto c = column_of(csv.fields()[i]);
            if (!c)
                return refuse(1, i + 1,
                              fmt::format("column {}'s heading is not one of CHILD, entitlement, status, date, adviser "
                                          "and note",
                                          i + 1));
            if (where.count(*c)) return refuse(1, i + 1, fmt::format("column {} is a second {} column", i + 1, heading_of(*c)));
            where[*c] = i;
        }
        for (Column c : kRequired)
            if (!where.count(c))
                return refuse(1, 0, fmt::format("there is no {} column: a take-up file has the columns CHILD, "
                                                "entitlement, status and date (and adviser and note if wanted)",
                                                heading_of(c)));
        const std::size_t width = csv.fields().size();
        while (csv.next()) {
            ++out_.rows_read;
            const long row = csv.row();
            if (!csv.problems().empty()) {
                for (const auto& p : csv.problems())
                    error(row, p.column >= 1 && p.column <= width ? column_name(where, p.column - 1) : "", "CSV",
                          p.message + "; the row was not stored");
                continue;
            }
            if (csv.fields().size() != width) {
                error(row, "", "OFFER-WIDTH",
                      fmt::format("the row has {} fields where the header has {}; the row was not stored",
                                  csv.fields().size(), width));
                continue;
            }
            auto field = [&](Column c) {
                return where.count(c) ? std::string(ssda903::trim_blanks(csv.fields()[where[c]])) : std::string();
            };
            TakeUpFileRow r;
            r.row = row;
            bool bad = false;
            r.child = ssda903::upper_ascii(field(Column::Child));
            if (r.child.empty() || r.child.size() > kMaxChild) {
                error(row, "CHILD", "OFFER-CHILD",
                      fmt::format("CHILD is {}; the row was not stored",
                                  r.child.empty() ? "blank" : fmt::format("longer than {} characters", kMaxChild)));
                bad = true;
            }
            r.entitlement = lower(field(Column::Entitlement));
            if (!catalogue_.find(r.entitlement)) {
                error(row, "entitlement", "OFFER-ENTITLEMENT",
                      r.entitlement.empty() ? "the entitlement is blank; the row was not stored"
                                            : "the local offer has no entitlement with this id (the ids are on "
                                              "/offer/catalogue); the row was not stored");
                bad = true;
            }
            if (auto s = parse_status(field(Column::Status))) {
                r.status = std::string(status_id(*s));
            } else {
                error(row, "status", "OFFER-STATUS",
                      "the status is not offered, taken up, declined or not eligible; the row was not stored");
                bad = true;
            }
            const std::string date = field(Column::Date);
            auto d = care::parse_dmy(date);
            if (!d) d = care::parse_iso(date);
            if (!d) {
                error(row, "date", "OFFER-DATE",
                      "the date is not a real day written dd/mm/yyyy or yyyy-mm-dd; the row was not stored");
                bad = true;
            } else if (*d > latest_) {
                error(row, "date", "OFFER-DATE-FUTURE", "the date is in the future; the row was not stored");
                bad = true;
            } else {
                r.date = *d;
            }
            r.note = ssda903::one_line(field(Column::Note));
            if (r.note.size() > kMaxNote) {
                error(row, "note", "OFFER-NOTE",
                      fmt::format("the note is longer than {} characters; the row was not stored", kMaxNote));
                bad = true;
            }
            if (bad) continue;
            r.adviser = field(Column::Adviser);
            if (r.adviser.size() > kMaxEmail || (!r.adviser.empty() && r.adviser.find('@') == std::string::npos)) {
                error(row, "adviser", "OFFER-ADVISER",
                      "the adviser is not an email address; the row was stored without assigning an adviser");
                r.adviser.clear();
            }
            out_.rows.push_back(std::move(r));
        }
        if (csv.failed()) return refuse(csv.fatal().row, csv.fatal().column, csv.fatal().message);
        return std::move(out_);
    }

private:
    static std::string column_name(const std::map<Column, std::size_t>& where, std::size_t index) {
        for (const auto& [c, i] : where)
            if (i == index) return heading_of(c);
        return "";
    }

    void error(long row, std::string column, std::string rule, std::string message) {
        Finding f;
        f.file = file_;
        f.table = std::string(kTable);
        f.row = row;
        f.column = std::move(column);
        f.rule = std::move(rule);
        f.message = std::move(message);
        f.stage = "read";
        out_.findings.push_back(std::move(f));
    }

    TakeUpFile refuse(long row, std::size_t column, std::string message) {
        TakeUpFile f;
        f.refused = true;
        f.rows_read = out_.rows_read;
        out_ = std::move(f);
        error(row, column ? "column " + std::to_string(column) : "", "OFFER-FILE", message + "; nothing was imported");
        return std::move(out_);
    }

    std::string_view text_;
    std::string file_;
    const Catalogue& catalogue_;
    care::Date latest_;
    TakeUpFile out_;
};

Finding finding(const std::string& file, long row, const std::string& column, const std::string& rule,
                const std::string& message, Severity severity) {
    Finding f;
    f.file = file;
    f.table = std::string(kTable);
    f.row = row;
    f.column = column;
    f.rule = rule;
    f.message = message;
    f.severity = severity;
    f.stage = "read";
    return f;
}

}  // namespace

TakeUpFile read_take_up_file(std::string_view text, const std::string& file_name, const Catalogue& catalogue,
                             care::Date latest) {
    return Checker(text, file_name, catalogue, latest).run();
}

TakeUpImport import_take_up(store::Database& db, const std::filesystem::path& path, const measures::Choices& choices,
                            const accounts::Actor& actor) {
    ssda903::MappedFile mapped(path);
    const std::string name = path.filename().string();   // only the name: a folder may name a person
    const Offer offer = load_offer(db, choices);
    TakeUpImport out;
    out.file = read_take_up_file(mapped.text(), name, offer.catalogue, today());
    TakeUpFile& f = out.file;
    if (f.refused) return out;

    const std::string at =
        fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    std::map<std::string, std::pair<std::string, long>> advisers;   // CHILD -> (email, row)
    std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
    soci::transaction tx(db.session());
    db.claim_write_lock();   // it reads before it writes; the server may write meanwhile
    for (const auto& r : f.rows) {
        if (offer.year != 0 && !offer.find(r.child))
            f.findings.push_back(finding(name, r.row, "CHILD", "OFFER-UNKNOWN-CHILD",
                                         fmt::format("no child in care or care leaver on {} in the returns held has "
                                                     "this CHILD; the row was stored all the same",
                                                     measures::long_date(offer.on)),
                                         Severity::Warning));
        store::TakeUpRow row{0, r.child, r.entitlement, r.status, care::to_iso(r.date), r.note, at, actor.who, name};
        if (!seen.insert({row.child, row.entitlement, row.status, row.on_date}).second || store::take_up_held(db, row)) {
            f.findings.push_back(finding(name, r.row, "", "OFFER-HELD",
                                         "the same CHILD, entitlement, status and date are held already; not stored again",
                                         Severity::Warning));
            ++out.held;
        } else {
            store::insert_take_up(db, row);
            ++out.stored;
        }
        if (r.adviser.empty()) continue;
        auto user = store::find_user_by_email(db, lower(r.adviser));
        if (!user || user->role != std::string(accounts::role_id(accounts::Role::Worker))) {
            f.findings.push_back(finding(name, r.row, "adviser", "OFFER-ADVISER",
                                         "no social worker or personal adviser signs in with this email; the row "
                                         "was stored without assigning an adviser",
                                         Severity::Error));
            continue;
        }
        auto it = advisers.find(r.child);
        if (it != advisers.end() && it->second.first != user->email) {
            f.findings.push_back(finding(name, r.row, "adviser", "OFFER-ADVISER-TWICE",
                                         fmt::format("a different personal adviser from row {}; the one in row {} was kept",
                                                     it->second.second, it->second.second),
                                         Severity::Error));
            continue;
        }
        if (it == advisers.end()) advisers[r.child] = {user->email, r.row};
    }
    for (const auto& [child, adviser] : advisers) {
        store::set_adviser(db, {child, adviser.first, at, actor.who});
        ++out.advisers;
    }
    std::stable_sort(f.findings.begin(), f.findings.end(), [](const Finding& a, const Finding& b) { return a.row < b.row; });
    long errors = 0, warnings = 0;
    for (const auto& x : f.findings) (x.severity == Severity::Error ? errors : warnings) += 1;
    accounts::audit(db, actor, "import.offer", name,
                    fmt::format("{} records stored, {} held already, {} advisers assigned; {} rows read; {} errors, "
                                "{} warnings",
                                out.stored, out.held, out.advisers, f.rows_read, errors, warnings));
    tx.commit();
    out.committed = true;
    return out;
}

}  // namespace corparent::offer
