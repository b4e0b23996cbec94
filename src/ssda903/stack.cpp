#include "ssda903/stack.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "care/date.h"

namespace corparent::ssda903 {
namespace {

constexpr std::size_t kYear = 0, kRow = 1, kFirstField = 2;

int as_int(std::optional<std::string_view> v) {
    int out = 0;
    if (v) std::from_chars(v->data(), v->data() + v->size(), out);
    return out;
}

std::string stacked_name(const TableSpec& spec) {
    return "stacked_" + std::string(spec.store_name.substr(std::string_view("r903_").size()));
}

std::vector<std::string> stacked_columns(const TableSpec& spec, bool episodes) {
    std::vector<std::string> columns{"source_year", "source_row"};
    for (const auto& f : spec.fields) {
        std::string name(f.name);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        columns.push_back(name);
    }
    if (episodes) columns.push_back("repaired");
    return columns;
}

// Rows that win: for each (CHILD, key field), the row of the latest return, and within one return the
// last row. Rows with no CHILD or no key are left out (their findings were made on import).
std::vector<std::size_t> winners(const store::TextTable& rows, const TableSpec& spec) {
    const std::size_t child = kFirstField;
    const int key_field = spec.key_field.empty() ? -1 : field_index(spec, spec.key_field);
    const std::size_t key = key_field < 0 ? 0 : kFirstField + static_cast<std::size_t>(key_field);
    std::vector<std::size_t> order;
    order.reserve(rows.rows());
    std::vector<std::pair<int, int>> year_row(rows.rows());
    for (std::size_t r = 0; r < rows.rows(); ++r) {
        if (!rows.get(r, child) || (key_field >= 0 && !rows.get(r, key))) continue;
        year_row[r] = {as_int(rows.get(r, kYear)), as_int(rows.get(r, kRow))};
        order.push_back(r);
    }
    auto key_of = [&](std::size_t r) {
        return std::pair{*rows.get(r, child), key_field < 0 ? std::string_view{} : *rows.get(r, key)};
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        auto ka = key_of(a), kb = key_of(b);
        if (ka != kb) return ka < kb;
        return year_row[a] < year_row[b];
    });
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < order.size(); ++i)
        if (i + 1 == order.size() || key_of(order[i]) != key_of(order[i + 1])) out.push_back(order[i]);
    return out;   // sorted by (CHILD, key)
}

void copy_row(const store::TextTable& from, std::size_t r, store::TextTable& to, std::size_t fields) {
    to.add(*from.get(r, kYear));
    to.add(*from.get(r, kRow));
    for (std::size_t f = 0; f < fields; ++f) {
        auto v = from.get(r, kFirstField + f);
        v ? to.add(*v) : to.add_null();
    }
}

Finding stack_finding(const store::TextTable& rows, std::size_t r, std::string rule, std::string column,
                      std::string message) {
    Finding f;
    f.year = as_int(rows.get(r, kYear));
    f.file = "episodes.csv";
    f.table = "Episodes";
    f.row = as_int(rows.get(r, kRow));
    f.column = std::move(column);
    f.rule = std::move(rule);
    f.message = std::move(message);
    f.severity = Severity::Warning;
    f.child = *rows.get(r, kFirstField);
    f.stage = "stack";
    return f;
}

void stack_episodes(const store::TextTable& rows, StackedReturns& out) {
    const TableSpec& spec = table(TableId::Episodes);
    const std::size_t decom = kFirstField + field_index(spec, "DECOM"), dec = kFirstField + field_index(spec, "DEC"),
                      rec = kFirstField + field_index(spec, "REC");
    const std::size_t dec_col = dec - kFirstField + 2, rec_col = rec - kFirstField + 2;   // in the stacked table
    int latest_year = 0;
    for (std::size_t r = 0; r < rows.rows(); ++r) latest_year = std::max(latest_year, as_int(rows.get(r, kYear)));

    store::TextTable stacked(stacked_name(spec), stacked_columns(spec, true));
    std::vector<std::size_t> win = winners(rows, spec);
    for (std::size_t i = 0; i < win.size(); ++i) {
        std::size_t r = win[i];
        const std::size_t row = stacked.rows();
        copy_row(rows, r, stacked, spec.fields.size());
        bool repaired = false;
        const bool next_same_child = i + 1 < win.size() && *rows.get(win[i + 1], kFirstField) == *rows.get(r, kFirstField);
        if (!rows.get(r, dec) && next_same_child) {
            // An open episode followed by a later one: it ended when the next began (spec 0, [choice]).
            std::string_view next_decom = *rows.get(win[i + 1], decom);
            stacked.set(row, dec_col, next_decom);
            stacked.set(row, rec_col, std::string_view("X1"));
            repaired = true;
            out.findings.push_back(stack_finding(
                rows, r, "STACK-REPAIR", "DEC",
                "open episode starting " + std::string(*rows.get(r, decom)) + " is followed by one starting " +
                    std::string(next_decom) + ": closed on that day with REC X1"));
        } else if (!rows.get(r, dec) && as_int(rows.get(r, kYear)) < latest_year) {
            out.findings.push_back(stack_finding(
                rows, r, "STACK-OPEN", "DEC",
                "open episode starting " + std::string(*rows.get(r, decom)) +
                    " is not carried into a later return and the child has no later episode: it stays open"));
        }
        stacked.add(repaired ? "1" : "0");
    }
    out.tables.push_back(std::move(stacked));
}

}  // namespace

const std::vector<TableId>& stacked_tables() {
    static const std::vector<TableId> ids = {TableId::Episodes, TableId::Header,  TableId::Uasc,
                                             TableId::Reviews,  TableId::Missing, TableId::SwEpisodes};
    return ids;
}

StackedReturns stack_returns(const std::vector<store::TextTable>& loaded) {
    StackedReturns out;
    for (std::size_t t = 0; t < stacked_tables().size(); ++t) {
        const TableSpec& spec = table(stacked_tables()[t]);
        if (spec.id == TableId::Episodes) {
            stack_episodes(loaded[t], out);
            continue;
        }
        store::TextTable stacked(stacked_name(spec), stacked_columns(spec, false));
        for (std::size_t r : winners(loaded[t], spec)) copy_row(loaded[t], r, stacked, spec.fields.size());
        out.tables.push_back(std::move(stacked));
    }
    return out;
}

}  // namespace corparent::ssda903
