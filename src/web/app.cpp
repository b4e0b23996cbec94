#include "web/app.h"

#include <spdlog/spdlog.h>

#include "accounts/secrets.h"
#include "render/embedded.h"
#include "render/page.h"
#include "settings/stored_settings.h"
#include "web/context.h"
#include "web/multipart.h"

namespace corparent::web {
namespace {

using accounts::Role;

struct Route {
    RouteInfo info;
    Handler handler;
};

const std::vector<Role> kEveryRole = accounts::all_roles();
// The survey: the participation team runs it (codes, children's words, concerns); results, which are
// aggregates with small groups suppressed, are for everyone who reports on the Pledge.
const std::vector<Role> kRunsSurvey = {Role::Participation, Role::Admin};
const std::vector<Role> kSeesSurveyResults = {Role::Participation, Role::Analyst, Role::BoardOfficer, Role::BoardMember, Role::Admin};

bool form_token_matches(const Context& c, const RouteInfo& route) {
    const std::string posted = c.request.form_value("csrf");
    if (c.session) return accounts::same_secret(posted, c.session->csrf_token);
    if (!route.is_public) return false;
    auto cookie = c.request.cookies.find(kFormCookie);
    return cookie != c.request.cookies.end() && !cookie->second.empty() && accounts::same_secret(posted, cookie->second);
}
const std::vector<Role> kBoardReaders = {Role::Participation, Role::BoardOfficer, Role::BoardMember, Role::Admin};
const std::vector<Role> kBoardManagers = {Role::BoardOfficer, Role::Admin};
const std::vector<Role> kYouSaidRecorders = {Role::Participation, Role::Admin};

std::vector<Route> make_routes() {
    auto pub = [](std::string method, std::string path, Handler h) {
        return Route{{std::move(method), std::move(path), true, {}, false}, std::move(h)};
    };
    auto signing_in = [](std::string method, std::string path, Handler h) {
        return Route{{std::move(method), std::move(path), false, kEveryRole, true}, std::move(h)};
    };
    auto roles = [](std::string method, std::string path, std::vector<Role> who, Handler h) {
        return Route{{std::move(method), std::move(path), false, std::move(who), false}, std::move(h)};
    };
    return {
        pub("GET", "/health", health),
        pub("GET", "/assets/*", nullptr),   // answered by handle_without_store
        pub("GET", "/sign-in", sign_in_form),
        pub("POST", "/sign-in", sign_in),
        pub("GET", "/accessibility", public_page),
        pub("GET", "/privacy", public_page),
        pub("GET", "/privacy/young-people", public_page),
        pub("GET", "/survey", survey_start),
        pub("POST", "/survey", survey_start),
        pub("GET", "/survey/step/*", survey_step),
        pub("POST", "/survey/step/*", survey_step),
        pub("GET", "/survey/sent", survey_sent),
        signing_in("GET", "/two-factor", two_factor_form),
        signing_in("POST", "/two-factor", two_factor),
        signing_in("GET", "/two-factor/set-up", two_factor_set_up_form),
        signing_in("POST", "/two-factor/set-up", two_factor_set_up),
        signing_in("POST", "/sign-out", sign_out),
        roles("GET", "/", kEveryRole, home),
        roles("GET", "/account/password", kEveryRole, account_password),
        roles("POST", "/account/password", kEveryRole, account_password),
        roles("GET", "/measures", kEveryRole, measures_index),
        roles("GET", "/measures/*", kEveryRole, measure_page),
        roles("GET", "/education", kEveryRole, education_page),
        roles("GET", "/homes", kEveryRole, homes_page),
        roles("GET", "/voice", kSeesSurveyResults, voice_index),
        roles("GET", "/voice/new-round", kRunsSurvey, voice_new_round),
        roles("POST", "/voice/new-round", kRunsSurvey, voice_new_round),
        roles("GET", "/voice/rounds/*", kRunsSurvey, voice_round),
        roles("POST", "/voice/rounds/*", kRunsSurvey, voice_round),
        roles("GET", "/voice/results/*", kSeesSurveyResults, voice_results),
        roles("GET", "/voice/comments/*", kRunsSurvey, voice_comments),
        roles("POST", "/voice/comments/*", kRunsSurvey, voice_comments),
        roles("GET", "/concerns", kRunsSurvey, concerns_list),
        roles("GET", "/concerns/*", kRunsSurvey, concern_page),
        roles("POST", "/concerns/*", kRunsSurvey, concern_page),
        roles("GET", "/data", {Role::Analyst, Role::Admin}, data_index),
        roles("GET", "/data/upload", {Role::Analyst, Role::Admin}, data_upload_form),
        roles("POST", "/data/upload", {Role::Analyst, Role::Admin}, data_upload),
        roles("GET", "/data/jobs/*", {Role::Analyst, Role::Admin}, data_job),
        roles("GET", "/data/*", {Role::Analyst, Role::Admin}, data_findings),
        roles("GET", "/children", {Role::Analyst, Role::Worker, Role::Admin}, children_list),
        roles("GET", "/children/*", {Role::Analyst, Role::Worker, Role::Admin}, child_page),
        roles("GET", "/audit", {Role::Admin}, audit_log),
        roles("GET", "/admin/pages", {Role::Admin}, admin_pages),
        roles("GET", "/admin/pages/*", {Role::Admin}, admin_page),
        roles("POST", "/admin/pages/*", {Role::Admin}, admin_page),
        roles("GET", "/admin/users", {Role::Admin}, admin_users),
        roles("GET", "/admin/users/add", {Role::Admin}, admin_user_add),
        roles("POST", "/admin/users/add", {Role::Admin}, admin_user_add),
        roles("POST", "/admin/users/disable", {Role::Admin}, admin_user_disable),
        roles("POST", "/admin/users/enable", {Role::Admin}, admin_user_enable),
        roles("POST", "/admin/users/reset-second-factor", {Role::Admin}, admin_user_reset_second_factor),
        roles("POST", "/admin/users/sw-id", {Role::Admin}, admin_user_sw_id),
        roles("GET", "/admin/pledge", {Role::Admin}, admin_pledge),
        roles("POST", "/admin/pledge/*", {Role::Admin}, admin_pledge_evidence),
        roles("GET", "/admin/settings", {Role::Admin}, admin_settings),
        roles("POST", "/admin/settings", {Role::Admin}, admin_settings),
        // The local offer: take-up for everyone; the catalogue edited by officers; young people one by one.
        roles("GET", "/offer", kEveryRole, offer_take_up_page),
        roles("GET", "/offer/take-up.csv", kEveryRole, offer_take_up_download),
        roles("GET", "/offer/take-up.xlsx", kEveryRole, offer_take_up_download),
        roles("GET", "/offer/catalogue", kEveryRole, offer_catalogue),
        roles("GET", "/offer/catalogue/*", {Role::Participation, Role::BoardOfficer, Role::Admin}, offer_entitlement_edit),
        roles("POST", "/offer/catalogue/*", {Role::Participation, Role::BoardOfficer, Role::Admin}, offer_entitlement_edit),
        roles("GET", "/offer/young-people", {Role::Analyst, Role::Worker, Role::Admin}, offer_young_people),
        roles("GET", "/offer/young-people/*", {Role::Analyst, Role::Worker, Role::Admin}, offer_young_person),
        roles("POST", "/offer/young-people/*", {Role::Worker}, offer_record),
        roles("POST", "/offer/advisers/*", {Role::Analyst, Role::Admin}, offer_assign_adviser),
        // The Corporate Parenting Board: Board officers and administrators manage it, participation officers
        // record what children said, and everyone on the Board reads.
        pub("GET", "/you-said-we-did", you_said_we_did_page),
        roles("GET", "/board/meetings", kBoardReaders, board_meetings),
        roles("GET", "/board/meetings/new", kBoardManagers, board_meeting_add),
        roles("POST", "/board/meetings/new", kBoardManagers, board_meeting_add),
        roles("GET", "/board/meetings/*", kBoardReaders, board_meeting),
        roles("POST", "/board/meetings/*", kBoardManagers, board_meeting_record),
        roles("GET", "/board/members", kBoardReaders, board_members),
        roles("POST", "/board/members", kBoardManagers, board_members),
        roles("POST", "/board/members/stand-down", kBoardManagers, board_member_stand_down),
        roles("GET", "/board/you-said", kBoardReaders, board_you_said_list),
        roles("GET", "/board/you-said/new", kYouSaidRecorders, board_you_said_add),
        roles("POST", "/board/you-said/new", kYouSaidRecorders, board_you_said_add),
        roles("GET", "/board/you-said/*", kBoardReaders, board_you_said_item),
        roles("GET", "/board/actions", kBoardReaders, board_actions),
        roles("GET", "/board/actions/new", kBoardManagers, board_action_add),
        roles("POST", "/board/actions/new", kBoardManagers, board_action_add),
        roles("GET", "/board/actions/*", kBoardReaders, board_action),
        roles("POST", "/board/actions/*", kBoardManagers, board_action_change),
        roles("GET", "/board/papers", {Role::BoardOfficer, Role::BoardMember, Role::Admin}, papers_index),
        roles("GET", "/board/papers/*", {Role::BoardOfficer, Role::BoardMember, Role::Admin}, paper_page),
    };
}

bool matches(const std::string& pattern, const std::string& path) {
    if (!pattern.empty() && pattern.back() == '*') return path.starts_with(pattern.substr(0, pattern.size() - 1));
    return pattern == path;
}

std::string content_type_of(std::string_view name) {
    if (name.ends_with(".css")) return "text/css; charset=utf-8";
    if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (name.ends_with(".svg")) return "image/svg+xml";
    if (name.ends_with(".png")) return "image/png";
    return "application/octet-stream";
}

// GOV.UK Frontend's stylesheet without the GDS Transport font, which only GOV.UK may use.
std::string council_stylesheet(std::string_view css) {
    std::string out(css);
    for (std::size_t p; (p = out.find("@font-face{")) != std::string::npos;) out.erase(p, out.find('}', p) + 1 - p);
    const std::string font = "GDS Transport,arial,sans-serif";
    for (std::size_t p; (p = out.find(font)) != std::string::npos;) out.replace(p, font.size(), "arial,sans-serif");
    for (std::size_t p; (p = out.find("/*# sourceMappingURL=")) != std::string::npos;) out.erase(p, out.find("*/", p) + 2 - p);
    return out;
}

}  // namespace

struct App::Impl {
    settings::Settings settings;
    std::string database;
    std::unique_ptr<settings::SettingsCache> stored;   // corparent.toml with what administrators changed
    std::vector<Route> routes = make_routes();
    std::map<std::string, std::string, std::less<>> assets;   // path -> bytes

