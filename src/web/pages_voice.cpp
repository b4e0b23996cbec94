// The survey for staff: rounds (open, close, eligible counts, response rates), one-time codes as printable
// cards or CSV, results against comparators and the previous round, and children's comments themed.
#include <fmt/format.h>

#include "board/pledge.h"
#include "board/you_said.h"
#include "render/chart.h"
#include "render/code_cards.h"
#include "render/page.h"
#include "render/survey_table.h"
#include "render/table_export.h"
#include "voice/results.h"
#include "voice/rounds.h"
#include "voice/themes.h"
#include "web/context.h"

namespace corparent::web {
namespace {

using accounts::Role;

const voice::QuestionBank& bank(const Context& c) { return voice::question_bank(c.settings.data_dir); }

care::Date today(const Context& c) {
    return std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{c.now}});
}

bool manages_survey(const Context& c) {
    return c.session->user.role == Role::Participation || c.session->user.role == Role::Admin;
}

std::string version_name(const Context& c, const std::string& id) {
    const auto* v = bank(c).version(id);
    return v ? voice::in_language(v->name, "en") : id;
}

// "/voice/rounds/12/codes" with prefix "/voice/rounds/" gives 12 and "codes".
std::optional<std::pair<long long, std::string>> id_and_rest(const std::string& path, const std::string& prefix) {
    if (!path.starts_with(prefix)) return std::nullopt;
    std::string tail = path.substr(prefix.size());
    auto slash = tail.find('/');
    std::string id = tail.substr(0, slash);
    std::string rest = slash == std::string::npos ? "" : tail.substr(slash + 1);
    auto dot = id.find('.');
    if (dot != std::string::npos) {
        rest = id.substr(dot);
        id = id.substr(0, dot);
    }
    if (id.empty() || id.size() > 12 || id.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::make_pair(std::stoll(id), rest);
}

nlohmann::json errors_view(const std::vector<std::pair<std::string, std::string>>& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [field, message] : errors) list.push_back({{"field", field}, {"message", message}});
    return {{"errors", list}};
}

std::string survey_address(const Context& c) {
    return c.settings.survey_address.empty() ? "http://" + c.settings.server.listen + "/survey" : c.settings.survey_address;
}

nlohmann::json round_summary(const Context& c, const voice::Round& r) {
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : r.versions) {
        nlohmann::json row = {{"id", v.version},
                              {"name", version_name(c, v.version)},
                              {"eligible", v.eligible ? fmt::format("{}", *v.eligible) : std::string("not known")},
                              {"eligible_source", v.eligible_source},
                              {"started", v.started},
                              {"submitted", v.submitted},
                              {"rate", v.response_rate ? fmt::format("{}%", *v.response_rate) : std::string("-")}};
        versions.push_back(row);
    }
    return {{"id", r.id},
            {"name", r.name},
            {"opens", care::to_dmy(r.opens)},
            {"closes", care::to_dmy(r.closes)},
            {"state", r.state(today(c))},
            {"is_open", r.is_open(today(c))},
            {"closed", r.has_closed(today(c))},
            {"versions", versions}};
}

Response new_round_page(Context& c, const voice::NewRound& form, const std::string& field, const std::string& error, int status) {
    auto v = c.view("Open a survey round", "/voice");
    v["name"] = form.name;
    v["opens"] = form.opens;
    v["closes"] = form.closes;
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& ver : bank(c).versions)
        versions.push_back({{"id", ver.id},
                            {"name", voice::in_language(ver.name, "en")},
                            {"checked", std::find(form.versions.begin(), form.versions.end(), ver.id) != form.versions.end()}});
    v["versions"] = versions;
    if (!error.empty()) {
        v["error_title"] = true;
        v[field + "_error"] = error;
        v["error_summary"] = render::fragment("error_summary", errors_view({{field == "versions" ? "versions-" + bank(c).versions.front().id : field, error}}));
    }
    return c.page("voice_round_new", v, status);
}

