// "We did": the actions (all, or by status, or only the overdue ones), adding an action to a You said
// item, and an action's page where Board officers and administrators move it on, write its We did
// sentence, add notes and evidence, and publish it on the public page.
#include <fmt/format.h>

#include "board/actions.h"
#include "board/meetings.h"
#include "board/pledge.h"
#include "render/page.h"
#include "web/board_view.h"
#include "web/context.h"

namespace corparent::web {
namespace {

bool manages(const Context& c) {
    auto role = c.session->user.role;
    return role == accounts::Role::BoardOfficer || role == accounts::Role::Admin;
}

Response action_page(Context& c, long long id, const std::vector<board::Problem>& problems, int status) {
    auto a = board::find_action(c.db, id);
    if (!a) return error_page(c, 404);
    auto v = c.view(a->title, "/board/actions");
    v.update(action_view(*a, today(c)));
    auto statements = statement_texts(c.db);
    if (auto y = board::find_you_said(c.db, a->you_said_id)) {
        auto shown = board::shown(*y);
        v["shown"] = shown.text;
        v["quoted"] = shown.quoted;
    }
    v["you_said_id"] = std::to_string(a->you_said_id);
    nlohmann::json promises = nlohmann::json::array();
    for (const auto& s : a->statements) promises.push_back(statements.count(s) ? statements[s] : s);
    v["statements"] = promises;
    v["created_on"] = long_date(a->created_on);
    v["created_by"] = a->created_by;
    if (a->finished_on) v["finished_on"] = long_date(*a->finished_on);
    v["evidence"] = evidence_view(a->evidence);
    nlohmann::json reviews = nlohmann::json::array();
    for (long long m : a->reviewed_at)
        if (auto meeting = board::find_meeting(c.db, m))
            reviews.push_back({{"id", std::to_string(m)}, {"date", long_date(meeting->held_on)}});
    v["reviews"] = reviews;
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : a->notes) notes.push_back({{"text", n.text}, {"date", long_date(n.written_on)}, {"who", n.written_by}});
    v["notes"] = notes;
    v["manages"] = manages(c);
    std::string chosen = c.request.form_value("status");
    nlohmann::json next = nlohmann::json::array();
    for (auto s : board::next_statuses(a->status)) {
        std::string sid(board::status_id(s));
        next.push_back({{"value", sid}, {"name", std::string(board::status_name(s))},
                        {"input_id", next.empty() ? std::string("status") : "status-" + sid}, {"checked", sid == chosen}});
    }
    v["next"] = next;
    v["has_next"] = !next.empty();
    v["we_did_text"] = c.request.form_value("we_did").empty() ? a->we_did : c.request.form_value("we_did");
    v["can_publish"] = a->status == board::Status::Done || a->status == board::Status::Closed;
    nlohmann::json measures = nlohmann::json::array();
    for (const auto& key : board::evidence_choices()) measures.push_back({{"value", key}, {"name", measure_label(key)}});
    v["measures"] = measures;
    static const std::map<std::string, std::string> kBanners = {
        {"status", "The status is changed"}, {"note", "The note is added"}, {"evidence", "The evidence is added"},
        {"published", "The We did sentence is on the public page"}, {"unpublished", "It is no longer on the public page"},
        {"added", "The action is added"}};
    if (auto it = kBanners.find(c.request.query_value("done")); it != kBanners.end() && problems.empty())
        v["banner"] = it->second;
    show_problems(v, problems);
    return c.page("board_action", v, status);
}

Response add_form(Context& c, nlohmann::json v, const board::YouSaid& y, const std::vector<board::Problem>& problems,
                  int status) {
    auto shown = board::shown(y);
    v["you_said_id"] = std::to_string(y.id);
    v["shown"] = shown.text;
    v["quoted"] = shown.quoted;
    for (const char* field : {"title", "owner", "partner"}) v[field] = c.request.form_value(field);
    if (!v.contains("due_on")) v["due_on"] = {{"day", ""}, {"month", ""}, {"year", ""}};
    show_problems(v, problems);
    return c.page("board_action_add", v, status);
}

}  // namespace

