// Every route, walked signed out and as every role: each door is open to exactly the people it should be.
#include <gtest/gtest.h>

#include "web_fixture.h"

using namespace corparent;
using accounts::Role;

namespace {

// A concrete path for a route pattern.
std::string path_of(const web::RouteInfo& r) {
    if (r.path.back() != '*') return r.path;
    std::string prefix = r.path.substr(0, r.path.size() - 1);
    if (prefix == "/assets/") return prefix + "govuk-frontend.min.css";
    if (prefix == "/board/papers/") return prefix + "pledge-report.pdf";   // a paper is built, even with no data
    return prefix + "stability_short";
}

// The form fields and cookies a well-made request to the route carries: the sign-in form's token
// (double-submitted), or the session's.
web::Response send(test_support::WebFixture& w, const web::RouteInfo& r, const std::string& token,
                   const std::string& csrf) {
    // A public form (sign-in, the survey) double-submits its form cookie's token when signed out.
    if (r.method == "POST" && r.is_public && (r.path == "/sign-in" || token.empty()))
        return w.send("POST", path_of(r), {{"csrf", "form-token"}}, token, {{"corparent_form", "form-token"}});
    return w.send(r.method, path_of(r), {{"csrf", csrf}}, token);
}

bool allowed(const web::RouteInfo& r, Role role) {
    return r.is_public || std::find(r.roles.begin(), r.roles.end(), role) != r.roles.end();
}

}  // namespace

TEST(Routes, SignedOutOnlyThePublicDoorsOpen) {
    test_support::WebFixture w;
    for (const auto& r : w.app.routes()) {
        auto res = send(w, r, "", "");
        SCOPED_TRACE(r.method + " " + r.path);
        if (r.is_public) {
            EXPECT_NE(res.status, 403);
            EXPECT_NE(test_support::header(res, "Location"), "/sign-in");
        } else if (r.method == "GET") {
            EXPECT_EQ(res.status, 303);
            EXPECT_EQ(test_support::header(res, "Location"), "/sign-in");
        } else {
            EXPECT_EQ(res.status, 403);
        }
    }
}

TEST(Routes, EachRoleGetsInWhereItMayAndIsRefusedElsewhere) {
    test_support::WebFixture w;
    for (Role role : accounts::all_roles()) {
        std::string token = w.signed_in(role);
        std::string csrf = w.csrf(token);
        for (const auto& r : w.app.routes()) {
            if (r.path == "/sign-out") continue;   // walked last: it ends the session
            SCOPED_TRACE(std::string(accounts::role_id(role)) + " " + r.method + " " + r.path);
            auto res = send(w, r, token, csrf);
            if (allowed(r, role)) {
                EXPECT_NE(res.status, 403);
                EXPECT_LT(res.status, 500);
                EXPECT_NE(test_support::header(res, "Location"), "/sign-in");
            } else {
                EXPECT_EQ(res.status, 403);
            }
        }
        auto out = w.post("/sign-out", {{"csrf", csrf}}, token);
        EXPECT_EQ(out.status, 303);
        EXPECT_EQ(w.get("/", token).status, 303);   // the session is gone
    }
}

TEST(Routes, HalfSignedInReachesOnlyTheSecondFactorPages) {
    test_support::WebFixture w;
    w.add("analyst@example.gov.uk", Role::Analyst);
    auto result = accounts::sign_in(*w.db, "analyst@example.gov.uk", test_support::kPassword, {"t", w.address}, w.now,
                                    w.policy());
    ASSERT_EQ(result.outcome, accounts::SignInOutcome::NeedsSetUp);
    auto home = w.get("/", result.token);
    EXPECT_EQ(home.status, 303);
    EXPECT_EQ(test_support::header(home, "Location"), "/two-factor/set-up");
    EXPECT_EQ(w.get("/audit", result.token).status, 303);
    EXPECT_EQ(w.get("/two-factor/set-up", result.token).status, 200);
}

TEST(Routes, UnknownPathsAreNotFound) {
    test_support::WebFixture w;
    EXPECT_EQ(w.get("/no-such-page").status, 404);
    EXPECT_EQ(w.get("/assets/no-such-file.css").status, 404);
    std::string token = w.signed_in(Role::BoardMember);
    EXPECT_EQ(w.get("/no-such-page", token).status, 404);
    EXPECT_EQ(w.get("/sign-out", token).status, 405);
}

TEST(Routes, EveryResponseCarriesTheSecurityHeaders) {
    test_support::WebFixture w;
    std::string token = w.signed_in(Role::Admin);
    for (const auto& path : {"/", "/audit", "/sign-in", "/health", "/no-such-page", "/assets/govuk-frontend.min.css",
                             "/assets/init.js"}) {
        for (const std::string& who : {std::string(), token}) {
            auto res = w.get(path, who);
            SCOPED_TRACE(std::string(path) + (who.empty() ? " signed out" : " signed in"));
            std::string csp = test_support::header(res, "Content-Security-Policy");
            EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
            EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
            EXPECT_NE(csp.find("style-src 'self'"), std::string::npos);
            EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
            EXPECT_EQ(test_support::header(res, "X-Content-Type-Options"), "nosniff");
            EXPECT_EQ(test_support::header(res, "Referrer-Policy"), "no-referrer");
            EXPECT_EQ(test_support::header(res, "Strict-Transport-Security"), "");   // not under TLS
        }
    }
}

TEST(Routes, UnderTlsCookiesAreSecureAndHstsIsSent) {
    auto s = test_support::WebFixture::default_settings();
    s.server.tls = true;
    test_support::WebFixture w(store::Backend::Sqlite, s);
    auto res = w.get("/sign-in");
    EXPECT_NE(test_support::header(res, "Strict-Transport-Security").find("max-age="), std::string::npos);
    std::string cookie = test_support::header(res, "Set-Cookie");
    EXPECT_NE(cookie.find("; Secure"), std::string::npos);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
}

TEST(Routes, PagesHaveNoInlineScriptOrStyle) {
    test_support::WebFixture w;
    std::string token = w.signed_in(Role::Admin);
    for (const auto& path : {"/", "/audit", "/no-such-page"}) {
        auto body = w.get(path, token).body;
        EXPECT_EQ(body.find("<script>"), std::string::npos) << path;
        EXPECT_EQ(body.find("style=\""), std::string::npos) << path;
        EXPECT_EQ(body.find("<style"), std::string::npos) << path;
    }
    EXPECT_EQ(w.get("/sign-in").body.find("style=\""), std::string::npos);
}
