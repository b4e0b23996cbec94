// Survey results per indicator: the share of respondents giving the counted answers, with numerator and
// denominator, per version and for all children together, by the child's own answers on age band, gender,
// where they live and ethnicity, beside the published general-population comparator and the previous round.
// Any group of fewer than DisclosureRules::smallest_survey_group respondents is suppressed, for every role
// (spec/measures.md section 6); when exactly one group of a breakdown (or one version of an indicator whose
// all-children row is shown) is suppressed, the next smallest is too.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "care/date.h"
#include "measures/disclosure.h"
#include "store/database.h"
#include "voice/question_bank.h"
#include "voice/rounds.h"

namespace corparent::voice {

struct SurveyFigure {
    long long numerator = 0;     // respondents giving a counted answer
    long long denominator = 0;   // respondents who answered (not "I'd rather not say", not skipped)
    long long rather_not_say = 0;
    bool suppressed = false;     // fewer than the smallest survey group: shown as c
    std::optional<long long> percent;   // whole per cent, half up; none when suppressed or no one answered
    std::string shown() const;   // "91%", "c", or "-" when no one answered
};

struct BreakdownRow {
    std::string group;           // the answer's value ("11-13", "girl"; "" = not answered)
    std::string label;           // in English, for staff
    SurveyFigure figure;
};

struct IndicatorRow {
    std::string versions_label;  // "8-10", or "All children (4-7, 8-10, 11-18)"
    std::vector<std::string> versions;
    SurveyFigure figure;
    std::optional<SurveyFigure> previous;   // the same indicator and versions in the previous round
    const Comparator* comparator = nullptr; // when one applies to all of these versions
    std::vector<BreakdownRow> breakdown;    // by the asked breakdown, when one was asked
};

struct IndicatorResult {
    const Indicator* indicator = nullptr;
    std::vector<IndicatorRow> rows;
};

struct RoundResults {
    Round round;
    std::optional<Round> previous;
    bool includes_unfinished = false;   // the round has closed: answers saved but never sent count too
    long long respondents = 0;          // counted responses with at least one answer
    std::vector<IndicatorResult> indicators;
    std::vector<std::pair<std::string, long long>> helped_by;   // who helped, counted responses
};

// The breakdowns a results page can ask for.
inline const std::vector<std::string> kSurveyBreakdowns = {"age_band", "gender", "where_you_live", "ethnicity"};

// `version` "" for every version; `breakdown` "" for none or one of kSurveyBreakdowns.
RoundResults round_results(store::Database& db, const QuestionBank& bank, const Round& round, care::Date today,
                           const measures::DisclosureRules& rules, const std::string& version = "",
                           const std::string& breakdown = "");

// The headline figures of a round for the Pledge page and the Board's papers: per indicator, the row for
// all its versions together (or its one version).
struct Headline {
    const Indicator* indicator = nullptr;
    IndicatorRow row;
};
std::vector<Headline> headlines(const RoundResults& results);

}  // namespace corparent::voice
