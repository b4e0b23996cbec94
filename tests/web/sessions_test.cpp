// Signing in and staying signed in: passwords, second factor, CSRF, throttling, timeouts, disabled
// accounts, and the audit log that records it all.
#include <gtest/gtest.h>

#include "web_fixture.h"

using namespace corparent;
using accounts::Role;
using test_support::cookie_value;
using test_support::header;

namespace {

// Signs in through the pages: GET the form (for its token), POST the details.
web::Response sign_in_by_form(test_support::WebFixture& w, const std::string& email, const std::string& password) {
    auto form = w.get("/sign-in");
    std::string token = cookie_value(form, "corparent_form");
    return w.post("/sign-in", {{"csrf", token}, {"email", email}, {"password", password}}, "", {{"corparent_form", token}});
}

long long audit_count(store::Database& db, const std::string& action) {
    store::AuditFilter f;
    f.action = action;
    return store::count_audit(db, f);
}

}  // namespace

TEST(SignIn, TheFormSetsAHttpOnlyStrictCookieAndSignsIn) {
    test_support::WebFixture w;
    w.add("member@example.gov.uk", Role::BoardMember);
    auto res = sign_in_by_form(w, "member@example.gov.uk", test_support::kPassword);
    EXPECT_EQ(res.status, 303);
    EXPECT_EQ(header(res, "Location"), "/");
    std::string cookie = header(res, "Set-Cookie");
    EXPECT_TRUE(cookie.starts_with("corparent_session="));
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    auto home = w.get("/", cookie_value(res, "corparent_session"));
    EXPECT_EQ(home.status, 200);
    EXPECT_NE(home.body.find("Signed in as member@example.gov.uk"), std::string::npos);
    EXPECT_EQ(audit_count(*w.db, "sign_in.password"), 1);
}

TEST(SignIn, AWrongPasswordSaysSoAndNamesNoAccount) {
    test_support::WebFixture w;
    w.add("member@example.gov.uk", Role::BoardMember);
    auto wrong = sign_in_by_form(w, "member@example.gov.uk", "not the password at all");
    auto unknown = sign_in_by_form(w, "nobody@example.gov.uk", "not the password at all");
    for (const auto& res : {wrong, unknown}) {
        EXPECT_EQ(res.status, 400);
        EXPECT_NE(res.body.find("govuk-error-summary"), std::string::npos);
        EXPECT_NE(res.body.find("The email address or password is not right"), std::string::npos);
        EXPECT_NE(res.body.find("<title>Error: "), std::string::npos);
        EXPECT_EQ(cookie_value(res, "corparent_session"), "");
    }
    EXPECT_EQ(audit_count(*w.db, "sign_in.failed"), 2);
}

TEST(SignIn, AFormWithoutItsTokenIsRefused) {
    test_support::WebFixture w;
    w.add("member@example.gov.uk", Role::BoardMember);
    auto res = w.post("/sign-in", {{"csrf", "guess"}, {"email", "member@example.gov.uk"}, {"password", test_support::kPassword}},
                      "", {{"corparent_form", "other"}});
    EXPECT_EQ(res.status, 403);
    EXPECT_EQ(audit_count(*w.db, "sign_in.password"), 0);
}

TEST(SignIn, FailuresAreThrottledPerAccount) {
    test_support::WebFixture w;
    w.add("member@example.gov.uk", Role::BoardMember);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(sign_in_by_form(w, "member@example.gov.uk", "wrong password here").status, 400);
    auto refused = sign_in_by_form(w, "member@example.gov.uk", test_support::kPassword);
    EXPECT_EQ(refused.status, 429);
    EXPECT_NE(refused.body.find("Too many attempts"), std::string::npos);
    // Another account from another address is not held up; after the window the account may try again.
    w.add("other@example.gov.uk", Role::BoardMember);
    w.address = "192.0.2.2";
    EXPECT_EQ(sign_in_by_form(w, "other@example.gov.uk", test_support::kPassword).status, 303);
    w.now += w.policy().throttle_window_seconds + 1;
    EXPECT_EQ(sign_in_by_form(w, "member@example.gov.uk", test_support::kPassword).status, 303);
}

