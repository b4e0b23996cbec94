// The store: one SOCI session on SQLite (embedded, the default) or PostgreSQL 15, with the schema's
// migrations applied when it opens.
#pragma once

#include <memory>
#include <string>

#include <soci/soci.h>

namespace corparent::store {

enum class Backend { Sqlite, Postgres };

class Database {
public:
    // `target` is a file path (SQLite; created if missing) or a PostgreSQL connection string
    // ("postgresql://..." or "host=... dbname=..."). Applies any migration not yet applied.
    // Throws std::runtime_error with the reason when it cannot.
    static std::unique_ptr<Database> open(const std::string& target);

    soci::session& session() { return session_; }
    Backend backend() const { return backend_; }
    int schema_version();
    // Inside a transaction that will write: on SQLite, takes the write lock now, before any read, so that
    // another connection's commit meanwhile makes this one wait (busy timeout) rather than fail with
    // "database is locked" when its read snapshot has gone stale. Nothing on PostgreSQL.
    void claim_write_lock();

    // Native handles for bulk work inside store/ only.
    void* native_sqlite();
    void* native_postgres();

private:
    Database() = default;
    soci::session session_;
    Backend backend_ = Backend::Sqlite;
};

bool is_postgres_target(const std::string& target);

// An error's message fit for the log: SOCI appends the statement and its bound values (" while executing
// ... with :x=..."), which may be a child's words or contact details; they are cut off.
std::string loggable_error(const std::string& what);

}  // namespace corparent::store
