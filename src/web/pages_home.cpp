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

// For the Board's people: what needs their attention first (never cached: it changes with the day).
std::string board_alerts(Context& c) {
    auto role = c.session->user.role;
    if (role == accounts::Role::Analyst || role == accounts::Role::Worker) return "";
    nlohmann::json v = nlohmann::json::object();
    if (auto w = board::health_theme_warning(board::all_meetings(c.db), today(c))) v["health_warning"] = *w;
    auto overdue = board::overdue_actions(c.db, today(c)).size();
    if (overdue) v["overdue_count"] = overdue == 1 ? std::string("1 action is") : fmt::format("{} actions are", overdue);
    if (v.empty()) return "";
    return render::fragment("home_board", v);
}

}  // namespace

Response home(Context& c) {
    bool aggregate = !accounts::sees_child_level_data(c.session->user.role);
    auto reports = measures::year_reports(c.db, c.settings, aggregate);
    auto pledge = board::current_pledge(c.db);
    static std::mutex lock;
    // Each entry keeps its reports alive, so that the address in its key cannot be reused meanwhile.
    static std::map<std::string, std::pair<std::shared_ptr<const measures::YearReports>, std::string>> rendered;
    std::string key = cache_key(aggregate, reports.get(), pledge);
    {
        std::lock_guard guard(lock);
        auto it = rendered.find(key);
        if (it != rendered.end()) {
            Response r;
            r.body = render::in_layout(board_alerts(c) + it->second.second, c.view("Our Pledge", "/"));
            return r;
        }
    }
    auto v = c.view("Our Pledge", "/");
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
    r.body = render::in_layout(board_alerts(c) + content, v);
    return r;
}

}  // namespace corparent::web
