// The local offer in the store: the catalogue of entitlements (seeded once from data/local_offer.json,
// then edited by officers), each young person's take-up as a history of recorded statuses, and the
// personal adviser each care leaver is assigned to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct EntitlementRow {
    std::string id, area, name, description;
    std::string who;                       // group ids, comma-separated: "care_leaver,child_in_care"
    std::optional<int> age_from, age_until;
    std::string conditions;                // one per line
    std::string provider, review_date;     // review_date: yyyy-mm-dd
    std::string updated_at, updated_by;
};

// The catalogue's source note; none when the catalogue has never been seeded.
std::optional<std::string> offer_catalogue_source(Database& db);
// Marks the catalogue seeded; false when it was already (another server got there first: this insert
// waits for that server's transaction, on SQLite and PostgreSQL alike, so it is the seeding's lock).
bool insert_offer_catalogue(Database& db, const std::string& source, const std::string& seeded_at);

std::vector<EntitlementRow> load_entitlements(Database& db);   // in the catalogue's order
// Updates the entitlement with this id, or adds it at the end.
void save_entitlement(Database& db, const EntitlementRow& row);

struct TakeUpRow {
    long long id = 0;
    std::string child, entitlement;
    std::string status;                    // offered, taken_up, declined, not_eligible
    std::string on_date;                   // yyyy-mm-dd: when it was offered, taken up, ...
    std::string note;
    std::string recorded_at, recorded_by, source;   // source: "web" or the imported file's name
};

// Every record, by child, entitlement, date and the order recorded.
std::vector<TakeUpRow> load_take_up(Database& db);
std::vector<TakeUpRow> load_take_up_of(Database& db, const std::string& child);
// True when a record with the same child, entitlement, status and date is held already.
bool take_up_held(Database& db, const TakeUpRow& row);
void insert_take_up(Database& db, const TakeUpRow& row);

struct AdviserRow {
    std::string child, adviser;            // adviser: the worker's email
    std::string assigned_at, assigned_by;
};

std::vector<AdviserRow> load_advisers(Database& db);
std::optional<AdviserRow> find_adviser(Database& db, const std::string& child);
// Assigns (or, with an empty adviser, unassigns) the care leaver's personal adviser.
void set_adviser(Database& db, const AdviserRow& row);

}  // namespace corparent::store
