// "You said": what children and young people told the council, from any source, with the Pledge
// statements it speaks to and the evidence behind it. A child's own words are shown beyond the people
// who heard them only when the child agreed to be quoted; otherwise a staff summary stands in for them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "board/problem.h"
#include "care/date.h"
#include "store/database.h"

namespace corparent::board {

enum class Source { Survey, BoardConsultation, VoicesOfCare, CareLeaversForum, FeedbackForm, Complaint, Advocacy };

std::string_view source_id(Source s);     // "survey", "board_consultation", ...
std::string_view source_name(Source s);   // "Survey", "Board consultation", "Voices of Care", ...
std::optional<Source> parse_source(std::string_view id);
const std::vector<Source>& all_sources();

// Evidence a You said item or an action points at.
struct EvidenceLink {
    enum class Kind { Measure, SurveyIndicator, Document } kind;
    std::string ref;   // a measure id ("stability_short", "cl_eet:19-21"), a survey indicator id, a document's title
};
std::string_view evidence_kind_id(EvidenceLink::Kind k);   // "measure", "survey_indicator", "document"
std::optional<EvidenceLink::Kind> parse_evidence_kind(std::string_view id);
// What is wrong with a link (an unknown measure, a malformed indicator id, an empty title), or nullopt.
std::optional<std::string> evidence_problem(const EvidenceLink& link);

struct NewYouSaid {
    Source source = Source::FeedbackForm;
    std::string source_reference;          // "Annual survey 2026, theme 'bedrooms'", "Care Leavers Forum, May"
    std::optional<care::Date> said_on;
    std::vector<std::string> statements;   // Pledge statement ids (data/pledge.json)
    std::string words;                     // what was said, as said
    bool consent = false;                  // the child agreed to be quoted
    std::string summary;                   // staff's summary: needed when there is no consent
    std::vector<EvidenceLink> evidence;
    std::optional<long long> meeting_id;   // the Board meeting where a Board consultation happened
};

struct YouSaid {
    long long id = 0;
    Source source = Source::FeedbackForm;
    std::string source_reference;
    care::Date said_on;
    std::vector<std::string> statements;
    std::string words, summary;
    bool consent = false;
    std::vector<EvidenceLink> evidence;
    std::optional<long long> meeting_id;
    std::string recorded_by, recorded_at;
};

// The text that may be shown to people who did not hear it: the words, quoted, when the child agreed;
// else the staff summary. `quoted` says which.
struct Shown {
    std::string text;
    bool quoted = false;
};
Shown shown(const YouSaid& item);

// Checks and stores an item (audited as board.you_said.add). The lead's survey module calls this for a
// survey theme: source Survey, source_reference naming the round and theme, evidence a survey indicator.
Added add_you_said(store::Database& db, const NewYouSaid& item, const accounts::Actor& actor, care::Date today);

std::vector<YouSaid> all_you_said(store::Database& db);   // newest first
std::optional<YouSaid> find_you_said(store::Database& db, long long id);
// Items said between `from` and `to`, both inclusive, by Pledge statement id (an item speaking to two
// statements is under both), newest first: for the annual Pledge report and the update to Scrutiny.
std::map<std::string, std::vector<YouSaid>> you_said_between(store::Database& db, care::Date from, care::Date to);

}  // namespace corparent::board
