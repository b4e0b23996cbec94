#include "store/accounts.h"

namespace corparent::store {
namespace {

const char* kUserColumns =
    "id, email, role, password_hash, totp_secret, totp_confirmed, totp_last_step, sw_id, disabled, created_at";

// Reads one users row in kUserColumns order.
struct UserInto {
    UserRow row;
    int totp_confirmed = 0, disabled = 0;
    std::string totp_secret, sw_id;
    soci::indicator secret_ind = soci::i_null, sw_ind = soci::i_null;

    UserRow done() {
        row.totp_confirmed = totp_confirmed != 0;
        row.disabled = disabled != 0;
        row.totp_secret = secret_ind == soci::i_ok ? std::optional(totp_secret) : std::nullopt;
        row.sw_id = sw_ind == soci::i_ok ? std::optional(sw_id) : std::nullopt;
        return row;
    }
};

std::optional<UserRow> find_user_where(Database& db, const std::string& where, const auto& key) {
    UserInto u;
    soci::statement st = (db.session().prepare << std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where,
                          soci::into(u.row.id), soci::into(u.row.email), soci::into(u.row.role),
                          soci::into(u.row.password_hash), soci::into(u.totp_secret, u.secret_ind),
                          soci::into(u.totp_confirmed), soci::into(u.row.totp_last_step), soci::into(u.sw_id, u.sw_ind),
                          soci::into(u.disabled), soci::into(u.row.created_at), soci::use(key));
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return u.done();
}

std::string where_clause(const AuditFilter& f) {
    std::string w = "WHERE 1 = 1";
    if (!f.actor.empty()) w += " AND actor = :actor";
    if (!f.action.empty()) w += " AND action = :action";
    if (!f.from.empty()) w += " AND at >= :from_at";
    if (!f.to.empty()) w += " AND at < :to_at";
    return w;
}

// Binds the filter's values to the names where_clause() used.
void bind_filter(soci::statement& st, const AuditFilter& f, std::string& to_next_day) {
    if (!f.actor.empty()) st.exchange(soci::use(f.actor, "actor"));
    if (!f.action.empty()) st.exchange(soci::use(f.action, "action"));
    if (!f.from.empty()) st.exchange(soci::use(f.from, "from_at"));
    if (!f.to.empty()) {
        to_next_day = f.to + "T99";   // every time on the `to` day sorts before this
        st.exchange(soci::use(to_next_day, "to_at"));
    }
}

}  // namespace

std::optional<UserRow> find_user_by_email(Database& db, const std::string& email) {
    return find_user_where(db, "email = :e", email);
}

std::optional<UserRow> find_user(Database& db, long long id) { return find_user_where(db, "id = :i", id); }

std::vector<UserRow> list_users(Database& db) {
    std::vector<UserRow> out;
    std::vector<long long> ids;
    soci::rowset<long long> rs = (db.session().prepare << "SELECT id FROM users ORDER BY email");
    for (long long id : rs) ids.push_back(id);
    for (long long id : ids)
        if (auto u = find_user(db, id)) out.push_back(*u);
    return out;
}

long long insert_user(Database& db, const UserRow& u) {
    int confirmed = u.totp_confirmed, disabled = u.disabled;
    soci::indicator secret_ind = u.totp_secret ? soci::i_ok : soci::i_null, sw_ind = u.sw_id ? soci::i_ok : soci::i_null;
    std::string secret = u.totp_secret.value_or(""), sw = u.sw_id.value_or("");
    db.session() << "INSERT INTO users (email, role, password_hash, totp_secret, totp_confirmed, totp_last_step, sw_id, "
                    "disabled, created_at) VALUES (:e, :r, :p, :s, :c, :l, :w, :d, :a)",
        soci::use(u.email), soci::use(u.role), soci::use(u.password_hash), soci::use(secret, secret_ind),
        soci::use(confirmed), soci::use(u.totp_last_step), soci::use(sw, sw_ind), soci::use(disabled),
        soci::use(u.created_at);
    return find_user_by_email(db, u.email)->id;
}

void set_user_disabled(Database& db, long long id, bool disabled) {
    int d = disabled;
    db.session() << "UPDATE users SET disabled = :d WHERE id = :i", soci::use(d), soci::use(id);
}

void set_user_sw_id(Database& db, long long id, const std::optional<std::string>& sw_id) {
    std::string v = sw_id.value_or("");
    soci::indicator ind = sw_id ? soci::i_ok : soci::i_null;
    db.session() << "UPDATE users SET sw_id = :s WHERE id = :i", soci::use(v, ind), soci::use(id);
}

void set_user_password(Database& db, long long id, const std::string& password_hash) {
    db.session() << "UPDATE users SET password_hash = :p WHERE id = :i", soci::use(password_hash), soci::use(id);
}

void set_user_totp(Database& db, long long id, const std::optional<std::string>& secret, bool confirmed) {
    std::string v = secret.value_or("");
    soci::indicator ind = secret ? soci::i_ok : soci::i_null;
    int c = confirmed;
    db.session() << "UPDATE users SET totp_secret = :s, totp_confirmed = :c, totp_last_step = 0 WHERE id = :i",
        soci::use(v, ind), soci::use(c), soci::use(id);
}

bool use_totp_step(Database& db, long long id, long long step) {
    soci::statement st = (db.session().prepare << "UPDATE users SET totp_last_step = :s WHERE id = :i AND totp_last_step < :s2",
                          soci::use(step), soci::use(id), soci::use(step));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void insert_session(Database& db, const SessionRow& s) {
    int second = s.second_factor;
    db.session() << "INSERT INTO sessions (token_hash, user_id, csrf_token, second_factor, created_at, last_seen_at) "
                    "VALUES (:h, :u, :c, :s, :a, :l)",
        soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.csrf_token), soci::use(second),
        soci::use(s.created_at), soci::use(s.last_seen_at);
}

std::optional<SessionRow> find_session(Database& db, const std::string& token_hash) {
    SessionRow s;
    int second = 0;
    soci::statement st = (db.session().prepare << "SELECT token_hash, user_id, csrf_token, second_factor, created_at, "
                                                  "last_seen_at FROM sessions WHERE token_hash = :h",
                          soci::into(s.token_hash), soci::into(s.user_id), soci::into(s.csrf_token), soci::into(second),
                          soci::into(s.created_at), soci::into(s.last_seen_at), soci::use(token_hash));
    st.execute();
    if (!st.fetch()) return std::nullopt;
    s.second_factor = second != 0;
    return s;
}

void touch_session(Database& db, const std::string& token_hash, long long now) {
    db.session() << "UPDATE sessions SET last_seen_at = :n WHERE token_hash = :h", soci::use(now), soci::use(token_hash);
}

void delete_session(Database& db, const std::string& token_hash) {
    db.session() << "DELETE FROM sessions WHERE token_hash = :h", soci::use(token_hash);
}

void delete_user_sessions(Database& db, long long user_id) {
    db.session() << "DELETE FROM sessions WHERE user_id = :u", soci::use(user_id);
}

void delete_expired_sessions(Database& db, long long idle_before, long long created_before) {
    db.session() << "DELETE FROM sessions WHERE last_seen_at < :i OR created_at < :c", soci::use(idle_before),
        soci::use(created_before);
}

void record_sign_in_failure(Database& db, const std::string& key, long long at) {
    db.session() << "INSERT INTO sign_in_failures (throttle_key, at) VALUES (:k, :a)", soci::use(key), soci::use(at);
}

long long count_sign_in_failures(Database& db, const std::string& key, long long since) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM sign_in_failures WHERE throttle_key = :k AND at >= :s", soci::into(n),
        soci::use(key), soci::use(since);
    return n;
}

