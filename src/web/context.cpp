#include "web/context.h"

#include "render/page.h"

namespace corparent::web {

nlohmann::json Context::view(const std::string& title, const std::string& current_path) const {
    nlohmann::json v = {{"title", title},
                        {"council", settings.council_name},
                        {"smallest_count", std::to_string(settings.disclosure.smallest_count - 1)},
                        {"smallest_denominator", std::to_string(settings.disclosure.smallest_denominator)},
                        {"smallest_survey_group", std::to_string(settings.disclosure.smallest_survey_group)}};
    if (session && session->complete()) {
        v["signed_in_as"] = "Signed in as";
        v["user"] = session->user.email;
        v["role"] = std::string(accounts::role_name(session->user.role));
        v["csrf"] = session->csrf_token;
        nlohmann::json nav = nlohmann::json::array();
        auto item = [&](const char* text, const char* href) {
            nav.push_back({{"text", text}, {"href", href}, {"current", current_path == href}});
        };
        item("Pledge", "/");
        item("Measures", "/measures");
        item("Education", "/education");
        item("Children's homes", "/homes");
        if (accounts::sees_child_level_data(session->user.role))
            item(session->user.role == accounts::Role::Worker ? "Your caseload" : "Children", "/children");
        if (accounts::sees_child_level_data(session->user.role) && session->user.role != accounts::Role::Worker)
            item("Returns", "/data");
        if (session->user.role != accounts::Role::Worker) item("Survey", "/voice");
        if (session->user.role == accounts::Role::Participation || session->user.role == accounts::Role::Admin)
            item("Concerns", "/concerns");
        item("Local offer", "/offer");
        if (session->user.role != accounts::Role::Analyst && session->user.role != accounts::Role::Worker) {
            item("Board", "/board/meetings");
            item("You said", "/board/you-said");
            item("We did", "/board/actions");
        }
        if (session->user.role == accounts::Role::BoardOfficer || session->user.role == accounts::Role::BoardMember ||
            session->user.role == accounts::Role::Admin)
            item("Board papers", "/board/papers");
        if (session->user.role == accounts::Role::Admin) {
            item("Users", "/admin/users");
            item("Pledge evidence", "/admin/pledge");
            item("Settings", "/admin/settings");
            item("Public pages", "/admin/pages");
            item("Audit log", "/audit");
        }
        v["navigation"] = nav;
        v["has_navigation"] = true;
    } else if (session) {
        // Half signed in (second factor to come): only the way out.
        v["signed_in_as"] = "Signing in as";
        v["user"] = session->user.email;
        v["role"] = std::string(accounts::role_name(session->user.role));
        v["csrf"] = session->csrf_token;
    }
    return v;
}

Response Context::page(const std::string& template_name, const nlohmann::json& view, int status) const {
    Response r;
    r.status = status;
    r.body = render::page(template_name, view);
    return r;
}

std::string Context::cookie(const std::string& name, const std::string& value, bool expire, long long max_age) const {
    std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (settings.server.tls) c += "; Secure";
    if (expire) c += "; Max-Age=0";
    else if (max_age > 0) c += "; Max-Age=" + std::to_string(max_age);
    return c;
}

Response error_page(const Context& c, int status) {
    struct Text {
        const char* title;
        std::vector<std::string> paragraphs;
    };
    Text t;
    switch (status) {
    case 403:
        t = {"You cannot see this page",
             {"Your account does not give you access to this page, or the form you sent had expired.",
              "If you think you should have access, ask your corparent administrator."}};
        break;
    case 404:
    case 405:
        t = {"Page not found", {"If you typed the web address, check it is correct.",
                                "If you pasted the web address, check you copied the entire address."}};
        break;
    default:
        t = {"Sorry, there is a problem with the service",
             {"Try again later. Nothing you entered has been changed.",
              "If it keeps happening, tell your corparent administrator the time it happened."}};
    }
    auto v = c.view(t.title, "");
    v["heading"] = t.title;
    v["paragraphs"] = t.paragraphs;
    return c.page("error", v, status);
}

}  // namespace corparent::web
