// The administration pages: users (adding with a password shown once, disabling, enabling, resetting the
// second factor, SW_IDs), the Pledge's evidence and the settings kept in the store. Only administrators
// get in; every change is audited.
#include <gtest/gtest.h>

#include <filesystem>

#include "board/pledge.h"
#include "settings/stored_settings.h"
#include "ssda903/importer.h"
#include "ssda903/synth.h"
#include "store/settings_values.h"
#include "web_fixture.h"

using namespace corparent;
using accounts::Role;
using test_support::header;
using test_support::WebFixture;

namespace {

const std::string kAdmin = "admin@example.gov.uk";

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

// The text between `start` (after it) and the next `end`; "" when `start` is not there.
std::string between(const std::string& body, const std::string& start, const std::string& end) {
    auto p = body.find(start);
    if (p == std::string::npos) return "";
    p += start.size();
    return body.substr(p, body.find(end, p) - p);
}

long long audited(WebFixture& w, const std::string& action, const std::string& actor = kAdmin) {
    store::AuditFilter f;
    f.action = action;
    f.actor = actor;
    return store::count_audit(*w.db, f);
}

std::vector<store::AuditRow> audit_rows(WebFixture& w, const std::string& action) {
    store::AuditFilter f;
    f.action = action;
    return store::find_audit(*w.db, f);
}

// Signs in through the sign-in page as a person would; the session's token, or "" when refused.
std::string sign_in_through_page(WebFixture& w, const std::string& email, const std::string& password) {
    auto r = w.post("/sign-in", {{"csrf", "form-token"}, {"email", email}, {"password", password}}, "",
                    {{"corparent_form", "form-token"}});
    const std::string prefix = "corparent_session=";
    std::string cookie = header(r, "Set-Cookie");
    if (r.status != 303 || !cookie.starts_with(prefix)) return "";
    return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
}

struct Admin {
    WebFixture& w;
    std::string token = w.signed_in(Role::Admin, kAdmin);
    web::Response post(const std::string& path, std::map<std::string, std::string> form) {
        form["csrf"] = w.csrf(token);
        return w.post(path, std::move(form), token);
    }
    web::Response get(const std::string& path) { return w.get(path, token); }
};

// A small synthetic council (as the Pages suite has), for the pages that show measures.
class AdminWithData : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::filesystem::temp_directory_path() / ("corparent_admin_" + std::to_string(::getpid()));
        ssda903::synthesize({dir_, 400, 2023, 2025, 7});
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
    void SetUp() override { ASSERT_TRUE(ssda903::import_returns(*w.db, ssda903::year_folders(dir_), false).committed); }
    static std::filesystem::path dir_;
    WebFixture w;
};
std::filesystem::path AdminWithData::dir_;

std::size_t count_c(const std::string& body) {
    std::size_t n = 0;
    for (auto p = body.find(">c<"); p != std::string::npos; p = body.find(">c<", p + 1)) ++n;
    return n;
}

std::map<std::string, std::string> settings_form(const settings::Settings& s) {
    std::map<std::string, std::string> form;
    for (const auto& name : settings::changeable_settings()) form[name] = settings::setting_text(s, name);
    return form;
}

}  // namespace

// ---- Users ----

