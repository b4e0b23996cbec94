// The survey form at /survey: public, no account. A child types the code from their card; the code opens
// their response, which they can leave and come back to with the same code until they send it. Every page
// says who to call for help now; nothing here asks who the child is.
#include <fmt/format.h>

#include "accounts/secrets.h"
#include "render/page.h"
#include "voice/responses.h"
#include "voice/rounds.h"
#include "web/context.h"

namespace corparent::web {
namespace {

constexpr const char* kSurveyCookie = "corparent_survey";
constexpr long long kSurveyCookieSeconds = 2 * 3600;   // after that, the code again

const voice::QuestionBank& bank(const Context& c) { return voice::question_bank(c.settings.data_dir); }

care::Date today(const Context& c) {
    return std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{c.now}});
}

// The token a public form carries: the form cookie's, kept across pages so several tabs work; a signed-in
// member of staff trying the survey uses their session's.
std::string form_token(const Context& c, Response* set_cookie_on) {
    if (c.session) return c.session->csrf_token;
    auto it = c.request.cookies.find(kFormCookie);
    if (it != c.request.cookies.end() && it->second.size() >= 32) return it->second;
    std::string token = accounts::random_token();
    if (set_cookie_on) set_cookie_on->header("Set-Cookie", c.cookie(kFormCookie, token));
    return token;
}

nlohmann::json survey_view(Context& c, const std::string& title, const std::string& token) {
    auto v = c.view(title, "/survey");
    if (!c.session) v["csrf"] = token;
    v["survey"] = true;
    return v;
}

Response survey_page(Context& c, const std::string& name, nlohmann::json v, int status, const std::string& new_token) {
    auto r = c.page(name, v, status);
    if (!new_token.empty()) r.header("Set-Cookie", c.cookie(kFormCookie, new_token));
    return r;
}

Response start_page(Context& c, const std::string& typed, const std::string& error, int status, long long retry_after = 0) {
    Response probe;
    std::string token = form_token(c, &probe);
    bool fresh = !probe.headers.empty();
    auto v = survey_view(c, "Have your say", token);
    v["code"] = typed;
    if (!error.empty()) {
        v["error_title"] = true;
        v["code_error"] = error;
        v["error_summary"] = render::fragment("error_summary", {{"errors", {{{"field", "code"}, {"message", error}}}}});
    }
    nlohmann::json languages = nlohmann::json::array();
    for (const auto& [id, name] : bank(c).languages)
        languages.push_back({{"id", id}, {"name", name}, {"checked", id == "en"}});
    v["languages"] = languages;
    auto r = survey_page(c, "survey_start", v, status, fresh ? token : "");
    if (retry_after > 0) r.header("Retry-After", std::to_string(retry_after));
    return r;
}

std::optional<voice::OpenResponse> current_response(const Context& c) {
    auto it = c.request.cookies.find(kSurveyCookie);
    if (it == c.request.cookies.end() || it->second.empty()) return std::nullopt;
    return voice::response_for_code(c.db, it->second, today(c));
}

