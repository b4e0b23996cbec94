// The Board pack for a meeting: the agenda, the "You said, We did" log since the last meeting, the
// measures against the benchmarks, and the section on the meeting's theme with its charts.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "board/meetings.h"
#include "board/paper_parts.h"
#include "board/papers.h"
#include "measures/figure_text.h"

namespace corparent::board {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The promises a meeting's theme is about: the health promise for a health-themed meeting, and any promise
// whose words hold one of the theme's words (of four letters or more): "Education" finds "education,
// training, and jobs".
std::vector<const Statement*> themed_statements(const Pledge& pledge, const Meeting& meeting) {
    std::vector<std::string> words;
    std::string word;
    for (char c : lower(meeting.theme) + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            word += c;
        } else {
            if (word.size() >= 4) words.push_back(word);
            word.clear();
        }
    }
    std::vector<const Statement*> out;
    for (const auto& s : pledge.statements) {
        std::string text = lower(s.statement + " " + s.commitment);
        bool named = std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text.find(w) != std::string::npos; });
        if (named || (meeting.health_theme && s.id == "healthy")) out.push_back(&s);
    }
    return out;
}

std::string statements_text(const std::vector<std::string>& ids, const Pledge* pledge) {
    std::string out;
    int n = 0;
    for (const auto& id : ids) {
        std::string text = id;
        if (pledge)
            for (const auto& s : pledge->statements)
                if (s.id == id) text = s.statement;
        out += (n++ ? "; " : "") + text;
    }
    return out;
}

std::string said_text(const YouSaid& y) {
    Shown s = shown(y);
    return s.quoted ? "\u201c" + s.text + "\u201d" : s.text + " (summary)";
}

render::DocumentTable you_said_table(const std::vector<YouSaid>& items, const Pledge* pledge, const std::string& source) {
    render::DocumentTable t{"New: what children and young people said", {"Said on", "From", "What was said", "Promises"}, {}, {}, source};
    for (const auto& y : items)
        t.rows.push_back({paper::long_date(y.said_on), std::string(source_name(y.source)), said_text(y),
                          statements_text(y.statements, pledge)});
    return t;
}

render::DocumentTable actions_table(const std::string& caption, const std::vector<Action>& actions, care::Date on,
                                    const std::string& source) {
    render::DocumentTable t{caption, {"Action", "Owner", "Partner", "Due", "Status"}, {}, {}, source};
    for (const auto& a : actions)
        t.rows.push_back({a.title, a.owner, a.partner.empty() ? "none" : a.partner, paper::long_date(a.due_on),
                          is_overdue(a, on) ? std::string(status_name(a.status)) + ", overdue" : std::string(status_name(a.status))});
    return t;
}

render::DocumentTable done_table(const std::vector<Action>& actions, const std::string& source) {
    render::DocumentTable t{"Done since the last meeting", {"Action", "We did", "Done on", "Owner"}, {}, {}, source};
    for (const auto& a : actions)
        t.rows.push_back({a.title, a.we_did, a.finished_on ? paper::long_date(*a.finished_on) : "", a.owner});
    return t;
}

}  // namespace

