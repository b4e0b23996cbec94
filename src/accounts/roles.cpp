#include "accounts/roles.h"

namespace corparent::accounts {

std::string_view role_id(Role role) {
    switch (role) {
    case Role::Participation: return "participation";
    case Role::Analyst: return "analyst";
    case Role::Worker: return "worker";
    case Role::BoardOfficer: return "board_officer";
    case Role::BoardMember: return "board_member";
    case Role::Admin: return "admin";
    }
    return "";
}

std::string_view role_name(Role role) {
    switch (role) {
    case Role::Participation: return "Participation officer";
    case Role::Analyst: return "Performance analyst";
    case Role::Worker: return "Social worker or personal adviser";
    case Role::BoardOfficer: return "Board officer";
    case Role::BoardMember: return "Board member";
    case Role::Admin: return "Administrator";
    }
    return "";
}

const std::vector<Role>& all_roles() {
    static const std::vector<Role> roles = {Role::Participation, Role::Analyst,     Role::Worker,
                                            Role::BoardOfficer,  Role::BoardMember, Role::Admin};
    return roles;
}

std::optional<Role> parse_role(std::string_view id) {
    for (Role r : all_roles())
        if (role_id(r) == id) return r;
    return std::nullopt;
}

bool needs_second_factor(Role role) {
    // Participation officers read children's answers and concerns, which can identify a child.
    return role == Role::Participation || role == Role::Analyst || role == Role::Worker || role == Role::Admin;
}

bool sees_child_level_data(Role role) { return role == Role::Analyst || role == Role::Worker || role == Role::Admin; }

}  // namespace corparent::accounts