TEST(SignIn, FailuresAreThrottledPerAddress) {
    test_support::WebFixture w;
    for (int i = 0; i < 20; ++i) sign_in_by_form(w, "guess" + std::to_string(i) + "@example.gov.uk", "wrong password here");
    w.add("member@example.gov.uk", Role::BoardMember);
    EXPECT_EQ(sign_in_by_form(w, "member@example.gov.uk", test_support::kPassword).status, 429);
    w.address = "192.0.2.99";
    EXPECT_EQ(sign_in_by_form(w, "member@example.gov.uk", test_support::kPassword).status, 303);
}

TEST(SecondFactor, ChildLevelRolesMustSetUpAndGiveACode) {
    test_support::WebFixture w;
    w.add("analyst@example.gov.uk", Role::Analyst);
    auto res = sign_in_by_form(w, "analyst@example.gov.uk", test_support::kPassword);
    EXPECT_EQ(header(res, "Location"), "/two-factor/set-up");
    std::string half = cookie_value(res, "corparent_session");
    auto setup = w.get("/two-factor/set-up", half);
    ASSERT_EQ(setup.status, 200);
    auto key_at = setup.body.find("corparent-secret\">");
    ASSERT_NE(key_at, std::string::npos);
    std::string secret = setup.body.substr(key_at + 18, 32);
    EXPECT_NE(setup.body.find("<svg class=\"corparent-qr\""), std::string::npos);
    std::string csrf = w.csrf(half);
    EXPECT_EQ(w.post("/two-factor/set-up", {{"csrf", csrf}, {"code", "000000"}}, half).status, 400);
    auto done = w.post("/two-factor/set-up", {{"csrf", csrf}, {"code", *accounts::totp_code(secret, w.now / 30)}}, half);
    ASSERT_EQ(done.status, 303);
    std::string full = cookie_value(done, "corparent_session");
    EXPECT_NE(full, half);                       // a new session token once the user has proved who they are
    EXPECT_EQ(w.get("/", half).status, 303);      // the old one is gone
    EXPECT_EQ(w.get("/", full).status, 200);

    // Next time: password, then a code; a code already used is refused.
    auto again = sign_in_by_form(w, "analyst@example.gov.uk", test_support::kPassword);
    EXPECT_EQ(header(again, "Location"), "/two-factor");
    std::string half2 = cookie_value(again, "corparent_session");
    auto reused = w.post("/two-factor", {{"csrf", w.csrf(half2)}, {"code", *accounts::totp_code(secret, w.now / 30)}}, half2);
    EXPECT_EQ(reused.status, 400);
    EXPECT_NE(reused.body.find("has been used"), std::string::npos);
    auto next = w.post("/two-factor", {{"csrf", w.csrf(half2)}, {"code", *accounts::totp_code(secret, w.now / 30 + 1)}}, half2);
    EXPECT_EQ(next.status, 303);
    EXPECT_EQ(w.get("/", cookie_value(next, "corparent_session")).status, 200);
    EXPECT_EQ(audit_count(*w.db, "sign_in.code_failed"), 1);
}

