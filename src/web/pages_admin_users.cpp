// The users, for administrators: who may sign in and as what, adding someone (with a temporary password
// shown once), disabling and enabling, resetting the second factor, and a worker's SW_ID. Every change
// is audited by accounts/.
#include <sodium.h>

#include <optional>
#include <stdexcept>
#include <variant>

#include <fmt/format.h>

#include "render/page.h"
#include "web/context.h"

namespace corparent::web {
namespace {

using accounts::Role;

struct Problem {
    std::string field, message;   // the id the error summary links to
};

nlohmann::json error_list(const std::vector<Problem>& problems) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) errors.push_back({{"field", p.field}, {"message", p.message}});
    return {{"errors", errors}};
}

std::string trimmed(const std::string& s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

std::string upper(std::string s) {
    for (char& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return s;
}

// accounts/ writes its messages to be put after "Error:" in a sentence; a page shows them on their own.
std::string sentence(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// A temporary password: 4 groups of 5 characters from an alphabet without look-alikes (no 0, o, 1, l,
// i), about 99 bits, easy to read out over the phone: "k7mpx-3hrtw-q9fza-m2vbc".
std::string temporary_password() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    std::string out;
    for (int group = 0; group < 4; ++group) {
        if (group) out += '-';
        for (int i = 0; i < 5; ++i) out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
    return out;
}

const char* role_hint(Role role) {
    switch (role) {
    case Role::Participation: return "Runs survey rounds, records Board and forum feedback, works concerns. Sees survey answers.";
    case Role::Analyst: return "Imports 903 returns, checks data quality, publishes measures. Sees information about each child.";
    case Role::Worker: return "A social worker or personal adviser: records entitlements for their own children and care leavers. Give their SW_ID.";
    case Role::BoardOfficer: return "Runs Board meetings, agendas, actions and packs. Sees totals only.";
    case Role::BoardMember: return "A councillor, co-opted young person or partner: reads dashboards and packs. Sees totals only.";
    case Role::Admin: return "Manages users and settings. Sees everything; all they see is in the audit log.";
    }
    return "";
}

std::optional<accounts::User> user_by_id(Context& c, long long id) {
    for (auto& u : accounts::list_users(c.db))
        if (u.id == id) return u;
    return std::nullopt;
}

std::string banner_text(const std::string& done, const accounts::User& u) {
    if (done == "disabled")
        return u.email + " is disabled: their sessions have ended and they cannot sign in until enabled again";
    if (done == "enabled") return u.email + " is enabled: they can sign in again";
    if (done == "second-factor")
        return u.email + " will set up their authenticator app again when they next sign in: their sessions have ended";
    if (done == "sw-id") return u.sw_id ? u.email + "'s SW_ID is now " + *u.sw_id : u.email + " no longer has an SW_ID";
    return "";
}

// The list of users. `problems` on a row name the row's user (`user_id`) and, for an SW_ID, the value
// entered.
struct RowProblem {
    long long user_id = 0;
    std::string field;   // "sw_id" or "" (the row as a whole)
    std::string message, entered;
};

Response users_page(Context& c, const std::optional<RowProblem>& problem, int status) {
    auto v = c.view("Users", "/admin/users");
    nlohmann::json rows = nlohmann::json::array();
    auto users = accounts::list_users(c.db);
    for (const auto& u : users) {
        bool self = u.email == c.session->user.email;
        bool needs = accounts::needs_second_factor(u.role);
        nlohmann::json row = {
            {"id", u.id},
            {"email", u.email},
            {"role", std::string(accounts::role_name(u.role))},
            {"sw_id", u.sw_id.value_or("")},
            {"second_factor", !needs ? "Not needed" : u.second_factor_set_up ? "Set up" : "Not set up yet"},
            {"disabled", u.disabled},
            {"self", self},
            {"can_disable", !u.disabled && !self},
            {"can_reset", needs && u.second_factor_set_up && !u.disabled},
            {"has_sw_id_form", u.role == Role::Worker || u.sw_id.has_value()},
        };
        if (problem && problem->user_id == u.id) {
            if (problem->field == "sw_id") {
                row["sw_id_error"] = problem->message;
                row["sw_id"] = problem->entered;
            } else {
                row["row_error"] = problem->message;
            }
        }
        rows.push_back(row);
    }
    v["users"] = rows;
    v["count"] = users.size() == 1 ? std::string("1 user") : fmt::format("{} users", users.size());
    if (problem) {
        std::string field = problem->field == "sw_id" ? fmt::format("sw_id-{}", problem->user_id)
                            : problem->user_id   ? fmt::format("user-{}", problem->user_id)
                                                 : "users";
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", error_list({{field, problem->message}}));
    } else if (auto done = c.request.query_value("done"); !done.empty()) {
        long long id = 0;
        try {
            id = std::stoll(c.request.query_value("user"));
        } catch (const std::exception&) {
        }
        if (auto u = user_by_id(c, id)) {
            auto text = banner_text(done, *u);
            if (!text.empty()) v["banner"] = text;
        }
    }
    return c.page("admin_users", v, status);
}

// The user a row's form names, or the list again with the problem.
std::variant<accounts::User, Response> named_user(Context& c) {
    auto u = accounts::find_user(c.db, trimmed(c.request.form_value("email")));
    if (!u) return users_page(c, RowProblem{0, "", "There is no user with that email address: choose one from the list", ""}, 400);
    return *u;
}

Response done(const std::string& what, const accounts::User& u) {
    return Response::redirect(fmt::format("/admin/users?done={}&user={}", what, u.id));
}

Response add_form(Context& c, const std::string& email, const std::string& role, const std::string& sw_id,
                  const std::vector<Problem>& problems, int status) {
    auto v = c.view("Add a user", "/admin/users");
    v["email"] = email;
    v["sw_id"] = sw_id;
    nlohmann::json roles = nlohmann::json::array();
    bool first = true;
    for (Role r : accounts::all_roles()) {
        std::string id(accounts::role_id(r));
        roles.push_back({{"value", id},
                         {"input_id", first ? std::string("role") : "role-" + id},
                         {"name", std::string(accounts::role_name(r))},
                         {"hint", role_hint(r)},
                         {"checked", id == role}});
        first = false;
    }
    v["roles"] = roles;
    for (const auto& p : problems) v[p.field + "_error"] = p.message;
    if (!problems.empty()) {
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", error_list(problems));
    }
    return c.page("admin_user_add", v, status);
}

}  // namespace

Response admin_users(Context& c) { return users_page(c, std::nullopt, 200); }

Response admin_user_add(Context& c) {
    if (c.request.method == "GET") return add_form(c, "", "", "", {}, 200);
    std::string email = trimmed(c.request.form_value("email"));
    std::string role_id = c.request.form_value("role");
    std::string sw_id = upper(trimmed(c.request.form_value("sw_id")));
    std::vector<Problem> problems;
    if (email.empty()) problems.push_back({"email", "Enter the email address they will sign in with"});
    auto role = accounts::parse_role(role_id);
    if (!role) problems.push_back({"role", "Select what they do"});
    if (!problems.empty()) return add_form(c, email, role_id, sw_id, problems, 400);
    // The password exists only in this response: the store keeps its argon2id hash; nothing logs it.
    std::string password = temporary_password();
    accounts::User user;
    try {
        user = accounts::add_user(c.db, email, *role, password,
                                  sw_id.empty() ? std::nullopt : std::optional<std::string>(sw_id), c.actor());
    } catch (const std::invalid_argument& e) {
        std::string message = sentence(e.what());
        std::string field = message.find("SW_ID") != std::string::npos ? "sw_id" : "email";
        return add_form(c, email, role_id, sw_id, {{field, message}}, 400);
    }
    auto v = c.view("User added", "/admin/users");
    v["email"] = user.email;
    v["new_role"] = std::string(accounts::role_name(user.role));   // "role" is the signed-in user's, in the layout
    v["password"] = password;
    v["needs_second_factor"] = accounts::needs_second_factor(user.role);
    return c.page("admin_user_added", v);
}

Response admin_user_disable(Context& c) {
    auto named = named_user(c);
    if (auto* r = std::get_if<Response>(&named)) return *r;
    const auto& u = std::get<accounts::User>(named);
    if (u.email == c.session->user.email)
        return users_page(c, RowProblem{u.id, "", "You cannot disable your own account: ask another administrator", ""}, 400);
    accounts::set_disabled(c.db, u.email, true, c.actor());
    return done("disabled", u);
}

Response admin_user_enable(Context& c) {
    auto named = named_user(c);
    if (auto* r = std::get_if<Response>(&named)) return *r;
    const auto& u = std::get<accounts::User>(named);
    accounts::set_disabled(c.db, u.email, false, c.actor());
    return done("enabled", u);
}

Response admin_user_reset_second_factor(Context& c) {
    auto named = named_user(c);
    if (auto* r = std::get_if<Response>(&named)) return *r;
    const auto& u = std::get<accounts::User>(named);
    accounts::reset_second_factor(c.db, u.email, c.actor());
    return done("second-factor", u);
}

Response admin_user_sw_id(Context& c) {
    auto named = named_user(c);
    if (auto* r = std::get_if<Response>(&named)) return *r;
    const auto& u = std::get<accounts::User>(named);
    std::string sw_id = upper(trimmed(c.request.form_value("sw_id")));
    try {
        accounts::set_sw_id(c.db, u.email, sw_id.empty() ? std::nullopt : std::optional<std::string>(sw_id), c.actor());
    } catch (const std::invalid_argument& e) {
        return users_page(c, RowProblem{u.id, "sw_id", sentence(e.what()), sw_id}, 400);
    }
    return done("sw-id", u);
}

}  // namespace corparent::web
