#include "board/members.h"

#include <array>

#include "store/board_meetings.h"

namespace corparent::board {
namespace {

struct KindText {
    MemberKind kind;
    std::string_view id, name;
};

constexpr std::array<KindText, 5> kKinds = {{
    {MemberKind::ElectedMember, "elected_member", "Elected member"},
    {MemberKind::YoungPerson, "young_person", "Co-opted young person"},
    {MemberKind::Officer, "officer", "Council officer"},
    {MemberKind::Partner, "partner", "Partner agency"},
    {MemberKind::FosterCarer, "foster_carer", "Foster carer representative"},
}};

std::string trimmed(const std::string& s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

Member from_row(const store::BoardMemberRow& r) {
    return {r.id, r.name, parse_member_kind(r.kind).value_or(MemberKind::Officer), r.organisation,
            parse_board_role(r.board_role).value_or(BoardRole::Member), r.active};
}

}  // namespace

std::string_view member_kind_id(MemberKind k) {
    for (const auto& t : kKinds)
        if (t.kind == k) return t.id;
    return "";
}

std::string_view member_kind_name(MemberKind k) {
    for (const auto& t : kKinds)
        if (t.kind == k) return t.name;
    return "";
}

std::optional<MemberKind> parse_member_kind(std::string_view id) {
    for (const auto& t : kKinds)
        if (t.id == id) return t.kind;
    return std::nullopt;
}

const std::vector<MemberKind>& all_member_kinds() {
    static const std::vector<MemberKind> all = {MemberKind::ElectedMember, MemberKind::YoungPerson, MemberKind::Officer,
                                                MemberKind::Partner, MemberKind::FosterCarer};
    return all;
}

std::string_view board_role_id(BoardRole r) {
    switch (r) {
    case BoardRole::Chair: return "chair";
    case BoardRole::ViceChair: return "vice_chair";
    case BoardRole::Member: return "member";
    }
    return "";
}

std::string_view board_role_name(BoardRole r) {
    switch (r) {
    case BoardRole::Chair: return "Chair";
    case BoardRole::ViceChair: return "Vice chair";
    case BoardRole::Member: return "Member";
    }
    return "";
}

std::optional<BoardRole> parse_board_role(std::string_view id) {
    for (auto r : {BoardRole::Chair, BoardRole::ViceChair, BoardRole::Member})
        if (board_role_id(r) == id) return r;
    return std::nullopt;
}

Added add_member(store::Database& db, const Member& member, const accounts::Actor& actor) {
    Added out;
    std::string name = trimmed(member.name), organisation = trimmed(member.organisation);
    if (name.empty()) out.problems.push_back({"name", "Enter the member's name"});
    else if (name.size() > 200) out.problems.push_back({"name", "The name must be 200 characters or fewer"});
    if (organisation.size() > 200)
        out.problems.push_back({"organisation", "The organisation must be 200 characters or fewer"});
    if (member.role != BoardRole::Member)
        for (const auto& m : all_members(db))
            if (m.active && m.role == member.role)
                out.problems.push_back({"role", "The Board has a " + std::string(board_role_name(member.role)) +
                                                    " already (" + m.name + "): stand them down first"});
    if (!out.ok()) return out;
    soci::transaction tx(db.session());
    out.id = store::insert_member(db, {0, name, std::string(member_kind_id(member.kind)), organisation,
                                       std::string(board_role_id(member.role)), true});
    accounts::audit(db, actor, "board.member.add", "member/" + std::to_string(out.id),
                    std::string(member_kind_id(member.kind)) + ", " + std::string(board_role_id(member.role)));
    tx.commit();
    return out;
}

std::vector<Problem> stand_down(store::Database& db, long long id, const accounts::Actor& actor) {
    for (const auto& m : all_members(db)) {
        if (m.id != id) continue;
        if (!m.active) return {{"member", m.name + " has stood down already"}};
        soci::transaction tx(db.session());
        store::set_member_active(db, id, false);
        accounts::audit(db, actor, "board.member.stand_down", "member/" + std::to_string(id));
        tx.commit();
        return {};
    }
    return {{"member", "There is no such member"}};
}

std::vector<Member> all_members(store::Database& db) {
    std::vector<Member> out;
    for (const auto& r : store::load_members(db)) out.push_back(from_row(r));
    return out;
}

}  // namespace corparent::board
