// A web application on a fresh database, with a signed-in session for any role: requests go straight to
// App::handle, no socket.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "accounts/accounts.h"
#include "accounts/secrets.h"
#include "board/pledge.h"
#include "store/accounts.h"
#include "web/app.h"
#include "../store/test_database.h"

namespace corparent::test_support {

inline constexpr const char* kPassword = "correct horse battery staple";

class WebFixture {
public:
    explicit WebFixture(store::Backend backend = store::Backend::Sqlite, settings::Settings s = default_settings())
        : target(fresh_target(backend)),
          db(target.empty() ? nullptr : store::Database::open(target)),
          app(std::move(s), target) {
        if (db) board::seed_pledge(*db, app.settings().data_dir);
    }

    static settings::Settings default_settings() { return settings::load_settings("/nonexistent", false); }

    std::string target;
    std::unique_ptr<store::Database> db;
    web::App app;
    long long now = 1'800'000'000;

    web::Response get(const std::string& path, const std::string& token = "") {
        return send("GET", path, {}, token);
    }
    web::Response post(const std::string& path, std::map<std::string, std::string> form, const std::string& token = "",
                       std::map<std::string, std::string> cookies = {}) {
        return send("POST", path, std::move(form), token, std::move(cookies));
    }
    web::Response send(const std::string& method, const std::string& path, std::map<std::string, std::string> form,
                       const std::string& token, std::map<std::string, std::string> cookies = {}) {
        web::Request r;
        r.method = method;
        auto q = path.find('?');
        r.path = path.substr(0, q);
        if (q != std::string::npos) r.query = web::parse_urlencoded(path.substr(q + 1));
        r.form = std::move(form);
        r.cookies = std::move(cookies);
        if (!token.empty()) r.cookies["corparent_session"] = token;
        r.address = address;
        return app.handle(r, *db, now);
    }

    accounts::User add(const std::string& email, accounts::Role role) {
        return accounts::add_user(*db, email, role, kPassword, std::nullopt, {"test", "local"});
    }

    // Signs a new user of `role` in all the way (second factor set up and given); returns the token.
    std::string signed_in(accounts::Role role, const std::string& email = "") {
        std::string e = email.empty() ? std::string(accounts::role_id(role)) + "@example.gov.uk" : email;
        if (!accounts::find_user(*db, e)) add(e, role);
        auto result = accounts::sign_in(*db, e, kPassword, {e, address}, now, policy());
        EXPECT_NE(result.outcome, accounts::SignInOutcome::WrongDetails);
        if (result.outcome == accounts::SignInOutcome::SignedIn) return result.token;
        auto session = *accounts::resume(*db, result.token, now, policy());
        if (result.outcome == accounts::SignInOutcome::NeedsSetUp) {
            auto secret = accounts::start_second_factor_set_up(*db, session);
            secrets[e] = secret;
            return *accounts::confirm_second_factor_set_up(*db, session, *accounts::totp_code(secret, now / 30),
                                                           {e, address}, now, policy());
        }
        // A code can be used once: a second sign-in within the step takes the next step's code.
        return *accounts::give_second_factor(*db, session, *accounts::totp_code(secrets[e], now / 30 + 1), {e, address},
                                             now, policy());
    }

    std::string csrf(const std::string& token) { return accounts::resume(*db, token, now, policy())->csrf_token; }
    const accounts::Policy& policy() const { return app.settings().server.sessions; }

    std::string address = "192.0.2.1";
    std::map<std::string, std::string> secrets;
};

inline std::string header(const web::Response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
        if (n == name) return v;
    return "";
}

// The value a response's Set-Cookie gives the cookie `name`; "" when it sets none.
inline std::string cookie_value(const web::Response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
        if (n == "Set-Cookie" && v.starts_with(name + "=")) return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
    return "";
}

}  // namespace corparent::test_support
