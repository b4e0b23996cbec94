// What the Board's papers share: the figures they are built from (always disclosure-controlled: the papers
// go to Board members, who see aggregates only), how a measure appears in a paper (a table against the
// benchmarks, a chart with its figures) and the source and date every figure carries. Private to board/.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "board/actions.h"
#include "board/pledge.h"
#include "care/date.h"
#include "measures/headline.h"
#include "render/document.h"
#include "settings/settings.h"
#include "store/database.h"
#include "voice/results.h"

namespace corparent::board::paper {

struct Data {
    std::shared_ptr<const measures::YearReports> reports;   // aggregate-only: small numbers are c
    std::map<int, std::string> imported;                    // when each year's return was imported (ISO)
    std::optional<Pledge> pledge;
    std::string today;                                      // ISO date the paper is produced
    std::string council;
    measures::DisclosureRules rules;

    const measures::MeasureReport* latest() const;
    const measures::MeasureReport* year_before(const measures::MeasureReport& report) const;
};

Data load(store::Database& db, const settings::Settings& settings, const std::string& today);

// "24 November 2026" from "2026-11-24" (or from "2026-11-24T09:30:00Z").
std::string long_date(const std::string& iso);
std::string long_date(care::Date day);

// Where a year's measures come from and when: our return (and when it was imported), DfE's published
// benchmarks, and the day the paper was produced.
std::string measures_source(const Data& data, int year);

// How a paper says what disclosure control did.
std::string disclosure_note(const Data& data);

// The measures evidencing `statement` in the latest year against last year and the benchmarks; no rows when
// no return is imported.
render::DocumentTable measures_table(const Data& data, const Statement& statement);

// A measure's trend as a chart with the table of its figures, for a key "id" or "id:group".
render::DocumentFigure measure_figure(const Data& data, const std::string& key);

// How a statement's measures in the latest year moved since the year before, and how many are in the best
// quarter of councils (DfE's quartile band A).
struct Progress {
    int shown = 0, better = 0, worse = 0, unchanged = 0, best_quarter = 0;
};
Progress progress(const Data& data, const Statement& statement);

// The same in words: "Of the 6 measures ..., 3 are better ...".
std::string progress_sentence(const Data& data, const Statement& statement);

// One promise's "We did" over a year: the actions done (or closed by the Board) in the twelve months to the
// paper's day, and the goals for the next twelve: the actions still open or in progress that are due by
// then (those already overdue first among them, by due date).
struct PromiseActions {
    std::vector<Action> done, goals;
};
PromiseActions promise_actions(const std::vector<Action>& actions, const std::string& statement_id, care::Date today);

render::DocumentTable done_table(const std::vector<Action>& done, const std::string& caption, const std::string& source);
render::DocumentTable goals_table(const std::vector<Action>& goals, care::Date today, const std::string& source);
std::string actions_source(const Data& data);

// The local offer's take-up by area (paper_offer.cpp).
render::DocumentTable offer_take_up_table(store::Database& db, const settings::Settings& settings, const Data& data);

// The survey (paper_survey.cpp): the latest round closed by the paper's day, with its results; every group
// of fewer than smallest_survey_group respondents is c.
struct Survey {
    const voice::QuestionBank* bank = nullptr;
    voice::RoundResults results;
    std::vector<voice::Headline> headlines;
};
std::optional<Survey> latest_survey(store::Database& db, const settings::Settings& settings, care::Date today);

std::string survey_source(const Survey& survey, const Data& data);
// The headline per indicator (only those speaking to `statement_id`, when given): us, respondents, the
// previous round and the general-population comparator.
render::DocumentTable survey_table(const Survey& survey, const Data& data, const std::string& caption,
                                   const std::string& statement_id = "");
// The headlines as bar charts, one for each page of the survey ("Where you live", "School" ...), each
// with its table.
std::vector<render::DocumentFigure> survey_figures(const Survey& survey, const Data& data);

// Concerns raised through the survey and worked since `since` (exclusive) up to `until` (inclusive): counts
// only, each disclosure-controlled (a count from 1 to smallest_count - 1 is c).
render::DocumentTable concerns_table(store::Database& db, const Data& data, std::optional<care::Date> since,
                                     care::Date until);

}  // namespace corparent::board::paper