TEST(AdminUsers, AnAddedUserSignsInWithThePasswordShownOnce) {
    WebFixture w;
    Admin admin{w};
    auto form = admin.get("/admin/users/add");
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(has(form.body, "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">What do they do?</legend>"));
    for (Role r : accounts::all_roles()) {
        EXPECT_TRUE(has(form.body, "value=\"" + std::string(accounts::role_id(r)) + "\"")) << accounts::role_id(r);
        EXPECT_TRUE(has(form.body, ">" + std::string(accounts::role_name(r)) + "</label>")) << accounts::role_id(r);
    }
    for (const char* id : {"email", "sw_id"}) EXPECT_TRUE(has(form.body, "<label class=\"govuk-label govuk-label--s\" for=\"" + std::string(id) + "\">"));

    auto added = admin.post("/admin/users/add", {{"email", " New.Member@Example.gov.uk "}, {"role", "board_member"}, {"sw_id", ""}});
    ASSERT_EQ(added.status, 200);
    EXPECT_TRUE(has(added.body, "govuk-panel--confirmation"));
    EXPECT_TRUE(has(added.body, "new.member@example.gov.uk"));
    std::string password = between(added.body, "id=\"temporary-password\">", "<");
    EXPECT_GE(password.size(), 20u);
    EXPECT_EQ(test_support::header(added, "Cache-Control"), "no-store");
    EXPECT_TRUE(has(added.body, "(Board member)"));
    EXPECT_TRUE(has(added.body, "Signed in as admin@example.gov.uk (Administrator)"));   // the layout's own user

    // The new user signs in with it (a Board member needs no second factor).
    std::string token = sign_in_through_page(w, "new.member@example.gov.uk", password);
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(w.get("/", token).status, 200);
    auto user = accounts::find_user(*w.db, "new.member@example.gov.uk");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->role, Role::BoardMember);

    // Never shown again, never in the audit log; the addition is audited with its actor.
    EXPECT_FALSE(has(admin.get("/admin/users").body, password));
    EXPECT_EQ(audited(w, "user.add"), 1);
    store::AuditFilter all;
    all.limit = 1000;
    for (const auto& row : store::find_audit(*w.db, all)) EXPECT_FALSE(has(row.detail, password)) << row.action;
    // Each password is new.
    auto second = admin.post("/admin/users/add", {{"email", "worker@example.gov.uk"}, {"role", "worker"}, {"sw_id", " sw777 "}});
    ASSERT_EQ(second.status, 200);
    EXPECT_NE(between(second.body, "id=\"temporary-password\">", "<"), password);
    EXPECT_TRUE(has(second.body, "authenticator app"));   // a worker sets one up at their first sign-in
    EXPECT_EQ(accounts::find_user(*w.db, "worker@example.gov.uk")->sw_id, "SW777");
}

TEST(AdminUsers, AddingRefusesWhatWillNotDoAndKeepsWhatWasEntered) {
    WebFixture w;
    Admin admin{w};
    auto before = accounts::list_users(*w.db).size();

    auto empty = admin.post("/admin/users/add", {{"email", ""}, {"sw_id", ""}});
    EXPECT_EQ(empty.status, 400);
    EXPECT_TRUE(has(empty.body, "govuk-error-summary"));
    EXPECT_TRUE(has(empty.body, "<title>Error: Add a user"));
    EXPECT_TRUE(has(empty.body, "<a href=\"#email\">Enter the email address they will sign in with</a>"));
    EXPECT_TRUE(has(empty.body, "<a href=\"#role\">Select what they do</a>"));
    EXPECT_TRUE(has(empty.body, "id=\"email-error\""));
    EXPECT_TRUE(has(empty.body, "id=\"role-error\""));
    EXPECT_TRUE(has(empty.body, "id=\"role\" name=\"role\""));   // the summary's link lands on the first radio

    auto bad_email = admin.post("/admin/users/add", {{"email", "not-an-email"}, {"role", "analyst"}, {"sw_id", ""}});
    EXPECT_EQ(bad_email.status, 400);
    EXPECT_TRUE(has(bad_email.body, "<a href=\"#email\">Enter an email address in the correct format"));
    EXPECT_TRUE(has(bad_email.body, "value=\"not-an-email\""));
    EXPECT_TRUE(has(bad_email.body, "value=\"analyst\" aria-describedby=\"role-analyst-hint\" checked"));

    auto bad_sw_id = admin.post("/admin/users/add", {{"email", "w@example.gov.uk"}, {"role", "worker"}, {"sw_id", "XY12"}});
    EXPECT_EQ(bad_sw_id.status, 400);
    EXPECT_TRUE(has(bad_sw_id.body, "<a href=\"#sw_id\">An SW_ID starts with SW"));
    EXPECT_TRUE(has(bad_sw_id.body, "govuk-input--error\" id=\"sw_id\""));

    auto taken = admin.post("/admin/users/add", {{"email", kAdmin}, {"role", "admin"}, {"sw_id", ""}});
    EXPECT_EQ(taken.status, 400);
    EXPECT_TRUE(has(taken.body, "There is already a user " + kAdmin));

    auto no_role = admin.post("/admin/users/add", {{"email", "x@example.gov.uk"}, {"role", "overlord"}, {"sw_id", ""}});
    EXPECT_EQ(no_role.status, 400);
    EXPECT_TRUE(has(no_role.body, "Select what they do"));

    EXPECT_EQ(accounts::list_users(*w.db).size(), before);
    EXPECT_EQ(audited(w, "user.add"), 0);
}

TEST(AdminUsers, TheListShowsEveryoneWithTheirActions) {
    WebFixture w;
    Admin admin{w};
    w.signed_in(Role::Analyst);   // second factor set up
    w.add("worker@example.gov.uk", Role::Worker);
    accounts::set_sw_id(*w.db, "worker@example.gov.uk", "SW42", {"test", "local"});
    w.add("gone@example.gov.uk", Role::BoardMember);
    accounts::set_disabled(*w.db, "gone@example.gov.uk", true, {"test", "local"});
    auto list = admin.get("/admin/users");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(has(list.body, "<caption class=\"govuk-table__caption govuk-table__caption--m\" id=\"users-caption\">4 users</caption>"));
    for (const char* email : {"admin@example.gov.uk", "analyst@example.gov.uk", "worker@example.gov.uk", "gone@example.gov.uk"})
        EXPECT_TRUE(has(list.body, std::string(">") + email + "</th>")) << email;
    auto analyst_row = between(list.body, "-email\">analyst@example.gov.uk</th>", "</tr>");
    EXPECT_TRUE(has(analyst_row, "<td class=\"govuk-table__cell\">Performance analyst</td>")) << analyst_row;
    EXPECT_TRUE(has(analyst_row, "Set up"));
    EXPECT_TRUE(has(analyst_row, "action=\"/admin/users/reset-second-factor\""));
    EXPECT_TRUE(has(analyst_row, "action=\"/admin/users/disable\""));
    auto worker_row = between(list.body, "-email\">worker@example.gov.uk</th>", "</tr>");
    EXPECT_TRUE(has(worker_row, "value=\"SW42\""));
    EXPECT_TRUE(has(worker_row, "Not set up yet"));
    auto gone_row = between(list.body, "-email\">gone@example.gov.uk</th>", "</tr>");
    EXPECT_TRUE(has(gone_row, "Disabled"));
    EXPECT_TRUE(has(gone_row, "action=\"/admin/users/enable\""));
    EXPECT_TRUE(has(gone_row, "Not needed"));
    auto own_row = between(list.body, "-email\">admin@example.gov.uk</th>", "</tr>");
    EXPECT_TRUE(has(own_row, "This is you"));
    EXPECT_FALSE(has(own_row, "action=\"/admin/users/disable\""));
    // Every field has a label; no inline style anywhere.
    EXPECT_TRUE(has(worker_row, "<label class=\"govuk-label govuk-label--s\" for=\"sw_id-"));
    EXPECT_TRUE(has(worker_row, "aria-labelledby=\"sw_id-"));   // "SW_ID" and whose
    EXPECT_FALSE(has(list.body, "style="));
    EXPECT_FALSE(has(list.body, "<style"));
}

TEST(AdminUsers, DisablingEndsTheirSessionAtOnceAndEnablingLetsThemBackIn) {
    WebFixture w;
    Admin admin{w};
    std::string member = w.signed_in(Role::BoardMember, "member@example.gov.uk");
    ASSERT_EQ(w.get("/", member).status, 200);

    auto disabled = admin.post("/admin/users/disable", {{"email", "member@example.gov.uk"}});
    ASSERT_EQ(disabled.status, 303);
    auto id = accounts::find_user(*w.db, "member@example.gov.uk")->id;
    EXPECT_EQ(header(disabled, "Location"), "/admin/users?done=disabled&user=" + std::to_string(id));
    auto banner = admin.get(header(disabled, "Location"));
    EXPECT_TRUE(has(banner.body, "govuk-notification-banner--success"));
    EXPECT_TRUE(has(banner.body, "member@example.gov.uk is disabled"));

    auto home = w.get("/", member);   // the session has ended
    EXPECT_EQ(home.status, 303);
    EXPECT_EQ(header(home, "Location"), "/sign-in");
    EXPECT_TRUE(sign_in_through_page(w, "member@example.gov.uk", test_support::kPassword).empty());

    auto enabled = admin.post("/admin/users/enable", {{"email", "member@example.gov.uk"}});
    ASSERT_EQ(enabled.status, 303);
    EXPECT_TRUE(has(admin.get(header(enabled, "Location")).body, "member@example.gov.uk is enabled"));
    std::string again = sign_in_through_page(w, "member@example.gov.uk", test_support::kPassword);
    ASSERT_FALSE(again.empty());
    EXPECT_EQ(w.get("/", again).status, 200);

    EXPECT_EQ(audited(w, "user.disable"), 1);
    EXPECT_EQ(audited(w, "user.enable"), 1);
    auto unknown = admin.post("/admin/users/disable", {{"email", "nobody@example.gov.uk"}});
    EXPECT_EQ(unknown.status, 400);
    EXPECT_TRUE(has(unknown.body, "There is no user with that email address"));
}

TEST(AdminUsers, AnAdministratorCannotDisableThemselves) {
    WebFixture w;
    Admin admin{w};
    auto refused = admin.post("/admin/users/disable", {{"email", "Admin@Example.gov.uk"}});
    EXPECT_EQ(refused.status, 400);
    EXPECT_TRUE(has(refused.body, "govuk-error-summary"));
    EXPECT_TRUE(has(refused.body, "You cannot disable your own account: ask another administrator"));
    EXPECT_FALSE(accounts::find_user(*w.db, kAdmin)->disabled);
    EXPECT_EQ(admin.get("/admin/users").status, 200);   // still signed in
    EXPECT_EQ(audited(w, "user.disable"), 0);
}

TEST(AdminUsers, ResettingTheSecondFactorMeansSettingUpTheAppAgain) {
    WebFixture w;
    Admin admin{w};
    std::string analyst = w.signed_in(Role::Analyst, "analyst@example.gov.uk");
    ASSERT_TRUE(accounts::find_user(*w.db, "analyst@example.gov.uk")->second_factor_set_up);

    auto reset = admin.post("/admin/users/reset-second-factor", {{"email", "analyst@example.gov.uk"}});
    ASSERT_EQ(reset.status, 303);
    EXPECT_TRUE(has(admin.get(header(reset, "Location")).body, "will set up their authenticator app again"));
    EXPECT_FALSE(accounts::find_user(*w.db, "analyst@example.gov.uk")->second_factor_set_up);
    EXPECT_EQ(header(w.get("/", analyst), "Location"), "/sign-in");   // their session ended
    std::string token = sign_in_through_page(w, "analyst@example.gov.uk", test_support::kPassword);
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(header(w.get("/", token), "Location"), "/two-factor/set-up");
    EXPECT_EQ(audited(w, "user.reset_second_factor"), 1);
}

TEST(AdminUsers, AWorkersSwIdIsSetCheckedAndRemoved) {
    WebFixture w;
    Admin admin{w};
    w.add("worker@example.gov.uk", Role::Worker);
    auto id = accounts::find_user(*w.db, "worker@example.gov.uk")->id;

    auto set = admin.post("/admin/users/sw-id", {{"email", "worker@example.gov.uk"}, {"sw_id", " sw123 "}});
    ASSERT_EQ(set.status, 303);
    EXPECT_EQ(accounts::find_user(*w.db, "worker@example.gov.uk")->sw_id, "SW123");
    EXPECT_TRUE(has(admin.get(header(set, "Location")).body, "SW_ID is now SW123"));

    auto bad = admin.post("/admin/users/sw-id", {{"email", "worker@example.gov.uk"}, {"sw_id", "AB1"}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(has(bad.body, "<a href=\"#sw_id-" + std::to_string(id) + "\">An SW_ID starts with SW"));
    EXPECT_TRUE(has(bad.body, "id=\"sw_id-" + std::to_string(id) + "-error\""));
    EXPECT_TRUE(has(bad.body, "value=\"AB1\""));
    EXPECT_EQ(accounts::find_user(*w.db, "worker@example.gov.uk")->sw_id, "SW123");

    auto removed = admin.post("/admin/users/sw-id", {{"email", "worker@example.gov.uk"}, {"sw_id", ""}});
    ASSERT_EQ(removed.status, 303);
    EXPECT_FALSE(accounts::find_user(*w.db, "worker@example.gov.uk")->sw_id);
    EXPECT_EQ(audited(w, "user.sw_id"), 2);
}

// ---- Who gets in ----

TEST(AdminRoutes, OnlyAdministratorsGetInToAnyAdministrationPage) {
    WebFixture w;
    std::vector<web::RouteInfo> admin_routes;
    for (const auto& r : w.app.routes())
        if (r.path.starts_with("/admin/")) admin_routes.push_back(r);
    for (const char* path : {"/admin/users", "/admin/users/add", "/admin/users/disable", "/admin/users/enable",
                             "/admin/users/reset-second-factor", "/admin/users/sw-id", "/admin/pledge",
                             "/admin/pledge/*", "/admin/settings"})
        EXPECT_TRUE(std::any_of(admin_routes.begin(), admin_routes.end(), [&](const auto& r) { return r.path == path; }))
            << path;
    auto concrete = [](const std::string& p) { return p.ends_with("*") ? p.substr(0, p.size() - 1) + "included" : p; };
    for (Role role : accounts::all_roles()) {
        if (role == Role::Admin) continue;
        std::string token = w.signed_in(role);
        std::string csrf = w.csrf(token);
        for (const auto& r : admin_routes) {
            SCOPED_TRACE(std::string(accounts::role_id(role)) + " " + r.method + " " + r.path);
            EXPECT_EQ(r.roles, std::vector<Role>{Role::Admin});
            auto res = w.send(r.method, concrete(r.path),
                              {{"csrf", csrf}, {"email", kAdmin}, {"role", "admin"}, {"la_code", "999"}}, token);
            EXPECT_EQ(res.status, 403);
        }
    }
    // Nothing they sent changed anything.
    EXPECT_FALSE(accounts::find_user(*w.db, kAdmin));
    EXPECT_TRUE(settings::stored_values(*w.db).empty());
    // An administrator's form without the session's CSRF token is refused too.
    Admin admin{w};
    EXPECT_EQ(w.post("/admin/settings", {{"csrf", "forged"}, {"la_code", "999"}}, admin.token).status, 403);
    EXPECT_EQ(w.post("/admin/users/disable", {{"email", "analyst@example.gov.uk"}}, admin.token).status, 403);
    EXPECT_FALSE(accounts::find_user(*w.db, "analyst@example.gov.uk")->disabled);
}

// ---- The Pledge's evidence ----

TEST_F(AdminWithData, ThePledgesEvidenceChangeShowsOnTheStartPage) {
    Admin admin{w};
    std::string member = w.signed_in(Role::BoardMember);
    auto section = [&](const std::string& body) {
        return between(body, "aria-labelledby=\"statement-included\">", "</section>");
    };
    auto before = section(w.get("/", member).body);
    ASSERT_FALSE(before.empty());
    EXPECT_TRUE(has(before, "href=\"/measures/uasc\""));
    EXPECT_FALSE(has(before, "href=\"/measures/teeth_check\""));

    auto page = admin.get("/admin/pledge");
    ASSERT_EQ(page.status, 200);
    auto form = between(page.body, "action=\"/admin/pledge/included\"", "</form>");
    EXPECT_TRUE(has(form, "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">"));
    EXPECT_TRUE(has(form, "name=\"evidence:uasc\" type=\"checkbox\" value=\"yes\" checked"));
    EXPECT_TRUE(has(form, "name=\"evidence:teeth_check\" type=\"checkbox\" value=\"yes\">"));
    EXPECT_TRUE(has(form, ">Care leavers in education, employment or training (aged 19-21)</label>"));
    EXPECT_TRUE(has(form, ">Children who went missing or were away without authorisation (away without authorisation)</label>"));
    EXPECT_TRUE(has(page.body, "Earlier versions of the Pledge"));
    EXPECT_TRUE(has(page.body, "The Coventry Pledge (version 1"));
    EXPECT_FALSE(has(page.body, "action=\"/admin/pledge/fit-for-life\""));   // the earlier version is read only
    EXPECT_FALSE(has(page.body, "style="));

    auto saved = admin.post("/admin/pledge/included", {{"evidence:teeth_check", "yes"}, {"evidence:cl_eet:19-21", "yes"}});
    ASSERT_EQ(saved.status, 303);
    EXPECT_EQ(header(saved, "Location"), "/admin/pledge?saved=included");
    auto after_page = admin.get("/admin/pledge?saved=included");
    EXPECT_TRUE(has(after_page.body, "govuk-notification-banner--success"));
    EXPECT_TRUE(has(between(after_page.body, "action=\"/admin/pledge/included\"", "</form>"),
                    "name=\"evidence:teeth_check\" type=\"checkbox\" value=\"yes\" checked"));

    auto after = section(w.get("/", member).body);
    EXPECT_TRUE(has(after, "href=\"/measures/teeth_check\""));
    EXPECT_TRUE(has(after, "href=\"/measures/cl_eet\""));
    EXPECT_FALSE(has(after, "href=\"/measures/uasc\""));
    auto rows = audit_rows(w, "pledge.evidence");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].actor, kAdmin);
    EXPECT_EQ(rows[0].object, "included");
    EXPECT_EQ(rows[0].detail, "teeth_check, cl_eet:19-21");

    EXPECT_EQ(admin.post("/admin/pledge/no-such-statement", {}).status, 404);
    EXPECT_EQ(admin.post("/admin/pledge/fit-for-life", {}).status, 404);   // only the current Pledge changes
}

// ---- Settings ----

TEST(AdminSettings, ANewCouncilNameShowsInTheHeaderOnEveryServer) {
    WebFixture w;
    Admin admin{w};
    auto form = admin.get("/admin/settings");
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(has(form.body, "value=\"Coventry City Council\""));
    EXPECT_TRUE(has(form.body, "value=\"2025\" aria-describedby=\"neighbour_model-2025-hint\" checked"));
    EXPECT_TRUE(has(form.body, "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Statistical neighbour model</legend>"));
    for (const auto& name : settings::changeable_settings()) {
        if (name != "neighbour_model") {
            EXPECT_TRUE(has(form.body, "<label class=\"govuk-label govuk-label--s\" for=\"" + name + "\">")) << name;
        }
    }
    EXPECT_FALSE(has(form.body, "style="));

    auto values = settings_form(w.app.settings());
    values["council_name"] = "  Newtown Borough Council ";
    auto saved = admin.post("/admin/settings", values);
    ASSERT_EQ(saved.status, 303);
    EXPECT_EQ(header(saved, "Location"), "/admin/settings?saved=1");
    auto page = admin.get("/admin/settings?saved=1");
    EXPECT_TRUE(has(page.body, "The settings are saved"));
    EXPECT_TRUE(has(page.body, "Last changed by " + kAdmin));

    std::string member = w.signed_in(Role::BoardMember);
    auto home = w.get("/", member);
    EXPECT_TRUE(has(home.body, "govuk-generic-header__homepage-link\">Newtown Borough Council</a>"));
    EXPECT_FALSE(has(home.body, "Coventry City Council"));
    // Another server on the same store, started from the same corparent.toml, shows it too.
    web::App other(WebFixture::default_settings(), w.target);
    web::Request r;
    r.method = "GET";
    r.path = "/sign-in";
    r.address = w.address;
    EXPECT_TRUE(has(other.handle(r, *w.db, w.now).body, "homepage-link\">Newtown Borough Council</a>"));

    auto rows = audit_rows(w, "setting.change");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].actor, kAdmin);
    EXPECT_EQ(rows[0].object, "council_name");
    EXPECT_EQ(rows[0].detail, "Coventry City Council -> Newtown Borough Council");

    // Saving the same values again changes nothing and audits nothing.
    values["council_name"] = "Newtown Borough Council";
    EXPECT_EQ(header(admin.post("/admin/settings", values), "Location"), "/admin/settings?saved=0");
    EXPECT_EQ(audit_rows(w, "setting.change").size(), 1u);
}

TEST(AdminSettings, AnInvalidLaCodeIsRefusedWithAnError) {
    WebFixture w;
    Admin admin{w};
    auto values = settings_form(w.app.settings());
    values["la_code"] = "33";
    values["smallest_count"] = "0";
    values["smallest_denominator"] = "ten";
    values["council_name"] = "Newtown";
    auto refused = admin.post("/admin/settings", values);
    EXPECT_EQ(refused.status, 400);
    EXPECT_TRUE(has(refused.body, "<title>Error: Settings"));
    EXPECT_TRUE(has(refused.body, "<a href=\"#la_code\">The DfE LA code must be 3 digits, like 331</a>"));
    EXPECT_TRUE(has(refused.body, "id=\"la_code-error\""));
    EXPECT_TRUE(has(refused.body, "govuk-input--error\" id=\"la_code\""));
    EXPECT_TRUE(has(refused.body, "value=\"33\""));   // what was entered stays
    EXPECT_TRUE(has(refused.body, "<a href=\"#smallest_count\">The smallest count shown must be 1 or more</a>"));
    EXPECT_TRUE(has(refused.body, "<a href=\"#smallest_denominator\">The smallest number of children for a percentage must be a whole number, like 5</a>"));
    // Nothing was stored, not even the good council name.
    EXPECT_TRUE(settings::stored_values(*w.db).empty());
    EXPECT_EQ(audit_rows(w, "setting.change").size(), 0u);
    EXPECT_TRUE(has(w.get("/", admin.token).body, "homepage-link\">Coventry City Council</a>"));

    values = settings_form(w.app.settings());
    values["la_code"] = "3a1";
    EXPECT_EQ(admin.post("/admin/settings", values).status, 400);
    values["la_code"] = "";
    EXPECT_TRUE(has(admin.post("/admin/settings", values).body, "Enter the council&apos;s DfE LA code"));
    values = settings_form(w.app.settings());
    values.erase("neighbour_model");
    EXPECT_TRUE(has(admin.post("/admin/settings", values).body, "<a href=\"#neighbour_model\">Select the statistical neighbour model</a>"));
    values["neighbour_model"] = "2021";
    values["la_code"] = "332";
    ASSERT_EQ(admin.post("/admin/settings", values).status, 303);
    auto stored = settings::effective_settings(*w.db, w.app.settings());
    EXPECT_EQ(stored.la_code, "332");
    EXPECT_EQ(stored.neighbour_model, measures::NeighbourModel::April2021);
    EXPECT_EQ(audit_rows(w, "setting.change").size(), 2u);
}

TEST_F(AdminWithData, DisclosureThresholdsChangeWhatIsSuppressed) {
    Admin admin{w};
    std::string member = w.signed_in(Role::BoardMember);
    std::string analyst = w.signed_in(Role::Analyst);
    auto before = count_c(w.get("/measures/placement_type", member).body);
    auto unsuppressed = count_c(w.get("/measures/placement_type", analyst).body);   // DfE's own c only
    ASSERT_GT(before, unsuppressed);

    auto values = settings_form(w.app.settings());
    values["smallest_count"] = "1";
    values["smallest_denominator"] = "1";
    ASSERT_EQ(admin.post("/admin/settings", values).status, 303);
    auto after = count_c(w.get("/measures/placement_type", member).body);
    EXPECT_LT(after, before);
    EXPECT_EQ(after, unsuppressed);

    values["smallest_count"] = "50";
    values["smallest_denominator"] = "50";
    ASSERT_EQ(admin.post("/admin/settings", values).status, 303);
    EXPECT_GT(count_c(w.get("/measures/placement_type", member).body), before);

    auto rows = audit_rows(w, "setting.change");
    ASSERT_EQ(rows.size(), 4u);   // newest first
    EXPECT_EQ(rows[0].object, "smallest_denominator");
    EXPECT_EQ(rows[0].detail, "1 -> 50");
    EXPECT_EQ(rows[3].object, "smallest_count");
    EXPECT_EQ(rows[3].detail, "5 -> 1");
}

// ---- The stored settings, on both backends ----

class AdminStoredSettings : public ::testing::TestWithParam<store::Backend> {};

TEST_P(AdminStoredSettings, StoredValuesOverrideTheFileAndAreAudited) {
    auto db = test_support::fresh_database(GetParam());
    ASSERT_TRUE(db);
    auto file = WebFixture::default_settings();
    accounts::Actor actor{"admin@example.gov.uk", "192.0.2.9"};
    EXPECT_EQ(settings::effective_settings(*db, file).la_code, "331");

    settings::save_setting(*db, "la_code", " 332 ", actor);
    settings::save_setting(*db, "smallest_count", "007", actor);
    settings::save_setting(*db, "la_code", "333", actor);   // replaces, never duplicates
    auto s = settings::effective_settings(*db, file);
    EXPECT_EQ(s.la_code, "333");
    EXPECT_EQ(s.disclosure.smallest_count, 7);
    EXPECT_EQ(s.council_name, file.council_name);   // what was not changed comes from the file
    auto stored = settings::stored_values(*db);
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(stored[0].name, "la_code");
    EXPECT_EQ(stored[0].updated_by, "admin@example.gov.uk");

    store::AuditFilter f;
    f.action = "setting.change";
    auto rows = store::find_audit(*db, f);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[2].detail, "(corparent.toml) -> 332");
    EXPECT_EQ(rows[0].detail, "332 -> 333");
    EXPECT_EQ(rows[0].address, "192.0.2.9");

    EXPECT_THROW(settings::save_setting(*db, "la_code", "1234", actor), std::invalid_argument);
    EXPECT_THROW(settings::save_setting(*db, "server.tls", "false", actor), std::invalid_argument);
    EXPECT_THROW(settings::save_setting(*db, "smallest_survey_group", "-1", actor), std::invalid_argument);
    EXPECT_EQ(store::find_audit(*db, f).size(), 3u);

    // A value edited by hand into something wrong is left out, not fatal.
    store::save_setting_value(*db, {"smallest_denominator", "lots", "2030-01-01T00:00:00Z", "someone"});
    EXPECT_EQ(settings::effective_settings(*db, file).disclosure.smallest_denominator, file.disclosure.smallest_denominator);
}

