// The Board's meetings: date, theme, agenda, attendance, minutes, and the "You said, We did" log the
// Board reviews at each one. The Board meets on themes, and on health at least once a municipal year.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "board/actions.h"
#include "board/problem.h"
#include "board/you_said.h"
#include "care/date.h"
#include "store/database.h"

namespace corparent::board {

// English local government's municipal year runs from 1 April to 31 March (the annual council meeting
// in May appoints committees for it). A municipal year is named by the year it starts in.
int municipal_year_of(care::Date d);            // 2026 for any day from 1 April 2026 to 31 March 2027
care::Date municipal_year_start(int year);      // 1 April `year`
care::Date municipal_year_end(int year);        // 31 March `year` + 1
std::string municipal_year_label(int year);     // "2026-27"

struct NewMeeting {
    std::optional<care::Date> held_on;
    std::string theme;
    bool health_theme = false;
    std::vector<std::string> agenda;   // one item each
};

struct Meeting {
    long long id = 0;
    care::Date held_on;
    std::string theme;
    bool health_theme = false;
    std::vector<std::string> agenda;
    std::vector<long long> attended;   // member ids
    std::string minutes, created_by;
    bool recorded() const { return !minutes.empty(); }
};

// Audited as board.meeting.add / board.meeting.record.
Added add_meeting(store::Database& db, const NewMeeting& meeting, const accounts::Actor& actor);
// Records who attended, the minutes, and the actions the Board reviewed, on or after the meeting's day.
// Minutes are needed.
std::vector<Problem> record_meeting(store::Database& db, long long id, const std::string& minutes,
                                    const std::vector<long long>& attended, const std::vector<long long>& reviewed,
                                    const accounts::Actor& actor, care::Date today);

std::vector<Meeting> all_meetings(store::Database& db);   // by date
std::optional<Meeting> find_meeting(store::Database& db, long long id);
std::vector<Meeting> meetings_in_year(store::Database& db, int municipal_year);   // by date
std::optional<Meeting> previous_meeting(store::Database& db, long long id);     // the one before it by date

// A warning when no health-themed meeting is scheduled (or was held) in the municipal year of `today`;
// nullopt when there is one.
std::optional<std::string> health_theme_warning(const std::vector<Meeting>& meetings, care::Date today);

// The "You said, We did" log for a meeting: what is new since the last meeting (after its day, up to and
// including this one's), what was overdue on the day, and what was done since the last meeting.
struct MeetingLog {
    std::optional<care::Date> since;   // the previous meeting's day, if there was one
    std::vector<YouSaid> new_you_said;
    std::vector<Action> new_actions, overdue, done;
};
MeetingLog meeting_log(store::Database& db, long long meeting_id);

}  // namespace corparent::board
