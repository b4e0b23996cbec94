// Children one by one, for the roles that see child-level data: the children looked after in a year
// with their facts at 31 March, filtered; and one child's history of care, in date order. A worker sees
// their caseload: the children whose current social worker episode carries their SW_ID. Names come from
// the imported names file; without one, a child is known by the council's CHILD id.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "care/care_history.h"
#include "measures/choices.h"
#include "measures/council.h"
#include "store/database.h"

namespace corparent::measures {

// DfE's age bands at 31 March: "under 1", "1-4", "5-9", "10-15", "16 and over".
// DfE's age bands (spec 6), which the breakdowns and the children's list share.
const std::vector<std::string>& age_bands();
std::string age_band(int age);

// A date as GOV.UK writes it: "1 April 2024".
std::string long_date(care::Date date);

// The 903's codes in plain words (spec/ssda903.md section 2); a code not in the lists is given back as
// it is, and "" as "".
std::string placement_description(std::string_view place);              // PLACE
std::string legal_status_description(std::string_view ls);              // LS
std::string new_episode_description(std::string_view rne);              // RNE
std::string reason_ceased_description(std::string_view rec);            // REC
std::string provider_description(std::string_view provider);            // PLACE_PROVIDER
std::string placement_change_description(std::string_view reason);      // REASON_PLACE_CHANGE
std::string review_participation_description(std::string_view code);    // REVIEW_CODE
std::string missing_description(std::string_view code);                 // MISSING: M or A
// A group of Choices::placement_groups for people: "foster" -> "Foster care".
std::string placement_group_label(std::string_view group);

struct ChildFilter {
    std::optional<int> year;                 // 31 March of this collection year; default: the latest loaded
    std::optional<bool> in_care_31mar;       // none: either
    std::string placement_group;             // "" any; else one of Choices::placement_groups
    std::string age_band;                    // "" any; else one of age_bands()
    int min_moves = 0;                       // at least this many placement moves in the year
    std::string search;                      // part of a CHILD id or of a name, in any case
    std::optional<std::string> caseload;     // only this SW_ID's caseload (a worker's list)
};

struct ChildRow {
    std::string child;
    std::string name, case_id;               // "" when the names file does not name the child
    std::optional<int> age;                  // at 31 March; none without a date of birth
    std::string age_band;                    // "" without a date of birth
    bool in_care_31mar = false;
    std::string placement_group;             // at 31 March; "" when not in care or PLACE in no group
    std::string place;                       // PLACE at 31 March (spec 8.12), "" when not in care
    int moves = 0;                           // placement moves in the year to 31 March
    std::string sw_id;                       // social worker at 31 March; "" when none is recorded
};

struct ChildrenList {
    int year = 0;                            // 0: no return has been imported
    std::vector<int> years;                  // the years loaded, to choose from
    bool names_imported = false;
    std::size_t looked_after = 0;            // looked after in the year (in the caseload, for a worker)
    std::vector<ChildRow> children;          // those the filter keeps, by name or CHILD id
};

// The children looked after at some time in the year to 31 March (spec 8.8) that the filter keeps.
// A placement move is a placement (spec 0.2-0.3) that began in the year and did not begin a period of
// care. Throws std::invalid_argument for a year that is not loaded.
ChildrenList list_children(store::Database& db, const Choices& choices, const ChildFilter& filter);

// 31 March of the latest year loaded: the day the data end, at which "current" is judged. None when no
// return has been imported.
std::optional<care::Date> data_end(store::Database& db);

// A worker's caseload: the children whose current social worker episode carries `sw_id` (any case).
// Current: of the child's social worker episodes open at the data's end (begun by then, not ended by
// then), the one that began last.
std::set<std::string> caseload(store::Database& db, const std::string& sw_id);

struct SocialWorkerSpell {
    std::string sw_id;                       // "" when missing
    care::Date start;
    std::optional<care::Date> end;
    std::string reason;                      // SW_REASON of the change, "" when missing
};

// The SW_ID of the episode current on `day` (see caseload()); "" when none is open.
std::string current_sw_id(const std::vector<SocialWorkerSpell>& spells, care::Date day);

// One child's history of care, all years held.
struct ChildRecord {
    std::string id;
    std::string name, case_id;               // "" when the names file does not name the child
    std::optional<care::Date> dob;
    care::Date as_at;                        // the data's end: 31 March of the latest year loaded
    std::optional<int> age;                  // at as_at
    bool uasc = false;                       // an unaccompanied asylum-seeking child at as_at
    care::CareHistory history;               // episodes with their providers; short breaks dropped
    std::vector<Review> reviews;             // by date
    std::vector<MissingIncident> missing;    // by start
    std::vector<SocialWorkerSpell> social_workers;   // by start
    std::string sw_id;                       // the current social worker's SW_ID, "" when none
    bool in_care = false;                    // looked after at as_at
};

// The child with this CHILD id in the stacked returns; none when no return holds them.
std::optional<ChildRecord> find_child(store::Database& db, const Choices& choices, const std::string& child);

struct TimelineEntry {
    enum class Kind { Care, Placement, LegalStatus, Missing, Review, SocialWorker };
    care::Date date;
    Kind kind = Kind::Care;
    std::string what;                        // "Started to be looked after", "Missing", ...
    std::string detail;                      // in plain words
};

// Everything that happened to the child, in date order (on one day: care, legal status, placement,
// social worker, missing, review).
std::vector<TimelineEntry> timeline(const ChildRecord& child);

}  // namespace corparent::measures
