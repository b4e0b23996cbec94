#include "voice/results.h"

#include <map>
#include <set>

#include "store/survey.h"

namespace corparent::voice {
namespace {

struct Respondent {
    std::string version;
    std::map<std::string, std::string> about;      // breakdown -> value
    std::map<std::string, std::string> answers;    // indicator -> answer
};

std::map<long long, Respondent> respondents(store::Database& db, long long round_id, bool include_unfinished) {
    std::map<long long, Respondent> out;
    for (const auto& a : store::survey_round_answers(db, round_id, include_unfinished)) {
        auto& r = out[a.response_id];
        r.version = a.version;
        r.about = {{"age_band", a.age_band}, {"gender", a.gender}, {"where_you_live", a.where_you_live}, {"ethnicity", a.ethnicity}};
        r.answers[a.indicator] = a.answer;
    }
    return out;
}

template <typename Keep>
SurveyFigure figure(const std::map<long long, Respondent>& people, const Indicator& ind, const measures::DisclosureRules& rules,
                    Keep keep) {
    SurveyFigure f;
    for (const auto& [id, r] : people) {
        if (!keep(r)) continue;
        auto it = r.answers.find(ind.id);
        if (it == r.answers.end()) continue;
        if (it->second == kRatherNotSay) {
            ++f.rather_not_say;
            continue;
        }
        ++f.denominator;
        if (ind.counted.count(it->second)) ++f.numerator;
    }
    if (f.denominator > 0 && measures::survey_group_suppressed(f.denominator, rules)) f.suppressed = true;
    else if (f.denominator > 0) f.percent = (f.numerator * 200 + f.denominator) / (f.denominator * 2);
    return f;
}

// Secondary suppression (spec/measures.md section 6): when exactly one group of a set whose total is shown
// is suppressed, the next smallest is too, so that the total cannot give it away.
void suppress_second(const std::vector<SurveyFigure*>& groups) {
    SurveyFigure* next = nullptr;
    int suppressed = 0;
    for (auto* g : groups) {
        if (g->suppressed) ++suppressed;
        else if (g->denominator > 0 && (!next || g->denominator < next->denominator)) next = g;
    }
    if (suppressed == 1 && next) {
        next->suppressed = true;
        next->percent.reset();
    }
}

std::string version_list(const std::vector<std::string>& versions) {
    std::string out;
    for (const auto& v : versions) out += (out.empty() ? "" : ", ") + v;
    return out;
}

const Comparator* comparator_for(const Indicator& ind, const std::vector<std::string>& versions) {
    for (const auto& c : ind.comparators) {
        bool all = true;
        for (const auto& v : versions) all = all && std::find(c.versions.begin(), c.versions.end(), v) != c.versions.end();
        if (all) return &c;
    }
    return nullptr;
}

std::string group_label(const QuestionBank& bank, const std::string& breakdown, const std::string& value) {
    if (value.empty()) return "Not answered";
    if (value == kRatherNotSay) return "I'd rather not say";
    if (const auto* q = bank.about_question(breakdown)) {
        for (const auto& c : q->options)
            if (c.value == value) return in_language(c.text, "en");
        for (const auto& [version, choices] : q->options_by_version)
            for (const auto& c : choices)
                if (c.value == value) return in_language(c.text, "en");
    }
    return value;
}

// The rows of one indicator: each version asked, then all children's versions together when there are several.
std::vector<std::vector<std::string>> row_versions(const QuestionBank& bank, const Indicator& ind, const Round& round,
                                                   const std::string& only) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> children;
    for (const auto& v : round.versions) {
        if (!ind.wording.count(v.version) || (!only.empty() && v.version != only)) continue;
        out.push_back({v.version});
        const Version* bv = bank.version(v.version);
        if (bv && bv->audience == "child") children.push_back(v.version);
    }
    if (only.empty() && children.size() > 1) out.push_back(children);
    return out;
}

RoundResults compute(store::Database& db, const QuestionBank& bank, const Round& round, care::Date today,
                     const measures::DisclosureRules& rules, const std::string& only, const std::string& breakdown,
                     bool with_previous) {
    RoundResults res;
    res.round = round;
    res.includes_unfinished = round.has_closed(today);
    auto people = respondents(db, round.id, res.includes_unfinished);
    res.respondents = static_cast<long long>(people.size());
    std::map<long long, Respondent> before;
    if (with_previous) {
        res.previous = previous_round(db, round);
        if (res.previous) before = respondents(db, res.previous->id, res.previous->has_closed(today));
    }
    for (const auto& ind : bank.indicators) {
        IndicatorResult ir{&ind, {}};
        for (const auto& versions : row_versions(bank, ind, round, only)) {
            auto in_versions = [&](const Respondent& r) {
                return std::find(versions.begin(), versions.end(), r.version) != versions.end();
            };
            IndicatorRow row;
            row.versions = versions;
            row.versions_label = versions.size() == 1 ? versions[0] : "All children (" + version_list(versions) + ")";
            row.figure = figure(people, ind, rules, in_versions);
            if (res.previous) {
                bool asked_before = false;
                for (const auto& v : versions) asked_before = asked_before || res.previous->version(v);
                if (asked_before) row.previous = figure(before, ind, rules, in_versions);
            }
            row.comparator = comparator_for(ind, versions);
            if (!breakdown.empty()) {
                std::set<std::string> groups;
                for (const auto& [id, r] : people)
                    if (in_versions(r) && r.answers.count(ind.id)) groups.insert(r.about.at(breakdown));
                for (const auto& g : groups)
                    row.breakdown.push_back({g, group_label(bank, breakdown, g), figure(people, ind, rules, [&](const Respondent& r) {
                                                 return in_versions(r) && r.about.at(breakdown) == g;
                                             })});
            }
            if (!row.figure.suppressed) {
                std::vector<SurveyFigure*> groups;
                for (auto& b : row.breakdown) groups.push_back(&b.figure);
                suppress_second(groups);
            }
            if (row.figure.denominator + row.figure.rather_not_say > 0 || (row.previous && row.previous->denominator > 0))
                ir.rows.push_back(std::move(row));
        }
        // All children together is the sum of their versions: one version alone suppressed would show.
        if (ir.rows.size() > 1 && ir.rows.back().versions.size() > 1 && !ir.rows.back().figure.suppressed) {
            std::vector<SurveyFigure*> versions;
            for (std::size_t i = 0; i + 1 < ir.rows.size(); ++i)
                if (ir.rows[i].versions.size() == 1) versions.push_back(&ir.rows[i].figure);
            suppress_second(versions);
        }
        if (!ir.rows.empty()) res.indicators.push_back(std::move(ir));
    }
    for (const auto& [helped, n] : store::survey_helped_by(db, round.id, res.includes_unfinished))
        res.helped_by.emplace_back(helped.empty() ? "Not answered" : group_label(bank, "helped_by", helped), n);
    return res;
}

}  // namespace

std::string SurveyFigure::shown() const {
    if (suppressed) return "c";
    if (!percent) return "-";
    return std::to_string(*percent) + "%";
}

RoundResults round_results(store::Database& db, const QuestionBank& bank, const Round& round, care::Date today,
                           const measures::DisclosureRules& rules, const std::string& version, const std::string& breakdown) {
    std::string by = std::find(kSurveyBreakdowns.begin(), kSurveyBreakdowns.end(), breakdown) != kSurveyBreakdowns.end() ? breakdown : "";
    return compute(db, bank, round, today, rules, version, by, true);
}

std::vector<Headline> headlines(const RoundResults& results) {
    std::vector<Headline> out;
    for (const auto& ir : results.indicators) {
        const IndicatorRow* best = &ir.rows.front();
        for (const auto& row : ir.rows)
            if (row.versions.size() > best->versions.size()) best = &row;
        out.push_back({ir.indicator, *best});
    }
    return out;
}

}  // namespace corparent::voice
