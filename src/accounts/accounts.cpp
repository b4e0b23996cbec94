#include "accounts/accounts.h"

#include <chrono>
#include <stdexcept>

#include <fmt/chrono.h>

#include "accounts/secrets.h"
#include "store/accounts.h"

namespace corparent::accounts {
namespace {

std::string now_iso() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

User from_row(const store::UserRow& r) {
    return {r.id, r.email, parse_role(r.role).value_or(Role::BoardMember), r.sw_id, r.totp_confirmed, r.disabled};
}

store::UserRow require_user(store::Database& db, const std::string& email) {
    auto row = store::find_user_by_email(db, lower(email));
    if (!row) throw std::invalid_argument("there is no user " + email);
    return *row;
}

std::string account_key(const std::string& email) { return "account:" + lower(email); }
std::string address_key(const std::string& address) { return "address:" + address; }

void record_failure(store::Database& db, const std::string& email, const Actor& from, long long now) {
    store::record_sign_in_failure(db, account_key(email), now);
    store::record_sign_in_failure(db, address_key(from.address), now);
}

// A new session, or the same one under a new token (after the second factor: a token seen before the
// user proved who they are is not the token of the complete session).
std::string open_session(store::Database& db, long long user_id, bool second_factor, long long now,
                         long long created_at) {
    std::string token = random_token();
    store::insert_session(db, {token_hash(token), user_id, random_token(), second_factor, created_at, now});
    return token;
}

}  // namespace

void audit(store::Database& db, const Actor& actor, const std::string& action, const std::string& object,
           const std::string& detail) {
    store::append_audit(db, {0, now_iso(), actor.who, action, object, detail, actor.address});
}

User add_user(store::Database& db, const std::string& email_in, Role role, const std::string& password,
              const std::optional<std::string>& sw_id, const Actor& actor) {
    std::string email = lower(email_in);
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= email.size() || email.size() > 254 ||
        email.find_first_of(" \t\r\n") != std::string::npos)
        throw std::invalid_argument("enter an email address in the correct format, like name@example.gov.uk");
    if (password.size() < 12)
        throw std::invalid_argument("the password must be at least 12 characters (three random words make a good one)");
    if (sw_id && !(sw_id->starts_with("SW") && sw_id->size() <= 20))
        throw std::invalid_argument("an SW_ID starts with SW, as in the 903 return");
    if (store::find_user_by_email(db, email)) throw std::invalid_argument("there is already a user " + email);
    store::UserRow row;
    row.email = email;
    row.role = role_id(role);
    row.password_hash = hash_password(password);
    row.sw_id = sw_id;
    row.created_at = now_iso();
    row.id = store::insert_user(db, row);
    audit(db, actor, "user.add", email, std::string("role ") + std::string(role_id(role)) + (sw_id ? ", SW_ID " + *sw_id : ""));
    return from_row(row);
}

std::vector<User> list_users(store::Database& db) {
    std::vector<User> out;
    for (const auto& r : store::list_users(db)) out.push_back(from_row(r));
    return out;
}

std::optional<User> find_user(store::Database& db, const std::string& email) {
    auto row = store::find_user_by_email(db, lower(email));
    if (!row) return std::nullopt;
    return from_row(*row);
}

void set_disabled(store::Database& db, const std::string& email, bool disabled, const Actor& actor) {
    auto row = require_user(db, email);
    store::set_user_disabled(db, row.id, disabled);
    if (disabled) store::delete_user_sessions(db, row.id);
    audit(db, actor, disabled ? "user.disable" : "user.enable", row.email);
}

void set_sw_id(store::Database& db, const std::string& email, const std::optional<std::string>& sw_id, const Actor& actor) {
    auto row = require_user(db, email);
    if (sw_id && !sw_id->starts_with("SW")) throw std::invalid_argument("an SW_ID starts with SW, as in the 903 return");
    store::set_user_sw_id(db, row.id, sw_id);
    audit(db, actor, "user.sw_id", row.email, sw_id.value_or("none"));
}

std::string enrol_second_factor(store::Database& db, const std::string& email, const Actor& actor) {
    auto row = require_user(db, email);
    std::string secret = new_totp_secret();
    store::set_user_totp(db, row.id, secret, true);
    audit(db, actor, "user.second_factor_set_up", row.email, "enrolled without signing in");
    return secret;
}

void reset_second_factor(store::Database& db, const std::string& email, const Actor& actor) {
    auto row = require_user(db, email);
    store::set_user_totp(db, row.id, std::nullopt, false);
    store::delete_user_sessions(db, row.id);
    audit(db, actor, "user.reset_second_factor", row.email);
}

SignIn sign_in(store::Database& db, const std::string& email_in, const std::string& password, const Actor& from,
               long long now, const Policy& policy) {
    std::string email = lower(email_in);
    long long since = now - policy.throttle_window_seconds;
    long long wait = 0;
    for (auto [key, limit] : {std::pair{account_key(email), policy.account_failures},
                              std::pair{address_key(from.address), policy.address_failures}}) {
        // Refused until enough of the failures in the window have aged out of it.
        auto times = store::sign_in_failure_times(db, key, since);
        if (static_cast<long long>(times.size()) >= limit)
            wait = std::max(wait, times[times.size() - static_cast<std::size_t>(limit)] + policy.throttle_window_seconds - now);
    }
    if (wait > 0) {
        audit(db, {email, from.address}, "sign_in.throttled", email);
        return {SignInOutcome::Throttled, "", wait};
    }
    auto row = store::find_user_by_email(db, email);
    // Check a password even for an unknown account, so the time taken does not say which accounts exist.
    static const std::string decoy = hash_password("not a password anyone has");
    bool ok = verify_password(row ? row->password_hash : decoy, password) && row && !row->disabled;
    if (!ok) {
        record_failure(db, email, from, now);
        audit(db, {email, from.address}, "sign_in.failed", email, row && row->disabled ? "account disabled" : "");
        return {SignInOutcome::WrongDetails, "", 0};
    }
    store::clear_sign_in_failures(db, account_key(email));
    User user = from_row(*row);
    bool needs = needs_second_factor(user.role);
    SignIn result{SignInOutcome::SignedIn, open_session(db, user.id, !needs, now, now), 0};
    if (needs) result.outcome = user.second_factor_set_up ? SignInOutcome::NeedsCode : SignInOutcome::NeedsSetUp;
    audit(db, {email, from.address}, "sign_in.password", email, needs ? "second factor next" : "signed in");
    return result;
}

