// The 903's tables: exact column lists (spec/ssda903.md section 1), what each field holds, and the DfE
// rule that a bad value breaks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ssda903/code_lists.h"

namespace corparent::ssda903 {

enum class TableId { Header, Episodes, Reviews, Uasc, Oc2, Oc3, Ad1, PlacedAdoption, PrevPerm, Missing, SwEpisodes, DoLo };

enum class FieldKind {
    Child,        // the council's child id: letters, digits and a few separators
    Date,         // dd/mm/yyyy, stored as yyyy-mm-dd
    PartialDate,  // dd/mm/yyyy where ZZ may stand for an unknown day or month (DATE_PERM)
    Code,         // one of a code list for the return's year
    Score,        // a whole number within [min, max]
    Upn,          // a letter and 12 digits, or UN1-UN5
    Postcode,     // a UK postcode, full or partial
    Urn,          // Ofsted URN: digits or XXXXXXX
    SwId,         // social worker id: starts SW or XX
    LaCode,       // a DfE LA code (3 digits) or WAL, SCO, NIR, NUK
};

struct FieldSpec {
    std::string_view name;      // as in the file's header
    FieldKind kind;
    bool required;              // blank is an error
    CodeList codes = CodeList::Flag;   // for Code
    std::string_view rule;      // DfE rule a bad value breaks; ours where DfE has none
    int min = 0, max = 0;       // for Score
};

struct TableSpec {
    TableId id;
    std::string_view name;         // the DfE validator's name, e.g. "Episodes"
    std::string_view file_name;    // usual file name, e.g. "episodes.csv"
    std::string_view store_name;   // table in the store
    int first_year;                // first collection year it is collected
    std::vector<FieldSpec> fields; // in the order the store keeps them; CHILD first
    std::string_view key_field;    // with CHILD, identifies a row when returns are stacked ("" = CHILD alone)
};

const std::vector<TableSpec>& tables();
const TableSpec& table(TableId id);
// Index of `name` in the table's fields, or -1.
int field_index(const TableSpec& table, std::string_view name);

// Which known table a header names, by its set of column names (order and file name do not matter).
struct HeaderMatch {
    const TableSpec* table = nullptr;   // exact match
    const TableSpec* nearest = nullptr; // when not exact: the table it most looks like, if any
    std::vector<std::string> missing, extra, duplicated;
};
HeaderMatch match_header(const std::vector<std::string>& columns);

}  // namespace corparent::ssda903
