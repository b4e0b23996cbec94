#include "store/bulk.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <stdexcept>

namespace corparent::store {
namespace {

std::string column_list(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
    return out;
}

void sqlite_check(sqlite3* conn, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(conn));
}

void insert_sqlite(sqlite3* conn, const TextTable& rows) {
    std::string sql = "INSERT INTO " + rows.name() + " (" + column_list(rows.columns()) + ") VALUES (";
    for (std::size_t i = 0; i < rows.columns().size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
    sqlite3_stmt* stmt = nullptr;
    sqlite_check(conn, sqlite3_prepare_v2(conn, sql.c_str(), -1, &stmt, nullptr), "prepare insert");
    const std::size_t n = rows.columns().size();
    try {
        for (std::size_t r = 0; r < rows.rows(); ++r) {
            for (std::size_t c = 0; c < n; ++c) {
                auto v = rows.get(r, c);
                int rc = v ? sqlite3_bind_text(stmt, static_cast<int>(c + 1), v->data(), static_cast<int>(v->size()),
                                               SQLITE_STATIC)
                           : sqlite3_bind_null(stmt, static_cast<int>(c + 1));
                sqlite_check(conn, rc, "bind");
            }
            sqlite_check(conn, sqlite3_step(stmt), ("insert into " + rows.name()).c_str());
            sqlite3_reset(stmt);
        }
    } catch (...) {
        sqlite3_finalize(stmt);
        throw;
    }
    sqlite3_finalize(stmt);
}

// COPY's text format: backslash escapes, \N for null.
void append_copy_value(std::string& out, std::string_view v) {
    for (char c : v) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

void insert_postgres(PGconn* conn, const TextTable& rows) {
    std::string sql = "COPY " + rows.name() + " (" + column_list(rows.columns()) + ") FROM STDIN";
    PGresult* res = PQexec(conn, sql.c_str());
    if (PQresultStatus(res) != PGRES_COPY_IN) {
        std::string err = PQerrorMessage(conn);
        PQclear(res);
        throw std::runtime_error("COPY into " + rows.name() + ": " + err);
    }
    PQclear(res);
    std::string buffer;
    const std::size_t n = rows.columns().size();
    auto flush = [&] {
        if (!buffer.empty() && PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) != 1)
            throw std::runtime_error("COPY into " + rows.name() + ": " + PQerrorMessage(conn));
        buffer.clear();
    };
    for (std::size_t r = 0; r < rows.rows(); ++r) {
        for (std::size_t c = 0; c < n; ++c) {
            if (c) buffer += '\t';
            auto v = rows.get(r, c);
            if (v) append_copy_value(buffer, *v);
            else buffer += "\\N";
        }
        buffer += '\n';
        if (buffer.size() > (1 << 20)) flush();
    }
    flush();
    if (PQputCopyEnd(conn, nullptr) != 1) throw std::runtime_error("COPY end: " + std::string(PQerrorMessage(conn)));
    while ((res = PQgetResult(conn)) != nullptr) {
        bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
        std::string err = ok ? "" : PQresultErrorMessage(res);
        PQclear(res);
        if (!ok) throw std::runtime_error("COPY into " + rows.name() + ": " + err);
    }
}

}  // namespace

void insert_rows(Database& db, const TextTable& rows) {
    if (rows.rows() == 0) return;
    if (db.backend() == Backend::Sqlite) insert_sqlite(static_cast<sqlite3*>(db.native_sqlite()), rows);
    else insert_postgres(static_cast<PGconn*>(db.native_postgres()), rows);
}

TextTable select_rows(Database& db, const std::string& table, const std::vector<std::string>& columns,
                      const std::string& tail) {
    TextTable out(table, columns);
    std::string sql = "SELECT " + column_list(columns) + " FROM " + table + (tail.empty() ? "" : " " + tail);
    const std::size_t n = columns.size();
    if (db.backend() == Backend::Sqlite) {
        auto* conn = static_cast<sqlite3*>(db.native_sqlite());
        sqlite3_stmt* stmt = nullptr;
        sqlite_check(conn, sqlite3_prepare_v2(conn, sql.c_str(), -1, &stmt, nullptr), "prepare select");
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            for (std::size_t c = 0; c < n; ++c) {
                if (sqlite3_column_type(stmt, static_cast<int>(c)) == SQLITE_NULL) {
                    out.add_null();
                    continue;
                }
                const auto* text = sqlite3_column_text(stmt, static_cast<int>(c));
                out.add(std::string_view(reinterpret_cast<const char*>(text),
                                         static_cast<std::size_t>(sqlite3_column_bytes(stmt, static_cast<int>(c)))));
            }
        }
        sqlite3_finalize(stmt);
        sqlite_check(conn, rc, ("select from " + table).c_str());
        return out;
    }
    auto* conn = static_cast<PGconn*>(db.native_postgres());
    PGresult* res = PQexec(conn, sql.c_str());
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        std::string err = PQresultErrorMessage(res);
        PQclear(res);
        throw std::runtime_error("select from " + table + ": " + err);
    }
    int rows = PQntuples(res);
    for (int r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < n; ++c) {
            if (PQgetisnull(res, r, static_cast<int>(c))) out.add_null();
            else out.add(std::string_view(PQgetvalue(res, r, static_cast<int>(c)),
                                          static_cast<std::size_t>(PQgetlength(res, r, static_cast<int>(c)))));
        }
    PQclear(res);
    return out;
}

}  // namespace corparent::store
