// Importing returns into the store: read and check, then replace the year's return, restack every
// year, and keep the findings, all in one transaction.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ssda903/finding.h"
#include "ssda903/stack.h"
#include "store/database.h"

namespace corparent::ssda903 {

struct ImportRequest {
    int year = 0;                    // the year ending 31 March
    std::filesystem::path dir;       // the folder of CSV files
};

struct YearImported {
    int year = 0;
    bool refused = false;            // nothing of this year was stored
    std::map<std::string, long> rows;   // per 903 table name
    int errors = 0, warnings = 0;
};

struct ImportOutcome {
    bool committed = false;          // false: the store is as it was
    std::vector<YearImported> years;
    Findings findings;               // every finding of the read returns and of stacking
    int repaired_episodes = 0;
};

// Imports one or more years in one transaction. A year refused for its structure (or, with `strict`,
// for any error) refuses the whole import. Throws std::runtime_error on a store failure.
// `progress` hears, in words for people, what the import is doing ("Writing the 2024-25 return").
ImportOutcome import_returns(store::Database& db, const std::vector<ImportRequest>& requests, bool strict,
                             const StackRules& rules = {},
                             const std::function<void(const std::string&)>& progress = {});

// Every year folder under `root` (folders named by a year, e.g. 2025/), in year order.
std::vector<ImportRequest> year_folders(const std::filesystem::path& root);

}  // namespace corparent::ssda903
