#include "voice/rounds.h"

#include <algorithm>
#include <chrono>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "measures/council.h"
#include "store/returns.h"
#include "store/survey.h"
#include "voice/codes.h"

namespace corparent::voice {
namespace {

std::string now_iso() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::optional<care::Date> typed_date(const std::string& text) {
    if (auto d = care::parse_iso(text)) return d;
    return care::parse_dmy(text);
}

// Endings after which a young person is not a care leaver: adoption, a residence, child arrangements or
// special guardianship order, death.
const std::set<std::string> kNotCareLeaver = {"E11", "E12", "E2", "E41", "E45", "E46", "E47", "E48"};

Round to_round(store::Database& db, const store::SurveyRoundRow& row) {
    Round r;
    r.id = row.id;
    r.name = row.name;
    r.opens = care::parse_iso(row.opens_on).value_or(care::Date{});
    r.closes = care::parse_iso(row.closes_on).value_or(care::Date{});
    auto counts = store::survey_response_counts(db, row.id);
    for (const auto& v : store::survey_round_versions(db, row.id)) {
        RoundVersion rv;
        rv.version = v.version;
        rv.eligible = v.eligible;
        rv.eligible_source = v.eligible_source;
        for (const auto& c : counts)
            if (c.version == v.version) {
                rv.started = c.started;
                rv.submitted = c.submitted;
            }
        if (rv.eligible && *rv.eligible > 0) rv.response_rate = (rv.submitted * 200 + *rv.eligible) / (*rv.eligible * 2);
        r.versions.push_back(rv);
    }
    // Youngest first, then care leavers, then foster carers: the order the bank lists them.
    auto rank = [](const std::string& v) { return v[0] >= '0' && v[0] <= '9' ? std::stoi(v) : v == "care-leavers" ? 100 : 101; };
    std::sort(r.versions.begin(), r.versions.end(), [&](const auto& a, const auto& b) { return rank(a.version) < rank(b.version); });
    return r;
}

}  // namespace

std::string Round::state(care::Date today) const {
    if (today < opens) return "Not open yet";
    return today > closes ? "Closed" : "Open";
}

const RoundVersion* Round::version(const std::string& id) const {
    for (const auto& v : versions)
        if (v.version == id) return &v;
    return nullptr;
}

std::map<std::string, EligibleCount> eligible_cohort(store::Database& db, const QuestionBank& bank, care::Date on) {
    std::map<std::string, EligibleCount> out;
    auto years = store::loaded_years(db);
    if (years.empty()) return out;
    int year = *std::max_element(years.begin(), years.end());
    care::Date day = std::min(on, care::year_end(year));
    auto council = measures::load_council(db, year);
    std::map<std::string, long long> children;
    long long care_leavers = 0;
    for (const auto& child : council.children) {
        if (!child.dob) continue;
        int age = care::age_on(*child.dob, day);
        const auto& h = child.history;
        auto episode = h.episode_on(day);
        if (episode) {
            auto period = h.period_of(*episode);
            if (!period || h.periods[*period].start > day - std::chrono::days(28)) continue;
            for (const auto& v : bank.versions)
                if (v.audience == "child" && v.min_age && v.max_age && age >= *v.min_age && age <= *v.max_age) ++children[v.id];
            continue;
        }
        if (h.periods.empty() || age < 16 || age > 25) continue;
        const auto& last = h.periods.back();
        if (!last.end || *last.end > day || kNotCareLeaver.count(last.ending_rec)) continue;
        if (care::age_on(*child.dob, *last.end) >= 16) ++care_leavers;
    }
    const std::string when = care::to_dmy(day);
    for (const auto& v : bank.versions) {
        if (v.audience == "child")
            out[v.id] = {children[v.id], fmt::format("in care on {} for 28 days or more, aged {} to {} ({} return)", when,
                                                      v.min_age.value_or(0), v.max_age.value_or(0), care::collection_year_label(year))};
        else if (v.audience == "care_leaver")
            out[v.id] = {care_leavers, fmt::format("left care on or after their 16th birthday, aged 16 to 25 on {} ({} return)", when,
                                                   care::collection_year_label(year))};
    }
    return out;
}

long long create_round(store::Database& db, const QuestionBank& bank, const NewRound& round, const accounts::Actor& actor) {
    std::string name = round.name;
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(name.begin());
    if (name.empty()) throw RoundError("name", "Enter a name for the round, like Annual survey 2026");
    if (name.size() > 100) throw RoundError("name", "The round's name must be 100 characters or fewer");
    auto opens = typed_date(round.opens);
    if (!opens) throw RoundError("opens", "Enter the date the round opens as a real date, like 2026-10-01");
    auto closes = typed_date(round.closes);
    if (!closes) throw RoundError("closes", "Enter the date the round closes as a real date, like 2026-11-30");
    if (*closes < *opens) throw RoundError("closes", "The round must close on or after the day it opens");
    if (round.versions.empty()) throw RoundError("versions", "Select at least one version of the survey");
    for (const auto& v : round.versions)
        if (!bank.version(v)) throw RoundError("versions", "There is no survey version " + v);

    auto cohort = eligible_cohort(db, bank, *opens);
    std::vector<store::SurveyRoundVersionRow> versions;
    for (const auto& v : bank.versions) {
        if (std::find(round.versions.begin(), round.versions.end(), v.id) == round.versions.end()) continue;
        auto it = cohort.find(v.id);
        if (it != cohort.end()) versions.push_back({v.id, it->second.count, it->second.source});
        else versions.push_back({v.id, std::nullopt, "not in the 903 return: enter the number by hand"});
    }
    long long id = store::insert_survey_round(
        db, {0, name, care::to_iso(*opens), care::to_iso(*closes), now_iso(), actor.who}, versions);
    accounts::audit(db, actor, "survey.round", std::to_string(id), name);
    return id;
}

std::vector<Round> rounds(store::Database& db) {
    std::vector<Round> out;
    for (const auto& row : store::survey_rounds(db)) out.push_back(to_round(db, row));
    return out;
}

std::optional<Round> find_round(store::Database& db, long long id) {
    auto row = store::find_survey_round(db, id);
    if (!row) return std::nullopt;
    return to_round(db, *row);
}

std::optional<Round> previous_round(store::Database& db, const Round& round) {
    std::optional<Round> best;
    for (const auto& row : store::survey_rounds(db)) {
        auto opens = care::parse_iso(row.opens_on);
        if (row.id == round.id || !opens || *opens >= round.opens) continue;
        if (!best || *opens > best->opens) best = to_round(db, row);
    }
    return best;
}

void close_round(store::Database& db, long long id, care::Date today, const accounts::Actor& actor) {
    auto round = find_round(db, id);
    if (!round) throw RoundError("round", "There is no such round");
    if (round->has_closed(today)) throw RoundError("round", "The round has closed already");
    // A round closed before it opened closes the day before, so that it never counts as open.
    care::Date last = today < round->opens ? round->opens - std::chrono::days(1) : today;
    store::set_survey_round_closes(db, id, care::to_iso(last));
    accounts::audit(db, actor, "survey.round_closed", std::to_string(id), care::to_iso(last));
}

void set_eligible(store::Database& db, long long id, const std::string& version, long long count, const accounts::Actor& actor) {
    auto round = find_round(db, id);
    if (!round || !round->version(version)) throw RoundError("version", "That version is not part of the round");
    if (count < 0 || count > 100000) throw RoundError("eligible", "Enter a whole number from 0 to 100,000");
    store::set_survey_round_eligible(db, id, version, count, "entered by " + actor.who);
    accounts::audit(db, actor, "survey.eligible", std::to_string(id), version + ": " + std::to_string(count));
}

std::vector<CodeBatch> code_batches(store::Database& db, long long round_id) {
    std::vector<CodeBatch> out;
    for (const auto& b : store::survey_code_batches(db, round_id)) out.push_back({b.version, b.codes, b.created_at.substr(0, 10), b.created_by});
    return out;
}

std::vector<std::string> issue_codes(store::Database& db, long long round_id, const std::string& version, long long count,
                                     care::Date today, const accounts::Actor& actor) {
    auto round = find_round(db, round_id);
    if (!round) throw RoundError("round", "There is no such round");
    if (round->has_closed(today)) throw RoundError("round", "The round has closed: codes can no longer be made for it");
    if (!round->version(version)) throw RoundError("version", "Select a version of the survey that this round asks");
    if (count < 1 || count > 2000) throw RoundError("count", "Enter how many codes to make, from 1 to 2,000");
    std::vector<std::string> codes, hashes;
    std::set<std::string> seen;
    while (static_cast<long long>(codes.size()) < count) {
        auto code = new_code();
        auto canonical = *normalised_code(code);
        if (!seen.insert(canonical).second || store::find_survey_code(db, code_hash(canonical))) continue;
        codes.push_back(code);
        hashes.push_back(code_hash(canonical));
    }
    store::insert_survey_codes(db, round_id, version, hashes, now_iso(), actor.who);
    accounts::audit(db, actor, "survey.codes", std::to_string(round_id), fmt::format("{} codes for {}", count, version));
    return codes;
}

}  // namespace corparent::voice
