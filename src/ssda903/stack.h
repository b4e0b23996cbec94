// Stacking several years' returns into one history (spec/measures.md section 0 and 8.1-8.5): the later
// return wins for a row both hold; an open episode followed by a later one is closed (X1) and reported.
#pragma once

#include <vector>

#include "ssda903/finding.h"
#include "ssda903/schema.h"
#include "store/text_table.h"

namespace corparent::ssda903 {

// The tables that are stacked, in the order stack_returns() takes and gives them.
const std::vector<TableId>& stacked_tables();

// Rows of one table from several places (the years being imported, and the years already stored), each
// laid out as the store keeps returns: return_year, row_no, then the table's fields.
using RowSources = std::vector<const store::TextTable*>;

struct StackRules {
    // spec 0 [choice]: an open episode followed by a later episode of the same child ends when the next
    // begins, with REC X1. Off: it is left open (and the overlap stays for the measures to meet).
    bool close_open_episodes = true;
};

struct StackedReturns {
    // One per stacked_tables() entry, named stacked_<table>: source_year, source_row, then the table's
    // fields; stacked_episodes also has `repaired` (1 when its DEC/REC were filled in here).
    std::vector<store::TextTable> tables;
    Findings findings;   // stage "stack"
};

// `sources` holds, per stacked_tables() entry, every row of every loaded year.
StackedReturns stack_returns(const std::vector<RowSources>& sources, const StackRules& rules = {});

}  // namespace corparent::ssda903
