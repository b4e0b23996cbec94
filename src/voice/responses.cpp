#include "voice/responses.h"

#include <set>

#include "store/accounts.h"
#include "store/survey.h"
#include "voice/codes.h"

namespace corparent::voice {
namespace {

std::string today_iso(care::Date today) { return care::to_iso(today); }

care::Date day_of(long long now) { return std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{now}}); }

std::string throttle_key(const std::string& address) { return "survey-code:" + address; }

std::string field(const std::map<std::string, std::string>& fields, const std::string& name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

std::string trimmed(const std::string& s, std::size_t longest) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    auto out = s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
    if (out.size() > longest) out.resize(longest);
    return out;
}

bool in_choices(const std::vector<Choice>& choices, const std::string& value) {
    if (value == kRatherNotSay) return true;
    for (const auto& c : choices)
        if (c.value == value) return true;
    return false;
}

std::string answer_text(const QuestionBank& bank, const Indicator& ind, const std::string& value, const std::string& language) {
    if (value == kRatherNotSay) return "I'd rather not say";
    for (const auto& a : bank.scale_of(ind).answers)
        if (a.value == value) return in_language(a.text, language);
    return value;
}

// Everything the response has shared that could make a concern.
Shared shared_by(store::Database& db, const QuestionBank& bank, const OpenResponse& r, const ConcernSettings& settings) {
    Shared s;
    auto answers = store::survey_answers_of(db, r.response_id);
    auto comments = store::survey_comments_of(db, r.response_id);
    for (const auto& page : bank.pages) {
        if (answers["talk:" + page.id] != "yes") continue;
        std::string line = in_language(page.title, "en");
        std::vector<std::string> parts;
        for (const auto* ind : bank.asked_in(r.version))
            if (ind->page == page.id && answers.count(ind->id))
                parts.push_back(in_language(ind->wording.at(r.version), r.language) + " " +
                                answer_text(bank, *ind, answers[ind->id], r.language));
        for (const auto& p : parts) line += (line.empty() ? "" : " | ") + p;
        s.asked_about.push_back(line);
    }
    for (const auto& q : bank.free_text) {
        const std::string& text = comments[q.id];
        auto found = harm_words_in(text, settings.harm_words);
        if (found.empty()) continue;
        s.words.push_back(text);
        for (const auto& w : found)
            if (std::find(s.harm_words.begin(), s.harm_words.end(), w) == s.harm_words.end()) s.harm_words.push_back(w);
    }
    for (const char* own : {"talk-about", "contact"}) {
        auto found = harm_words_in(comments[own], settings.harm_words);
        for (const auto& w : found)
            if (std::find(s.harm_words.begin(), s.harm_words.end(), w) == s.harm_words.end()) s.harm_words.push_back(w);
    }
    s.asked_to_talk = answers["talk"] == "yes";
    s.talk_about = comments["talk-about"];
    s.contact = s.asked_to_talk ? comments["contact"] : "";
    return s;
}

}  // namespace

std::vector<Step> steps(const QuestionBank& bank, const std::string& version) {
    std::vector<Step> out = {{Step::Kind::Intro, ""}};
    auto asked = bank.asked_in(version);
    for (const auto& page : bank.pages)
        for (const auto* ind : asked)
            if (ind->page == page.id) {
                out.push_back({Step::Kind::Questions, page.id});
                break;
            }
    if (bank.asks_about_you(version)) out.push_back({Step::Kind::AboutYou, ""});
    out.push_back({Step::Kind::YourWords, ""});
    out.push_back({Step::Kind::TalkToSomeone, ""});
    return out;
}

CodeResult open_with_code(store::Database& db, const std::string& typed, const std::string& address, const std::string& language,
                          long long now) {
    CodeResult result;
    const auto key = throttle_key(address);
    const long long since = now - kWrongCodeWindowSeconds;
    auto failures = store::sign_in_failure_times(db, key, since);
    if (static_cast<long long>(failures.size()) >= kWrongCodesPerAddress) {
        result.outcome = CodeOutcome::Throttled;
        result.retry_after = std::max(1LL, failures.front() + kWrongCodeWindowSeconds - now);
        return result;
    }
    auto canonical = normalised_code(typed);
    if (!canonical) {
        store::record_sign_in_failure(db, key, now);
        result.outcome = CodeOutcome::NotACode;
        return result;
    }
    auto code = store::find_survey_code(db, code_hash(*canonical));
    if (!code) {
        store::record_sign_in_failure(db, key, now);
        result.outcome = CodeOutcome::Unknown;
        return result;
    }
    if (code->spent) {
        result.outcome = CodeOutcome::Spent;
        return result;
    }
    auto round = store::find_survey_round(db, code->round_id);
    care::Date today = day_of(now);
    if (!round || today > care::parse_iso(round->closes_on).value_or(today)) {
        result.outcome = CodeOutcome::Closed;
        return result;
    }
    if (today < care::parse_iso(round->opens_on).value_or(today)) {
        result.outcome = CodeOutcome::NotOpenYet;
        return result;
    }
    result.response_id = code->response_id ? *code->response_id
                                           : store::open_survey_response(db, code->hash, code->round_id, code->version,
                                                                         language, today_iso(today));
    result.outcome = CodeOutcome::Opened;
    result.canonical = *canonical;
    return result;
}