int step_number(const Context& c) {
    const std::string prefix = "/survey/step/";
    std::string rest = c.request.path.substr(prefix.size());
    if (rest.empty() || rest.size() > 3 || rest.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(rest);
}

nlohmann::json choice_list(const std::vector<voice::Choice>& choices, const std::string& name, const std::string& saved,
                           const std::string& language) {
    nlohmann::json list = nlohmann::json::array();
    int i = 0;
    for (const auto& ch : choices)
        list.push_back({{"id", fmt::format("{}-{}", name, ++i)},
                        {"value", ch.value},
                        {"text", voice::in_language(ch.text, language)},
                        {"checked", saved == ch.value}});
    return list;
}

nlohmann::json question_view(const voice::QuestionBank& b, const voice::Indicator& ind, const voice::OpenResponse& r,
                             const std::string& saved, bool faces) {
    nlohmann::json answers = nlohmann::json::array();
    int i = 0;
    for (const auto& a : b.scale_of(ind).answers) {
        nlohmann::json answer = {{"id", fmt::format("{}-{}", ind.id, ++i)},
                                 {"value", a.value},
                                 {"text", voice::in_language(a.text, r.language)},
                                 {"checked", saved == a.value}};
        if (faces && !a.face.empty()) answer["face"] = a.face;
        answers.push_back(answer);
    }
    return {{"name", ind.id},
            {"question", voice::in_language(ind.wording.at(r.version), r.language)},
            {"answers", answers},
            {"rather_not_say_checked", saved == voice::kRatherNotSay}};
}

Response step_page(Context& c, const voice::OpenResponse& r, int step) {
    const auto& b = bank(c);
    auto all = voice::steps(b, r.version);
    const auto& s = all[static_cast<std::size_t>(step)];
    auto saved = voice::saved(c.db, r.response_id);
    const voice::Version* version = b.version(r.version);
    Response probe;
    std::string token = form_token(c, &probe);
    bool fresh = !probe.headers.empty();
    std::string title;
    nlohmann::json v = nlohmann::json::object();
    switch (s.kind) {
    case voice::Step::Kind::Intro: {
        title = "Before you start";
        nlohmann::json paragraphs = nlohmann::json::array();
        auto it = version->intro.find(r.language);
        if (it == version->intro.end()) it = version->intro.find("en");
        if (it != version->intro.end())
            for (const auto& p : it->second) paragraphs.push_back(p);
        v["intro"] = {{"paragraphs", paragraphs}};
        break;
    }
    case voice::Step::Kind::Questions: {
        for (const auto& p : b.pages)
            if (p.id == s.page) title = voice::in_language(p.title, r.language);
        nlohmann::json questions = nlohmann::json::array();
        for (const auto* ind : b.asked_in(r.version))
            if (ind->page == s.page) questions.push_back(question_view(b, *ind, r, saved.answers[ind->id], version->faces));
        v["questions"] = questions;
        v["talk_checked"] = saved.answers["talk:" + s.page] == "yes";
        v["show_talk_checkbox"] = true;
        if (version->faces) v["faces"] = true;
        break;
    }
    case voice::Step::Kind::AboutYou: {
        title = "About you";
        nlohmann::json questions = nlohmann::json::array();
        const std::map<std::string, std::string> values = {{"age_band", saved.age_band}, {"gender", saved.gender},
                                                           {"where_you_live", saved.where_you_live},
                                                           {"ethnicity", saved.ethnicity}, {"helped_by", saved.helped_by}};
        for (const auto& q : b.about)
            questions.push_back({{"name", q.id},
                                 {"question", voice::in_language(q.question, r.language)},
                                 {"answers", choice_list(q.choices(r.version), q.id, values.at(q.id), r.language)},
                                 {"rather_not_say_checked", values.at(q.id) == voice::kRatherNotSay}});
        v["about"] = {{"questions", questions}};
        break;
    }
    case voice::Step::Kind::YourWords: {
        title = "In your own words";
        nlohmann::json questions = nlohmann::json::array();
        for (const auto& q : b.free_text) {
            auto w = q.wording.find(r.version);
            if (w == q.wording.end()) continue;
            questions.push_back({{"name", q.id}, {"question", voice::in_language(w->second, r.language)}, {"text", saved.comments[q.id]}});
        }
        v["words"] = {{"questions", questions}};
        break;
    }
    case voice::Step::Kind::TalkToSomeone:
        title = "Would you like someone to talk to you?";
        v["talk"] = {{"yes", saved.answers["talk"] == "yes"},
                     {"no", saved.answers["talk"] == "no"},
                     {"talk_about", saved.comments["talk-about"]},
                     {"contact", saved.comments["contact"]}};
        break;
    }
    auto view = survey_view(c, title, token);
    view.update(v);
    view["heading"] = title;
    view["step"] = step;
    view["action"] = fmt::format("/survey/step/{}", step);
    view["progress"] = fmt::format("Page {} of {}", step + 1, all.size());
    if (step > 0) view["back"] = fmt::format("/survey/step/{}", step - 1);
    view["last"] = s.kind == voice::Step::Kind::TalkToSomeone;
    return survey_page(c, "survey_step", view, 200, fresh ? token : "");
}

std::string code_problem(voice::CodeOutcome outcome) {
    switch (outcome) {
    case voice::CodeOutcome::NotACode: return "Enter the code from your card. It has 12 letters and numbers, like K7QM-3RTA-W9ZP";
    case voice::CodeOutcome::Unknown: return "We could not find that code. Check it against your card and try again";
    case voice::CodeOutcome::Spent: return "This code has been used to send answers already. Ask the adult who gave you the card for a new one";
    case voice::CodeOutcome::NotOpenYet: return "This survey has not started yet. Try again on the day it opens";
    case voice::CodeOutcome::Closed: return "This survey has closed. Thank you for wanting to take part";
    case voice::CodeOutcome::Throttled: return "Too many codes were tried from here. Wait 15 minutes, then try again";
    case voice::CodeOutcome::Opened: break;
    }
    return "";
}

}  // namespace

Response survey_start(Context& c) {
    if (c.request.method == "GET") return start_page(c, "", "", 200);
    const std::string typed = c.request.form_value("code");
    std::string language = c.request.form_value("language");
    bool known = false;
    for (const auto& [id, name] : bank(c).languages) known = known || id == language;
    if (!known) language = "en";
    auto result = voice::open_with_code(c.db, typed, c.request.address, language, c.now);
    if (result.outcome != voice::CodeOutcome::Opened) {
        int status = result.outcome == voice::CodeOutcome::Throttled ? 429 : 400;
        return start_page(c, typed.size() > 40 ? "" : typed, code_problem(result.outcome), status, result.retry_after);
    }
    auto response = voice::response_for_code(c.db, result.canonical, today(c));
    auto r = Response::redirect(fmt::format("/survey/step/{}", response ? response->step : 0));
    // The code opens the answers: on a shared phone or tablet it must not stay open for the next person.
    r.header("Set-Cookie", c.cookie(kSurveyCookie, result.canonical, false, kSurveyCookieSeconds));
    return r;
}

Response survey_step(Context& c) {
    auto r = current_response(c);
    if (!r) return Response::redirect("/survey");
    int step = step_number(c);
    int last = static_cast<int>(voice::steps(bank(c), r->version).size()) - 1;
    if (step < 0 || step > last) return error_page(c, 404);
    if (step > r->step) return Response::redirect(fmt::format("/survey/step/{}", r->step));
    if (c.request.method == "GET") return step_page(c, *r, step);
    auto saved = voice::save_step(c.db, bank(c), *r, step, c.request.form, c.request.form_value("send") == "yes", c.now, today(c),
                                  c.settings.concerns);
    if (saved.sent) {
        auto done = Response::redirect("/survey/sent");
        done.header("Set-Cookie", c.cookie(kSurveyCookie, "", true));
        return done;
    }
    return Response::redirect(fmt::format("/survey/step/{}", saved.next_step));
}

Response survey_sent(Context& c) {
    Response probe;
    std::string token = form_token(c, &probe);
    auto v = survey_view(c, "Thank you: your answers have been sent", token);
    return c.page("survey_sent", v);
}

}  // namespace corparent::web