Response round_page(Context& c, const voice::Round& r, const std::string& field = "", const std::string& error = "",
                    int status = 200) {
    auto v = c.view(r.name, "/voice");
    v["round"] = round_summary(c, r);
    nlohmann::json batches = nlohmann::json::array();
    for (const auto& b : voice::code_batches(c.db, r.id))
        batches.push_back({{"version", version_name(c, b.version)}, {"codes", b.codes}, {"created_at", b.made_on}, {"created_by", b.made_by}});
    v["batches"] = batches;
    v["has_batches"] = !batches.empty();
    v["can_make_codes"] = !r.has_closed(today(c));
    if (!error.empty()) {
        v["error_title"] = true;
        v[field + "_error"] = error;
        v["error_summary"] = render::fragment("error_summary", errors_view({{field, error}}));
    }
    return c.page("voice_round", v, status);
}

std::string figure_fraction(const voice::SurveyFigure& f) {
    if (f.suppressed) return "c";
    if (f.denominator == 0) return "no answers";
    return fmt::format("{} of {}", f.numerator, f.denominator);
}

std::string comparator_text(const voice::Comparator* comp) {
    if (!comp) return "";
    return fmt::format("{}%", comp->general_population_percent);
}

// A theme of a round's comments, and the form that makes it a "You said" item for the Board: the
// children's words go with it unquoted (they gave no consent to be quoted), a staff summary is what
// others see.
Response theme_page(Context& c, const voice::Round& r, long long theme_id) {
    std::optional<voice::Theme> theme;
    for (const auto& t : voice::themes(c.db, r.id))
        if (t.id == theme_id) theme = t;
    if (!theme) return error_page(c, 404);
    auto words = voice::comments(c.db, r, today(c), c.actor());
    words.erase(std::remove_if(words.begin(), words.end(),
                               [&](const voice::Comment& cm) {
                                   return std::find(cm.themes.begin(), cm.themes.end(), theme->name) == cm.themes.end();
                               }),
                words.end());
    std::vector<board::Problem> problems;
    std::vector<std::string> chosen;
    std::string summary = c.request.form_value("summary"), indicator = c.request.form_value("indicator");
    const auto pledge = board::current_pledge(c.db);
    if (c.request.method == "POST" && !theme->you_said_id) {
        if (pledge)
            for (const auto& st : pledge->statements)
                if (c.request.form_value("statement-" + st.id) == "yes") chosen.push_back(st.id);
        board::NewYouSaid item;
        item.source = board::Source::Survey;
        item.source_reference = r.name + ", theme '" + theme->name + "'";
        item.said_on = std::min(today(c), r.closes);
        item.statements = chosen;
        for (const auto& cm : words) {
            if (item.words.size() + cm.text.size() + 2 > 2000) break;
            item.words += (item.words.empty() ? "" : "\n") + cm.text;
        }
        item.summary = summary;
        if (!indicator.empty()) {
            if (!bank(c).indicator(indicator)) return error_page(c, 404);
            item.evidence.push_back({board::EvidenceLink::Kind::SurveyIndicator, indicator});
        }
        auto added = board::add_you_said(c.db, item, c.actor(), today(c));
        if (added.ok()) {
            voice::link_theme_to_you_said(c.db, theme->id, added.id);
            return Response::redirect(fmt::format("/board/you-said/{}", added.id));
        }
        problems = added.problems;
    }
    auto v = c.view(theme->name + ": " + r.name, "/voice");
    v["round"] = round_summary(c, r);
    v["theme"] = {{"id", theme->id}, {"name", theme->name}, {"comments", theme->comments}};
    if (theme->you_said_id) v["you_said"] = fmt::format("/board/you-said/{}", *theme->you_said_id);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& cm : words) list.push_back(cm.text);
    v["words"] = list;
    nlohmann::json statements = nlohmann::json::array();
    if (pledge)
        for (const auto& st : pledge->statements)
            statements.push_back({{"id", st.id}, {"text", st.statement},
                                  {"checked", std::find(chosen.begin(), chosen.end(), st.id) != chosen.end()}});
    v["statements"] = statements;
    nlohmann::json indicators = nlohmann::json::array();
    indicators.push_back({{"value", ""}, {"text", "None"}, {"selected", indicator.empty()}});
    for (const auto& ind : bank(c).indicators)
        indicators.push_back({{"value", ind.id}, {"text", ind.topic}, {"selected", ind.id == indicator}});
    v["indicators"] = indicators;
    v["summary"] = summary;
    if (!problems.empty()) {
        std::vector<std::pair<std::string, std::string>> errors;
        for (const auto& p : problems) {
            // The form has no field for the children's words (they come from the theme's comments).
            std::string name = p.field == "words" ? "summary" : p.field;
            std::string field = name == "statements" && pledge && !pledge->statements.empty() ? "statement-" + pledge->statements.front().id
                                                                                                 : name;
            errors.emplace_back(field, p.message);
            v[name + "_error"] = p.message;
        }
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", errors_view(errors));
    }
    return c.page("voice_theme", v, problems.empty() ? 200 : 400);
}

}  // namespace