std::optional<Session> resume(store::Database& db, const std::string& token, long long now, const Policy& policy) {
    if (token.empty()) return std::nullopt;
    std::string hash = token_hash(token);
    auto s = store::find_session(db, hash);
    if (!s) return std::nullopt;
    auto user = store::find_user(db, s->user_id);
    if (!user || user->disabled || now - s->last_seen_at > policy.idle_seconds ||
        now - s->created_at > policy.absolute_seconds) {
        store::delete_session(db, hash);
        return std::nullopt;
    }
    // Writing on every request would make each page a write; a minute's precision is enough.
    if (now - s->last_seen_at >= 60) store::touch_session(db, hash, now);
    return Session{hash, from_row(*user), s->csrf_token, s->second_factor};
}

std::optional<std::string> give_second_factor(store::Database& db, const Session& session, const std::string& code,
                                              const Actor& from, long long now, const Policy& policy) {
    auto row = store::find_user(db, session.user.id);
    long long since = now - policy.throttle_window_seconds;
    if (!row || !row->totp_secret || !row->totp_confirmed ||
        store::count_sign_in_failures(db, account_key(row->email), since) >= policy.account_failures)
        return std::nullopt;
    auto step = totp_match(*row->totp_secret, code, now);
    if (!step || !store::use_totp_step(db, row->id, *step)) {
        record_failure(db, row->email, from, now);
        audit(db, {row->email, from.address}, "sign_in.code_failed", row->email);
        return std::nullopt;
    }
    auto old = store::find_session(db, session.token_hash);
    store::delete_session(db, session.token_hash);
    audit(db, {row->email, from.address}, "sign_in", row->email, "with a second factor");
    return open_session(db, row->id, true, now, old ? old->created_at : now);
}

std::string start_second_factor_set_up(store::Database& db, const Session& session) {
    std::string secret = new_totp_secret();
    store::set_user_totp(db, session.user.id, secret, false);
    return secret;
}

std::optional<std::string> pending_second_factor_secret(store::Database& db, const Session& session) {
    auto row = store::find_user(db, session.user.id);
    if (!row || row->totp_confirmed || !row->totp_secret) return std::nullopt;
    return row->totp_secret;
}

std::optional<std::string> confirm_second_factor_set_up(store::Database& db, const Session& session,
                                                        const std::string& code, const Actor& from, long long now,
                                                        const Policy& policy) {
    auto row = store::find_user(db, session.user.id);
    if (!row || row->totp_confirmed || !row->totp_secret ||
        store::count_sign_in_failures(db, account_key(row->email), now - policy.throttle_window_seconds) >=
            policy.account_failures)
        return std::nullopt;
    auto step = totp_match(*row->totp_secret, code, now);
    if (!step) {
        record_failure(db, row->email, from, now);
        return std::nullopt;
    }
    store::set_user_totp(db, row->id, row->totp_secret, true);
    store::use_totp_step(db, row->id, *step);
    audit(db, {row->email, from.address}, "user.second_factor_set_up", row->email);
    audit(db, {row->email, from.address}, "sign_in", row->email, "with a second factor, just set up");
    auto old = store::find_session(db, session.token_hash);
    store::delete_session(db, session.token_hash);
    return open_session(db, row->id, true, now, old ? old->created_at : now);
}

void sign_out(store::Database& db, const Session& session, const Actor& from) {
    store::delete_session(db, session.token_hash);
    audit(db, from, "sign_out", session.user.email);
}

PasswordChange change_password(store::Database& db, const Session& session, const std::string& current,
                               const std::string& replacement, const std::string& again, const Actor& from) {
    auto row = store::find_user(db, session.user.id);
    if (!row || !verify_password(row->password_hash, current)) {
        audit(db, from, "user.password_change_failed", session.user.email);
        return PasswordChange::WrongCurrent;
    }
    if (replacement.size() < 12) return PasswordChange::TooShort;
    if (replacement != again) return PasswordChange::Differs;
    store::set_user_password(db, row->id, hash_password(replacement));
    // Sessions elsewhere (a shared computer, a lost phone) end; this one goes on.
    auto keep = store::find_session(db, session.token_hash);
    store::delete_user_sessions(db, row->id);
    if (keep) store::insert_session(db, *keep);
    audit(db, from, "user.password_changed", row->email);
    return PasswordChange::Changed;
}

void tidy(store::Database& db, long long now, const Policy& policy) {
    store::delete_expired_sessions(db, now - policy.idle_seconds, now - policy.absolute_seconds);
    store::delete_sign_in_failures_before(db, now - policy.throttle_window_seconds);
}

}  // namespace corparent::accounts
