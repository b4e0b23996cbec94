// What a route's handler gets: the request, the store, the signed-in session if any, and helpers for
// the pages' common parts. Private to web/.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "settings/settings.h"
#include "web/app.h"

namespace corparent::web {

struct Context {
    const Request& request;
    store::Database& db;
    const settings::Settings& settings;
    const std::string& database;   // how to open another connection (background imports)
    std::optional<accounts::Session> session;
    long long now = 0;

    accounts::Actor actor() const {
        return {session ? session->user.email : "anonymous", request.address};
    }
    // The view every page starts from: council, title, the signed-in user and the navigation.
    nlohmann::json view(const std::string& title, const std::string& current_path) const;
    Response page(const std::string& template_name, const nlohmann::json& view, int status = 200) const;
    // A cookie set the way corparent sets every cookie: HttpOnly, SameSite=Strict, Secure under TLS.
    // `max_age` in seconds (0: until the browser closes).
    std::string cookie(const std::string& name, const std::string& value, bool expire = false, long long max_age = 0) const;
};

using Handler = std::function<Response(Context&)>;

// The error pages.
Response error_page(const Context& c, int status);

// Handlers, by page.
Response sign_in_form(Context& c);
Response sign_in(Context& c);
Response two_factor_form(Context& c);
Response two_factor(Context& c);
Response two_factor_set_up_form(Context& c);
Response two_factor_set_up(Context& c);
Response sign_out(Context& c);
Response home(Context& c);
Response audit_log(Context& c);
Response measures_index(Context& c);
Response measure_page(Context& c);   // also its .csv and .xlsx downloads
Response homes_page(Context& c);      // /homes?year=: the quality of the children's homes
Response public_page(Context& c);
Response account_password(Context& c);   // GET the form, POST the change
Response children_list(Context& c);   // /children?year=&in_care=&placement=&age=&moves=&q=&page=
Response child_page(Context& c);      // /children/<CHILD>
Response education_page(Context& c);    // /education?year=2025
Response data_index(Context& c);
Response data_findings(Context& c);      // /data/<year>
Response data_upload_form(Context& c);
Response data_upload(Context& c);        // multipart: year, files, strict
Response data_job(Context& c);           // /data/jobs/<id>, and .json for its progress
Response admin_pages(Context& c);
Response admin_page(Context& c);     // GET the form, POST the text
Response admin_users(Context& c);
Response admin_user_add(Context& c);                  // GET the form, POST the new user (password shown once)
Response admin_user_disable(Context& c);              // POST email
Response admin_user_enable(Context& c);               // POST email
Response admin_user_reset_second_factor(Context& c);  // POST email
Response admin_user_sw_id(Context& c);                // POST email, sw_id (empty: none)
Response admin_pledge(Context& c);
Response admin_pledge_evidence(Context& c);           // POST /admin/pledge/<statement id>
Response admin_settings(Context& c);                  // GET the form, POST the values
Response health(Context& c);
// The survey: the public form, and the pages for staff.
Response survey_start(Context& c);     // GET the code form, POST a code
Response survey_step(Context& c);      // /survey/step/<n>: GET the page, POST its answers
Response survey_sent(Context& c);
Response voice_index(Context& c);      // /voice: the rounds
Response voice_new_round(Context& c);  // GET the form, POST the round
Response voice_round(Context& c);      // /voice/rounds/<id>; POST .../codes, .../eligible, .../close
Response voice_results(Context& c);    // /voice/results/<id>[.csv|.xlsx]?version=&by=
Response voice_comments(Context& c);   // /voice/comments/<id>; POST a comment's themes
Response concerns_list(Context& c);
Response concern_page(Context& c);     // /concerns/<id>; POST a note, or close
// The local offer.
Response offer_take_up_page(Context& c);        // /offer: take-up by area and entitlement, by age band
Response offer_take_up_download(Context& c);    // /offer/take-up.csv and .xlsx
Response offer_catalogue(Context& c);           // /offer/catalogue
Response offer_entitlement_edit(Context& c);    // /offer/catalogue/<id> or /new: GET the form, POST the change
Response offer_young_people(Context& c);        // /offer/young-people?group=&q=&page=
Response offer_young_person(Context& c);        // /offer/young-people/<CHILD>
Response offer_record(Context& c);              // POST /offer/young-people/<CHILD>: entitlement, status, date, note
Response offer_assign_adviser(Context& c);      // POST /offer/advisers/<CHILD>: adviser (an email, or empty)
// The Corporate Parenting Board (pages_board_*.cpp).
Response board_meetings(Context& c);
Response board_meeting_add(Context& c);        // GET the form, POST the meeting
Response board_meeting(Context& c);            // /board/meetings/<id>
Response board_meeting_record(Context& c);     // POST /board/meetings/<id>/record
Response board_members(Context& c);            // GET the list and form, POST a new member
Response board_member_stand_down(Context& c);  // POST member
Response board_you_said_list(Context& c);
Response board_you_said_add(Context& c);       // GET the form (?meeting=<id>), POST the item
Response board_you_said_item(Context& c);      // /board/you-said/<id>
Response board_actions(Context& c);            // ?show=open|overdue|<status>|all
Response board_action_add(Context& c);         // GET ?you_said=<id>, POST the action
Response board_action(Context& c);             // /board/actions/<id>
Response board_action_change(Context& c);      // POST /board/actions/<id>/status|note|evidence|publish
Response you_said_we_did_page(Context& c);     // public
Response papers_index(Context& c);   // /board/papers
Response paper_page(Context& c);     // /board/papers/<paper>, and its .pdf and .xlsx

// The cookies corparent uses.
inline constexpr const char* kSessionCookie = "corparent_session";
inline constexpr const char* kFormCookie = "corparent_form";   // CSRF token for forms before signing in

}  // namespace corparent::web
