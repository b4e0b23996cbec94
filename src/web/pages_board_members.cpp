// The Board's members: who serves and as what, adding a member and standing one down (Board officers
// and administrators).
#include "board/members.h"
#include "web/board_view.h"
#include "web/context.h"

namespace corparent::web {
namespace {

Response members_page(Context& c, const std::vector<board::Problem>& problems, int status) {
    auto v = c.view("The Board’s members", "/board/meetings");
    auto role = c.session->user.role;
    v["manages"] = role == accounts::Role::BoardOfficer || role == accounts::Role::Admin;
    nlohmann::json serving = nlohmann::json::array(), former = nlohmann::json::array();
    for (const auto& m : board::all_members(c.db)) {
        nlohmann::json row = {{"id", std::to_string(m.id)},
                              {"name", m.name},
                              {"kind", std::string(board::member_kind_name(m.kind))},
                              {"organisation", m.organisation},
                              {"role", std::string(board::board_role_name(m.role))}};
        (m.active ? serving : former).push_back(row);
    }
    v["members"] = serving;
    v["has_members"] = !serving.empty();
    v["former"] = former;
    v["has_former"] = !former.empty();
    std::string kind = c.request.form_value("kind"), chosen_role = c.request.form_value("role");
    if (kind.empty()) kind = "elected_member";
    if (chosen_role.empty()) chosen_role = "member";
    nlohmann::json kinds = nlohmann::json::array(), roles = nlohmann::json::array();
    for (auto k : board::all_member_kinds()) {
        std::string id(board::member_kind_id(k));
        kinds.push_back({{"value", id}, {"name", std::string(board::member_kind_name(k))},
                         {"input_id", kinds.empty() ? std::string("kind") : "kind-" + id}, {"checked", id == kind}});
    }
    for (auto r : {board::BoardRole::Member, board::BoardRole::Chair, board::BoardRole::ViceChair}) {
        std::string id(board::board_role_id(r));
        roles.push_back({{"value", id}, {"name", std::string(board::board_role_name(r))},
                         {"input_id", roles.empty() ? std::string("role") : "role-" + id}, {"checked", id == chosen_role}});
    }
    v["kinds"] = kinds;
    v["roles"] = roles;
    v["entered_name"] = c.request.form_value("name");
    v["entered_organisation"] = c.request.form_value("organisation");
    show_problems(v, problems);
    return c.page("board_members", v, status);
}

}  // namespace

Response board_members(Context& c) {
    if (c.request.method == "GET") return members_page(c, {}, 200);
    auto kind = board::parse_member_kind(c.request.form_value("kind"));
    auto role = board::parse_board_role(c.request.form_value("role"));
    std::vector<board::Problem> problems;
    if (!kind) problems.push_back({"kind", "Select what they are a member as"});
    if (!role) problems.push_back({"role", "Select their role on the Board"});
    if (!problems.empty()) return members_page(c, problems, 400);
    auto added = board::add_member(c.db, {0, c.request.form_value("name"), *kind, c.request.form_value("organisation"), *role, true},
                                   c.actor());
    if (!added.ok()) return members_page(c, added.problems, 400);
    return Response::redirect("/board/members");
}

Response board_member_stand_down(Context& c) {
    long long id = id_in_path(c.request.form_value("member"), "");
    auto problems = board::stand_down(c.db, id, c.actor());
    for (auto& p : problems) p.field = "members-caption";   // the summary links to the table of members
    if (!problems.empty()) return members_page(c, problems, 400);
    return Response::redirect("/board/members");
}

}  // namespace corparent::web