TEST_P(AdminStoredSettings, TheCacheSeesAChangeMadeThroughAnotherConnection) {
    std::string target = test_support::fresh_target(GetParam());
    ASSERT_FALSE(target.empty());
    auto one = store::Database::open(target), two = store::Database::open(target);
    settings::SettingsCache cache(WebFixture::default_settings());
    auto first = cache.current(*one);
    EXPECT_EQ(first->council_name, "Coventry City Council");
    EXPECT_EQ(cache.current(*one), first);   // nothing changed: the same settings, not rebuilt
    settings::save_setting(*two, "council_name", "Othertown Council", {"a@example.gov.uk", "local"});
    EXPECT_EQ(cache.current(*one)->council_name, "Othertown Council");
    settings::save_setting(*two, "council_name", "Coventry City Council", {"a@example.gov.uk", "local"});
    EXPECT_EQ(cache.current(*one)->council_name, "Coventry City Council");
}

TEST(AdminStoredSettingsChecks, ValuesAreCheckedAndMadeCanonical) {
    EXPECT_EQ(settings::checked_setting("smallest_count", " 010 "), "10");
    EXPECT_EQ(settings::checked_setting("council_name", "  Newtown  "), "Newtown");
    EXPECT_EQ(settings::checked_setting("neighbour_model", "2021"), "2021");
    EXPECT_THROW(settings::checked_setting("neighbour_model", "2019"), std::invalid_argument);
    EXPECT_THROW(settings::checked_setting("smallest_count", "99999999999999999999"), std::invalid_argument);
    EXPECT_THROW(settings::checked_setting("smallest_count", "1.5"), std::invalid_argument);
    EXPECT_THROW(settings::checked_setting("council_name", std::string(101, 'x')), std::invalid_argument);
    EXPECT_THROW(settings::checked_setting("council_name", "Two\nlines"), std::invalid_argument);
    EXPECT_THROW(settings::checked_setting("la_code", "33 1"), std::invalid_argument);
    auto s = WebFixture::default_settings();
    for (const auto& name : settings::changeable_settings())
        EXPECT_EQ(settings::checked_setting(name, settings::setting_text(s, name)), settings::setting_text(s, name)) << name;
}

INSTANTIATE_TEST_SUITE_P(AdminBackends, AdminStoredSettings,
                         ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres), test_support::backend_name);