Response voice_index(Context& c) {
    auto v = c.view("Survey", "/voice");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : voice::rounds(c.db)) list.push_back(round_summary(c, r));
    v["rounds"] = list;
    v["has_rounds"] = !list.empty();
    v["manages"] = manages_survey(c);
    return c.page("voice_index", v);
}

Response voice_new_round(Context& c) {
    if (c.request.method == "GET") return new_round_page(c, {}, "", "", 200);
    voice::NewRound form{c.request.form_value("name"), c.request.form_value("opens"), c.request.form_value("closes"), {}};
    for (const auto& ver : bank(c).versions)
        if (c.request.form_value("version-" + ver.id) == "yes") form.versions.push_back(ver.id);
    try {
        long long id = voice::create_round(c.db, bank(c), form, c.actor());
        return Response::redirect(fmt::format("/voice/rounds/{}", id));
    } catch (const voice::RoundError& e) {
        return new_round_page(c, form, e.field, e.what(), 400);
    }
}

Response voice_round(Context& c) {
    auto parsed = id_and_rest(c.request.path, "/voice/rounds/");
    if (!parsed) return error_page(c, 404);
    auto r = voice::find_round(c.db, parsed->first);
    if (!r) return error_page(c, 404);
    const std::string& action = parsed->second;
    if (c.request.method == "GET") return action.empty() ? round_page(c, *r) : error_page(c, 404);
    try {
        if (action == "close") {
            voice::close_round(c.db, r->id, today(c), c.actor());
        } else if (action == "eligible") {
            const std::string version = c.request.form_value("version"), typed = c.request.form_value("eligible");
            if (typed.empty() || typed.size() > 6 || typed.find_first_not_of("0123456789") != std::string::npos)
                throw voice::RoundError("eligible", "Enter how many could answer as a whole number, like 120");
            voice::set_eligible(c.db, r->id, version, std::stoll(typed), c.actor());
        } else if (action == "codes") {
            const std::string version = c.request.form_value("version"), typed = c.request.form_value("count"),
                              format = c.request.form_value("format");
            if (typed.empty() || typed.size() > 5 || typed.find_first_not_of("0123456789") != std::string::npos)
                throw voice::RoundError("count", "Enter how many codes to make, from 1 to 2,000");
            auto codes = voice::issue_codes(c.db, r->id, version, std::stoll(typed), today(c), c.actor());
            Response file;
            if (format == "csv") {
                render::Table t{"", {"code", "round", "version"}, {}};
                for (const auto& code : codes) t.rows.push_back({code, r->name, version});
                file.content_type = "text/csv; charset=utf-8";
                file.body = render::to_csv(t);
            } else {
                file.content_type = "application/pdf";
                file.body = render::code_cards_pdf(codes, {c.settings.council_name, r->name, version_name(c, version), survey_address(c)});
            }
            file.header("Content-Disposition",
                        fmt::format("attachment; filename=\"survey-codes-{}-{}.{}\"", r->id, version, format == "csv" ? "csv" : "pdf"));
            return file;
        } else {
            return error_page(c, 404);
        }
    } catch (const voice::RoundError& e) {
        std::string field = e.field == "round" ? "count" : e.field;
        if (action == "eligible" && field == "version") field = "eligible-version";
        return round_page(c, *r, field, e.what(), 400);
    }
    return Response::redirect(fmt::format("/voice/rounds/{}", r->id));
}

