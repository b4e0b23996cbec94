#include "ssda903/stored_findings.h"

#include <charconv>

#include "store/returns.h"

namespace corparent::ssda903 {

Findings stored_findings(store::Database& db, int year) {
    store::TextTable rows = store::load_findings(db, year);
    Findings out;
    out.reserve(rows.rows());
    auto text = [&](std::size_t r, std::size_t c) { return std::string(rows.get(r, c).value_or("")); };
    for (std::size_t r = 0; r < rows.rows(); ++r) {
        Finding f;
        f.year = year;
        f.stage = text(r, 1);
        f.file = text(r, 2);
        f.table = text(r, 3);
        std::string row = text(r, 4);
        std::from_chars(row.data(), row.data() + row.size(), f.row);
        f.column = text(r, 5);
        f.rule = text(r, 6);
        f.severity = text(r, 7) == "error" ? Severity::Error : Severity::Warning;
        f.message = text(r, 8);
        f.child = text(r, 9);
        f.raw = text(r, 10);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace corparent::ssda903
