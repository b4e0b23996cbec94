// The people who sign in to corparent, by what they do (docs/design.md, "People and what they do").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace corparent::accounts {

enum class Role { Participation, Analyst, Worker, BoardOfficer, BoardMember, Admin };

std::string_view role_id(Role role);            // "participation", "analyst", ...
std::string_view role_name(Role role);          // "Participation officer", ...
std::optional<Role> parse_role(std::string_view id);
const std::vector<Role>& all_roles();

// Roles that see child-level data (or children's own words) sign in with a second factor.
bool needs_second_factor(Role role);
// Roles that see children one by one; the others see aggregates, disclosure-controlled.
bool sees_child_level_data(Role role);

}  // namespace corparent::accounts
