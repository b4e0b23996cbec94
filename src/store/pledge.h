// The Pledge in the store: its versions, their statements in order, and the measures evidencing each.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct PledgeStatementRow {
    std::string statement_id, statement, commitment;
    std::vector<std::string> evidence;   // measure ids, "id" or "id:breakdown"
};

struct PledgeVersionRow {
    int version = 0;
    std::string name, adopted;
    std::vector<PledgeStatementRow> statements;
};

std::vector<PledgeVersionRow> load_pledges(Database& db);   // oldest first
void insert_pledge(Database& db, const PledgeVersionRow& pledge);
void replace_evidence(Database& db, int version, const std::string& statement_id, const std::vector<std::string>& measures);

}  // namespace corparent::store
