#include "board/you_said.h"

#include <algorithm>
#include <array>

#include "board/pledge.h"
#include "measures/definitions.h"
#include "store/board_meetings.h"
#include "store/board_you_said.h"

namespace corparent::board {
namespace {

struct SourceText {
    Source source;
    std::string_view id, name;
};

constexpr std::array<SourceText, 7> kSources = {{
    {Source::Survey, "survey", "Survey"},
    {Source::BoardConsultation, "board_consultation", "Board consultation"},
    {Source::VoicesOfCare, "voices_of_care", "Voices of Care"},
    {Source::CareLeaversForum, "care_leavers_forum", "Care Leavers Forum"},
    {Source::FeedbackForm, "feedback_form", "Feedback form"},
    {Source::Complaint, "complaint", "Complaint"},
    {Source::Advocacy, "advocacy", "Advocacy"},
}};

constexpr std::size_t kLongest = 2000;   // characters of words or summary: a paragraph, not a transcript

std::string trimmed(const std::string& s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

YouSaid from_row(const store::YouSaidRow& r) {
    YouSaid y;
    y.id = r.id;
    y.source = parse_source(r.source).value_or(Source::FeedbackForm);
    y.source_reference = r.source_reference;
    y.said_on = care::parse_iso(r.said_on).value_or(care::Date{});
    y.statements = r.statements;
    y.words = r.words;
    y.summary = r.summary;
    y.consent = r.consent;
    for (const auto& e : r.evidence)
        if (auto k = parse_evidence_kind(e.kind)) y.evidence.push_back({*k, e.ref});
    y.meeting_id = r.meeting_id;
    y.recorded_by = r.recorded_by;
    y.recorded_at = r.recorded_at;
    return y;
}

bool is_indicator_id(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

}  // namespace

std::string_view source_id(Source s) {
    for (const auto& t : kSources)
        if (t.source == s) return t.id;
    return "";
}

std::string_view source_name(Source s) {
    for (const auto& t : kSources)
        if (t.source == s) return t.name;
    return "";
}

std::optional<Source> parse_source(std::string_view id) {
    for (const auto& t : kSources)
        if (t.id == id) return t.source;
    return std::nullopt;
}

const std::vector<Source>& all_sources() {
    static const std::vector<Source> all = [] {
        std::vector<Source> v;
        for (const auto& t : kSources) v.push_back(t.source);
        return v;
    }();
    return all;
}

std::string_view evidence_kind_id(EvidenceLink::Kind k) {
    switch (k) {
    case EvidenceLink::Kind::Measure: return "measure";
    case EvidenceLink::Kind::SurveyIndicator: return "survey_indicator";
    case EvidenceLink::Kind::Document: return "document";
    }
    return "";
}

std::optional<EvidenceLink::Kind> parse_evidence_kind(std::string_view id) {
    for (auto k : {EvidenceLink::Kind::Measure, EvidenceLink::Kind::SurveyIndicator, EvidenceLink::Kind::Document})
        if (evidence_kind_id(k) == id) return k;
    return std::nullopt;
}

Shown shown(const YouSaid& item) {
    if (item.consent) return {item.words, true};
    return {item.summary, false};
}

// Problems with one piece of evidence, or none.
std::optional<std::string> evidence_problem(const EvidenceLink& e) {
    switch (e.kind) {
    case EvidenceLink::Kind::Measure: {
        auto choices = evidence_choices();
        bool known = std::find(choices.begin(), choices.end(), e.ref) != choices.end();
        for (const auto& d : measures::definitions()) known = known || e.ref == d.id;
        if (!known) return "There is no measure called " + e.ref + ": choose one from the measures list";
        return std::nullopt;
    }
    case EvidenceLink::Kind::SurveyIndicator:
        if (!is_indicator_id(e.ref))
            return "A survey indicator id is lower-case letters, digits, - and _, like feel_safe: " + e.ref + " is not";
        return std::nullopt;
    case EvidenceLink::Kind::Document:
        if (trimmed(e.ref).empty() || e.ref.size() > 300) return "Give the document's title, up to 300 characters";
        return std::nullopt;
    }
    return std::nullopt;
}

Added add_you_said(store::Database& db, const NewYouSaid& item, const accounts::Actor& actor, care::Date today) {
    Added out;
    auto& problems = out.problems;
    std::string words = trimmed(item.words), summary = trimmed(item.summary);
    if (!item.said_on) problems.push_back({"said_on", "Enter the date it was said, like 27 3 2026"});
    else if (*item.said_on > today) problems.push_back({"said_on", "The date it was said must be today or in the past"});
    auto pledge = current_pledge(db);
    if (item.statements.empty()) problems.push_back({"statements", "Select the Pledge promises this speaks to"});
    for (const auto& s : item.statements) {
        bool known = false;
        if (pledge)
            for (const auto& st : pledge->statements) known = known || st.id == s;
        if (!known) problems.push_back({"statements", "The Pledge has no promise " + s});
    }
    if (words.empty()) problems.push_back({"words", "Enter what the child or young person said"});
    else if (words.size() > kLongest) problems.push_back({"words", "What was said must be 2,000 characters or fewer"});
    if (!item.consent && summary.empty())
        problems.push_back({"summary", "Enter a summary in your own words: without consent the words are not quoted"});
    else if (summary.size() > kLongest) problems.push_back({"summary", "The summary must be 2,000 characters or fewer"});
    if (item.source == Source::Survey && trimmed(item.source_reference).empty())
        problems.push_back({"source_reference", "Say which survey round and theme this comes from"});
    if (item.source_reference.size() > 300)
        problems.push_back({"source_reference", "Where it came from must be 300 characters or fewer"});
    if (item.meeting_id) {
        bool found = false;
        for (const auto& m : store::load_meetings(db)) found = found || m.id == *item.meeting_id;
        if (!found) problems.push_back({"meeting", "There is no such Board meeting"});
        if (item.source != Source::BoardConsultation)
            problems.push_back({"source", "Only a Board consultation happens at a Board meeting"});
    }
    for (const auto& e : item.evidence)
        if (auto p = evidence_problem(e)) problems.push_back({"evidence", *p});
    if (!problems.empty()) return out;

    store::YouSaidRow row;
    row.source = std::string(source_id(item.source));
    row.source_reference = trimmed(item.source_reference);
    row.said_on = care::to_iso(*item.said_on);
    row.words = words;
    row.consent = item.consent;
    row.summary = summary;
    row.meeting_id = item.meeting_id;
    row.recorded_by = actor.who;
    row.recorded_at = care::to_iso(today);
    row.statements = item.statements;
    std::sort(row.statements.begin(), row.statements.end());
    row.statements.erase(std::unique(row.statements.begin(), row.statements.end()), row.statements.end());
    for (const auto& e : item.evidence) {
        store::EvidenceLinkRow link{std::string(evidence_kind_id(e.kind)), trimmed(e.ref)};
        bool seen = false;
        for (const auto& r : row.evidence) seen = seen || (r.kind == link.kind && r.ref == link.ref);
        if (!seen) row.evidence.push_back(link);
    }
    soci::transaction tx(db.session());
    out.id = store::insert_you_said(db, row);
    // The words themselves stay out of the audit log: it says what happened, not what was said.
    accounts::audit(db, actor, "board.you_said.add", "you_said/" + std::to_string(out.id),
                    row.source + (item.consent ? ", may be quoted" : ", not to be quoted"));
    tx.commit();
    return out;
}

std::vector<YouSaid> all_you_said(store::Database& db) {
    std::vector<YouSaid> out;
    for (const auto& r : store::load_you_said(db)) out.push_back(from_row(r));
    return out;
}

std::optional<YouSaid> find_you_said(store::Database& db, long long id) {
    auto r = store::find_you_said(db, id);
    if (!r) return std::nullopt;
    return from_row(*r);
}

std::map<std::string, std::vector<YouSaid>> you_said_between(store::Database& db, care::Date from, care::Date to) {
    std::map<std::string, std::vector<YouSaid>> out;
    for (const auto& y : all_you_said(db))
        if (y.said_on >= from && y.said_on <= to)
            for (const auto& s : y.statements) out[s].push_back(y);
    return out;
}

}  // namespace corparent::board
