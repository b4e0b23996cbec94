#include "store/survey.h"

#include "store/write_transaction.h"

#include <algorithm>

namespace corparent::store {
namespace {

// Counted responses: submitted, or (once the round has closed) unfinished with what they saved.
std::string counted(bool include_unfinished) {
    return include_unfinished ? "1 = 1" : "r.submitted_on IS NOT NULL";
}

}  // namespace

long long insert_survey_round(Database& db, const SurveyRoundRow& round, const std::vector<SurveyRoundVersionRow>& versions) {
    auto& sql = db.session();
    WriteTransaction tr(db);
    long long id = 0;
    sql << "INSERT INTO survey_rounds (name, opens_on, closes_on, created_at, created_by) VALUES (:n, :o, :c, :a, :b) "
           "RETURNING id",
        soci::use(round.name), soci::use(round.opens_on), soci::use(round.closes_on), soci::use(round.created_at),
        soci::use(round.created_by), soci::into(id);
    for (const auto& v : versions) {
        long long eligible = v.eligible.value_or(0);
        soci::indicator ind = v.eligible ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO survey_round_versions (round_id, version, eligible, eligible_source) VALUES (:r, :v, :e, :s)",
            soci::use(id), soci::use(v.version), soci::use(eligible, ind), soci::use(v.eligible_source);
    }
    tr.commit();
    return id;
}

std::vector<SurveyRoundRow> survey_rounds(Database& db) {
    std::vector<SurveyRoundRow> out;
    SurveyRoundRow r;
    soci::statement st = (db.session().prepare << "SELECT id, name, opens_on, closes_on, created_at, created_by FROM "
                                                  "survey_rounds ORDER BY opens_on DESC, id DESC",
                          soci::into(r.id), soci::into(r.name), soci::into(r.opens_on), soci::into(r.closes_on),
                          soci::into(r.created_at), soci::into(r.created_by));
    st.execute();
    while (st.fetch()) out.push_back(r);
    return out;
}

std::optional<SurveyRoundRow> find_survey_round(Database& db, long long id) {
    for (auto& r : survey_rounds(db))
        if (r.id == id) return r;
    return std::nullopt;
}

std::vector<SurveyRoundVersionRow> survey_round_versions(Database& db, long long round_id) {
    std::vector<SurveyRoundVersionRow> out;
    SurveyRoundVersionRow v;
    long long eligible = 0;
    soci::indicator ind = soci::i_null;
    soci::statement st = (db.session().prepare << "SELECT version, eligible, eligible_source FROM survey_round_versions "
                                                  "WHERE round_id = :r",
                          soci::into(v.version), soci::into(eligible, ind), soci::into(v.eligible_source), soci::use(round_id));
    st.execute();
    while (st.fetch()) {
        v.eligible = ind == soci::i_ok ? std::optional<long long>(eligible) : std::nullopt;
        out.push_back(v);
    }
    return out;
}

void set_survey_round_closes(Database& db, long long round_id, const std::string& closes_on) {
    db.session() << "UPDATE survey_rounds SET closes_on = :c WHERE id = :r", soci::use(closes_on), soci::use(round_id);
}

void set_survey_round_eligible(Database& db, long long round_id, const std::string& version, std::optional<long long> eligible,
                               const std::string& source) {
    long long value = eligible.value_or(0);
    soci::indicator ind = eligible ? soci::i_ok : soci::i_null;
    db.session() << "UPDATE survey_round_versions SET eligible = :e, eligible_source = :s WHERE round_id = :r AND version = :v",
        soci::use(value, ind), soci::use(source), soci::use(round_id), soci::use(version);
}

long long insert_survey_codes(Database& db, long long round_id, const std::string& version,
                              const std::vector<std::string>& hashes, const std::string& created_at,
                              const std::string& created_by) {
    auto& sql = db.session();
    WriteTransaction tr(db);
    long long batch = 0;
    long long count = static_cast<long long>(hashes.size());
    sql << "INSERT INTO survey_code_batches (round_id, version, codes, created_at, created_by) VALUES (:r, :v, :n, :a, :b) "
           "RETURNING id",
        soci::use(round_id), soci::use(version), soci::use(count), soci::use(created_at), soci::use(created_by),
        soci::into(batch);
    std::string hash;
    soci::statement st = (sql.prepare << "INSERT INTO survey_codes (code_hash, batch_id, round_id, version) VALUES (:h, :b, :r, :v)",
                          soci::use(hash), soci::use(batch), soci::use(round_id), soci::use(version));
    for (const auto& h : hashes) {
        hash = h;
        st.execute(true);
    }
    tr.commit();
    return batch;
}

std::vector<SurveyCodeBatchRow> survey_code_batches(Database& db, long long round_id) {
    std::vector<SurveyCodeBatchRow> out;
    SurveyCodeBatchRow b;
    soci::statement st = (db.session().prepare << "SELECT id, version, codes, created_at, created_by FROM survey_code_batches "
                                                  "WHERE round_id = :r ORDER BY id",
                          soci::into(b.id), soci::into(b.version), soci::into(b.codes), soci::into(b.created_at),
                          soci::into(b.created_by), soci::use(round_id));
    st.execute();
    while (st.fetch()) out.push_back(b);
    return out;
}

std::optional<SurveyCodeRow> find_survey_code(Database& db, const std::string& hash) {
    SurveyCodeRow c;
    long long response = 0;
    std::string spent;
    soci::indicator response_ind = soci::i_null, spent_ind = soci::i_null;
    db.session() << "SELECT code_hash, round_id, version, response_id, spent_on FROM survey_codes WHERE code_hash = :h",
        soci::use(hash), soci::into(c.hash), soci::into(c.round_id), soci::into(c.version), soci::into(response, response_ind),
        soci::into(spent, spent_ind);
    if (!db.session().got_data()) return std::nullopt;
    if (response_ind == soci::i_ok) c.response_id = response;
    c.spent = spent_ind == soci::i_ok;
    return c;
}

long long open_survey_response(Database& db, const std::string& code_hash, long long round_id, const std::string& version,
                               const std::string& language, const std::string& today) {
    auto& sql = db.session();
    WriteTransaction tr(db);
    long long id = 0;
    sql << "INSERT INTO survey_responses (round_id, version, language, started_on, step, age_band, gender, where_you_live, "
           "ethnicity, helped_by) VALUES (:r, :v, :l, :d, 0, '', '', '', '', '') RETURNING id",
        soci::use(round_id), soci::use(version), soci::use(language), soci::use(today), soci::into(id);
    soci::statement claim = (sql.prepare << "UPDATE survey_codes SET response_id = :id WHERE code_hash = :h AND response_id IS NULL",
                             soci::use(id), soci::use(code_hash));
    claim.execute(true);
    if (claim.get_affected_rows() == 1) {
        tr.commit();
        return id;
    }
    tr.rollback();   // another request claimed the code first: use its response
    auto code = find_survey_code(db, code_hash);
    return code && code->response_id ? *code->response_id : 0;
}

std::optional<SurveyResponseRow> find_survey_response(Database& db, long long id) {
    SurveyResponseRow r;
    std::string submitted;
    soci::indicator submitted_ind = soci::i_null;
    db.session() << "SELECT id, round_id, version, language, started_on, submitted_on, step, age_band, gender, where_you_live, "
                    "ethnicity, helped_by FROM survey_responses WHERE id = :id",
        soci::use(id), soci::into(r.id), soci::into(r.round_id), soci::into(r.version), soci::into(r.language),
        soci::into(r.started_on), soci::into(submitted, submitted_ind), soci::into(r.step), soci::into(r.age_band),
        soci::into(r.gender), soci::into(r.where_you_live), soci::into(r.ethnicity), soci::into(r.helped_by);
    if (!db.session().got_data()) return std::nullopt;
    if (submitted_ind == soci::i_ok) r.submitted_on = submitted;
    return r;
}

void save_survey_answers(Database& db, long long response_id, const std::vector<std::pair<std::string, std::string>>& answers) {
    auto& sql = db.session();
    WriteTransaction tr(db);
    for (const auto& [indicator, answer] : answers) {
        sql << "DELETE FROM survey_answers WHERE response_id = :r AND indicator = :i", soci::use(response_id), soci::use(indicator);
        if (!answer.empty())
            sql << "INSERT INTO survey_answers (response_id, indicator, answer) VALUES (:r, :i, :a)", soci::use(response_id),
                soci::use(indicator), soci::use(answer);
    }
    tr.commit();
}

void save_survey_about(Database& db, const SurveyResponseRow& a) {
    db.session() << "UPDATE survey_responses SET age_band = :a, gender = :g, where_you_live = :w, ethnicity = :e, "
                    "helped_by = :h WHERE id = :id",
        soci::use(a.age_band), soci::use(a.gender), soci::use(a.where_you_live), soci::use(a.ethnicity), soci::use(a.helped_by),
        soci::use(a.id);
}

void save_survey_comments(Database& db, long long response_id, const std::vector<std::pair<std::string, std::string>>& comments) {
    auto& sql = db.session();
    WriteTransaction tr(db);
    for (const auto& [question, text] : comments) {
        long long existing = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT id FROM survey_comments WHERE response_id = :r AND question = :q", soci::use(response_id),
            soci::use(question), soci::into(existing, ind);
        if (ind == soci::i_ok && text.empty()) {
            sql << "DELETE FROM survey_comment_themes WHERE comment_id = :c", soci::use(existing);
            sql << "DELETE FROM survey_comments WHERE id = :c", soci::use(existing);
        } else if (ind == soci::i_ok) {
            sql << "UPDATE survey_comments SET text = :t WHERE id = :c", soci::use(text), soci::use(existing);
        } else if (!text.empty()) {
            sql << "INSERT INTO survey_comments (response_id, question, text) VALUES (:r, :q, :t)", soci::use(response_id),
                soci::use(question), soci::use(text);
        }
    }
    tr.commit();
}

void set_survey_step(Database& db, long long response_id, int step) {
    db.session() << "UPDATE survey_responses SET step = :s WHERE id = :id AND step < :s2", soci::use(step), soci::use(response_id),
        soci::use(step);
}

bool submit_survey_response(Database& db, long long response_id, const std::string& today) {
    auto& sql = db.session();
    WriteTransaction tr(db);
    soci::statement st = (sql.prepare << "UPDATE survey_responses SET submitted_on = :d WHERE id = :id AND submitted_on IS NULL",
                          soci::use(today), soci::use(response_id));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
        tr.rollback();
        return false;
    }
    sql << "UPDATE survey_codes SET spent_on = :d WHERE response_id = :id", soci::use(today), soci::use(response_id);
    tr.commit();
    return true;
}

