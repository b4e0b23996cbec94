// Measures of take-up of the local offer on the data's end: for each entitlement and each area, how
// many young people were eligible, how many were offered it and how many took it up, in all and by age
// band. The dashboard's /offer page and the Board pack read these.
//
// Eligible: eligible by the rules (offer/eligibility.h) and not recorded as not eligible. Offered: of
// those, anyone with a record of being offered, taking it up or declining it. Taken up: of those, anyone
// whose latest record is "taken up". For an area, a young person counts once: eligible for at least one
// of its entitlements, offered at least one, took up at least one.
#pragma once

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "measures/choices.h"
#include "measures/disclosure.h"
#include "offer/young_people.h"
#include "store/database.h"

namespace corparent::offer {

// The age bands of the offer's figures, at the data's end; "age not known" without a date of birth.
const std::vector<std::string>& offer_age_bands();   // under 10, 10-15, 16-17, 18-20, 21-24, age not known
std::string offer_age_band(std::optional<int> age);

struct TakeUpFigure {
    std::string entitlement;          // the entitlement's id; "" for an area's row
    std::string name;                 // the entitlement's name, or the area's
    std::string area;                 // the area's id
    std::string age_band;             // "" for all ages; else one of offer_age_bands()
    measures::Cell eligible;          // a count
    measures::Cell offered, taken_up; // counts with denominator = eligible
};

// Every entitlement's figures (all ages, then each age band), then every area's, in the catalogue's
// and the areas' order. With `disclosure`, small numbers are suppressed as for every aggregate shown to
// a role without child-level access (the age bands of one figure are one breakdown).
std::vector<TakeUpFigure> take_up(const Offer& offer, const std::optional<measures::DisclosureRules>& disclosure);

// The same, loaded from the store: what the Board pack calls.
std::vector<TakeUpFigure> take_up(store::Database& db, const measures::Choices& choices,
                                  const std::optional<measures::DisclosureRules>& disclosure);

// A whole-number percentage of a cell (offered or taken up of the eligible), rounded half up; none
// when suppressed or with no one eligible.
std::optional<long long> percent(const measures::Cell& cell);

// For people: "c" when suppressed, else the count.
std::string count_text(const measures::Cell& cell);
// "c", "no one eligible" or "45%".
std::string percent_text(const measures::Cell& cell);

// Eligible young people never offered an entitlement: for each young person of `caseload` (all young
// people when it is none), the entitlements they count as eligible for and have no record of.
struct NeverOffered {
    const YoungPerson* person = nullptr;
    std::vector<const Entitlement*> entitlements;
};
std::vector<NeverOffered> never_offered(const Offer& offer, const std::optional<std::set<std::string>>& caseload);

}  // namespace corparent::offer
