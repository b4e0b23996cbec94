// "We did": the actions the council takes on what children said, tracked to closure. Each action answers
// one You said item (and so speaks to its Pledge statements), has an owner, maybe a partner agency, a due
// date, dated progress notes, evidence, and the Board meetings that reviewed it. When it is done it gets
// a sentence a child understands ("We did"), which the Board officer may publish on the public page.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "board/problem.h"
#include "board/you_said.h"
#include "care/date.h"
#include "store/database.h"

namespace corparent::board {

enum class Status { Open, InProgress, Done, Closed, Cancelled };   // Closed: closed by the Board

std::string_view status_id(Status s);     // "open", "in_progress", "done", "closed", "cancelled"
std::string_view status_name(Status s);   // "Open", "In progress", "Done", "Closed by the Board", "Cancelled"
std::optional<Status> parse_status(std::string_view id);
const std::vector<Status>& all_statuses();

// The moves an action may make:
//   open -> in progress, done, cancelled;  in progress -> done, cancelled;
//   done -> closed by the Board, or back to in progress (the Board did not accept it);
//   closed and cancelled are final.
bool may_move(Status from, Status to);
std::vector<Status> next_statuses(Status from);

struct Note {
    care::Date written_on;
    std::string written_by, text;
};

struct Action {
    long long id = 0, you_said_id = 0;
    std::string title, owner, partner;
    care::Date due_on, created_on;
    Status status = Status::Open;
    std::string we_did;
    bool published = false;
    std::string created_by;
    std::optional<care::Date> finished_on;   // the day it was done or cancelled (kept when the Board closes it)
    std::vector<Note> notes;                  // oldest first
    std::vector<EvidenceLink> evidence;
    std::vector<long long> reviewed_at;       // meeting ids
    std::vector<std::string> statements;      // its You said item's Pledge statements
};

// Overdue on `on`: it existed, its due date had passed (due on `on` itself is not overdue), and it had
// not been done or cancelled by then. For a day in the past this uses the day it finished, so a meeting's
// log shows what was overdue on the meeting's day.
bool is_overdue(const Action& a, care::Date on);

struct NewAction {
    long long you_said_id = 0;
    std::string title, owner, partner;
    std::optional<care::Date> due_on;
};

// Each change is audited (board.action.*); problems come back for the form, and nothing is changed then.
Added add_action(store::Database& db, const NewAction& action, const accounts::Actor& actor, care::Date today);
// Done needs a We did sentence; moving back to in progress unpublishes it.
std::vector<Problem> change_status(store::Database& db, long long id, Status to, const std::string& we_did,
                                   const accounts::Actor& actor, care::Date today);
std::vector<Problem> add_note(store::Database& db, long long id, const std::string& text, const accounts::Actor& actor,
                              care::Date today);
std::vector<Problem> add_action_evidence(store::Database& db, long long id, const EvidenceLink& link,
                                         const accounts::Actor& actor);
// Only a done (or closed) action with its We did sentence may be published.
std::vector<Problem> set_published(store::Database& db, long long id, bool published, const accounts::Actor& actor);

std::vector<Action> all_actions(store::Database& db);   // by due date
std::optional<Action> find_action(store::Database& db, long long id);
std::vector<Action> actions_for(store::Database& db, long long you_said_id);
std::vector<Action> overdue_actions(store::Database& db, care::Date today);

// Actions done (done or closed by the Board) between `from` and `to`, both inclusive, by Pledge statement
// id, for the annual Pledge report and the progress update to Scrutiny. An action speaking to two
// statements is under both.
std::map<std::string, std::vector<Action>> done_between(store::Database& db, care::Date from, care::Date to);

}  // namespace corparent::board