std::map<std::string, std::string> survey_answers_of(Database& db, long long response_id) {
    std::map<std::string, std::string> out;
    std::string indicator, answer;
    soci::statement st = (db.session().prepare << "SELECT indicator, answer FROM survey_answers WHERE response_id = :r",
                          soci::into(indicator), soci::into(answer), soci::use(response_id));
    st.execute();
    while (st.fetch()) out[indicator] = answer;
    return out;
}

std::map<std::string, std::string> survey_comments_of(Database& db, long long response_id) {
    std::map<std::string, std::string> out;
    std::string question, text;
    soci::statement st = (db.session().prepare << "SELECT question, text FROM survey_comments WHERE response_id = :r",
                          soci::into(question), soci::into(text), soci::use(response_id));
    st.execute();
    while (st.fetch()) out[question] = text;
    return out;
}

std::vector<SurveyAnswerRecord> survey_round_answers(Database& db, long long round_id, bool include_unfinished) {
    std::vector<SurveyAnswerRecord> out;
    SurveyAnswerRecord a;
    soci::statement st =
        (db.session().prepare << "SELECT r.id, r.version, s.indicator, s.answer, r.age_band, r.gender, r.where_you_live, "
                                 "r.ethnicity FROM survey_answers s JOIN survey_responses r ON r.id = s.response_id "
                                 "WHERE r.round_id = :round AND " + counted(include_unfinished) + " ORDER BY r.id, s.indicator",
         soci::into(a.response_id), soci::into(a.version), soci::into(a.indicator), soci::into(a.answer), soci::into(a.age_band),
         soci::into(a.gender), soci::into(a.where_you_live), soci::into(a.ethnicity), soci::use(round_id));
    st.execute();
    while (st.fetch()) out.push_back(a);
    return out;
}

