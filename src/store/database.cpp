#include "store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "store/migrations.h"

namespace corparent::store {
namespace {

std::string for_backend(std::string sql, Backend backend) {
    const std::string token = "{serial}";
    const std::string serial = backend == Backend::Sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
    for (std::size_t p; (p = sql.find(token)) != std::string::npos;) sql.replace(p, token.size(), serial);
    return sql;
}

void migrate(Database& db) {
    auto& sql = db.session();
    if (db.backend() == Backend::Postgres) {
        // Two servers starting together must not both migrate.
        sql << "SELECT pg_advisory_lock(90320001)";
    }
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
           "applied_at TEXT NOT NULL)";
    int current = db.schema_version();
    for (const auto& m : migrations()) {
        if (m.version <= current) continue;
        soci::transaction tx(sql);
        for (const auto& statement : m.statements) sql << for_backend(statement, db.backend());
        for (const auto& statement : db.backend() == Backend::Sqlite ? m.sqlite_only : m.postgres_only) sql << statement;
        sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, CURRENT_TIMESTAMP)",
            soci::use(m.version), soci::use(m.name);
        tx.commit();
    }
    if (db.backend() == Backend::Postgres) sql << "SELECT pg_advisory_unlock(90320001)";
}

}  // namespace

bool is_postgres_target(const std::string& target) {
    return target.starts_with("postgresql://") || target.starts_with("postgres://") ||
           target.find("dbname=") != std::string::npos || target.find("host=") != std::string::npos;
}

std::unique_ptr<Database> Database::open(const std::string& target) {
    std::unique_ptr<Database> db(new Database());
    try {
        if (is_postgres_target(target)) {
            db->backend_ = Backend::Postgres;
            db->session_.open(soci::postgresql, target);
            db->session_ << "SET client_min_messages TO WARNING";
        } else {
            db->backend_ = Backend::Sqlite;
            db->session_.open(soci::sqlite3, "db=" + target + " timeout=30");
            db->session_ << "PRAGMA journal_mode=WAL";
            db->session_ << "PRAGMA foreign_keys=ON";
            db->session_ << "PRAGMA synchronous=NORMAL";
        }
        migrate(*db);
    } catch (const soci::soci_error& e) {
        throw std::runtime_error("cannot open the database " +
                                 (db->backend_ == Backend::Postgres ? std::string("(PostgreSQL)") : target) + ": " +
                                 e.what());
    }
    return db;
}

int Database::schema_version() {
    int version = 0;
    soci::indicator ind = soci::i_null;
    session_ << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

void Database::claim_write_lock() {
    if (backend_ == Backend::Sqlite) session_ << "UPDATE schema_migrations SET name = name WHERE 1 = 0";
}

void* Database::native_sqlite() {
    return static_cast<soci::sqlite3_session_backend*>(session_.get_backend())->conn_;
}

void* Database::native_postgres() {
    return static_cast<soci::postgresql_session_backend*>(session_.get_backend())->conn_;
}

std::string loggable_error(const std::string& what) {
    auto at = what.find(" while executing ");
    return at == std::string::npos ? what : what.substr(0, at) + " (statement and values not logged)";
}

}  // namespace corparent::store