std::optional<render::Document> board_pack(store::Database& db, const settings::Settings& settings, long long meeting_id,
                                           const std::string& today) {
    auto meeting = find_meeting(db, meeting_id);
    if (!meeting) return std::nullopt;
    paper::Data data = paper::load(db, settings, today);
    const Pledge* pledge = data.pledge ? &*data.pledge : nullptr;
    render::Document d;
    d.title = "Corporate Parenting Board, " + paper::long_date(meeting->held_on);
    d.subtitle = "Board pack. Theme: " + meeting->theme;
    d.date = paper::long_date(today);
    d.author = data.council;

    render::Section agenda{"Agenda", 2, {}};
    if (meeting->agenda.empty()) agenda.blocks.push_back(render::Paragraph{"No agenda items are recorded yet.", ""});
    else agenda.blocks.push_back(render::BulletList{meeting->agenda, true});
    d.sections.push_back(std::move(agenda));

    // The log as on the meeting's day.
    MeetingLog log = meeting_log(db, meeting_id);
    std::string log_source = "Source: the Board's You said, We did log, as on " + paper::long_date(meeting->held_on) +
                             "; produced " + paper::long_date(today) + ".";
    render::Section ysw{"You said, We did", 2, {}};
    ysw.blocks.push_back(render::Paragraph{
        fmt::format("{}: {} new {} from children and young people, {} new {}, {} {} overdue on the day of the meeting "
                    "and {} done.",
                    log.since ? "Since the last meeting on " + paper::long_date(*log.since) : "Since the log began",
                    log.new_you_said.size(), log.new_you_said.size() == 1 ? "thing said" : "things said",
                    log.new_actions.size(), log.new_actions.size() == 1 ? "action" : "actions", log.overdue.size(),
                    log.overdue.size() == 1 ? "action" : "actions", log.done.size()),
        ""});
    if (!log.new_you_said.empty()) ysw.blocks.push_back(you_said_table(log.new_you_said, pledge, log_source));
    if (!log.new_actions.empty())
        ysw.blocks.push_back(actions_table("New actions", log.new_actions, meeting->held_on, log_source));
    if (!log.overdue.empty())
        ysw.blocks.push_back(actions_table("Overdue on the day of the meeting", log.overdue, meeting->held_on, log_source));
    if (!log.done.empty()) ysw.blocks.push_back(done_table(log.done, log_source));
    d.sections.push_back(std::move(ysw));

    render::Section measures{"Measures against benchmarks", 2, {}};
    const measures::MeasureReport* latest = data.latest();
    if (!latest || !pledge) {
        measures.blocks.push_back(render::Paragraph{"No SSDA903 return has been imported yet, so there are no measures.", ""});
        d.sections.push_back(std::move(measures));
    } else {
        measures.blocks.push_back(render::Paragraph{paper::disclosure_note(data), ""});
        d.sections.push_back(std::move(measures));
        std::vector<std::string> worse;   // the measures the Board most needs to see, charted after the tables
        const measures::MeasureReport* before = data.year_before(*latest);
        for (const auto& s : pledge->statements) {
            auto table = paper::measures_table(data, s);
            if (table.rows.empty()) continue;
            d.sections.push_back({s.statement, 3, {render::Paragraph{paper::progress_sentence(data, s), ""}, table}});
            for (const auto& key : s.evidence) {
                const measures::Figure* f = measures::find_figure(*latest, key);
                if (f && measures::direction(*f, before ? measures::find_figure(*before, key) : nullptr) == "Worse" &&
                    std::find(worse.begin(), worse.end(), key) == worse.end())
                    worse.push_back(key);
            }
        }
        if (!worse.empty()) {
            render::Section charts{"Worse than last year", 3,
                                   {render::Paragraph{fmt::format("The {} {} worse than the year before, with their trends.",
                                                                  worse.size(), worse.size() == 1 ? "measure" : "measures"),
                                                      ""}}};
            for (const auto& key : worse) charts.blocks.push_back(paper::measure_figure(data, key));
            d.sections.push_back(std::move(charts));
        }
    }

    // What children told us in the latest survey, and the concerns it raised since the last meeting.
    auto survey = paper::latest_survey(db, settings, meeting->held_on);
    render::Section headlines{"Survey headlines", 2, {}};
    if (!survey) {
        headlines.blocks.push_back(render::Paragraph{"No survey round had closed by the day of the meeting.", ""});
    } else {
        headlines.blocks.push_back(render::Paragraph{
            fmt::format("{}: {} {} ({}).", survey->results.round.name, survey->results.respondents,
                        survey->results.respondents == 1 ? "child or young person answered" : "children and young people answered",
                        survey->results.round.state(meeting->held_on)),
            ""});
        for (auto& figure : paper::survey_figures(*survey, data)) headlines.blocks.push_back(std::move(figure));
    }
    d.sections.push_back(std::move(headlines));
    d.sections.push_back({"Concerns handled", 2, {paper::concerns_table(db, data, log.since, meeting->held_on)}});
    d.sections.push_back({"The local offer: take-up", 2, {paper::offer_take_up_table(db, settings, data)}});

    render::Section themed{"Theme: " + meeting->theme, 2, {}};
    std::vector<const Statement*> statements = pledge ? themed_statements(*pledge, *meeting) : std::vector<const Statement*>{};
    if (statements.empty())
        themed.blocks.push_back(render::Paragraph{
            "No promise of the Pledge names this theme, so the pack holds no measures for it beyond those above.", ""});
    d.sections.push_back(std::move(themed));
    auto actions = all_actions(db);
    for (const Statement* s : statements) {
        render::Section part{s->statement, 3, {render::Paragraph{"Our promise: " + s->commitment, ""}}};
        if (latest)
            for (const auto& key : s->evidence)
                if (measures::find_figure(*latest, key)) part.blocks.push_back(paper::measure_figure(data, key));
        std::vector<Action> open;
        for (const auto& a : actions) {
            bool unfinished = a.status == Status::Open || a.status == Status::InProgress;
            if (unfinished && std::find(a.statements.begin(), a.statements.end(), s->id) != a.statements.end())
                open.push_back(a);
        }
        if (survey) {
            auto told = paper::survey_table(*survey, data, "What children told us: " + survey->results.round.name, s->id);
            if (!told.rows.empty()) part.blocks.push_back(std::move(told));
        }
        if (!open.empty())
            part.blocks.push_back(actions_table("Actions still open on this promise", open, meeting->held_on, log_source));
        d.sections.push_back(std::move(part));
    }
    return d;
}

}  // namespace corparent::board
