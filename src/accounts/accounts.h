// Accounts: who may sign in, as what, and how (password, then a code from an authenticator app for the
// roles that need one); their sessions; the throttling of failed sign-ins; and the audit log.
// Everything lives in the store, so several servers can share it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/roles.h"
#include "store/database.h"

namespace corparent::accounts {

struct Policy {
    long long idle_seconds = 30 * 60;          // a session unused this long ends
    long long absolute_seconds = 12 * 60 * 60; // and none lasts longer than this
    long long throttle_window_seconds = 15 * 60;
    long long account_failures = 5;            // failed sign-ins per account within the window
    long long address_failures = 20;           // and per address
};

struct User {
    long long id = 0;
    std::string email;
    Role role = Role::BoardMember;
    std::optional<std::string> sw_id;          // a worker's SW_ID: how their caseload is known
    bool second_factor_set_up = false;
    bool disabled = false;
};

// Who did something and from where, for the audit log.
struct Actor {
    std::string who;       // an email, or "cli" / "system"
    std::string address;   // the client's address, or "local"
};

void audit(store::Database& db, const Actor& actor, const std::string& action, const std::string& object,
           const std::string& detail = "");

// Throws std::invalid_argument with a message for people when the email, role or password will not do.
User add_user(store::Database& db, const std::string& email, Role role, const std::string& password,
              const std::optional<std::string>& sw_id, const Actor& actor);
std::vector<User> list_users(store::Database& db);
std::optional<User> find_user(store::Database& db, const std::string& email);
// Disabling ends the user's sessions at once.
void set_disabled(store::Database& db, const std::string& email, bool disabled, const Actor& actor);
void set_sw_id(store::Database& db, const std::string& email, const std::optional<std::string>& sw_id, const Actor& actor);
// Gives the user a confirmed authenticator secret without their signing in (for the demo council's
// accounts, whose secrets are printed); returns the secret.
std::string enrol_second_factor(store::Database& db, const std::string& email, const Actor& actor);
// The user must set up their authenticator app again at the next sign-in.
void reset_second_factor(store::Database& db, const std::string& email, const Actor& actor);

enum class SignInOutcome { SignedIn, NeedsCode, NeedsSetUp, WrongDetails, Throttled };

struct SignIn {
    SignInOutcome outcome = SignInOutcome::WrongDetails;
    std::string token;            // the new session's token (to set as a cookie)
    long long retry_after = 0;    // when throttled: seconds to wait
};

// Checks a password. Failures are counted per account and per address; past the limits the attempt is
// refused without checking. A disabled account gets the same answer as a wrong password.
SignIn sign_in(store::Database& db, const std::string& email, const std::string& password, const Actor& from,
               long long now, const Policy& policy);

struct Session {
    std::string token_hash;
    User user;
    std::string csrf_token;
    bool second_factor = false;   // the second factor was given (or the role needs none)
    bool complete() const { return second_factor || !needs_second_factor(user.role); }
};

// The session a token belongs to, if it is live: not idle or too old, its user not disabled. Marks it
// used.
std::optional<Session> resume(store::Database& db, const std::string& token, long long now, const Policy& policy);

// Checks a code from the authenticator app for a signed-in session. On success the session gets a new
// token (returned) and counts as complete; a code can be used once. Failures count as failed sign-ins.
std::optional<std::string> give_second_factor(store::Database& db, const Session& session, const std::string& code,
                                              const Actor& from, long long now, const Policy& policy);

// Setting up the authenticator app: a new secret, kept unconfirmed until a code from it is given.
std::string start_second_factor_set_up(store::Database& db, const Session& session);
std::optional<std::string> confirm_second_factor_set_up(store::Database& db, const Session& session,
                                                        const std::string& code, const Actor& from, long long now,
                                                        const Policy& policy);
// The unconfirmed secret being set up, if any.
std::optional<std::string> pending_second_factor_secret(store::Database& db, const Session& session);

void sign_out(store::Database& db, const Session& session, const Actor& from);

enum class PasswordChange { Changed, WrongCurrent, TooShort, Differs };
// A signed-in user replaces their password (the current one first); every other session of theirs ends.
PasswordChange change_password(store::Database& db, const Session& session, const std::string& current,
                               const std::string& replacement, const std::string& again, const Actor& from);

// Removes expired sessions and old failures; safe to call from any server at any time.
void tidy(store::Database& db, long long now, const Policy& policy);

}  // namespace corparent::accounts