std::vector<SurveyResponseCounts> survey_response_counts(Database& db, long long round_id) {
    std::vector<SurveyResponseCounts> out;
    SurveyResponseCounts c;
    soci::statement st = (db.session().prepare << "SELECT version, COUNT(*), COUNT(submitted_on) FROM survey_responses "
                                                  "WHERE round_id = :r GROUP BY version ORDER BY version",
                          soci::into(c.version), soci::into(c.started), soci::into(c.submitted), soci::use(round_id));
    st.execute();
    while (st.fetch()) out.push_back(c);
    return out;
}

std::map<std::string, long long> survey_helped_by(Database& db, long long round_id, bool include_unfinished) {
    std::map<std::string, long long> out;
    std::string helped;
    long long n = 0;
    soci::statement st = (db.session().prepare << "SELECT r.helped_by, COUNT(*) FROM survey_responses r WHERE r.round_id = :id AND " +
                                                      counted(include_unfinished) + " GROUP BY r.helped_by",
                          soci::into(helped), soci::into(n), soci::use(round_id));
    st.execute();
    while (st.fetch()) out[helped] = n;
    return out;
}

std::vector<SurveyCommentRow> survey_comments(Database& db, long long round_id, bool include_unfinished) {
    std::vector<SurveyCommentRow> out;
    {
        SurveyCommentRow c;
        soci::statement st = (db.session().prepare << "SELECT c.id, r.version, c.question, c.text FROM survey_comments c "
                                                      "JOIN survey_responses r ON r.id = c.response_id WHERE r.round_id = :id AND " +
                                                          counted(include_unfinished) + " ORDER BY c.id",
                              soci::into(c.id), soci::into(c.version), soci::into(c.question), soci::into(c.text),
                              soci::use(round_id));
        st.execute();
        while (st.fetch()) out.push_back(c);
    }
    long long comment = 0;
    std::string theme;
    soci::statement st = (db.session().prepare << "SELECT ct.comment_id, t.name FROM survey_comment_themes ct JOIN survey_themes t "
                                                  "ON t.id = ct.theme_id WHERE t.round_id = :id ORDER BY t.name",
                          soci::into(comment), soci::into(theme), soci::use(round_id));
    st.execute();
    while (st.fetch())
        for (auto& c : out)
            if (c.id == comment) c.themes.push_back(theme);
    return out;
}

