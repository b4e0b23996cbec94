// The Corporate Parenting Board in the store: its members and its meetings (agenda, attendance, minutes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct BoardMemberRow {
    long long id = 0;
    std::string name, kind, organisation, board_role;
    bool active = true;
};

struct MeetingRow {
    long long id = 0;
    std::string held_on, theme;
    bool health_theme = false;
    std::string minutes, created_by;
    std::vector<std::string> agenda;
    std::vector<long long> attended;   // member ids
};

long long insert_member(Database& db, const BoardMemberRow& row);
std::vector<BoardMemberRow> load_members(Database& db);   // by name
void set_member_active(Database& db, long long id, bool active);

long long insert_meeting(Database& db, const MeetingRow& row);   // with its agenda
std::vector<MeetingRow> load_meetings(Database& db);               // by date, then id
void record_meeting(Database& db, long long id, const std::string& minutes, const std::vector<long long>& attended);

}  // namespace corparent::store
