// Who an entitlement of the local offer is for, and whether a young person is eligible on a day: pure
// functions over the 903's history of care, with no I/O, so that every rule is tested by hand.
//
// A care leaver, as far as the 903 can tell (the Children (Leaving Care) Act 2000's eligible, relevant
// and former relevant children): someone not looked after on the day, under 25, whose last period of
// care ended on or after their 16th birthday, having been looked after for at least 13 weeks (91 days)
// in all since their 14th birthday; a period ended by adoption (E11, E12), a child arrangements order
// (E41), special guardianship (E43-E48), a transfer to another council (E3) or death (E2) does not make
// a care leaver. Someone in the latest return's care leavers' table (OC3) is a care leaver too, unless
// it says they died or returned home for good (IN_TOUCH DIED, RHOM).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/care_history.h"
#include "care/date.h"

namespace corparent::offer {

enum class Group { ChildInCare, CareLeaver };

std::string_view group_id(Group group);     // "child_in_care", "care_leaver"
std::string_view group_name(Group group);   // "Children in care", "Care leavers"
std::optional<Group> parse_group(std::string_view id);

// The day someone turns `years`: a 29 February birthday falls on 1 March in other years.
care::Date birthday(care::Date dob, int years);

// Where a young person stands on a day.
struct Standing {
    std::optional<Group> group;   // none: neither looked after nor a care leaver on the day
    std::optional<int> age;       // whole years on the day; none without a date of birth
};

// Whether the last period of care begun by `on`, ended by then, made the young person a care leaver (see
// above; the age limit of 25 is standing_on's). False without a date of birth.
bool left_care_as_care_leaver(const care::CareHistory& history, std::optional<care::Date> dob, care::Date on);

// `in_oc3` is true when the latest return's OC3 table holds the young person (IN_TOUCH not DIED or RHOM).
Standing standing_on(const care::CareHistory& history, std::optional<care::Date> dob, bool in_oc3, care::Date on);

// Who an entitlement is for: the groups, and an age range [age_from, age_until): from the birthday
// age_from, until the birthday age_until ("until 25" ends on the 25th birthday).
struct Rule {
    std::vector<Group> who;
    std::optional<int> age_from, age_until;
};

struct Eligibility {
    bool eligible = false;
    std::string reason;   // in plain words: why not, or why ("a care leaver aged 19")
};

Eligibility eligibility(const Rule& rule, const Standing& standing);

// "care leavers aged 18 to 24", "children in care", "children in care and care leavers under 21".
std::string describe(const Rule& rule);

}  // namespace corparent::offer
