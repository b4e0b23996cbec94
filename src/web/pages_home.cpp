// The start page: the Pledge, statement by statement, with the measures that evidence each one.
#include <fmt/format.h>

#include <map>
#include <mutex>

#include "board/actions.h"
#include "board/meetings.h"
#include "board/pledge.h"
#include "web/board_view.h"
#include "render/page.h"
#include "measures/headline.h"
#include "web/context.h"
#include "voice/concerns.h"
#include "voice/results.h"
#include "web/measure_view.h"

namespace corparent::web {

namespace {

// The start page's content is the same for everyone who sees the same figures, until an import or a
// change to the Pledge: it is rendered once and kept (the layout, which names the user, is not).
std::string cache_key(bool aggregate, const measures::YearReports* reports, const std::optional<board::Pledge>& pledge) {
    std::string key = (aggregate ? "a" : "c") + std::to_string(reinterpret_cast<std::uintptr_t>(reports));
    if (pledge) {
        key += "|" + std::to_string(pledge->version);
        for (const auto& s : pledge->statements) {
            key += "|" + s.id + ":" + s.statement + ":" + s.commitment;
            for (const auto& e : s.evidence) key += "," + e;
        }
    }
    return key;
}

// The latest survey round that has closed: its results evidence the Pledge beside the measures.
std::optional<voice::Round> latest_survey(Context& c, care::Date today) {
    for (auto& r : voice::rounds(c.db))
        if (r.has_closed(today)) return r;
    return std::nullopt;
}

std::string survey_key(const std::optional<voice::Round>& round, care::Date today, const measures::DisclosureRules& rules) {
    if (!round) return "|no survey";
    long long sent = 0;
    for (const auto& v : round->versions) sent += v.submitted;
    return fmt::format("|survey {} {} {} {}", round->id, sent, care::to_iso(today), rules.smallest_survey_group);
}

// Never cached: it changes with the day.
// What needs doing now, above the page: concerns for those who work them; for everyone on the Board,
// overdue "You said, We did" actions and a municipal year without a health-themed meeting.
void add_alerts(Context& c, nlohmann::json& v) {
    auto role = c.session->user.role;
    nlohmann::json alerts = nlohmann::json::array();
    if (role == accounts::Role::Participation || role == accounts::Role::Admin) {
        auto open = voice::concerns(c.db, "open").size();
        if (open > 0) {
            long long overdue = voice::overdue_concerns(c.db, c.now);
            std::string text = fmt::format("{} survey concern{} open", open, open == 1 ? " is" : "s are");
            if (overdue > 0) text += fmt::format(", {} of them raised more than a day ago", overdue);
            alerts.push_back({{"text", text + "."}, {"href", "/concerns"}, {"link", "Work the concerns"}});
        }
    }
    if (role != accounts::Role::Analyst && role != accounts::Role::Worker) {
        auto overdue = board::overdue_actions(c.db, today(c)).size();
        if (overdue > 0)
            alerts.push_back({{"text", fmt::format("{} overdue in the “You said, We did” action plan.",
                                                   overdue == 1 ? std::string("1 action is") : fmt::format("{} actions are", overdue))},
                              {"href", "/board/actions?show=overdue"},
                              {"link", "See the overdue actions"}});
        if (auto w = board::health_theme_warning(board::all_meetings(c.db), today(c)))
            alerts.push_back({{"text", *w + "."}, {"href", "/board/meetings"}, {"link", "Board meetings"}});
    }
    if (alerts.empty()) return;
    v["alerts"] = alerts;
    v["has_alerts"] = true;
}

nlohmann::json survey_rows(const voice::RoundResults& results, const std::string& statement) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& h : voice::headlines(results)) {
        if (std::find(h.indicator->pledge.begin(), h.indicator->pledge.end(), statement) == h.indicator->pledge.end()) continue;
        const auto& f = h.row.figure;
        nlohmann::json row = {{"topic", h.indicator->topic},
                              {"counted", h.indicator->counted_label},
                              {"who", h.row.versions_label},
                              {"figure", f.shown()},
                              {"fraction", f.suppressed ? std::string("c") : fmt::format("{} of {}", f.numerator, f.denominator)},
                              {"last_round", h.row.previous ? h.row.previous->shown() : std::string("-")},
                              {"general", h.row.comparator ? fmt::format("{}%", h.row.comparator->general_population_percent) : std::string("-")}};
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

Response home(Context& c) {
    bool aggregate = !accounts::sees_child_level_data(c.session->user.role);
    auto reports = measures::year_reports(c.db, c.settings, aggregate);
    auto pledge = board::current_pledge(c.db);
    static std::mutex lock;
    // Each entry keeps its reports alive, so that the address in its key cannot be reused meanwhile.
    static std::map<std::string, std::pair<std::shared_ptr<const measures::YearReports>, std::string>> rendered;
    const care::Date today = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{c.now}});
    auto survey = latest_survey(c, today);
    std::string key = cache_key(aggregate, reports.get(), pledge) + survey_key(survey, today, c.settings.disclosure);
    {
        std::lock_guard guard(lock);
        auto it = rendered.find(key);
        if (it != rendered.end()) {
            Response r;
            auto layout = c.view("Our Pledge", "/");
            add_alerts(c, layout);
            r.body = render::in_layout(it->second.second, layout);
            return r;
        }
    }
    auto v = c.view("Our Pledge", "/");
    add_alerts(c, v);
    std::optional<voice::RoundResults> results;
    if (survey) {
        results = voice::round_results(c.db, voice::question_bank(c.settings.data_dir), *survey, today, c.settings.disclosure);
        v["survey_name"] = survey->name;
        if (results->previous) v["survey_previous"] = results->previous->name;
        v["survey_id"] = survey->id;
    }
    v["aggregate"] = aggregate;
    if (pledge) v["pledge_name"] = pledge->name;
    const measures::MeasureReport* latest = reports->empty() ? nullptr : &reports->rbegin()->second;
    const measures::MeasureReport* before = nullptr;
    if (latest && reports->count(latest->year - 1)) before = &reports->at(latest->year - 1);
    if (latest) {
        v["year_label"] = fmt::format("{}-{:02}", latest->year - 1, latest->year % 100);
        v["previous_label"] = fmt::format("{}-{:02}", latest->year - 2, (latest->year - 1) % 100);
    } else {
        v["no_data"] = true;
    }
    std::string region = "Region";
    nlohmann::json statements = nlohmann::json::array();
    for (const auto& s : pledge ? pledge->statements : std::vector<board::Statement>{}) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& key : s.evidence) {
            const measures::Figure* f = latest ? measures::find_figure(*latest, key) : nullptr;
            if (!f) continue;
            if (f->benchmarks && !f->benchmarks->region_name.empty()) region = f->benchmarks->region_name;
            rows.push_back(figure_row(*f, before ? measures::find_figure(*before, key) : nullptr));
        }
        nlohmann::json item = {{"id", s.id}, {"statement", s.statement}, {"commitment", s.commitment}};
        // Measures the 903 does not hold have pages of their own; the promises they speak to link there.
        static const std::map<std::string, std::pair<std::string, std::string>> related = {
            {"education-training-jobs", {"/education", "Education: attendance, exclusions, school moves and results"}},
            {"healthy", {"/measures/sdq_average", "Emotional health: strengths and difficulties scores"}},
            {"safe-and-settled", {"/homes", "The quality of the children's homes we place children in"}},
        };
        if (auto r = related.find(s.id); r != related.end())
            item["related"] = {{"href", r->second.first}, {"text", r->second.second}};
        if (!rows.empty()) {
            item["rows"] = rows;
            item["has_rows"] = true;
        }
        if (results) {
            auto said = survey_rows(*results, s.id);
            if (!said.empty()) {
                item["survey_rows"] = said;
                item["has_survey_rows"] = true;
            }
        }
        if (rows.empty() && !item.contains("survey_rows")) item["no_evidence"] = true;
        statements.push_back(item);
    }
    v["statements"] = statements;
    v["region"] = region;
    std::string content = render::fragment("home", v);
    {
        std::lock_guard guard(lock);
        if (rendered.size() > 16) rendered.clear();   // old keys (earlier imports) are never asked for again
        rendered[key] = {reports, content};
    }
    Response r;
    r.body = render::in_layout(content, v);
    return r;
}

}  // namespace corparent::web