    const Route* find(const Request& r) const {
        for (const auto& route : routes)
            if (route.info.method == r.method && matches(route.info.path, r.path)) return &route;
        return nullptr;
    }
    bool path_exists(const std::string& path) const {
        for (const auto& route : routes)
            if (matches(route.info.path, path)) return true;
        return false;
    }
};

App::App(settings::Settings settings, std::string database) : impl_(std::make_unique<Impl>()) {
    impl_->settings = std::move(settings);
    impl_->database = std::move(database);
    impl_->stored = std::make_unique<settings::SettingsCache>(impl_->settings);
    for (const auto& [name, bytes] : render::embedded_files()) {
        if (!name.starts_with("assets/")) continue;
        std::string path = "/" + std::string(name);
        impl_->assets[path] = name == "assets/govuk-frontend.min.css" ? council_stylesheet(bytes) : std::string(bytes);
    }
}

App::~App() = default;

const settings::Settings& App::settings() const { return impl_->settings; }

std::vector<RouteInfo> App::routes() const {
    std::vector<RouteInfo> out;
    for (const auto& r : impl_->routes) out.push_back(r.info);
    return out;
}

std::string App::route_pattern(const Request& request) const {
    const Route* r = impl_->find(request);
    return r ? r->info.path : "(no route)";
}

void add_security_headers(Response& response, bool tls) {
    response.header("Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    response.header("X-Content-Type-Options", "nosniff");
    response.header("Referrer-Policy", "no-referrer");
    response.header("X-Frame-Options", "DENY");
    response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.header("Cross-Origin-Opener-Policy", "same-origin");
    if (tls) response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

std::optional<Response> App::handle_without_store(const Request& request) const {
    if (request.method != "GET" || !request.path.starts_with("/assets/")) return std::nullopt;
    Response r;
    auto it = impl_->assets.find(request.path);
    if (it == impl_->assets.end()) {
        r.status = 404;
        r.content_type = "text/plain; charset=utf-8";
        r.body = "Not found\n";
    } else {
        r.content_type = content_type_of(request.path);
        r.body = it->second;
        r.header("Cache-Control", "public, max-age=3600");
    }
    add_security_headers(r, impl_->settings.server.tls);
    return r;
}

Response App::handle(const Request& request, store::Database& db, long long now) const {
    if (auto r = handle_without_store(request)) return *r;
    // A form that uploads files sends its fields as multipart: they are read here, like any form's.
    Request with_fields;
    const Request* r = &request;
    if (request.method == "POST" && request.content_type.starts_with("multipart/form-data")) {
        with_fields = request;
        if (auto parts = parse_multipart(request.content_type, request.body))
            for (const auto& p : *parts)
                if (p.filename.empty()) with_fields.form.emplace(p.name, p.content);
        r = &with_fields;
    }
    const Request& req = *r;
    // The settings an administrator changed (on any server) apply from the next request; never throws.
    std::shared_ptr<const settings::Settings> settings = impl_->stored->current(db);
    Context c{req, db, *settings, impl_->database, std::nullopt, now};
    Response response;
    try {
        auto cookie = req.cookies.find(kSessionCookie);
        if (cookie != req.cookies.end())
            c.session = accounts::resume(db, cookie->second, now, impl_->settings.server.sessions);
        const Route* route = impl_->find(req);
        if (!route) {
            response = error_page(c, impl_->path_exists(req.path) ? 405 : 404);
        } else if (!route->info.is_public && !c.session) {
            // Signed out: pages send you to sign in; a form post is refused.
            response = req.method == "GET" ? Response::redirect("/sign-in") : error_page(c, 403);
        } else if (!route->info.is_public && !c.session->complete() && !route->info.before_second_factor) {
            response = Response::redirect(c.session->user.second_factor_set_up ? "/two-factor" : "/two-factor/set-up");
        } else if (!route->info.is_public &&
                   std::find(route->info.roles.begin(), route->info.roles.end(), c.session->user.role) ==
                       route->info.roles.end()) {
            response = error_page(c, 403);
        } else if (req.method == "POST" && route->info.path != "/sign-in" && !form_token_matches(c, route->info)) {
            // Every signed-in form carries the session's CSRF token; a public form (the survey) the token of
            // its form cookie (double submit); the sign-in form its own (checked there).
            response = error_page(c, 403);
        } else {
            response = route->handler(c);
        }
    } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", req.method, route_pattern(req), store::loggable_error(e.what()));
        response = error_page(c, 500);
    }
    response.header("Cache-Control", "no-store");   // pages may hold what only this user may see
    add_security_headers(response, impl_->settings.server.tls);
    return response;
}

}  // namespace corparent::web