std::vector<SurveyThemeRow> survey_themes(Database& db, long long round_id) {
    std::vector<SurveyThemeRow> out;
    SurveyThemeRow t;
    long long you_said = 0;
    soci::indicator ind = soci::i_null;
    soci::statement st = (db.session().prepare << "SELECT t.id, t.name, t.you_said_id, (SELECT COUNT(*) FROM survey_comment_themes ct "
                                                  "WHERE ct.theme_id = t.id) FROM survey_themes t WHERE t.round_id = :r ORDER BY t.name",
                          soci::into(t.id), soci::into(t.name), soci::into(you_said, ind), soci::into(t.comments), soci::use(round_id));
    st.execute();
    while (st.fetch()) {
        t.you_said_id = ind == soci::i_ok ? std::optional<long long>(you_said) : std::nullopt;
        out.push_back(t);
    }
    return out;
}

long long survey_theme_id(Database& db, long long round_id, const std::string& name) {
    for (const auto& t : survey_themes(db, round_id))
        if (t.name == name) return t.id;
    long long id = 0;
    db.session() << "INSERT INTO survey_themes (round_id, name) VALUES (:r, :n) RETURNING id", soci::use(round_id), soci::use(name),
        soci::into(id);
    return id;
}

void set_survey_comment_themes(Database& db, long long comment_id, const std::vector<long long>& theme_ids) {
    auto& sql = db.session();
    sql << "DELETE FROM survey_comment_themes WHERE comment_id = :c", soci::use(comment_id);
    for (long long t : theme_ids)
        sql << "INSERT INTO survey_comment_themes (comment_id, theme_id) VALUES (:c, :t)", soci::use(comment_id), soci::use(t);
}

