// The young people the local offer is for, on the day the data end (31 March of the latest return):
// children in care and care leavers under 25 (offer/eligibility.h says who is which), each with where
// every entitlement stands for them; and whose caseload each is on. A child in care is on the caseload
// of the worker whose SW_ID their current social worker episode carries (as on the children's pages); a
// care leaver on that of the personal adviser assigned to them here, by an analyst or administrator or
// by an import.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "measures/choices.h"
#include "offer/catalogue.h"
#include "offer/eligibility.h"
#include "store/database.h"
#include "store/offer.h"

namespace corparent::offer {

enum class TakeUpStatus { Offered, TakenUp, Declined, NotEligible };

std::string_view status_id(TakeUpStatus s);     // "offered", "taken_up", "declined", "not_eligible"
std::string_view status_name(TakeUpStatus s);   // "Offered", "Taken up", "Declined", "Not eligible"
const std::vector<TakeUpStatus>& statuses();
// An id or a name in any case, with spaces, hyphens or underscores: "taken up", "Taken-Up", "TAKEN_UP".
std::optional<TakeUpStatus> parse_status(std::string_view text);

struct YoungPerson {
    std::string child;                    // the council's CHILD id
    std::string name;                     // from the names file; "" when not named
    std::optional<care::Date> dob;
    Standing standing;                    // on the data's end
    std::optional<care::Date> left_care;  // the end of the last period of care, for a care leaver
    std::string adviser;                  // the personal adviser's email; "" when none is assigned
};

// Where one entitlement stands for one young person.
struct EntitlementStanding {
    const Entitlement* entitlement = nullptr;
    Eligibility eligibility;                        // by the rules, on the data's end
    std::optional<TakeUpStatus> status;             // the latest recorded; none: never recorded
    std::optional<care::Date> since;                // the latest record's date
    std::vector<store::TakeUpRow> history;          // every record, oldest first
    // Counted as eligible in the figures: eligible by the rules and not recorded as not eligible.
    bool counts_eligible() const { return eligibility.eligible && status != TakeUpStatus::NotEligible; }
    bool offered() const { return counts_eligible() && status.has_value(); }
    bool taken_up() const { return counts_eligible() && status == TakeUpStatus::TakenUp; }
};

struct Offer {
    int year = 0;                         // the latest return loaded; 0 when none is
    care::Date on{};                      // 31 March of that year
    Catalogue catalogue;
    std::vector<YoungPerson> people;      // children in care and care leavers on `on`, by CHILD
    std::map<std::string, std::vector<store::TakeUpRow>> records;   // by CHILD

    const YoungPerson* find(const std::string& child) const;
};

// Everything the offer's pages and figures need, loaded once.
Offer load_offer(store::Database& db, const measures::Choices& choices);

// Every entitlement of the catalogue for the young person's group (children in care or care leavers),
// in the catalogue's order, and any other they have a record for.
std::vector<EntitlementStanding> entitlements_of(const Offer& offer, const YoungPerson& person);

// The CHILD ids on a worker's caseload for the offer: their SW_ID's children (measures::caseload) and the
// care leavers assigned to them. Empty for other roles.
std::set<std::string> offer_caseload(store::Database& db, const accounts::User& user);

// Assigns a care leaver (or any young person of the offer) to a personal adviser, a `worker` user, or
// with an empty email removes the assignment; audited as offer.adviser. Returns what is wrong ("" when
// done): no such young person, no such worker.
std::string assign_adviser(store::Database& db, const Offer& offer, const std::string& child,
                           const std::string& adviser_email, const accounts::Actor& actor);

// Checks and stores one take-up record, audited as offer.take_up. Field -> problem (empty when stored):
// an entitlement the catalogue does not hold, a status, a date that is not a real day, is in the future
// or before the young person was born, a note over 500 characters.
std::map<std::string, std::string> record_take_up(store::Database& db, const Offer& offer, const YoungPerson& person,
                                                  const std::string& entitlement, const std::string& status,
                                                  std::optional<care::Date> date, const std::string& note,
                                                  const accounts::Actor& actor);

// Today's date (UTC), the latest a take-up can be dated.
care::Date today();

}  // namespace corparent::offer
