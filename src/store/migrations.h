// The schema, as forward-only migrations: a database is at version N when migrations 1..N are applied.
#pragma once

#include <string>
#include <vector>

namespace corparent::store {

struct Migration {
    int version;
    std::string name;
    std::vector<std::string> statements;   // "{serial}" stands for the backend's auto-increment key
};

const std::vector<Migration>& migrations();

}  // namespace corparent::store