Response voice_results(Context& c) {
    auto parsed = id_and_rest(c.request.path, "/voice/results/");
    if (!parsed) return error_page(c, 404);
    auto r = voice::find_round(c.db, parsed->first);
    const std::string& format = parsed->second;
    if (!r || (!format.empty() && format != ".csv" && format != ".xlsx")) return error_page(c, 404);
    std::string version = c.request.query_value("version");
    if (!version.empty() && !r->version(version)) return error_page(c, 404);
    std::string by = c.request.query_value("by");
    if (!by.empty() && std::find(voice::kSurveyBreakdowns.begin(), voice::kSurveyBreakdowns.end(), by) == voice::kSurveyBreakdowns.end())
        return error_page(c, 404);
    // While a round is open its figures move with each answer sent: comparing two looks could show one
    // child's answers, so only the participation team sees them before it closes.
    if (!r->has_closed(today(c)) && !manages_survey(c)) {
        if (!format.empty()) return error_page(c, 404);
        auto v = c.view(r->name + ": results", "/voice");
        v["round"] = round_summary(c, *r);
        v["not_yet"] = true;
        return c.page("voice_results", v);
    }
    auto res = voice::round_results(c.db, bank(c), *r, today(c), c.settings.disclosure, version, by);
    if (!format.empty()) {
        auto t = render::survey_results_table(res);
        Response file;
        bool xlsx = format == ".xlsx";
        file.content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        file.body = xlsx ? render::to_xlsx(t) : render::to_csv(t);
        file.header("Content-Disposition", fmt::format("attachment; filename=\"survey-results-{}.{}\"", r->id, xlsx ? "xlsx" : "csv"));
        return file;
    }
    auto v = c.view(r->name + ": results", "/voice");
    v["round"] = round_summary(c, *r);
    v["respondents"] = res.respondents;
    v["includes_unfinished"] = res.includes_unfinished;
    if (res.previous) v["previous"] = res.previous->name;
    v["smallest_group"] = c.settings.disclosure.smallest_survey_group;
    nlohmann::json versions = nlohmann::json::array();
    versions.push_back({{"value", ""}, {"text", "Every version"}, {"selected", version.empty()}});
    for (const auto& rv : r->versions)
        versions.push_back({{"value", rv.version}, {"text", version_name(c, rv.version)}, {"selected", rv.version == version}});
    v["versions"] = versions;
    const std::vector<std::pair<std::string, std::string>> breakdowns = {
        {"", "No breakdown"}, {"age_band", "Age"}, {"gender", "Gender"}, {"where_you_live", "Where they live"}, {"ethnicity", "Ethnicity"}};
    nlohmann::json bys = nlohmann::json::array();
    for (const auto& [value, text] : breakdowns) bys.push_back({{"value", value}, {"text", text}, {"selected", value == by}});
    v["breakdowns"] = bys;
    v["query"] = fmt::format("?version={}&by={}", url_encode(version), url_encode(by));

    render::BarChart chart;
    chart.title = r->name + ": share of respondents giving the counted answer";
    chart.summary = "One bar per indicator, for every version asked together; suppressed or unanswered indicators have no bar.";
    chart.unit = "%";
    chart.id = "survey-headlines";
    nlohmann::json indicators = nlohmann::json::array();
    for (const auto& h : voice::headlines(res)) {
        chart.categories.push_back(h.indicator->topic);
        chart.values.push_back(h.row.figure.percent ? std::optional<double>(static_cast<double>(*h.row.figure.percent)) : std::nullopt);
    }
    int n = 0;
    for (const auto& ir : res.indicators) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : ir.rows) {
            nlohmann::json jr = {{"versions", row.versions_label},
                                 {"shown", row.figure.shown()},
                                 {"fraction", figure_fraction(row.figure)},
                                 {"rather_not_say", row.figure.suppressed ? std::string("c") : std::to_string(row.figure.rather_not_say)},
                                 {"previous", row.previous ? row.previous->shown() : std::string("-")},
                                 {"comparator", row.comparator ? comparator_text(row.comparator) : std::string("-")}};
            if (row.comparator) {
                jr["comparator_source"] = row.comparator->publication + ", " + row.comparator->publication_date;
                jr["comparator_group"] = row.comparator->general_population_label;
                if (row.comparator->verification.find("UNVERIFIED") != std::string::npos) jr["comparator_unverified"] = true;
            }
            nlohmann::json groups = nlohmann::json::array();
            for (const auto& b : row.breakdown)
                groups.push_back({{"group", b.label}, {"shown", b.figure.shown()}, {"fraction", figure_fraction(b.figure)}});
            if (!groups.empty()) jr["groups"] = groups;
            rows.push_back(jr);
        }
        std::string statements;
        for (const auto& s : ir.indicator->pledge) statements += (statements.empty() ? "" : ", ") + s;
        indicators.push_back({{"n", ++n},
                              {"topic", ir.indicator->topic},
                              {"counted", ir.indicator->counted_label},
                              {"polarity", ir.indicator->higher_is_better ? "Higher is better" : "Lower is better"},
                              {"statements", statements},
                              {"rows", rows}});
    }
    v["indicators"] = indicators;
    v["has_indicators"] = !indicators.empty();
    if (!chart.categories.empty()) v["chart"] = render::bar_chart_svg(chart);
    nlohmann::json helped = nlohmann::json::array();
    for (const auto& [who, count] : res.helped_by)
        helped.push_back({{"who", who}, {"count", measures::survey_group_suppressed(count, c.settings.disclosure) ? std::string("c") : std::to_string(count)}});
    v["helped_by"] = helped;
    v["manages"] = manages_survey(c);
    return c.page("voice_results", v);
}

