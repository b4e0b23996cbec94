// Moving many rows in and out of a table at once, the fast way each backend allows (SQLite prepared
// statements, PostgreSQL COPY). Runs inside the caller's transaction.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"
#include "store/text_table.h"

namespace corparent::store {

// Inserts every row of `rows` into the table rows.name(), columns rows.columns(); null cells as NULL.
void insert_rows(Database& db, const TextTable& rows);

// The rows of `table` (the given columns, as text; NULL as null). `tail` is appended to the query
// (a WHERE or ORDER BY clause written in store/); without it, every row in no particular order.
TextTable select_rows(Database& db, const std::string& table, const std::vector<std::string>& columns,
                      const std::string& tail = "");

}  // namespace corparent::store
