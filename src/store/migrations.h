// The schema, as forward-only migrations: a database is at version N when migrations 1..N are applied.
#pragma once

#include <string>
#include <vector>

namespace corparent::store {

struct Migration {
    int version;
    std::string name;
    std::vector<std::string> statements;   // "{serial}" stands for the backend's auto-increment key
    std::vector<std::string> sqlite_only = {};     // where the two dialects differ (triggers)
    std::vector<std::string> postgres_only = {};
};

const std::vector<Migration>& migrations();

}  // namespace corparent::store
