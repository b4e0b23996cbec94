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

struct StackedReturns {
    // One per stacked_tables() entry, named stacked_<table>: source_year, source_row, then the table's
    // fields; stacked_episodes also has `repaired` (1 when its DEC/REC were filled in here).
    std::vector<store::TextTable> tables;
    Findings findings;   // stage "stack"
};

// `loaded` holds, per stacked_tables() entry, every imported row of every year: return_year, row_no,
// then the table's fields (as store::load_return_rows gives them).
StackedReturns stack_returns(const std::vector<store::TextTable>& loaded);

}  // namespace corparent::ssda903
