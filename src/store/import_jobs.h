// Imports started in the browser: where each has got, so that any server can show its progress.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct ImportJobRow {
    std::string id;
    int return_year = 0;
    std::string started_by, started_at, status, detail;
    bool finished = false, committed = false;
    int errors = 0, warnings = 0;
};

void insert_import_job(Database& db, const ImportJobRow& job);
void update_import_job(Database& db, const ImportJobRow& job);   // every field but id, year, who and when
std::optional<ImportJobRow> find_import_job(Database& db, const std::string& id);

struct ImportRow {
    long long id = 0;
    int return_year = 0;
    std::string imported_at, source;
    int files = 0;
    long long rows = 0;
    int errors = 0, warnings = 0;
};
std::vector<ImportRow> list_imports(Database& db);   // newest first

}  // namespace corparent::store
