#include "store/returns.h"

#include <chrono>
#include <stdexcept>

#include <fmt/chrono.h>

#include "store/bulk.h"

namespace corparent::store {
namespace {

const std::vector<std::string> kReturnTables = {
    "r903_header", "r903_episodes", "r903_reviews", "r903_uasc", "r903_oc2", "r903_oc3",
    "r903_ad1", "r903_placed_adoption", "r903_prev_perm", "r903_missing", "r903_sw_episodes", "r903_dolo"};

std::vector<std::string> with_keys(const std::vector<std::string>& fields) {
    std::vector<std::string> columns{"return_year", "row_no"};
    columns.insert(columns.end(), fields.begin(), fields.end());
    return columns;
}

}  // namespace

const std::vector<std::string>& finding_columns() {
    static const std::vector<std::string> columns = {"return_year", "stage", "file", "table_name", "row_no",
                                                     "column_name", "rule", "severity", "message", "child", "raw"};
    return columns;
}

TextTable findings_table() { return TextTable("findings", finding_columns()); }

void delete_return(Database& db, int year) {
    auto& sql = db.session();
    for (const auto& t : kReturnTables) sql << "DELETE FROM " + t + " WHERE return_year = :y", soci::use(year);
    sql << "DELETE FROM findings WHERE return_year = :y AND stage = 'read'", soci::use(year);
}

void record_import(Database& db, const ImportRecord& r) {
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    std::string at = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
    int strict = r.strict ? 1 : 0;
    long long rows = r.rows;
    db.session() << "INSERT INTO imports (return_year, imported_at, source, files, rows_read, errors, warnings, strict) "
                    "VALUES (:y, :at, :src, :f, :r, :e, :w, :s)",
        soci::use(r.year), soci::use(at), soci::use(r.source), soci::use(r.files), soci::use(rows),
        soci::use(r.errors), soci::use(r.warnings), soci::use(strict);
}

std::vector<int> loaded_years(Database& db) {
    std::vector<int> years;
    soci::rowset<int> rs = (db.session().prepare << "SELECT DISTINCT return_year FROM r903_header ORDER BY return_year");
    for (int y : rs) years.push_back(y);
    return years;
}

long long latest_import(Database& db) {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    db.session() << "SELECT MAX(id) FROM imports", soci::into(id, ind);
    return ind == soci::i_ok ? id : 0;
}

std::map<int, std::string> import_dates(Database& db) {
    std::map<int, std::string> dates;
    int year = 0;
    std::string at;
    soci::statement st = (db.session().prepare << "SELECT return_year, MAX(imported_at) FROM imports GROUP BY return_year",
                          soci::into(year), soci::into(at));
    st.execute();
    while (st.fetch()) dates[year] = at;
    return dates;
}

TextTable load_return_rows(Database& db, const std::string& table, const std::vector<std::string>& fields,
                           const std::vector<int>& except) {
    std::string tail;
    for (int y : except) tail += (tail.empty() ? "WHERE return_year NOT IN (" : ", ") + std::to_string(y);
    if (!tail.empty()) tail += ")";
    return select_rows(db, table, with_keys(fields), tail);
}

TextTable load_year_rows(Database& db, const std::string& table, const std::vector<std::string>& fields, int year) {
    return select_rows(db, table, with_keys(fields), "WHERE return_year = " + std::to_string(year) + " ORDER BY row_no");
}

TextTable load_stacked(Database& db, const std::string& table, const std::vector<std::string>& columns) {
    return select_rows(db, table, columns);
}

TextTable load_stacked_overlapping(Database& db, const std::string& table, const std::vector<std::string>& columns,
                                   const std::string& start, const std::string& end, const std::string& from,
                                   const std::string& to) {
    // The dates are ISO text written by corparent, so comparing them as text compares them as dates.
    auto quoted = [](const std::string& date) {
        for (char c : date)
            if (!(c == '-' || (c >= '0' && c <= '9'))) throw std::invalid_argument("not an ISO date: " + date);
        return "'" + date + "'";
    };
    return select_rows(db, table, columns,
                       "WHERE " + start + " <= " + quoted(to) + " AND (" + end + " IS NULL OR " + end +
                           " >= " + quoted(from) + ")");
}

void replace_stacked(Database& db, const std::vector<const TextTable*>& stacked, const TextTable& stack_findings) {
    auto& sql = db.session();
    for (const auto* t : stacked) {
        sql << "DELETE FROM " + t->name();
        insert_rows(db, *t);
    }
    sql << "DELETE FROM findings WHERE stage = 'stack'";
    insert_rows(db, stack_findings);
}

TextTable load_findings(Database& db, int year) {
    return select_rows(db, "findings", finding_columns(),
                       "WHERE return_year = " + std::to_string(year) +
                           " ORDER BY CASE stage WHEN 'read' THEN 0 ELSE 1 END, file, row_no, column_name, id");
}

long count_rows(Database& db, const std::string& table, int year) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM " + table + " WHERE return_year = :y", soci::into(n), soci::use(year);
    return n;
}

}  // namespace corparent::store