void set_survey_theme_you_said(Database& db, long long theme_id, long long you_said_id) {
    db.session() << "UPDATE survey_themes SET you_said_id = :y WHERE id = :t", soci::use(you_said_id), soci::use(theme_id);
}

namespace {

constexpr const char* kConcernColumns =
    "id, round_id, raised_at, asked_to_talk, names_harm, harm_words, shared, contact, routed_to, status, closed_at, closed_by, outcome";

// Concerns are a few hundred a year at most: read them all and pick in C++.
std::vector<SurveyConcernRow> all_concerns(Database& db) {
    std::vector<SurveyConcernRow> out;
    SurveyConcernRow c;
    int asked = 0, harm = 0;
    long long closed_at = 0;
    std::string closed_by, outcome;
    soci::indicator closed_at_ind = soci::i_null, closed_by_ind = soci::i_null, outcome_ind = soci::i_null;
    soci::statement st = (db.session().prepare << std::string("SELECT ") + kConcernColumns + " FROM survey_concerns ORDER BY raised_at, id",
                          soci::into(c.id), soci::into(c.round_id), soci::into(c.raised_at), soci::into(asked), soci::into(harm),
                          soci::into(c.harm_words), soci::into(c.shared), soci::into(c.contact), soci::into(c.routed_to),
                          soci::into(c.status), soci::into(closed_at, closed_at_ind), soci::into(closed_by, closed_by_ind),
                          soci::into(outcome, outcome_ind));
    st.execute();
    while (st.fetch()) {
        SurveyConcernRow r = c;
        r.asked_to_talk = asked != 0;
        r.names_harm = harm != 0;
        r.closed_at = closed_at_ind == soci::i_ok ? std::optional<long long>(closed_at) : std::nullopt;
        r.closed_by = closed_by_ind == soci::i_ok ? closed_by : "";
        r.outcome = outcome_ind == soci::i_ok ? outcome : "";
        out.push_back(r);
    }
    return out;
}

}  // namespace

