// Users, sessions, sign-in failures and the audit log in the store. Several servers share them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct UserRow {
    long long id = 0;
    std::string email, role, password_hash;
    std::optional<std::string> totp_secret;
    bool totp_confirmed = false;
    long long totp_last_step = 0;
    std::optional<std::string> sw_id;
    bool disabled = false;
    std::string created_at;
};

std::optional<UserRow> find_user_by_email(Database& db, const std::string& email);
std::optional<UserRow> find_user(Database& db, long long id);
std::vector<UserRow> list_users(Database& db);
long long insert_user(Database& db, const UserRow& user);   // returns the new id
void set_user_disabled(Database& db, long long id, bool disabled);
void set_user_sw_id(Database& db, long long id, const std::optional<std::string>& sw_id);
void set_user_password(Database& db, long long id, const std::string& password_hash);
void set_user_totp(Database& db, long long id, const std::optional<std::string>& secret, bool confirmed);
// Records that a TOTP step was used, only if it is later than the last one used: false means the code
// was already spent (on any server).
bool use_totp_step(Database& db, long long id, long long step);

struct SessionRow {
    std::string token_hash;
    long long user_id = 0;
    std::string csrf_token;
    bool second_factor = false;
    long long created_at = 0, last_seen_at = 0;   // seconds since the epoch
};

void insert_session(Database& db, const SessionRow& session);
std::optional<SessionRow> find_session(Database& db, const std::string& token_hash);
void touch_session(Database& db, const std::string& token_hash, long long now);
void delete_session(Database& db, const std::string& token_hash);
void delete_user_sessions(Database& db, long long user_id);
// Removes sessions idle since before `idle_before` or created before `created_before`.
void delete_expired_sessions(Database& db, long long idle_before, long long created_before);

void record_sign_in_failure(Database& db, const std::string& key, long long at);
long long count_sign_in_failures(Database& db, const std::string& key, long long since);
// When each failure since `since` happened, oldest first.
std::vector<long long> sign_in_failure_times(Database& db, const std::string& key, long long since);
void clear_sign_in_failures(Database& db, const std::string& key);
void delete_sign_in_failures_before(Database& db, long long before);

struct AuditRow {
    long long id = 0;
    std::string at, actor, action, object, detail, address;
};

struct AuditFilter {
    std::string actor, action, from, to;   // "" = any; from/to are dates (yyyy-mm-dd), inclusive
    int limit = 200, offset = 0;
};

void append_audit(Database& db, const AuditRow& row);
std::vector<AuditRow> find_audit(Database& db, const AuditFilter& filter);   // newest first
long long count_audit(Database& db, const AuditFilter& filter);

}  // namespace corparent::store
