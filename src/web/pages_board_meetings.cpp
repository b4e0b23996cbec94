// The Board's meetings: the list by municipal year (with the health-theme warning), adding a meeting,
// a meeting's page with its "You said, We did" log, and recording it (attendance, minutes, reviews).
#include <set>

#include <fmt/format.h>

#include "board/meetings.h"
#include "board/members.h"
#include "render/page.h"
#include "web/board_view.h"
#include "web/context.h"

namespace corparent::web {
namespace {

bool manages(const Context& c) {
    auto role = c.session->user.role;
    return role == accounts::Role::BoardOfficer || role == accounts::Role::Admin;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
        start = end + 1;
    }
    return out;
}

// Paragraphs: runs of lines between blank lines.
std::vector<std::string> paragraphs_of(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (const auto& line : lines_of(text)) {
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current += (current.empty() ? "" : " ") + line;
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

std::string action_table(const std::string& id, const std::string& caption, const std::vector<board::Action>& actions,
                         care::Date on) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& a : actions) rows.push_back(action_view(a, on));
    return render::fragment("board_action_table", {{"table_id", id}, {"caption", caption}, {"actions", rows}});
}

Response add_form(Context& c, nlohmann::json v, const std::vector<board::Problem>& problems, int status) {
    show_problems(v, problems);
    if (!v.contains("held_on")) v["held_on"] = {{"day", ""}, {"month", ""}, {"year", ""}};
    return c.page("board_meeting_add", v, status);
}

Response meeting_page(Context& c, long long id, const std::string& minutes_entered, const std::vector<board::Problem>& problems,
                      int status) {
    auto meeting = board::find_meeting(c.db, id);
    if (!meeting) return error_page(c, 404);
    auto log = board::meeting_log(c.db, id);
    auto statements = statement_texts(c.db);
    bool words = sees_unquoted_words(c);
    auto v = c.view("Meeting on " + long_date(meeting->held_on), "/board/meetings");
    v["id"] = std::to_string(id);
    v["date"] = long_date(meeting->held_on);
    v["year_label"] = board::municipal_year_label(board::municipal_year_of(meeting->held_on));
    v["theme"] = meeting->theme;
    v["health"] = meeting->health_theme;
    v["recorded"] = meeting->recorded();
    v["agenda"] = meeting->agenda;
    v["minutes"] = paragraphs_of(meeting->minutes);
    v["minutes_text"] = minutes_entered.empty() ? meeting->minutes : minutes_entered;
    v["reads_papers"] = c.session->user.role != accounts::Role::Participation;   // the Board pack (pages_papers.cpp)
    v["manages"] = manages(c) && meeting->held_on <= today(c);   // recorded on its day or after
    v["to_come"] = manages(c) && meeting->held_on > today(c);
    v["records_you_said"] = c.session->user.role == accounts::Role::Participation || c.session->user.role == accounts::Role::Admin;
    if (log.since) v["since"] = long_date(*log.since);
    care::Date day = meeting->held_on;
    v["has_overdue"] = !log.overdue.empty();
    v["overdue_count"] = log.overdue.size() == 1 ? std::string("1 action was") : fmt::format("{} actions were", log.overdue.size());
    v["overdue_table"] = action_table("overdue", "Overdue on " + long_date(day), log.overdue, day);
    v["has_done"] = !log.done.empty();
    v["done_table"] = action_table("done", "Done since the last meeting", log.done, day);
    v["has_new_actions"] = !log.new_actions.empty();
    v["new_actions_table"] = action_table("new-actions", "New actions since the last meeting", log.new_actions, day);
    nlohmann::json said = nlohmann::json::array(), consultation = nlohmann::json::array();
    for (const auto& y : log.new_you_said) said.push_back(you_said_view(y, statements, words));
    for (const auto& y : board::all_you_said(c.db))
        if (y.meeting_id == id) consultation.push_back(you_said_view(y, statements, words));
    v["new_you_said"] = said;
    v["consultation"] = consultation;

    auto members = board::all_members(c.db);
    std::set<long long> present(meeting->attended.begin(), meeting->attended.end());
    nlohmann::json attendance = nlohmann::json::array(), member_choices = nlohmann::json::array();
    for (const auto& m : members) {
        nlohmann::json row = {{"name", m.name}, {"kind", std::string(board::member_kind_name(m.kind))}};
        if (m.role != board::BoardRole::Member) row["role"] = std::string(board::board_role_name(m.role));
        if (present.count(m.id)) attendance.push_back(row);
        if (!m.active && !present.count(m.id)) continue;
        row["member_id"] = std::to_string(m.id);
        row["input_id"] = member_choices.empty() ? std::string("attended") : "member-" + std::to_string(m.id);
        row["checked"] = present.count(m.id) > 0 || c.request.form_value("member-" + std::to_string(m.id)) == "yes";
        member_choices.push_back(row);
    }
    v["attendance"] = attendance;
    v["member_choices"] = member_choices;
    // The action plan the Board reviews: everything still open, and what was done since the last meeting.
    nlohmann::json action_choices = nlohmann::json::array();
    std::set<long long> listed;
    for (const auto& a : board::all_actions(c.db)) {
        bool open = a.status == board::Status::Open || a.status == board::Status::InProgress;
        bool reviewed = std::find(a.reviewed_at.begin(), a.reviewed_at.end(), id) != a.reviewed_at.end();
        bool done_since = false;
        for (const auto& d : log.done) done_since = done_since || d.id == a.id;
        if (!open && !reviewed && !done_since) continue;
        if (!listed.insert(a.id).second) continue;
        action_choices.push_back({{"action_id", std::to_string(a.id)},
                                  {"input_id", action_choices.empty() ? std::string("reviewed") : "action-" + std::to_string(a.id)},
                                  {"title", a.title},
                                  {"status", std::string(board::status_name(a.status))},
                                  {"overdue", board::is_overdue(a, today(c))},
                                  {"checked", reviewed || c.request.form_value("action-" + std::to_string(a.id)) == "yes"}});
    }
    v["action_choices"] = action_choices;
    if (c.request.query_value("done") == "recorded") v["banner"] = "The record of the meeting is saved";
    show_problems(v, problems);
    return c.page("board_meeting", v, status);
}

}  // namespace

