// "You said": the list of what children said, recording an item (participation officers and
// administrators), and an item's page with its actions. Children's words given without consent to quote
// are shown only to the people who heard them (participation officers, administrators), and each such
// view is audited.
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

bool records(const Context& c) {
    auto role = c.session->user.role;
    return role == accounts::Role::Participation || role == accounts::Role::Admin;
}

Response add_form(Context& c, nlohmann::json v, const std::vector<board::Problem>& problems, int status) {
    std::string source = c.request.form_value("source");
    std::string meeting = c.request.method == "GET" ? c.request.query_value("meeting") : c.request.form_value("meeting");
    if (long long id = id_in_path(meeting, ""); id) {
        if (auto m = board::find_meeting(c.db, id)) {
            v["meeting"] = std::to_string(id);
            v["meeting_date"] = long_date(m->held_on);
            if (source.empty()) source = "board_consultation";
        }
    }
    nlohmann::json sources = nlohmann::json::array();
    for (auto s : board::all_sources()) {
        std::string id(board::source_id(s));
        sources.push_back({{"value", id}, {"name", std::string(board::source_name(s))},
                           {"input_id", sources.empty() ? std::string("source") : "source-" + id}, {"checked", id == source}});
    }
    v["sources"] = sources;
    nlohmann::json statements = nlohmann::json::array();
    if (auto pledge = board::current_pledge(c.db))
        for (const auto& s : pledge->statements)
            statements.push_back({{"value", s.id}, {"name", s.statement},
                                  {"input_id", statements.empty() ? std::string("statements") : "statement-" + s.id},
                                  {"checked", c.request.form_value("statement-" + s.id) == "yes"}});
    v["statements"] = statements;
    nlohmann::json measures = nlohmann::json::array();
    for (const auto& key : board::evidence_choices())
        measures.push_back({{"value", key}, {"name", measure_label(key)}, {"selected", key == c.request.form_value("measure")}});
    v["measures"] = measures;
    for (const char* field : {"source_reference", "words", "summary", "indicator"}) v[field] = c.request.form_value(field);
    v["consent"] = c.request.form_value("consent") == "yes";
    if (!v.contains("said_on")) v["said_on"] = {{"day", ""}, {"month", ""}, {"year", ""}};
    show_problems(v, problems);
    return c.page("board_you_said_add", v, status);
}

}  // namespace

Response board_you_said_list(Context& c) {
    auto v = c.view("You said", "/board/you-said");
    v["records"] = records(c);
    auto statements = statement_texts(c.db);
    auto actions = board::all_actions(c.db);
    care::Date on = today(c);
    nlohmann::json items = nlohmann::json::array();
    auto all = board::all_you_said(c.db);
    for (const auto& y : all) {
        auto row = you_said_view(y, statements, false);   // the list shows what may be shown; the item page the rest
        int count = 0, overdue = 0;
        for (const auto& a : actions)
            if (a.you_said_id == y.id) {
                ++count;
                overdue += board::is_overdue(a, on);
            }
        row["actions"] = std::to_string(count);
        if (overdue) row["overdue"] = std::to_string(overdue);
        items.push_back(row);
    }
    v["items"] = items;
    v["has_items"] = !all.empty();
    v["count"] = all.size() == 1 ? std::string("1 item") : fmt::format("{} items", all.size());
    return c.page("board_you_said_list", v);
}

Response board_you_said_add(Context& c) {
    auto v = c.view("Record what children said", "/board/you-said");
    if (c.request.method == "GET") return add_form(c, v, {}, 200);
    board::NewYouSaid item;
    auto source = board::parse_source(c.request.form_value("source"));
    std::vector<board::Problem> problems;
    if (!source) problems.push_back({"source", "Select where it came from"});
    item.source = source.value_or(board::Source::FeedbackForm);
    item.source_reference = c.request.form_value("source_reference");
    item.said_on = form_date(c.request, "said_on", v);
    if (auto pledge = board::current_pledge(c.db))
        for (const auto& s : pledge->statements)
            if (c.request.form_value("statement-" + s.id) == "yes") item.statements.push_back(s.id);
    item.words = c.request.form_value("words");
    item.consent = c.request.form_value("consent") == "yes";
    item.summary = c.request.form_value("summary");
    if (auto m = c.request.form_value("measure"); !m.empty())
        item.evidence.push_back({board::EvidenceLink::Kind::Measure, m});
    if (auto i = c.request.form_value("indicator"); !i.empty())
        item.evidence.push_back({board::EvidenceLink::Kind::SurveyIndicator, i});
    if (long long m = id_in_path(c.request.form_value("meeting"), ""); m) item.meeting_id = m;
    auto added = board::add_you_said(c.db, item, c.actor(), today(c));
    problems.insert(problems.end(), added.problems.begin(), added.problems.end());
    if (!problems.empty()) return add_form(c, v, problems, 400);
    return Response::redirect("/board/you-said/" + std::to_string(added.id));
}

Response board_you_said_item(Context& c) {
    long long id = id_in_path(c.request.path, "/board/you-said/");
    if (!id || c.request.path != "/board/you-said/" + std::to_string(id)) return error_page(c, 404);
    auto y = board::find_you_said(c.db, id);
    if (!y) return error_page(c, 404);
    bool words = sees_unquoted_words(c);
    auto v = c.view("You said: " + std::string(board::source_name(y->source)), "/board/you-said");
    v.update(you_said_view(*y, statement_texts(c.db), words));
    if (words && !y->consent) accounts::audit(c.db, c.actor(), "view.you_said", "you_said/" + std::to_string(id), "words not to be quoted");
    v["evidence"] = evidence_view(y->evidence);
    if (y->meeting_id)
        if (auto m = board::find_meeting(c.db, *y->meeting_id))
            v["meeting"] = {{"id", std::to_string(m->id)}, {"date", long_date(m->held_on)}};
    v["recorded_at"] = y->recorded_at;
    v["recorded_by"] = y->recorded_by;
    auto actions = board::actions_for(c.db, id);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& a : actions) rows.push_back(action_view(a, today(c)));
    v["has_actions"] = !actions.empty();
    v["actions_table"] = render::fragment("board_action_table", {{"table_id", "actions"}, {"caption", "Actions"}, {"actions", rows}});
    v["manages"] = manages(c);
    return c.page("board_you_said", v);
}

}  // namespace corparent::web
