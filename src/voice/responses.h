// Answering the survey with a one-time code: the code opens one response, which can be resumed with the
// same code until it is submitted or the round closes; then the code is spent. The form's steps, each
// saved as it is left, so a closed tab loses nothing. Wrong codes are throttled per address.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "care/date.h"
#include "store/database.h"
#include "voice/concerns.h"
#include "voice/question_bank.h"

namespace corparent::voice {

// The form, step by step: what we will do with the answers, the question pages, about you, your own
// words, and someone to talk to (the last step sends the answers).
struct Step {
    enum class Kind { Intro, Questions, AboutYou, YourWords, TalkToSomeone } kind;
    std::string page;   // the bank's page id, for Questions
};
std::vector<Step> steps(const QuestionBank& bank, const std::string& version);

enum class CodeOutcome {
    Opened,        // a new or resumed response
    NotACode,      // not 12 characters of the printed alphabet
    Unknown,       // no such code
    Spent,         // its response was sent
    NotOpenYet,
    Closed,        // its round has closed
    Throttled,     // too many wrong codes from this address: try again later
};

struct CodeResult {
    CodeOutcome outcome = CodeOutcome::Unknown;
    long long response_id = 0;
    long long retry_after = 0;   // seconds, when throttled
    std::string canonical;       // the code, canonical, when it opened a response
};

// Wrong codes allowed per address in 15 minutes before the form refuses for a while.
inline constexpr long long kWrongCodesPerAddress = 10;
inline constexpr long long kWrongCodeWindowSeconds = 15 * 60;

// Opens (or resumes) the response of a typed code. `language` is used for a new response.
CodeResult open_with_code(store::Database& db, const std::string& typed, const std::string& address, const std::string& language,
                          long long now);

// The response a canonical code (from the survey's cookie) has open, if it is still open to answers.
struct OpenResponse {
    long long response_id = 0, round_id = 0;
    std::string version, language;
    int step = 0;   // the furthest step reached
};
std::optional<OpenResponse> response_for_code(store::Database& db, const std::string& canonical, care::Date today);

// What the form shows on a step: the saved answers, so that a resumed or revisited page is filled in.
struct Saved {
    std::map<std::string, std::string> answers;    // indicator -> answer; "talk:<page>" -> "yes"
    std::map<std::string, std::string> comments;   // free-text id -> text; "talk-about", "contact"
    std::string age_band, gender, where_you_live, ethnicity, helped_by;
};
Saved saved(store::Database& db, long long response_id);

// Saves one step's fields (form field name -> value, as posted) and raises or updates the concern when the
// child asked to talk or their words name harm. Answers outside a question's scale are ignored (a form
// posts only the scale's values). When `send` is true, and the step is the last, the response is submitted
// and the code spent. Returns the step to show next.
struct StepSaved {
    int next_step = 0;
    bool sent = false;
};
StepSaved save_step(store::Database& db, const QuestionBank& bank, const OpenResponse& response, int step,
                    const std::map<std::string, std::string>& fields, bool send, long long now, care::Date today,
                    const ConcernSettings& concerns);

}  // namespace corparent::voice
