// The web application, apart from the socket: every route with the roles that may use it, the session
// and CSRF checks, the security headers, the error pages. One place decides who may do what.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "settings/settings.h"
#include "store/database.h"
#include "web/http.h"

namespace corparent::web {

struct RouteInfo {
    std::string method, path;            // a path ending in "*" matches everything below it
    bool is_public = false;              // no account needed
    std::vector<accounts::Role> roles;   // who may use it when not public
    bool before_second_factor = false;   // usable while signing in (second factor not given yet)
};

class App {
public:
    // `database` is the store's target, for work that needs a connection of its own (background imports).
    App(settings::Settings settings, std::string database);
    ~App();

    // Answers a request; never throws (a failure is the 500 page). `now` in seconds since the epoch.
    Response handle(const Request& request, store::Database& db, long long now) const;
    // Answers what needs no database (assets, /health's liveness) at once; nullopt for everything else.
    std::optional<Response> handle_without_store(const Request& request) const;
    // The route's pattern for a request, for the request log (never the raw path, which may name a child).
    std::string route_pattern(const Request& request) const;

    std::vector<RouteInfo> routes() const;
    const settings::Settings& settings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Added to every response, whatever produced it.
void add_security_headers(Response& response, bool tls);

}  // namespace corparent::web
