// The survey in the store: rounds and their versions' eligible counts, batches of one-time codes (hashes
// only), responses (answers, comments, the "about you" answers), comment themes, and concerns.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct SurveyRoundRow {
    long long id = 0;
    std::string name, opens_on, closes_on, created_at, created_by;   // dates ISO 8601
};

struct SurveyRoundVersionRow {
    std::string version;
    std::optional<long long> eligible;
    std::string eligible_source;   // how the count was found ("in care 4 weeks or more at 31 March 2025, aged 8-10")
};

long long insert_survey_round(Database& db, const SurveyRoundRow& round, const std::vector<SurveyRoundVersionRow>& versions);
std::vector<SurveyRoundRow> survey_rounds(Database& db);   // newest opening first
std::optional<SurveyRoundRow> find_survey_round(Database& db, long long id);
std::vector<SurveyRoundVersionRow> survey_round_versions(Database& db, long long round_id);
void set_survey_round_closes(Database& db, long long round_id, const std::string& closes_on);
void set_survey_round_eligible(Database& db, long long round_id, const std::string& version, std::optional<long long> eligible,
                               const std::string& source);

struct SurveyCodeBatchRow {
    long long id = 0;
    std::string version;
    long long codes = 0;
    std::string created_at, created_by;
};
// Stores the hashes of a new batch in one transaction; returns the batch's id.
long long insert_survey_codes(Database& db, long long round_id, const std::string& version,
                              const std::vector<std::string>& hashes, const std::string& created_at,
                              const std::string& created_by);
std::vector<SurveyCodeBatchRow> survey_code_batches(Database& db, long long round_id);

struct SurveyCodeRow {
    std::string hash;
    long long round_id = 0;
    std::string version;
    std::optional<long long> response_id;
    bool spent = false;
};
std::optional<SurveyCodeRow> find_survey_code(Database& db, const std::string& hash);

struct SurveyResponseRow {
    long long id = 0;
    long long round_id = 0;
    std::string version, language, started_on;
    std::optional<std::string> submitted_on;
    int step = 0;   // the furthest page reached, to resume there
    std::string age_band, gender, where_you_live, ethnicity, helped_by;   // "" when not answered
};

// Opens the response of an unused code (in one transaction; the code is claimed only if it has none yet, so
// two tabs racing get the same response). Returns the response's id.
long long open_survey_response(Database& db, const std::string& code_hash, long long round_id, const std::string& version,
                               const std::string& language, const std::string& today);
std::optional<SurveyResponseRow> find_survey_response(Database& db, long long id);
void save_survey_answers(Database& db, long long response_id, const std::vector<std::pair<std::string, std::string>>& answers);
void save_survey_about(Database& db, const SurveyResponseRow& about);   // the five "about you" fields
void save_survey_comments(Database& db, long long response_id, const std::vector<std::pair<std::string, std::string>>& comments);
void set_survey_step(Database& db, long long response_id, int step);
// Submits and spends the code; false when it was submitted already (nothing changes then).
bool submit_survey_response(Database& db, long long response_id, const std::string& today);
std::map<std::string, std::string> survey_answers_of(Database& db, long long response_id);
std::map<std::string, std::string> survey_comments_of(Database& db, long long response_id);

// Every answer of a round's counted responses (submitted ones; and, once the round has closed, those left
// unfinished, whose saved answers count too), with the respondent's own "about you" answers.
struct SurveyAnswerRecord {
    long long response_id = 0;
    std::string version, indicator, answer, age_band, gender, where_you_live, ethnicity;
};
std::vector<SurveyAnswerRecord> survey_round_answers(Database& db, long long round_id, bool include_unfinished);

struct SurveyResponseCounts {
    std::string version;
    long long started = 0, submitted = 0;
};
std::vector<SurveyResponseCounts> survey_response_counts(Database& db, long long round_id);
// How each counted response was helped (helped_by -> responses).
std::map<std::string, long long> survey_helped_by(Database& db, long long round_id, bool include_unfinished);

struct SurveyCommentRow {
    long long id = 0;
    std::string version, question, text;
    std::vector<std::string> themes;
};
std::vector<SurveyCommentRow> survey_comments(Database& db, long long round_id, bool include_unfinished);
struct SurveyThemeRow {
    long long id = 0;
    std::string name;
    long long comments = 0;
    std::optional<long long> you_said_id;
};
std::vector<SurveyThemeRow> survey_themes(Database& db, long long round_id);   // by name
long long survey_theme_id(Database& db, long long round_id, const std::string& name);   // created if new
// Runs inside the caller's transaction.
void set_survey_comment_themes(Database& db, long long comment_id, const std::vector<long long>& theme_ids);
void set_survey_theme_you_said(Database& db, long long theme_id, long long you_said_id);

struct SurveyConcernRow {
    long long id = 0;
    long long round_id = 0;
    long long raised_at = 0;
    bool asked_to_talk = false, names_harm = false;
    std::string harm_words, shared, contact, routed_to, status;   // status: open, closed
    std::optional<long long> closed_at;
    std::string closed_by, outcome;
};
struct SurveyConcernNoteRow {
    long long at = 0;
    std::string by, note;
};
// Creates the response's concern, or brings it up to date with what the child has shared since (the time it
// was raised stays); a closed one that gets something new is open again, with a note saying so. Returns
// its id.
long long upsert_survey_concern(Database& db, long long response_id, const SurveyConcernRow& concern);
std::vector<SurveyConcernRow> survey_concerns(Database& db, const std::string& status);   // "" for all; oldest first
std::optional<SurveyConcernRow> find_survey_concern(Database& db, long long id);
std::vector<SurveyConcernNoteRow> survey_concern_notes(Database& db, long long concern_id);
void add_survey_concern_note(Database& db, long long concern_id, long long at, const std::string& by, const std::string& note);
void close_survey_concern(Database& db, long long concern_id, long long at, const std::string& by, const std::string& outcome);
// Concerns still open that were raised before `before` (epoch seconds).
long long count_open_survey_concerns(Database& db, long long raised_before);
// Concerns raised in [from, to] (epoch seconds), by state: for the Board's counts.
struct SurveyConcernCounts {
    long long raised = 0, closed = 0, names_harm = 0, still_open = 0;
};
SurveyConcernCounts count_survey_concerns(Database& db, long long from, long long to);

}  // namespace corparent::store