Response board_meetings(Context& c) {
    auto v = c.view("Board meetings", "/board/meetings");
    auto meetings = board::all_meetings(c.db);
    if (auto w = board::health_theme_warning(meetings, today(c))) v["health_warning"] = *w;
    v["manages"] = manages(c);
    v["no_meetings"] = meetings.empty();
    // Newest municipal year first; each year's meetings by date.
    std::map<int, nlohmann::json, std::greater<>> years;
    for (const auto& m : meetings) {
        int y = board::municipal_year_of(m.held_on);
        if (!years.count(y)) years[y] = nlohmann::json::array();
        years[y].push_back({{"id", std::to_string(m.id)},
                            {"date", long_date(m.held_on)},
                            {"theme", m.theme},
                            {"health", m.health_theme},
                            {"recorded", m.recorded()}});
    }
    nlohmann::json list = nlohmann::json::array();
    for (auto& [y, rows] : years)
        list.push_back({{"year", std::to_string(y)}, {"label", board::municipal_year_label(y)}, {"meetings", rows}});
    v["years"] = list;
    return c.page("board_meetings", v);
}

Response board_meeting_add(Context& c) {
    auto v = c.view("Add a meeting", "/board/meetings");
    if (c.request.method == "GET") return add_form(c, v, {}, 200);
    board::NewMeeting m;
    m.held_on = form_date(c.request, "held_on", v);
    m.theme = c.request.form_value("theme");
    m.health_theme = c.request.form_value("health_theme") == "yes";
    for (const auto& line : lines_of(c.request.form_value("agenda"))) m.agenda.push_back(line);
    v["theme"] = m.theme;
    v["health_theme"] = m.health_theme;
    v["agenda"] = c.request.form_value("agenda");
    auto added = board::add_meeting(c.db, m, c.actor());
    if (!added.ok()) return add_form(c, v, added.problems, 400);
    return Response::redirect("/board/meetings/" + std::to_string(added.id));
}

Response board_meeting(Context& c) {
    long long id = id_in_path(c.request.path, "/board/meetings/");
    if (!id || c.request.path != "/board/meetings/" + std::to_string(id)) return error_page(c, 404);
    return meeting_page(c, id, "", {}, 200);
}

Response board_meeting_record(Context& c) {
    long long id = id_in_path(c.request.path, "/board/meetings/");
    if (!id || c.request.path != fmt::format("/board/meetings/{}/record", id) || !board::find_meeting(c.db, id))
        return error_page(c, 404);
    std::vector<long long> attended, reviewed;
    for (const auto& [name, value] : c.request.form) {
        if (value != "yes") continue;
        if (name.starts_with("member-")) attended.push_back(id_in_path(name, "member-"));
        if (name.starts_with("action-")) reviewed.push_back(id_in_path(name, "action-"));
    }
    std::string minutes = c.request.form_value("minutes");
    auto problems = board::record_meeting(c.db, id, minutes, attended, reviewed, c.actor(), today(c));
    if (!problems.empty()) return meeting_page(c, id, minutes, problems, 400);
    return Response::redirect(fmt::format("/board/meetings/{}?done=recorded", id));
}

}  // namespace corparent::web
