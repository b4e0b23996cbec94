// The Corporate Parenting Board's members: elected members, co-opted young people, officers, partners
// and foster carer representatives, one of them the chair and one the vice chair.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "board/problem.h"
#include "store/database.h"

namespace corparent::board {

enum class MemberKind { ElectedMember, YoungPerson, Officer, Partner, FosterCarer };
enum class BoardRole { Chair, ViceChair, Member };

std::string_view member_kind_id(MemberKind k);     // "elected_member", "young_person", "officer", "partner", "foster_carer"
std::string_view member_kind_name(MemberKind k);   // "Elected member", "Co-opted young person", ...
std::optional<MemberKind> parse_member_kind(std::string_view id);
const std::vector<MemberKind>& all_member_kinds();
std::string_view board_role_id(BoardRole r);       // "chair", "vice_chair", "member"
std::string_view board_role_name(BoardRole r);     // "Chair", "Vice chair", "Member"
std::optional<BoardRole> parse_board_role(std::string_view id);

struct Member {
    long long id = 0;
    std::string name;
    MemberKind kind = MemberKind::Officer;
    std::string organisation;   // "Councillor, Labour", "Integrated Care Board", ...
    BoardRole role = BoardRole::Member;
    bool active = true;
};

// A second chair or vice chair among the serving members is refused. Audited (board.member.add).
Added add_member(store::Database& db, const Member& member, const accounts::Actor& actor);
// A member who leaves the Board stays in past meetings' attendance. Audited (board.member.stand_down).
std::vector<Problem> stand_down(store::Database& db, long long id, const accounts::Actor& actor);
std::vector<Member> all_members(store::Database& db);   // by name

}  // namespace corparent::board
