#include "board/actions.h"

#include <algorithm>
#include <array>

#include "store/board_actions.h"
#include "store/board_you_said.h"

namespace corparent::board {
namespace {

struct StatusText {
    Status status;
    std::string_view id, name;
};

constexpr std::array<StatusText, 5> kStatuses = {{
    {Status::Open, "open", "Open"},
    {Status::InProgress, "in_progress", "In progress"},
    {Status::Done, "done", "Done"},
    {Status::Closed, "closed", "Closed by the Board"},
    {Status::Cancelled, "cancelled", "Cancelled"},
}};

constexpr std::size_t kWeDidLongest = 400;   // one or two sentences a child reads

std::string trimmed(const std::string& s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

care::Date date_of(const std::string& iso) { return care::parse_iso(iso).value_or(care::Date{}); }

std::vector<Action> from_rows(store::Database& db, const std::vector<store::ActionRow>& rows) {
    std::map<long long, std::vector<std::string>> statements;
    for (const auto& y : store::load_you_said(db)) statements[y.id] = y.statements;
    std::vector<Action> out;
    for (const auto& r : rows) {
        Action a;
        a.id = r.id;
        a.you_said_id = r.you_said_id;
        a.title = r.title;
        a.owner = r.owner;
        a.partner = r.partner;
        a.due_on = date_of(r.due_on);
        a.created_on = date_of(r.created_on);
        a.status = parse_status(r.status).value_or(Status::Open);
        a.we_did = r.we_did;
        a.published = r.published;
        a.created_by = r.created_by;
        if (r.finished_on) a.finished_on = care::parse_iso(*r.finished_on);
        for (const auto& n : r.notes) a.notes.push_back({date_of(n.written_on), n.written_by, n.note});
        for (const auto& e : r.evidence)
            if (auto k = parse_evidence_kind(e.kind)) a.evidence.push_back({*k, e.ref});
        a.reviewed_at = r.reviewed_at;
        a.statements = statements[r.you_said_id];
        out.push_back(std::move(a));
    }
    return out;
}

std::string object_of(long long id) { return "action/" + std::to_string(id); }

}  // namespace

std::string_view status_id(Status s) {
    for (const auto& t : kStatuses)
        if (t.status == s) return t.id;
    return "";
}

std::string_view status_name(Status s) {
    for (const auto& t : kStatuses)
        if (t.status == s) return t.name;
    return "";
}

std::optional<Status> parse_status(std::string_view id) {
    for (const auto& t : kStatuses)
        if (t.id == id) return t.status;
    return std::nullopt;
}

const std::vector<Status>& all_statuses() {
    static const std::vector<Status> all = {Status::Open, Status::InProgress, Status::Done, Status::Closed, Status::Cancelled};
    return all;
}

bool may_move(Status from, Status to) {
    switch (from) {
    case Status::Open: return to == Status::InProgress || to == Status::Done || to == Status::Cancelled;
    case Status::InProgress: return to == Status::Done || to == Status::Cancelled;
    case Status::Done: return to == Status::Closed || to == Status::InProgress;
    case Status::Closed:
    case Status::Cancelled: return false;
    }
    return false;
}

std::vector<Status> next_statuses(Status from) {
    std::vector<Status> out;
    for (Status to : all_statuses())
        if (may_move(from, to)) out.push_back(to);
    return out;
}

bool is_overdue(const Action& a, care::Date on) {
    if (a.created_on > on || a.due_on >= on) return false;
    return !a.finished_on || *a.finished_on > on;
}

Added add_action(store::Database& db, const NewAction& action, const accounts::Actor& actor, care::Date today) {
    Added out;
    auto& problems = out.problems;
    std::string title = trimmed(action.title), owner = trimmed(action.owner), partner = trimmed(action.partner);
    if (!store::find_you_said(db, action.you_said_id))
        problems.push_back({"you_said", "Choose the You said item this action answers"});
    if (title.empty()) problems.push_back({"title", "Enter what will be done"});
    else if (title.size() > 500) problems.push_back({"title", "What will be done must be 500 characters or fewer"});
    if (owner.empty()) problems.push_back({"owner", "Enter who owns the action"});
    else if (owner.size() > 200) problems.push_back({"owner", "The owner must be 200 characters or fewer"});
    if (partner.size() > 200) problems.push_back({"partner", "The partner agency must be 200 characters or fewer"});
    if (!action.due_on) problems.push_back({"due_on", "Enter the date it is due, like 30 9 2026"});
    else if (*action.due_on < today) problems.push_back({"due_on", "The due date must be today or in the future"});
    if (!problems.empty()) return out;
    store::ActionRow row;
    row.you_said_id = action.you_said_id;
    row.title = title;
    row.owner = owner;
    row.partner = partner;
    row.due_on = care::to_iso(*action.due_on);
    row.status = std::string(status_id(Status::Open));
    row.created_on = care::to_iso(today);
    row.created_by = actor.who;
    soci::transaction tx(db.session());
    out.id = store::insert_action(db, row);
    accounts::audit(db, actor, "board.action.add", object_of(out.id), "due " + row.due_on);
    tx.commit();
    return out;
}

std::vector<Problem> change_status(store::Database& db, long long id, Status to, const std::string& we_did,
                                   const accounts::Actor& actor, care::Date today) {
    auto row = store::find_action(db, id);
    if (!row) return {{"status", "There is no such action"}};
    Status from = parse_status(row->status).value_or(Status::Open);
    if (from == to) return {{"status", "The action is " + std::string(status_name(to)) + " already"}};
    if (!may_move(from, to))
        return {{"status", "An action that is " + std::string(status_name(from)) + " cannot become " +
                               std::string(status_name(to))}};
    std::string sentence = trimmed(we_did).empty() ? row->we_did : trimmed(we_did);
    if (to == Status::Done && sentence.empty())
        return {{"we_did", "Enter the We did sentence: what was done, in words a child understands"}};
    if (sentence.size() > kWeDidLongest) return {{"we_did", "The We did sentence must be 400 characters or fewer"}};
    std::optional<std::string> finished = row->finished_on;
    bool published = row->published;
    if (to == Status::Done || to == Status::Cancelled) finished = care::to_iso(today);
    if (to == Status::InProgress) {   // the Board sent it back: no longer done, so no longer public
        finished.reset();
        published = false;
    }
    if (to == Status::Cancelled) published = false;
    if (sentence != row->we_did) published = false;   // new words go public only when published again
    soci::transaction tx(db.session());
    store::update_action_status(db, id, std::string(status_id(to)), sentence, finished, published);
    accounts::audit(db, actor, "board.action.status", object_of(id),
                    std::string(status_id(from)) + " -> " + std::string(status_id(to)));
    tx.commit();
    return {};
}

std::vector<Problem> add_note(store::Database& db, long long id, const std::string& text, const accounts::Actor& actor,
                              care::Date today) {
    if (!store::find_action(db, id)) return {{"note", "There is no such action"}};
    std::string note = trimmed(text);
    if (note.empty()) return {{"note", "Enter the progress note"}};
    if (note.size() > 2000) return {{"note", "The note must be 2,000 characters or fewer"}};
    soci::transaction tx(db.session());
    store::insert_action_note(db, id, {care::to_iso(today), actor.who, note});
    accounts::audit(db, actor, "board.action.note", object_of(id));
    tx.commit();
    return {};
}

std::vector<Problem> add_action_evidence(store::Database& db, long long id, const EvidenceLink& link,
                                         const accounts::Actor& actor) {
    if (!store::find_action(db, id)) return {{"evidence", "There is no such action"}};
    if (auto p = evidence_problem(link)) return {{"evidence", *p}};
    soci::transaction tx(db.session());
    store::insert_action_evidence(db, id, {std::string(evidence_kind_id(link.kind)), trimmed(link.ref)});
    accounts::audit(db, actor, "board.action.evidence", object_of(id),
                    std::string(evidence_kind_id(link.kind)) + " " + trimmed(link.ref));
    tx.commit();
    return {};
}

std::vector<Problem> set_published(store::Database& db, long long id, bool published, const accounts::Actor& actor) {
    auto row = store::find_action(db, id);
    if (!row) return {{"published", "There is no such action"}};
    Status s = parse_status(row->status).value_or(Status::Open);
    if (published && s != Status::Done && s != Status::Closed)
        return {{"published", "Only a done action can be published on the You said, We did page"}};
    if (published && trimmed(row->we_did).empty())
        return {{"published", "Give the action its We did sentence before publishing it"}};
    soci::transaction tx(db.session());
    store::update_action_status(db, id, row->status, row->we_did, row->finished_on, published);
    accounts::audit(db, actor, published ? "board.action.publish" : "board.action.unpublish", object_of(id));
    tx.commit();
    return {};
}

std::vector<Action> all_actions(store::Database& db) { return from_rows(db, store::load_actions(db)); }

std::optional<Action> find_action(store::Database& db, long long id) {
    auto r = store::find_action(db, id);
    if (!r) return std::nullopt;
    return from_rows(db, {*r}).front();
}

std::vector<Action> actions_for(store::Database& db, long long you_said_id) {
    std::vector<Action> out;
    for (auto& a : all_actions(db))
        if (a.you_said_id == you_said_id) out.push_back(std::move(a));
    return out;
}

std::vector<Action> overdue_actions(store::Database& db, care::Date today) {
    std::vector<Action> out;
    for (auto& a : all_actions(db))
        if (is_overdue(a, today)) out.push_back(std::move(a));
    return out;
}

std::map<std::string, std::vector<Action>> done_between(store::Database& db, care::Date from, care::Date to) {
    std::map<std::string, std::vector<Action>> out;
    for (const auto& a : all_actions(db)) {
        bool done = a.status == Status::Done || a.status == Status::Closed;
        if (!done || !a.finished_on || *a.finished_on < from || *a.finished_on > to) continue;
        for (const auto& s : a.statements) out[s].push_back(a);
    }
    return out;
}

}  // namespace corparent::board