Response board_actions(Context& c) {
    auto v = c.view("We did: the actions", "/board/actions");
    std::string show = c.request.query_value("show");
    care::Date on = today(c);
    auto all = board::all_actions(c.db);
    std::vector<board::Action> shown;
    int overdue = 0;
    for (const auto& a : all) {
        bool late = board::is_overdue(a, on);
        overdue += late;
        bool open = a.status == board::Status::Open || a.status == board::Status::InProgress;
        if (show == "overdue" ? late : show == "all" ? true : show.empty() || show == "open" ? open
                                                                                             : board::status_id(a.status) == show)
            shown.push_back(a);
    }
    if (overdue) v["overdue_count"] = overdue == 1 ? std::string("1 action is") : fmt::format("{} actions are", overdue);
    nlohmann::json filters = nlohmann::json::array();
    auto filter = [&](const std::string& value, const std::string& name) {
        filters.push_back({{"value", value}, {"name", name}, {"selected", value == (show.empty() ? "open" : show)}});
    };
    filter("open", "Still to do (open or in progress)");
    filter("overdue", "Overdue");
    for (auto s : board::all_statuses()) filter(std::string(board::status_id(s)), std::string(board::status_name(s)));
    filter("all", "All");
    v["filters"] = filters;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& a : shown) rows.push_back(action_view(a, on));
    v["has_actions"] = !shown.empty();
    v["actions_table"] = render::fragment(
        "board_action_table", {{"table_id", "actions-caption"},
                               {"caption", shown.size() == 1 ? std::string("1 action") : fmt::format("{} actions", shown.size())},
                               {"actions", rows}});
    return c.page("board_actions", v);
}

Response board_action_add(Context& c) {
    auto v = c.view("Add an action", "/board/actions");
    long long you_said_id = id_in_path(c.request.method == "GET" ? c.request.query_value("you_said") : c.request.form_value("you_said"), "");
    auto y = board::find_you_said(c.db, you_said_id);
    if (!y) return error_page(c, 404);
    if (c.request.method == "GET") return add_form(c, v, *y, {}, 200);
    board::NewAction a{you_said_id, c.request.form_value("title"), c.request.form_value("owner"),
                       c.request.form_value("partner"), form_date(c.request, "due_on", v)};
    auto added = board::add_action(c.db, a, c.actor(), today(c));
    if (!added.ok()) return add_form(c, v, *y, added.problems, 400);
    return Response::redirect(fmt::format("/board/actions/{}?done=added", added.id));
}

Response board_action(Context& c) {
    long long id = id_in_path(c.request.path, "/board/actions/");
    if (!id || c.request.path != "/board/actions/" + std::to_string(id)) return error_page(c, 404);
    return action_page(c, id, {}, 200);
}

Response board_action_change(Context& c) {
    long long id = id_in_path(c.request.path, "/board/actions/");
    if (!id || !board::find_action(c.db, id)) return error_page(c, 404);
    std::string what = c.request.path.substr(fmt::format("/board/actions/{}", id).size());
    std::vector<board::Problem> problems;
    std::string done;
    if (what == "/status") {
        auto to = board::parse_status(c.request.form_value("status"));
        if (!to) problems.push_back({"status", "Select the new status"});
        else problems = board::change_status(c.db, id, *to, c.request.form_value("we_did"), c.actor(), today(c));
        done = "status";
    } else if (what == "/note") {
        problems = board::add_note(c.db, id, c.request.form_value("note"), c.actor(), today(c));
        done = "note";
    } else if (what == "/evidence") {
        std::string measure = c.request.form_value("measure"), document = c.request.form_value("document");
        if (measure.empty() && document.empty()) problems.push_back({"evidence", "Choose a measure or give a document’s title"});
        std::vector<board::EvidenceLink> links;
        if (!measure.empty()) links.push_back({board::EvidenceLink::Kind::Measure, measure});
        if (!document.empty()) links.push_back({board::EvidenceLink::Kind::Document, document});
        // Both are checked before either is kept, so that a refused form keeps nothing.
        for (const auto& link : links)
            if (auto p = board::evidence_problem(link)) problems.push_back({"evidence", *p});
        for (const auto& link : links)
            if (problems.empty()) problems = board::add_action_evidence(c.db, id, link, c.actor());
        done = "evidence";
    } else if (what == "/publish") {
        bool publish = c.request.form_value("published") == "yes";
        problems = board::set_published(c.db, id, publish, c.actor());
        done = publish ? "published" : "unpublished";
    } else {
        return error_page(c, 404);
    }
    if (!problems.empty()) return action_page(c, id, problems, 400);
    return Response::redirect(fmt::format("/board/actions/{}?done={}", id, done));
}

}  // namespace corparent::web