std::vector<long long> sign_in_failure_times(Database& db, const std::string& key, long long since) {
    std::vector<long long> out;
    long long at = 0;
    soci::statement st = (db.session().prepare << "SELECT at FROM sign_in_failures WHERE throttle_key = :k AND at >= :s ORDER BY at",
                          soci::into(at), soci::use(key), soci::use(since));
    st.execute();
    while (st.fetch()) out.push_back(at);
    return out;
}

void clear_sign_in_failures(Database& db, const std::string& key) {
    db.session() << "DELETE FROM sign_in_failures WHERE throttle_key = :k", soci::use(key);
}

void delete_sign_in_failures_before(Database& db, long long before) {
    db.session() << "DELETE FROM sign_in_failures WHERE at < :b", soci::use(before);
}

void append_audit(Database& db, const AuditRow& r) {
    db.session() << "INSERT INTO audit_log (at, actor, action, object, detail, address) VALUES (:t, :u, :a, :o, :d, :r)",
        soci::use(r.at), soci::use(r.actor), soci::use(r.action), soci::use(r.object), soci::use(r.detail),
        soci::use(r.address);
}

std::vector<AuditRow> find_audit(Database& db, const AuditFilter& f) {
    std::vector<AuditRow> out;
    AuditRow r;
    std::string to_next_day;
    int limit = f.limit, offset = f.offset;
    soci::statement st(db.session());
    st.alloc();
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.at));
    st.exchange(soci::into(r.actor));
    st.exchange(soci::into(r.action));
    st.exchange(soci::into(r.object));
    st.exchange(soci::into(r.detail));
    st.exchange(soci::into(r.address));
    bind_filter(st, f, to_next_day);
    st.exchange(soci::use(limit, "lim"));
    st.exchange(soci::use(offset, "off"));
    st.prepare("SELECT id, at, actor, action, object, detail, address FROM audit_log " + where_clause(f) +
               " ORDER BY id DESC LIMIT :lim OFFSET :off");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.push_back(r);
    return out;
}

long long count_audit(Database& db, const AuditFilter& f) {
    long long n = 0;
    std::string to_next_day;
    soci::statement st(db.session());
    st.alloc();
    st.exchange(soci::into(n));
    bind_filter(st, f, to_next_day);
    st.prepare("SELECT COUNT(*) FROM audit_log " + where_clause(f));
    st.define_and_bind();
    st.execute(true);
    return n;
}

}  // namespace corparent::store
