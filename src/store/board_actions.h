// "We did" actions in the store: what the council does about a You said item, with its progress notes,
// evidence and the Board meetings that reviewed it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/board_you_said.h"
#include "store/database.h"

namespace corparent::store {

struct ActionNoteRow {
    std::string written_on, written_by, note;
};

struct ActionRow {
    long long id = 0, you_said_id = 0;
    std::string title, owner, partner, due_on, status, we_did;
    bool published = false;
    std::string created_on, created_by;
    std::optional<std::string> finished_on;   // the day it became done or cancelled
    std::vector<ActionNoteRow> notes;          // oldest first
    std::vector<EvidenceLinkRow> evidence;
    std::vector<long long> reviewed_at;        // meeting ids
};

long long insert_action(Database& db, const ActionRow& row);   // returns the new id
std::vector<ActionRow> load_actions(Database& db);              // by due date, then id
std::optional<ActionRow> find_action(Database& db, long long id);
void update_action_status(Database& db, long long id, const std::string& status, const std::string& we_did,
                          const std::optional<std::string>& finished_on, bool published);
void insert_action_note(Database& db, long long action_id, const ActionNoteRow& note);
void insert_action_evidence(Database& db, long long action_id, const EvidenceLinkRow& link);
void insert_action_review(Database& db, long long action_id, long long meeting_id);   // nothing if already there

}  // namespace corparent::store
