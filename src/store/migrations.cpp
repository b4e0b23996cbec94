#include "store/migrations.h"

namespace corparent::store {

// Never edit a migration that has shipped: add the next one.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1, "903 returns as imported, their findings, and the imports themselves", {
        "CREATE TABLE imports (id {serial}, return_year INTEGER NOT NULL, imported_at TEXT NOT NULL, "
        "source TEXT NOT NULL, files INTEGER NOT NULL, rows_read INTEGER NOT NULL, errors INTEGER NOT NULL, "
        "warnings INTEGER NOT NULL, strict INTEGER NOT NULL)",
        "CREATE TABLE findings (id {serial}, return_year INTEGER NOT NULL, stage TEXT NOT NULL, file TEXT NOT NULL, "
        "table_name TEXT NOT NULL, row_no INTEGER NOT NULL, column_name TEXT NOT NULL, rule TEXT NOT NULL, "
        "severity TEXT NOT NULL, message TEXT NOT NULL, child TEXT, raw TEXT)",
        "CREATE INDEX findings_year ON findings (return_year, stage)",
        "CREATE TABLE r903_header (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, sex TEXT, dob TEXT, ethnic TEXT, upn TEXT, mother TEXT, mc_dob TEXT)",
        "CREATE INDEX r903_header_year ON r903_header (return_year)",
        "CREATE TABLE r903_episodes (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, decom TEXT, rne TEXT, ls TEXT, cin TEXT, place TEXT, place_provider TEXT, dec TEXT, rec TEXT, reason_place_change TEXT, home_post TEXT, pl_post TEXT, urn TEXT)",
        "CREATE INDEX r903_episodes_year ON r903_episodes (return_year)",
        "CREATE TABLE r903_reviews (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, review TEXT, review_code TEXT)",
        "CREATE INDEX r903_reviews_year ON r903_reviews (return_year)",
        "CREATE TABLE r903_uasc (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, sex TEXT, dob TEXT, duc TEXT)",
        "CREATE INDEX r903_uasc_year ON r903_uasc (return_year)",
        "CREATE TABLE r903_oc2 (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, sdq_score INTEGER, sdq_reason TEXT, convicted TEXT, health_check TEXT, immunisations TEXT, teeth_check TEXT, health_assessment TEXT, substance_misuse TEXT, intervention_received TEXT, intervention_offered TEXT)",
        "CREATE INDEX r903_oc2_year ON r903_oc2 (return_year)",
        "CREATE TABLE r903_oc3 (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, in_touch TEXT, activ TEXT, accom TEXT)",
        "CREATE INDEX r903_oc3_year ON r903_oc3 (return_year)",
        "CREATE TABLE r903_ad1 (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, date_int TEXT, date_match TEXT, foster_care TEXT, nb_adoptr TEXT, sex_adoptr TEXT, ls_adoptr TEXT)",
        "CREATE INDEX r903_ad1_year ON r903_ad1 (return_year)",
        "CREATE TABLE r903_placed_adoption (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, date_placed TEXT, date_placed_ceased TEXT, reason_placed_ceased TEXT)",
        "CREATE INDEX r903_placed_adoption_year ON r903_placed_adoption (return_year)",
        "CREATE TABLE r903_prev_perm (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, prev_perm TEXT, la_perm TEXT, date_perm TEXT)",
        "CREATE INDEX r903_prev_perm_year ON r903_prev_perm (return_year)",
        "CREATE TABLE r903_missing (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, missing TEXT, mis_start TEXT, mis_end TEXT)",
        "CREATE INDEX r903_missing_year ON r903_missing (return_year)",
        "CREATE TABLE r903_sw_episodes (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, sw_id TEXT, sw_decom TEXT, sw_dec TEXT, sw_reason TEXT)",
        "CREATE INDEX r903_sw_episodes_year ON r903_sw_episodes (return_year)",
        "CREATE TABLE r903_dolo (return_year INTEGER NOT NULL, row_no INTEGER NOT NULL, child TEXT, dob TEXT, dolo_start TEXT, dolo_end TEXT)",
        "CREATE INDEX r903_dolo_year ON r903_dolo (return_year)",
        // The returns stacked as spec/measures.md section 0 says, rebuilt by every import.
        "CREATE TABLE stacked_episodes (source_year INTEGER NOT NULL, source_row INTEGER NOT NULL, child TEXT, decom TEXT, rne TEXT, ls TEXT, cin TEXT, place TEXT, place_provider TEXT, dec TEXT, rec TEXT, reason_place_change TEXT, home_post TEXT, pl_post TEXT, urn TEXT, repaired INTEGER NOT NULL)",
        "CREATE TABLE stacked_header (source_year INTEGER NOT NULL, source_row INTEGER NOT NULL, child TEXT, sex TEXT, dob TEXT, ethnic TEXT, upn TEXT, mother TEXT, mc_dob TEXT)",
        "CREATE TABLE stacked_uasc (source_year INTEGER NOT NULL, source_row INTEGER NOT NULL, child TEXT, sex TEXT, dob TEXT, duc TEXT)",
        "CREATE TABLE stacked_reviews (source_year INTEGER NOT NULL, source_row INTEGER NOT NULL, child TEXT, dob TEXT, review TEXT, review_code TEXT)",
        "CREATE TABLE stacked_missing (source_year INTEGER NOT NULL, source_row INTEGER NOT NULL, child TEXT, dob TEXT, missing TEXT, mis_start TEXT, mis_end TEXT)",
        "CREATE TABLE stacked_sw_episodes (source_year INTEGER NOT NULL, source_row INTEGER NOT NULL, child TEXT, dob TEXT, sw_id TEXT, sw_decom TEXT, sw_dec TEXT, sw_reason TEXT)",
        }},
        {2, "accounts, sessions, sign-in throttling and the audit log", {
        "CREATE TABLE users (id {serial}, email TEXT NOT NULL UNIQUE, role TEXT NOT NULL, password_hash TEXT NOT NULL, "
        "totp_secret TEXT, totp_confirmed INTEGER NOT NULL, totp_last_step BIGINT NOT NULL, sw_id TEXT, "
        "disabled INTEGER NOT NULL, created_at TEXT NOT NULL)",
        // Sessions live in the database so that several servers can share them; only a token's hash is kept.
        "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id), "
        "csrf_token TEXT NOT NULL, second_factor INTEGER NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL)",
        "CREATE INDEX sessions_user ON sessions (user_id)",
        "CREATE TABLE sign_in_failures (id {serial}, throttle_key TEXT NOT NULL, at BIGINT NOT NULL)",
        "CREATE INDEX sign_in_failures_key ON sign_in_failures (throttle_key, at)",
        "CREATE TABLE audit_log (id {serial}, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, "
        "object TEXT NOT NULL, detail TEXT NOT NULL, address TEXT NOT NULL)",
        "CREATE INDEX audit_log_at ON audit_log (at)",
        },
        // The audit log is append-only: no one, not even the application, can change or remove a line.
        {
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        },
        {
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN "
        "RAISE EXCEPTION 'the audit log is append-only'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW "
        "EXECUTE FUNCTION audit_log_append_only()",
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT "
        "EXECUTE FUNCTION audit_log_append_only()",
        }},
        {3, "the Pledge, its versions and the measures that evidence each statement", {
        "CREATE TABLE pledge_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL, adopted TEXT NOT NULL)",
        "CREATE TABLE pledge_statements (version INTEGER NOT NULL REFERENCES pledge_versions (version), "
        "position INTEGER NOT NULL, statement_id TEXT NOT NULL, statement TEXT NOT NULL, commitment TEXT NOT NULL, "
        "PRIMARY KEY (version, statement_id))",
        "CREATE TABLE pledge_evidence (version INTEGER NOT NULL, statement_id TEXT NOT NULL, measure TEXT NOT NULL, "
        "PRIMARY KEY (version, statement_id, measure))",
        }},
        {4, "the public pages (accessibility statement, privacy notices) as administrators edit them", {
        "CREATE TABLE public_pages (slug TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at TEXT NOT NULL, "
        "updated_by TEXT NOT NULL)",
        }},
        {5, "imports started in the browser, and how far each has got", {
        "CREATE TABLE import_jobs (id TEXT PRIMARY KEY, return_year INTEGER NOT NULL, started_by TEXT NOT NULL, "
        "started_at TEXT NOT NULL, status TEXT NOT NULL, detail TEXT NOT NULL, finished INTEGER NOT NULL, "
        "committed INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL)",
        }},
        {6, "settings an administrator changed", {
        "CREATE TABLE settings_values (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL, "
        "updated_by TEXT NOT NULL)",
        }},
        {7, "names of children for the workers who know them", {
        "CREATE TABLE child_names (child TEXT PRIMARY KEY, name TEXT NOT NULL, case_id TEXT NOT NULL, "
        "imported_at TEXT NOT NULL)",
        }},
        {8, "education records from the Virtual School, and the findings of their imports", {
        "CREATE TABLE education_records (academic_year INTEGER, row_no INTEGER NOT NULL, child TEXT, upn TEXT, "
        "school_urn TEXT, start_date TEXT, sessions_possible INTEGER, sessions_attended INTEGER, suspensions INTEGER, "
        "suspension_days_tenths INTEGER, permanent_exclusions INTEGER, ks2_reading INTEGER, ks2_writing INTEGER, "
        "ks2_maths INTEGER, ks4_attainment8_tenths INTEGER, ks4_english_maths_4 INTEGER, pep_date TEXT, "
        "source TEXT NOT NULL, raw TEXT NOT NULL, imported_at TEXT NOT NULL)",
        "CREATE INDEX education_records_year ON education_records (academic_year)",
        "CREATE TABLE education_findings (file TEXT NOT NULL, row_no INTEGER NOT NULL, column_name TEXT NOT NULL, "
        "rule TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, child TEXT NOT NULL, raw TEXT NOT NULL, "
        "imported_at TEXT NOT NULL)",
        }},
        {9, "Ofsted's list of children's social care providers and their full inspections", {
        "CREATE TABLE ofsted_inspections (urn TEXT NOT NULL, provider_type TEXT NOT NULL, "
        "overall_effectiveness TEXT NOT NULL, inspection_date TEXT, imported_at TEXT NOT NULL)",
        "CREATE INDEX ofsted_inspections_urn ON ofsted_inspections (urn, inspection_date)",
        }},
        {10, "the survey of children in care and care leavers: rounds, one-time codes, responses, comments and their "
             "themes, and the concerns they raise", {
        "CREATE TABLE survey_rounds (id {serial}, name TEXT NOT NULL, opens_on TEXT NOT NULL, closes_on TEXT NOT NULL, "
        "created_at TEXT NOT NULL, created_by TEXT NOT NULL)",
        // Counts only: how many could answer each version, from the imported returns or entered by hand.
        "CREATE TABLE survey_round_versions (round_id BIGINT NOT NULL REFERENCES survey_rounds (id), version TEXT NOT NULL, "
        "eligible INTEGER, eligible_source TEXT NOT NULL, PRIMARY KEY (round_id, version))",
        "CREATE TABLE survey_code_batches (id {serial}, round_id BIGINT NOT NULL REFERENCES survey_rounds (id), "
        "version TEXT NOT NULL, codes INTEGER NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL)",
        // A code is kept only as its hash, with the version it opens: nothing names a child.
        "CREATE TABLE survey_codes (code_hash TEXT PRIMARY KEY, batch_id BIGINT NOT NULL REFERENCES survey_code_batches (id), "
        "round_id BIGINT NOT NULL REFERENCES survey_rounds (id), version TEXT NOT NULL, response_id BIGINT, spent_on TEXT)",
        // Dates, not times: a response's time could say who was with whom.
        "CREATE TABLE survey_responses (id {serial}, round_id BIGINT NOT NULL REFERENCES survey_rounds (id), "
        "version TEXT NOT NULL, language TEXT NOT NULL, started_on TEXT NOT NULL, submitted_on TEXT, step INTEGER NOT NULL, "
        "age_band TEXT NOT NULL, gender TEXT NOT NULL, where_you_live TEXT NOT NULL, ethnicity TEXT NOT NULL, "
        "helped_by TEXT NOT NULL)",
        "CREATE INDEX survey_responses_round ON survey_responses (round_id)",
        "CREATE TABLE survey_answers (response_id BIGINT NOT NULL REFERENCES survey_responses (id), indicator TEXT NOT NULL, "
        "answer TEXT NOT NULL, PRIMARY KEY (response_id, indicator))",
        "CREATE TABLE survey_comments (id {serial}, response_id BIGINT NOT NULL REFERENCES survey_responses (id), "
        "question TEXT NOT NULL, text TEXT NOT NULL, UNIQUE (response_id, question))",
        "CREATE TABLE survey_themes (id {serial}, round_id BIGINT NOT NULL REFERENCES survey_rounds (id), name TEXT NOT NULL, "
        "you_said_id BIGINT, UNIQUE (round_id, name))",
        "CREATE TABLE survey_comment_themes (comment_id BIGINT NOT NULL REFERENCES survey_comments (id), "
        "theme_id BIGINT NOT NULL REFERENCES survey_themes (id), PRIMARY KEY (comment_id, theme_id))",
        // Only what the child chose to share, and their contact details only if they gave them.
        "CREATE TABLE survey_concerns (id {serial}, round_id BIGINT NOT NULL REFERENCES survey_rounds (id), "
        "response_id BIGINT NOT NULL UNIQUE, raised_at BIGINT NOT NULL, asked_to_talk INTEGER NOT NULL, "
        "names_harm INTEGER NOT NULL, harm_words TEXT NOT NULL, shared TEXT NOT NULL, contact TEXT NOT NULL, "
        "routed_to TEXT NOT NULL, status TEXT NOT NULL, closed_at BIGINT, closed_by TEXT, outcome TEXT)",
        "CREATE TABLE survey_concern_notes (id {serial}, concern_id BIGINT NOT NULL REFERENCES survey_concerns (id), "
        "at BIGINT NOT NULL, by_user TEXT NOT NULL, note TEXT NOT NULL)",
        }},
        // The Corporate Parenting Board: what children said, what was done about it, the Board and its meetings.
        {12, "the Board: You said items, We did actions, members and meetings", {
        "CREATE TABLE board_members (id {serial}, name TEXT NOT NULL, kind TEXT NOT NULL, organisation TEXT NOT NULL, "
        "board_role TEXT NOT NULL, active INTEGER NOT NULL)",
        "CREATE TABLE board_meetings (id {serial}, held_on TEXT NOT NULL, theme TEXT NOT NULL, health_theme INTEGER NOT NULL, "
        "minutes TEXT NOT NULL, created_by TEXT NOT NULL)",
        "CREATE TABLE board_agenda_items (meeting_id BIGINT NOT NULL REFERENCES board_meetings (id), position INTEGER NOT NULL, "
        "item TEXT NOT NULL, PRIMARY KEY (meeting_id, position))",
        "CREATE TABLE board_attendance (meeting_id BIGINT NOT NULL REFERENCES board_meetings (id), "
        "member_id BIGINT NOT NULL REFERENCES board_members (id), PRIMARY KEY (meeting_id, member_id))",
        "CREATE TABLE you_said (id {serial}, source TEXT NOT NULL, source_reference TEXT NOT NULL, said_on TEXT NOT NULL, "
        "words TEXT NOT NULL, consent INTEGER NOT NULL, summary TEXT NOT NULL, meeting_id BIGINT REFERENCES board_meetings (id), "
        "recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL)",
        "CREATE TABLE you_said_statements (you_said_id BIGINT NOT NULL REFERENCES you_said (id), statement_id TEXT NOT NULL, "
        "PRIMARY KEY (you_said_id, statement_id))",
        "CREATE TABLE you_said_evidence (you_said_id BIGINT NOT NULL REFERENCES you_said (id), kind TEXT NOT NULL, "
        "ref TEXT NOT NULL, PRIMARY KEY (you_said_id, kind, ref))",
        "CREATE TABLE board_actions (id {serial}, you_said_id BIGINT NOT NULL REFERENCES you_said (id), title TEXT NOT NULL, "
        "owner TEXT NOT NULL, partner TEXT NOT NULL, due_on TEXT NOT NULL, status TEXT NOT NULL, we_did TEXT NOT NULL, "
        "published INTEGER NOT NULL, created_on TEXT NOT NULL, created_by TEXT NOT NULL, finished_on TEXT)",
        "CREATE INDEX board_actions_you_said ON board_actions (you_said_id)",
        "CREATE TABLE board_action_notes (id {serial}, action_id BIGINT NOT NULL REFERENCES board_actions (id), "
        "written_on TEXT NOT NULL, written_by TEXT NOT NULL, note TEXT NOT NULL)",
        "CREATE TABLE board_action_evidence (action_id BIGINT NOT NULL REFERENCES board_actions (id), kind TEXT NOT NULL, "
        "ref TEXT NOT NULL, PRIMARY KEY (action_id, kind, ref))",
        "CREATE TABLE board_action_reviews (action_id BIGINT NOT NULL REFERENCES board_actions (id), "
        "meeting_id BIGINT NOT NULL REFERENCES board_meetings (id), PRIMARY KEY (action_id, meeting_id))",
        }},
    };
    return all;
}

}  // namespace corparent::store