std::optional<OpenResponse> response_for_code(store::Database& db, const std::string& canonical, care::Date today) {
    auto code = store::find_survey_code(db, code_hash(canonical));
    if (!code || code->spent || !code->response_id) return std::nullopt;
    auto round = store::find_survey_round(db, code->round_id);
    if (!round) return std::nullopt;
    auto opens = care::parse_iso(round->opens_on), closes = care::parse_iso(round->closes_on);
    if (!opens || !closes || today < *opens || today > *closes) return std::nullopt;
    auto response = store::find_survey_response(db, *code->response_id);
    if (!response || response->submitted_on) return std::nullopt;
    return OpenResponse{response->id, response->round_id, response->version, response->language, response->step};
}

Saved saved(store::Database& db, long long response_id) {
    Saved s;
    s.answers = store::survey_answers_of(db, response_id);
    s.comments = store::survey_comments_of(db, response_id);
    if (auto r = store::find_survey_response(db, response_id)) {
        s.age_band = r->age_band;
        s.gender = r->gender;
        s.where_you_live = r->where_you_live;
        s.ethnicity = r->ethnicity;
        s.helped_by = r->helped_by;
    }
    return s;
}

StepSaved save_step(store::Database& db, const QuestionBank& bank, const OpenResponse& r, int step,
                    const std::map<std::string, std::string>& fields, bool send, long long now, care::Date today,
                    const ConcernSettings& concerns) {
    auto all = steps(bank, r.version);
    StepSaved out;
    if (step < 0 || step >= static_cast<int>(all.size())) return {0, false};
    const Step& s = all[static_cast<std::size_t>(step)];
    switch (s.kind) {
    case Step::Kind::Intro:
        break;
    case Step::Kind::Questions: {
        std::vector<std::pair<std::string, std::string>> answers;
        for (const auto* ind : bank.asked_in(r.version)) {
            if (ind->page != s.page) continue;
            std::string value = field(fields, ind->id);
            std::vector<Choice> scale;
            for (const auto& a : bank.scale_of(*ind).answers) scale.push_back({a.value, a.text});
            answers.emplace_back(ind->id, in_choices(scale, value) ? value : "");
        }
        answers.emplace_back("talk:" + s.page, field(fields, "talk") == "yes" ? "yes" : "");
        store::save_survey_answers(db, r.response_id, answers);
        break;
    }
    case Step::Kind::AboutYou: {
        store::SurveyResponseRow about;
        about.id = r.response_id;
        auto pick = [&](const std::string& id) {
            const auto* q = bank.about_question(id);
            std::string value = field(fields, id);
            return q && in_choices(q->choices(r.version), value) ? value : std::string();
        };
        about.age_band = pick("age_band");
        about.gender = pick("gender");
        about.where_you_live = pick("where_you_live");
        about.ethnicity = pick("ethnicity");
        about.helped_by = pick("helped_by");
        store::save_survey_about(db, about);
        break;
    }
    case Step::Kind::YourWords: {
        std::vector<std::pair<std::string, std::string>> comments;
        for (const auto& q : bank.free_text) comments.emplace_back(q.id, trimmed(field(fields, q.id), 5000));
        store::save_survey_comments(db, r.response_id, comments);
        break;
    }
    case Step::Kind::TalkToSomeone: {
        std::string talk = field(fields, "talk");
        bool yes = talk == "yes";
        store::save_survey_answers(db, r.response_id, {{"talk", yes ? "yes" : (talk == "no" ? "no" : "")}});
        // What they would like to talk about is kept (and read for harm) whatever they chose; how to reach
        // them only if they said yes.
        store::save_survey_comments(db, r.response_id,
                                    {{"talk-about", trimmed(field(fields, "talk-about"), 2000)},
                                     {"contact", yes ? trimmed(field(fields, "contact"), 500) : ""}});
        break;
    }
    }
    raise_concern(db, r.round_id, r.response_id, shared_by(db, bank, r, concerns), now, concerns);
    out.next_step = std::min(step + 1, static_cast<int>(all.size()) - 1);
    store::set_survey_step(db, r.response_id, out.next_step);
    if (send && s.kind == Step::Kind::TalkToSomeone) out.sent = store::submit_survey_response(db, r.response_id, today_iso(today));
    return out;
}

}  // namespace corparent::voice
