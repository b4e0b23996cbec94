// A fresh, empty database for a test on either backend: a new SQLite file, or a new schema on the
// throw-away PostgreSQL that the test command starts (CORPARENT_TEST_PG holds its connection string).
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include <soci/postgresql/soci-postgresql.h>

#include "store/database.h"

namespace corparent::test_support {

// The target string a test opens: a file path or a PostgreSQL connection string.
inline std::string fresh_target(store::Backend backend) {
    static std::atomic<int> counter{0};
    std::string name = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (backend == store::Backend::Sqlite) {
        auto path = std::filesystem::temp_directory_path() / ("corparent_" + name + ".db");
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
        return path.string();
    }
    const char* pg = std::getenv("CORPARENT_TEST_PG");
    if (!pg || !*pg) {
        ADD_FAILURE() << "CORPARENT_TEST_PG is not set: run the tests with ./corparent.sh test, which starts PostgreSQL";
        return {};
    }
    {
        soci::session admin(soci::postgresql, pg);
        admin << "SET client_min_messages TO WARNING";
        admin << "CREATE SCHEMA " + name;
    }
    return std::string(pg) + " options='-c search_path=" + name + "'";
}

inline std::unique_ptr<store::Database> fresh_database(store::Backend backend) {
    std::string target = fresh_target(backend);
    if (target.empty()) return nullptr;
    return store::Database::open(target);
}

inline std::string backend_name(const ::testing::TestParamInfo<store::Backend>& info) {
    return info.param == store::Backend::Sqlite ? "SQLite" : "PostgreSQL";
}

}  // namespace corparent::test_support
