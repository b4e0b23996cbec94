#include "voice/concerns.h"

#include <chrono>
#include <stdexcept>

#include "store/survey.h"

namespace corparent::voice {
namespace {

std::string lower(std::string s) {
    for (auto& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

bool is_word_char(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (static_cast<unsigned char>(ch) >= 0x80); }

std::string joined(const std::vector<std::string>& items, const std::string& between) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : between) + i;
    return out;
}

// The last Sunday of a month at 01:00 UTC: when British Summer Time starts (March) and ends (October).
std::chrono::sys_seconds last_sunday_1am(int year, unsigned month) {
    using namespace std::chrono;
    sys_days last = sys_days{year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}}};
    weekday wd{last};
    sys_days sunday = last - (wd - Sunday);
    return sys_seconds{sunday} + hours{1};
}

}  // namespace

std::vector<std::string> harm_words_in(const std::string& text, const std::vector<std::string>& words) {
    std::vector<std::string> found;
    const std::string t = lower(text);
    for (const auto& w : words) {
        const std::string needle = lower(w);
        if (needle.empty()) continue;
        for (std::size_t at = t.find(needle); at != std::string::npos; at = t.find(needle, at + 1)) {
            bool starts = at == 0 || !is_word_char(t[at - 1]);
            std::size_t end = at + needle.size();
            bool ends = end >= t.size() || !is_word_char(t[end]);
            if (starts && ends) {
                found.push_back(w);
                break;
            }
        }
    }
    return found;
}

bool out_of_hours(long long at) {
    using namespace std::chrono;
    sys_seconds t{seconds{at}};
    int year = static_cast<int>(year_month_day{floor<days>(t)}.year());
    bool summer = t >= last_sunday_1am(year, 3) && t < last_sunday_1am(year, 10);
    sys_seconds local = t + hours{summer ? 1 : 0};
    sys_days day = floor<days>(local);
    weekday wd{day};
    auto hour = duration_cast<hours>(local - day).count();
    return wd == Saturday || wd == Sunday || hour < 9 || hour >= 17;
}

long long raise_concern(store::Database& db, long long round_id, long long response_id, const Shared& shared, long long now,
                        const ConcernSettings& settings) {
    bool names_harm = !shared.harm_words.empty();
    if (!names_harm && !shared.asked_to_talk && shared.asked_about.empty()) return 0;
    std::vector<std::string> lines;
    if (shared.asked_to_talk) lines.push_back("Asked for someone to talk to them.");
    if (!shared.talk_about.empty()) lines.push_back("What they would like to talk about: " + shared.talk_about);
    for (const auto& a : shared.asked_about) lines.push_back("Asked to talk about: " + a);
    for (const auto& w : shared.words) lines.push_back("They wrote: " + w);
    std::vector<std::string> routed = {settings.participation_lead};
    if (names_harm) routed.push_back(settings.front_door + " (for referral)");
    if (out_of_hours(now)) routed.push_back(settings.out_of_hours);
    store::SurveyConcernRow row;
    row.round_id = round_id;
    row.raised_at = now;
    row.asked_to_talk = shared.asked_to_talk || !shared.asked_about.empty();
    row.names_harm = names_harm;
    row.harm_words = joined(shared.harm_words, ", ");
    row.shared = joined(lines, "\n");
    row.contact = shared.contact;
    row.routed_to = joined(routed, "; ");
    return store::upsert_survey_concern(db, response_id, row);
}

namespace {

Concern to_concern(const store::SurveyConcernRow& r) {
    Concern c;
    c.id = r.id;
    c.round_id = r.round_id;
    c.raised_at = r.raised_at;
    c.asked_to_talk = r.asked_to_talk;
    c.names_harm = r.names_harm;
    c.harm_words = r.harm_words;
    c.shared = r.shared;
    c.contact = r.contact;
    c.routed_to = r.routed_to;
    c.status = r.status;
    c.closed_at = r.closed_at;
    c.closed_by = r.closed_by;
    c.outcome = r.outcome;
    return c;
}

std::string trimmed(const std::string& s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

}  // namespace

std::vector<Concern> concerns(store::Database& db, const std::string& status) {
    std::vector<Concern> out;
    for (const auto& r : store::survey_concerns(db, status)) out.push_back(to_concern(r));
    return out;
}

std::optional<Concern> concern(store::Database& db, long long id, const accounts::Actor& actor) {
    auto row = store::find_survey_concern(db, id);
    if (!row) return std::nullopt;
    Concern c = to_concern(*row);
    for (const auto& n : store::survey_concern_notes(db, id)) c.notes.push_back({n.at, n.by, n.note});
    accounts::audit(db, actor, "view.concern", std::to_string(id));
    return c;
}

void add_concern_note(store::Database& db, long long id, const std::string& note_in, long long now, const accounts::Actor& actor) {
    auto row = store::find_survey_concern(db, id);
    if (!row) throw std::invalid_argument("There is no such concern");
    if (row->status == "closed") throw std::invalid_argument("This concern is closed: notes can no longer be added");
    std::string note = trimmed(note_in);
    if (note.empty()) throw std::invalid_argument("Enter what was done");
    if (note.size() > 5000) throw std::invalid_argument("The note must be 5,000 characters or fewer");
    store::add_survey_concern_note(db, id, now, actor.who, note);
    accounts::audit(db, actor, "concern.note", std::to_string(id));
}

void close_concern(store::Database& db, long long id, const std::string& outcome_in, long long now, const accounts::Actor& actor) {
    auto row = store::find_survey_concern(db, id);
    if (!row) throw std::invalid_argument("There is no such concern");
    if (row->status == "closed") throw std::invalid_argument("This concern is closed already");
    std::string outcome = trimmed(outcome_in);
    if (outcome.empty()) throw std::invalid_argument("Enter what was done to close the concern");
    if (outcome.size() > 5000) throw std::invalid_argument("What was done must be 5,000 characters or fewer");
    auto& sql = db.session();
    soci::transaction tr(sql);
    store::add_survey_concern_note(db, id, now, actor.who, "Closed: " + outcome);
    store::close_survey_concern(db, id, now, actor.who, outcome);
    tr.commit();
    accounts::audit(db, actor, "concern.closed", std::to_string(id));
}

long long overdue_concerns(store::Database& db, long long now) {
    return store::count_open_survey_concerns(db, now - 24 * 3600);
}

}  // namespace corparent::voice
