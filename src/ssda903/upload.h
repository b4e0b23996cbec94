// Returns uploaded in the browser: the files (CSV, or zip archives of them) go to a folder of their own
// and are imported in the background, with their progress in the store so that any server can show it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ssda903/stack.h"
#include "store/database.h"
#include "store/import_jobs.h"

namespace corparent::ssda903 {

struct UploadedFile {
    std::string name;      // as the browser gave it
    std::string content;
};

// Checks the files (throws std::invalid_argument with a message for people: none, not CSV or zip, a zip
// that cannot be read or holds no CSV), records the job and starts the import on a thread of its own
// with its own connection to `database`. Returns the job's id.
std::string start_upload(const std::string& database, int year, const std::vector<UploadedFile>& files,
                         const std::string& started_by, bool strict, const StackRules& rules);

std::optional<store::ImportJobRow> upload_job(store::Database& db, const std::string& id);
std::vector<store::ImportRow> import_history(store::Database& db);

}  // namespace corparent::ssda903
