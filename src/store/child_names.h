// Children's names in the store. The 903 holds none: a names file (CHILD, name, case-management id)
// exported from the council's case-management system is imported whole, replacing the last one, so
// that the workers who know the children see their names. Also one child's rows of the stacked
// returns, for the pages about one child.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/text_table.h"

namespace corparent::store {

struct ChildNameRow {
    std::string child;       // the council's CHILD id, as the 903 has it
    std::string name;
    std::string case_id;     // the case-management system's id; "" when the file gave none
};

// Replaces every name with `rows` (CHILD ids distinct), stamped `imported_at` (ISO 8601). Runs inside
// the caller's transaction, so that an import lands whole or not at all. Returns how many names there
// were before.
long long replace_child_names(Database& db, const std::vector<ChildNameRow>& rows, const std::string& imported_at);

std::vector<ChildNameRow> load_child_names(Database& db);   // by CHILD
std::optional<ChildNameRow> find_child_name(Database& db, const std::string& child);
long long count_child_names(Database& db);
// When the names held were imported; nullopt when there are none.
std::optional<std::string> child_names_imported_at(Database& db);

// One child's rows of a stacked_* table: the given columns (lower-case names, as text; NULL as null),
// by the return and row they came from. `table` and `columns` are names written in code, never input.
TextTable load_stacked_child(Database& db, const std::string& table, const std::vector<std::string>& columns,
                             const std::string& child);

}  // namespace corparent::store
