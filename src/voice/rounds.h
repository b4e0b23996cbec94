// Survey rounds ("Annual survey 2026"): open and close dates, the versions asked, how many children and
// young people could answer each (counts only, from the imported returns), one-time codes, and the
// response rate per version while the round runs, known without knowing who answered.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "care/date.h"
#include "store/database.h"
#include "voice/question_bank.h"

namespace corparent::voice {

struct RoundVersion {
    std::string version;
    std::optional<long long> eligible;
    std::string eligible_source;
    long long started = 0, submitted = 0;
    std::optional<long long> response_rate;   // submitted of eligible, whole per cent (half up)
};

struct Round {
    long long id = 0;
    std::string name;
    care::Date opens, closes;   // both inclusive
    std::vector<RoundVersion> versions;
    bool is_open(care::Date today) const { return opens <= today && today <= closes; }
    bool has_closed(care::Date today) const { return today > closes; }
    std::string state(care::Date today) const;   // "Not open yet", "Open", "Closed"
    const RoundVersion* version(const std::string& id) const;
};

// A form or command got something it cannot use: `field` names it ("name", "opens", "versions", "count").
struct RoundError : std::invalid_argument {
    std::string field;
    RoundError(std::string field_, const std::string& message) : std::invalid_argument(message), field(std::move(field_)) {}
};

struct EligibleCount {
    long long count = 0;
    std::string source;   // how it was counted, for the page
};

// Who could answer each version on `on`, from the imported returns (latest return; its 31 March when `on`
// is later): children in care on that day whose period of care began 28 days or more before, by age (4-7,
// 8-10, 11 and over), and care leavers aged 16 to 25 (a period of care that ended on or after their 16th
// birthday, not by adoption, a special guardianship, child arrangements or residence order, or death, and
// not in care again). Foster carers are not in the return: their version gets no count (entered by hand).
std::map<std::string, EligibleCount> eligible_cohort(store::Database& db, const QuestionBank& bank, care::Date on);

struct NewRound {
    std::string name;
    std::string opens, closes;           // as typed: yyyy-mm-dd or dd/mm/yyyy
    std::vector<std::string> versions;
};
// Checks, counts the eligible cohort, stores and audits ("survey.round"). Throws RoundError.
long long create_round(store::Database& db, const QuestionBank& bank, const NewRound& round, const accounts::Actor& actor);

std::vector<Round> rounds(store::Database& db);   // newest first
std::optional<Round> find_round(store::Database& db, long long id);
// The round that opened before this one, if any (for "against last round").
std::optional<Round> previous_round(store::Database& db, const Round& round);

// Closes the round at the end of `today` (responses not submitted stay as they were saved, and count).
void close_round(store::Database& db, long long id, care::Date today, const accounts::Actor& actor);
// Sets a version's eligible count by hand (foster carers, or a correction).
void set_eligible(store::Database& db, long long id, const std::string& version, long long count, const accounts::Actor& actor);

struct CodeBatch {
    std::string version;
    long long codes = 0;
    std::string made_on, made_by;
};
std::vector<CodeBatch> code_batches(store::Database& db, long long round_id);

// Makes `count` (1 to 2,000) codes for one version of an open or future round; stores only their hashes
// and returns the codes as printed, which are never shown again. Audited ("survey.codes").
std::vector<std::string> issue_codes(store::Database& db, long long round_id, const std::string& version, long long count,
                                     care::Date today, const accounts::Actor& actor);

}  // namespace corparent::voice
