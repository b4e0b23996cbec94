// Signing in and out: password, then (for the roles that need one) a code from an authenticator app.
#include <qrencode.h>

#include <fmt/format.h>

#include "accounts/secrets.h"
#include "render/page.h"
#include "web/context.h"

namespace corparent::web {
namespace {

nlohmann::json error_summary(const std::vector<std::pair<std::string, std::string>>& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [field, message] : errors) list.push_back({{"field", field}, {"message", message}});
    return {{"errors", list}};
}

Response sign_in_page(Context& c, const std::string& email, const std::string& email_error,
                      const std::string& password_error, int status) {
    auto v = c.view("Sign in", "/sign-in");
    // A fresh token for the form, also set as a cookie: the post must carry both (double submit).
    std::string token = accounts::random_token();
    v["csrf"] = token;
    v["email"] = email;
    std::vector<std::pair<std::string, std::string>> errors;
    if (!email_error.empty()) {
        v["email_error"] = email_error;
        errors.emplace_back("email", email_error);
    }
    if (!password_error.empty()) {
        v["password_error"] = password_error;
        errors.emplace_back("password", password_error);
    }
    if (!errors.empty()) {
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", error_summary(errors));
    }
    auto r = c.page("sign_in", v, status);
    r.header("Set-Cookie", c.cookie(kFormCookie, token));
    return r;
}

// The QR code of the set-up key, as SVG drawn with rectangles (no inline style, so the CSP allows it).
std::string qr_svg(const std::string& text) {
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return "";
    int n = code->width, quiet = 4, size = n + 2 * quiet;
    std::string svg = fmt::format(
        "<svg class=\"corparent-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" role=\"img\" "
        "aria-label=\"QR code of the key below, for your authenticator app\"><rect width=\"{0}\" height=\"{0}\" "
        "fill=\"#ffffff\"/>",
        size);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            if (code->data[y * n + x] & 1)
                svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"1\" height=\"1\" fill=\"#0b0c0c\"/>", x + quiet, y + quiet);
    QRcode_free(code);
    return svg + "</svg>";
}

Response code_page(Context& c, const char* template_name, const char* title, const std::string& code_error,
                   nlohmann::json extra = nlohmann::json::object()) {
    auto v = c.view(title, "");
    v.update(extra);
    if (!code_error.empty()) {
        v["code_error"] = code_error;
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", error_summary({{"code", code_error}}));
    }
    return c.page(template_name, v, code_error.empty() ? 200 : 400);
}

Response signed_in(Context& c, const std::string& token, const std::string& next) {
    auto r = Response::redirect(next);
    r.header("Set-Cookie", c.cookie(kSessionCookie, token));
    return r;
}

}  // namespace

Response sign_in_form(Context& c) {
    if (c.session && c.session->complete()) return Response::redirect("/");
    return sign_in_page(c, "", "", "", 200);
}

Response sign_in(Context& c) {
    auto cookie = c.request.cookies.find(kFormCookie);
    if (cookie == c.request.cookies.end() || !accounts::same_secret(c.request.form_value("csrf"), cookie->second))
        return error_page(c, 403);
    std::string email = c.request.form_value("email"), password = c.request.form_value("password");
    if (email.empty() || password.empty())
        return sign_in_page(c, email, email.empty() ? "Enter your email address" : "",
                            password.empty() ? "Enter your password" : "", 400);
    auto result = accounts::sign_in(c.db, email, password, c.actor(), c.now, c.settings.server.sessions);
    switch (result.outcome) {
    case accounts::SignInOutcome::Throttled: {
        long long minutes = std::max(1LL, (result.retry_after + 59) / 60);
        auto r = sign_in_page(c, email, "",
                              fmt::format("Too many attempts to sign in. Wait {} minute{}, then try again", minutes,
                                          minutes == 1 ? "" : "s"),
                              429);
        r.header("Retry-After", std::to_string(result.retry_after));
        return r;
    }
    case accounts::SignInOutcome::WrongDetails:
        return sign_in_page(c, email, "", "The email address or password is not right", 400);
    case accounts::SignInOutcome::NeedsCode: return signed_in(c, result.token, "/two-factor");
    case accounts::SignInOutcome::NeedsSetUp: return signed_in(c, result.token, "/two-factor/set-up");
    case accounts::SignInOutcome::SignedIn: break;
    }
    return signed_in(c, result.token, "/");
}

Response two_factor_form(Context& c) {
    if (c.session->complete()) return Response::redirect("/");
    if (!c.session->user.second_factor_set_up) return Response::redirect("/two-factor/set-up");
    return code_page(c, "two_factor", "Enter the code from your authenticator app", "");
}

Response two_factor(Context& c) {
    if (c.session->complete()) return Response::redirect("/");
    auto token = accounts::give_second_factor(c.db, *c.session, c.request.form_value("code"), c.actor(), c.now,
                                              c.settings.server.sessions);
    if (!token)
        return code_page(c, "two_factor", "Enter the code from your authenticator app",
                         "The code is not right, or has been used. Enter the code your app shows now");
    return signed_in(c, *token, "/");
}

Response two_factor_set_up_form(Context& c) {
    if (c.session->complete()) return Response::redirect("/");
    if (c.session->user.second_factor_set_up) return Response::redirect("/two-factor");
    auto secret = accounts::pending_second_factor_secret(c.db, *c.session);
    if (!secret) secret = accounts::start_second_factor_set_up(c.db, *c.session);
    std::string uri = accounts::totp_uri("corparent " + c.settings.council_name, c.session->user.email, *secret);
    return code_page(c, "two_factor_set_up", "Set up your authenticator app", "",
                     {{"secret", *secret}, {"qr_svg", qr_svg(uri)}});
}

Response two_factor_set_up(Context& c) {
    if (c.session->complete()) return Response::redirect("/");
    auto token = accounts::confirm_second_factor_set_up(c.db, *c.session, c.request.form_value("code"), c.actor(),
                                                        c.now, c.settings.server.sessions);
    if (token) return signed_in(c, *token, "/");
    auto secret = accounts::pending_second_factor_secret(c.db, *c.session).value_or("");
    std::string uri = accounts::totp_uri("corparent " + c.settings.council_name, c.session->user.email, secret);
    return code_page(c, "two_factor_set_up", "Set up your authenticator app",
                     "The code is not right. Enter the code your app shows now", {{"secret", secret}, {"qr_svg", qr_svg(uri)}});
}

Response sign_out(Context& c) {
    accounts::sign_out(c.db, *c.session, c.actor());
    auto r = Response::redirect("/sign-in");
    r.header("Set-Cookie", c.cookie(kSessionCookie, "", true));
    return r;
}

Response health(Context& c) {
    Response r;
    r.content_type = "application/json";
    int version = c.db.schema_version();
    r.body = fmt::format("{{\"status\":\"ok\",\"schema_version\":{}}}\n", version);
    return r;
}

}  // namespace corparent::web
