// An episode of care as the stacked 903 returns give it: one legal status and one placement, from DECOM
// to DEC (spec/measures.md section 0).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "care/date.h"

namespace corparent::care {

struct Episode {
    std::string child;
    Date decom;
    std::optional<Date> dec;          // none: still open
    std::string rne, ls, cin, place, place_provider, rec, reason_place_change;   // "" when missing or invalid
    std::string home_post, pl_post, urn;

    bool open_on(Date day) const { return decom <= day && (!dec || *dec > day); }
};

// Temporary placements (T0-T4) are not placements (spec 0).
inline bool is_temporary(std::string_view place) { return place.size() == 2 && place[0] == 'T' && place[1] >= '0' && place[1] <= '4'; }
// Agreed series of short-term breaks: dropped before any measure (spec 0).
inline bool is_short_break(std::string_view ls) { return ls == "V3" || ls == "V4"; }
// RNE L, T and U keep the same carer: the placement goes on.
inline bool same_carer(std::string_view rne) { return rne == "L" || rne == "T" || rne == "U"; }

// Postcodes compare with spaces removed (spec 8.6).
bool same_postcode(std::string_view a, std::string_view b);

}  // namespace corparent::care