long long upsert_survey_concern(Database& db, long long response_id, const SurveyConcernRow& c) {
    auto& sql = db.session();
    WriteTransaction tr(db);   // two tabs of one response raise one concern
    long long id = 0;
    std::string status, shared, harm_words, contact;
    soci::indicator ind = soci::i_null;
    sql << "SELECT id, status, shared, harm_words, contact FROM survey_concerns WHERE response_id = :r", soci::use(response_id),
        soci::into(id, ind), soci::into(status), soci::into(shared), soci::into(harm_words), soci::into(contact);
    int asked = c.asked_to_talk ? 1 : 0, harm = c.names_harm ? 1 : 0;
    if (ind == soci::i_ok) {
        if (shared == c.shared && harm_words == c.harm_words && contact == c.contact) {
            tr.commit();
            return id;
        }
        sql << "UPDATE survey_concerns SET asked_to_talk = :a, names_harm = :h, harm_words = :w, shared = :s, contact = :c, "
               "routed_to = :t WHERE id = :id",
            soci::use(asked), soci::use(harm), soci::use(c.harm_words), soci::use(c.shared), soci::use(c.contact),
            soci::use(c.routed_to), soci::use(id);
        // The child shared more after it was closed: it is open again, for someone to act on.
        if (status == "closed") {
            sql << "UPDATE survey_concerns SET status = 'open', closed_at = NULL, closed_by = NULL, outcome = NULL WHERE id = :id",
                soci::use(id);
            sql << "INSERT INTO survey_concern_notes (concern_id, at, by_user, note) VALUES (:c, :a, 'corparent', "
                   "'Reopened: the child shared more after the concern was closed.')",
                soci::use(id), soci::use(c.raised_at);
        }
        tr.commit();
        return id;
    }
    sql << "INSERT INTO survey_concerns (round_id, response_id, raised_at, asked_to_talk, names_harm, harm_words, shared, contact, "
           "routed_to, status) VALUES (:r, :resp, :at, :a, :h, :w, :s, :c, :t, 'open') RETURNING id",
        soci::use(c.round_id), soci::use(response_id), soci::use(c.raised_at), soci::use(asked), soci::use(harm),
        soci::use(c.harm_words), soci::use(c.shared), soci::use(c.contact), soci::use(c.routed_to), soci::into(id);
    tr.commit();
    return id;
}

std::vector<SurveyConcernRow> survey_concerns(Database& db, const std::string& status) {
    auto rows = all_concerns(db);
    if (!status.empty())
        rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const auto& r) { return r.status != status; }), rows.end());
    return rows;
}

std::optional<SurveyConcernRow> find_survey_concern(Database& db, long long id) {
    for (auto& r : all_concerns(db))
        if (r.id == id) return r;
    return std::nullopt;
}

std::vector<SurveyConcernNoteRow> survey_concern_notes(Database& db, long long concern_id) {
    std::vector<SurveyConcernNoteRow> out;
    SurveyConcernNoteRow n;
    soci::statement st = (db.session().prepare << "SELECT at, by_user, note FROM survey_concern_notes WHERE concern_id = :c ORDER BY at, id",
                          soci::into(n.at), soci::into(n.by), soci::into(n.note), soci::use(concern_id));
    st.execute();
    while (st.fetch()) out.push_back(n);
    return out;
}

void add_survey_concern_note(Database& db, long long concern_id, long long at, const std::string& by, const std::string& note) {
    db.session() << "INSERT INTO survey_concern_notes (concern_id, at, by_user, note) VALUES (:c, :a, :b, :n)", soci::use(concern_id),
        soci::use(at), soci::use(by), soci::use(note);
}

void close_survey_concern(Database& db, long long concern_id, long long at, const std::string& by, const std::string& outcome) {
    db.session() << "UPDATE survey_concerns SET status = 'closed', closed_at = :a, closed_by = :b, outcome = :o WHERE id = :c",
        soci::use(at), soci::use(by), soci::use(outcome), soci::use(concern_id);
}

long long count_open_survey_concerns(Database& db, long long raised_before) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM survey_concerns WHERE status = 'open' AND raised_at < :b", soci::use(raised_before),
        soci::into(n);
    return n;
}

SurveyConcernCounts count_survey_concerns(Database& db, long long from, long long to) {
    SurveyConcernCounts c;
    auto& sql = db.session();
    sql << "SELECT COUNT(*) FROM survey_concerns WHERE raised_at BETWEEN :f AND :t", soci::use(from), soci::use(to), soci::into(c.raised);
    sql << "SELECT COUNT(*) FROM survey_concerns WHERE raised_at BETWEEN :f AND :t AND names_harm = 1", soci::use(from), soci::use(to),
        soci::into(c.names_harm);
    sql << "SELECT COUNT(*) FROM survey_concerns WHERE raised_at BETWEEN :f AND :t AND status = 'closed'", soci::use(from),
        soci::use(to), soci::into(c.closed);
    c.still_open = c.raised - c.closed;
    return c;
}

}  // namespace corparent::store