Response voice_comments(Context& c) {
    auto parsed = id_and_rest(c.request.path, "/voice/comments/");
    if (!parsed) return error_page(c, 404);
    auto r = voice::find_round(c.db, parsed->first);
    if (!r) return error_page(c, 404);
    if (parsed->second.starts_with("themes/")) {
        auto theme = id_and_rest("/" + parsed->second, "/themes/");
        if (!theme || !theme->second.empty()) return error_page(c, 404);
        return theme_page(c, *r, theme->first);
    }
    if (!parsed->second.empty()) return error_page(c, 404);
    std::string error;
    if (c.request.method == "POST") {
        const std::string comment = c.request.form_value("comment");
        if (comment.empty() || comment.size() > 12 || comment.find_first_not_of("0123456789") != std::string::npos) return error_page(c, 404);
        try {
            voice::set_comment_themes(c.db, r->id, std::stoll(comment), c.request.form_value("themes"), c.actor());
            return Response::redirect(fmt::format("/voice/comments/{}#comment-{}", r->id, comment));
        } catch (const std::invalid_argument& e) {
            error = e.what();
        }
    }
    auto v = c.view(r->name + ": comments", "/voice");
    v["round"] = round_summary(c, *r);
    const auto& b = bank(c);
    nlohmann::json list = nlohmann::json::array();
    std::string theme_filter = c.request.query_value("theme");
    for (const auto& cm : voice::comments(c.db, *r, today(c), c.actor())) {
        if (!theme_filter.empty() && std::find(cm.themes.begin(), cm.themes.end(), theme_filter) == cm.themes.end()) continue;
        std::string question = cm.question;
        for (const auto& q : b.free_text)
            if (q.id == cm.question && q.wording.count(cm.version)) question = voice::in_language(q.wording.at(cm.version), "en");
        std::string themes;
        for (const auto& t : cm.themes) themes += (themes.empty() ? "" : ", ") + t;
        list.push_back({{"id", cm.id}, {"version", version_name(c, cm.version)}, {"question", question}, {"text", cm.text}, {"themes", themes}});
    }
    v["comments"] = list;
    v["has_comments"] = !list.empty();
    nlohmann::json themes = nlohmann::json::array();
    for (const auto& t : voice::themes(c.db, r->id))
    {
        nlohmann::json row = {{"name", t.name},
                              {"comments", t.comments},
                              {"href", "?theme=" + url_encode(t.name)},
                              {"page", fmt::format("/voice/comments/{}/themes/{}", r->id, t.id)}};
        if (t.you_said_id) row["you_said"] = fmt::format("/board/you-said/{}", *t.you_said_id);
        themes.push_back(row);
    }
    v["themes"] = themes;
    v["has_themes"] = !themes.empty();
    if (!theme_filter.empty()) v["theme_filter"] = theme_filter;
    if (!error.empty()) {
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", errors_view({{"comment-" + c.request.form_value("comment"), error}}));
    }
    return c.page("voice_comments", v, error.empty() ? 200 : 400);
}

}  // namespace corparent::web