TEST(Sessions, EveryFormNeedsTheSessionsCsrfToken) {
    test_support::WebFixture w;
    std::string token = w.signed_in(Role::BoardMember);
    EXPECT_EQ(w.post("/sign-out", {}, token).status, 403);
    EXPECT_EQ(w.post("/sign-out", {{"csrf", "not-the-token"}}, token).status, 403);
    EXPECT_EQ(w.get("/", token).status, 200);   // still signed in
    auto out = w.post("/sign-out", {{"csrf", w.csrf(token)}}, token);
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(header(out, "Location"), "/sign-in");
    EXPECT_NE(header(out, "Set-Cookie").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(w.get("/", token).status, 303);
}

TEST(Sessions, EndWhenIdleOrTooOld) {
    test_support::WebFixture w;
    std::string token = w.signed_in(Role::BoardMember);
    w.now += w.policy().idle_seconds - 60;
    EXPECT_EQ(w.get("/", token).status, 200);   // used: the idle clock starts again
    w.now += w.policy().idle_seconds - 60;
    EXPECT_EQ(w.get("/", token).status, 200);
    w.now += w.policy().idle_seconds + 1;
    EXPECT_EQ(w.get("/", token).status, 303);

    std::string busy = w.signed_in(Role::BoardMember, "busy@example.gov.uk");
    long long started = w.now;
    while (w.now < started + w.policy().absolute_seconds - 600) {
        w.now += 600;
        ASSERT_EQ(w.get("/", busy).status, 200);
    }
    w.now = started + w.policy().absolute_seconds + 1;
    EXPECT_EQ(w.get("/", busy).status, 303);
}

TEST(Sessions, ADisabledAccountIsRefusedAtOnce) {
    test_support::WebFixture w;
    std::string token = w.signed_in(Role::Analyst);
    EXPECT_EQ(w.get("/", token).status, 200);
    accounts::set_disabled(*w.db, "analyst@example.gov.uk", true, {"admin", "local"});
    EXPECT_EQ(w.get("/", token).status, 303);
    EXPECT_EQ(sign_in_by_form(w, "analyst@example.gov.uk", test_support::kPassword).status, 400);
    EXPECT_EQ(audit_count(*w.db, "user.disable"), 1);
}

TEST(Audit, TheAdministratorReadsAndFiltersIt) {
    test_support::WebFixture w;
    w.add("member@example.gov.uk", Role::BoardMember);
    sign_in_by_form(w, "member@example.gov.uk", "wrong password here");
    std::string admin = w.signed_in(Role::Admin);
    auto all = w.get("/audit", admin);
    ASSERT_EQ(all.status, 200);
    EXPECT_NE(all.body.find("sign_in.failed"), std::string::npos);
    EXPECT_NE(all.body.find("192.0.2.1"), std::string::npos);
    auto failed = w.get("/audit?action=sign_in.failed", admin);
    EXPECT_NE(failed.body.find(">1 entry."), std::string::npos) << failed.body.substr(failed.body.find("entr") - 40, 80);
    auto none = w.get("/audit?actor=nobody", admin);
    EXPECT_NE(none.body.find(">0 entries."), std::string::npos);
}

class AuditStore : public ::testing::TestWithParam<store::Backend> {};

TEST_P(AuditStore, NoOneCanChangeOrDeleteALine) {
    auto db = test_support::fresh_database(GetParam());
    ASSERT_TRUE(db);
    accounts::audit(*db, {"someone@example.gov.uk", "192.0.2.1"}, "sign_in", "someone@example.gov.uk");
    EXPECT_THROW(db->session() << "UPDATE audit_log SET actor = 'someone else'", soci::soci_error);
    EXPECT_THROW(db->session() << "DELETE FROM audit_log", soci::soci_error);
    long long n = 0;
    db->session() << "SELECT COUNT(*) FROM audit_log WHERE actor = 'someone@example.gov.uk'", soci::into(n);
    EXPECT_EQ(n, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditStore, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);

TEST(Password, AUserChangesTheirOwnAndTheirOtherSessionsEnd) {
    test_support::WebFixture w;
    w.add("member@example.gov.uk", Role::BoardMember);
    auto here = sign_in_by_form(w, "member@example.gov.uk", test_support::kPassword);
    auto elsewhere = sign_in_by_form(w, "member@example.gov.uk", test_support::kPassword);
    std::string token = cookie_value(here, "corparent_session"), other = cookie_value(elsewhere, "corparent_session");
    std::string csrf = w.csrf(token);
    auto post = [&](const std::string& current, const std::string& password, const std::string& again) {
        return w.post("/account/password", {{"csrf", csrf}, {"current", current}, {"password", password}, {"again", again}}, token);
    };
    const std::string next = "another three words";
    auto wrong = post("not my password at all", next, next);
    EXPECT_EQ(wrong.status, 400);
    EXPECT_NE(wrong.body.find("Your current password is not right"), std::string::npos);
    EXPECT_EQ(post(test_support::kPassword, "short", "short").status, 400);
    auto differs = post(test_support::kPassword, next, next + "!");
    EXPECT_NE(differs.body.find("Enter the same new password twice"), std::string::npos);
    auto done = post(test_support::kPassword, next, next);
    EXPECT_EQ(done.status, 303);
    EXPECT_EQ(w.get("/", token).status, 200);   // this session goes on
    EXPECT_EQ(w.get("/", other).status, 303);   // the other one ended
    EXPECT_EQ(sign_in_by_form(w, "member@example.gov.uk", test_support::kPassword).status, 400);
    EXPECT_EQ(sign_in_by_form(w, "member@example.gov.uk", next).status, 303);
    EXPECT_EQ(audit_count(*w.db, "user.password_changed"), 1);
    EXPECT_EQ(audit_count(*w.db, "user.password_change_failed"), 1);
}
