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

// A row of one of the sources, with what it is sorted by.
struct Ref {
    const store::TextTable* table;
    std::size_t row;
    std::string_view child, key;
    int year, row_no;
};

// Rows that win: for each (CHILD, key field), the row of the latest return, and within one return the
// last row. Rows with no CHILD or no key are left out (their findings were made on import). Sorted by
// (CHILD, key).
std::vector<Ref> winners(const RowSources& sources, const TableSpec& spec) {
    const int key_field = spec.key_field.empty() ? -1 : field_index(spec, spec.key_field);
    const std::size_t key = key_field < 0 ? 0 : kFirstField + static_cast<std::size_t>(key_field);
    std::vector<Ref> refs;
    std::size_t total = 0;
    for (const auto* t : sources) total += t->rows();
    refs.reserve(total);
    for (const auto* t : sources)
        for (std::size_t r = 0; r < t->rows(); ++r) {
            auto child = t->get(r, kFirstField);
            auto k = key_field < 0 ? std::optional<std::string_view>("") : t->get(r, key);
            if (!child || !k) continue;
            refs.push_back({t, r, *child, *k, as_int(t->get(r, kYear)), as_int(t->get(r, kRow))});
        }
    std::sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) {
        if (a.child != b.child) return a.child < b.child;
        if (a.key != b.key) return a.key < b.key;
        return std::pair(a.year, a.row_no) < std::pair(b.year, b.row_no);
    });
    std::vector<Ref> out;
    out.reserve(refs.size());
    for (std::size_t i = 0; i < refs.size(); ++i)
        if (i + 1 == refs.size() || refs[i].child != refs[i + 1].child || refs[i].key != refs[i + 1].key)
            out.push_back(refs[i]);
    return out;
}

void copy_row(const Ref& ref, store::TextTable& to, std::size_t fields) {
    const store::TextTable& from = *ref.table;
    to.add(*from.get(ref.row, kYear));
    to.add(*from.get(ref.row, kRow));
    for (std::size_t f = 0; f < fields; ++f) {
        auto v = from.get(ref.row, kFirstField + f);
        v ? to.add(*v) : to.add_null();
    }
}

Finding stack_finding(const Ref& ref, std::string rule, std::string column, std::string message) {
    Finding f;
    f.year = ref.year;
    f.file = "episodes.csv";
    f.table = "Episodes";
    f.row = ref.row_no;
    f.column = std::move(column);
    f.rule = std::move(rule);
    f.message = std::move(message);
    f.severity = Severity::Warning;
    f.child = ref.child;
    f.stage = "stack";
    return f;
}

void stack_episodes(const RowSources& sources, const StackRules& rules, StackedReturns& out) {
    const TableSpec& spec = table(TableId::Episodes);
    const std::size_t decom = kFirstField + field_index(spec, "DECOM"), dec = kFirstField + field_index(spec, "DEC");
    const std::size_t dec_col = dec - kFirstField + 2, rec_col = field_index(spec, "REC") + 2;   // in the stacked table
    int latest_year = 0;
    for (const auto* t : sources)
        for (std::size_t r = 0; r < t->rows(); ++r) latest_year = std::max(latest_year, as_int(t->get(r, kYear)));

    store::TextTable stacked(stacked_name(spec), stacked_columns(spec, true));
    std::vector<Ref> win = winners(sources, spec);
    stacked.reserve(win.size(), win.size() * 64);
    for (std::size_t i = 0; i < win.size(); ++i) {
        const Ref& ref = win[i];
        const std::size_t row = stacked.rows();
        copy_row(ref, stacked, spec.fields.size());
        bool repaired = false;
        const bool open = !ref.table->get(ref.row, dec);
        const bool followed = i + 1 < win.size() && win[i + 1].child == ref.child;
        if (open && followed && rules.close_open_episodes) {
            // An open episode followed by a later one: it ended when the next began (spec 0, [choice]).
            std::string_view next_decom = *win[i + 1].table->get(win[i + 1].row, decom);
            stacked.set(row, dec_col, next_decom);
            stacked.set(row, rec_col, std::string_view("X1"));
            repaired = true;
            out.findings.push_back(stack_finding(
                ref, "STACK-REPAIR", "DEC",
                "open episode starting " + std::string(ref.key) + " is followed by one starting " +
                    std::string(next_decom) + ": closed on that day with REC X1"));
        } else if (open && !followed && ref.year < latest_year) {
            out.findings.push_back(stack_finding(
                ref, "STACK-OPEN", "DEC",
                "open episode starting " + std::string(ref.key) +
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

StackedReturns stack_returns(const std::vector<RowSources>& sources, const StackRules& rules) {
    StackedReturns out;
    for (std::size_t t = 0; t < stacked_tables().size(); ++t) {
        const TableSpec& spec = table(stacked_tables()[t]);
        if (spec.id == TableId::Episodes) {
            stack_episodes(sources[t], rules, out);
            continue;
        }
        store::TextTable stacked(stacked_name(spec), stacked_columns(spec, false));
        for (const Ref& ref : winners(sources[t], spec)) copy_row(ref, stacked, spec.fields.size());
        out.tables.push_back(std::move(stacked));
    }
    return out;
}

}  // namespace corparent::ssda903
