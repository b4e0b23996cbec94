// Your account: changing your own password (a new user's temporary one, first of all).
#include "render/page.h"
#include "web/context.h"

namespace corparent::web {
namespace {

Response form(Context& c, const std::string& field, const std::string& error, bool changed, int status) {
    auto v = c.view("Change your password", "/account/password");
    if (changed) v["changed"] = true;
    if (!error.empty()) {
        v[field + "_error"] = error;
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", {{"errors", {{{"field", field}, {"message", error}}}}});
    }
    return c.page("account_password", v, status);
}

}  // namespace

Response account_password(Context& c) {
    if (c.request.method == "GET") return form(c, "", "", c.request.query_value("changed") == "1", 200);
    switch (accounts::change_password(c.db, *c.session, c.request.form_value("current"), c.request.form_value("password"),
                                      c.request.form_value("again"), c.actor())) {
    case accounts::PasswordChange::WrongCurrent: return form(c, "current", "Your current password is not right", false, 400);
    case accounts::PasswordChange::TooShort:
        return form(c, "password", "The new password must be at least 12 characters (three random words make a good one)",
                    false, 400);
    case accounts::PasswordChange::Differs: return form(c, "again", "Enter the same new password twice", false, 400);
    case accounts::PasswordChange::Changed: break;
    }
    return Response::redirect("/account/password?changed=1");
}

}  // namespace corparent::web
