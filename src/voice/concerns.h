// Concerns: a child who asks for someone to talk to them, or whose words name harm, becomes a concern the
// moment the answer is saved, for the council's safeguarding contacts, holding only what the child chose to
// share (and their contact details only if they gave them). A concern that names harm is flagged for
// referral to the children's front door; every concern is worked to closure with notes of what was done
// and by whom.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "store/database.h"

namespace corparent::voice {

// Who concerns go to, and the words that flag harm; corparent.toml [voice] and the settings page.
struct ConcernSettings {
    std::string participation_lead = "Participation lead";
    std::string front_door = "Children's front door (MASH)";
    std::string out_of_hours = "Emergency duty team (out of hours)";
    std::vector<std::string> harm_words = {
        "hurt me", "hurts me", "hit me", "hits me", "hitting me", "beat me", "beats me", "kick me", "kicks me",
        "abuse", "abused", "abusing", "touched me", "touches me", "rape", "raped", "scared of", "afraid of",
        "not safe", "unsafe", "kill myself", "suicide", "suicidal", "self harm", "self-harm", "cut myself",
        "cutting myself", "hurt myself", "hurting myself", "want to die", "run away", "locked in", "starve",
        "no food", "groomed", "grooming", "exploit", "drugs", "county lines"};
};

// The harm words found in `text` (case-insensitive, whole words), in the list's order.
std::vector<std::string> harm_words_in(const std::string& text, const std::vector<std::string>& words);

// Whether `at` (epoch seconds) falls outside office hours in England (09:00 to 17:00, Monday to Friday,
// UK local time with British Summer Time): then the out-of-hours duty team is told too.
bool out_of_hours(long long at);

// What a response has shared that makes it a concern.
struct Shared {
    std::vector<std::string> asked_about;   // "Where you live: Do you feel safe where you live? Sometimes"
    std::vector<std::string> words;         // free text that names harm, verbatim
    std::vector<std::string> harm_words;    // the words that matched
    bool asked_to_talk = false;             // said yes to "I'd like someone to talk to me"
    std::string talk_about, contact;        // only if the child wrote them
};

// Raises or updates the response's concern when `shared` holds anything; routes it. Returns its id, or 0
// when there is nothing to raise.
long long raise_concern(store::Database& db, long long round_id, long long response_id, const Shared& shared, long long now,
                        const ConcernSettings& settings);

struct Concern {
    long long id = 0, round_id = 0, raised_at = 0;
    bool asked_to_talk = false, names_harm = false;
    std::string harm_words, shared, contact, routed_to, status, closed_by, outcome;
    std::optional<long long> closed_at;
    struct Note {
        long long at = 0;
        std::string by, note;
    };
    std::vector<Note> notes;
};

std::vector<Concern> concerns(store::Database& db, const std::string& status);   // "open", "closed" or "" for all
// Reads one concern with its notes; audited ("view.concern"), since it may hold a child's contact details.
std::optional<Concern> concern(store::Database& db, long long id, const accounts::Actor& actor);
// Throws std::invalid_argument when the note is empty or the concern is closed.
void add_concern_note(store::Database& db, long long id, const std::string& note, long long now, const accounts::Actor& actor);
// Closes with what was done; throws std::invalid_argument when `outcome` is empty or it is closed already.
void close_concern(store::Database& db, long long id, const std::string& outcome, long long now, const accounts::Actor& actor);
// Open concerns raised more than a day before `now`.
long long overdue_concerns(store::Database& db, long long now);

}  // namespace corparent::voice
