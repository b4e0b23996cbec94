// The local offer as data: the entitlements a council offers its children in care and care leavers,
// grouped by the six areas the statutory guidance on local offers names, each with who it is for, the
// partner who provides it and when it is next reviewed. The default catalogue (data/local_offer.json,
// from the council's own documents) is seeded once; officers edit it at /offer/catalogue.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "care/date.h"
#include "offer/eligibility.h"
#include "store/database.h"

namespace corparent::offer {

struct Area {
    std::string id, name;
};

// The six areas, in the guidance's order: health and well-being, relationships, education and training,
// employment, accommodation, participation in society.
const std::vector<Area>& areas();
// The area's name; "" for an unknown id.
std::string area_name(const std::string& id);

struct Entitlement {
    std::string id;                       // lower-case letters, digits and _, e.g. "council_tax_exemption"
    std::string area;                     // one of areas()
    std::string name, description;        // plain words, addressed to the young person
    Rule rule;                            // who, and the ages
    std::vector<std::string> conditions;  // other conditions a worker judges: "living in the council's area"
    std::string provider;                 // the partner who provides it
    care::Date review;                    // when it is next reviewed
    std::string updated_at, updated_by;
};

struct Catalogue {
    std::string source;                   // where the default came from; "" before seeding
    std::vector<Entitlement> entitlements;   // in the catalogue's order

    const Entitlement* find(const std::string& id) const;
};

// Loads data/local_offer.json into a store that has never had a catalogue (nothing happens otherwise,
// even when officers have since changed it). Two servers starting together on one database do not
// both seed. Throws std::runtime_error naming the file and the problem.
void seed_catalogue(store::Database& db, const std::filesystem::path& data_dir);

Catalogue load_catalogue(store::Database& db);

// Checks an entitlement; field name -> what is wrong (empty when it is right). `adding` means its id
// must be new; otherwise it must be held.
std::map<std::string, std::string> check_entitlement(const Entitlement& e, const Catalogue& catalogue, bool adding);

// Checks and saves (adds or changes) one entitlement, audited as offer.catalogue. Returns the problems,
// as check_entitlement; nothing is saved when there are any.
std::map<std::string, std::string> save_entitlement(store::Database& db, Entitlement e, bool adding,
                                                    const accounts::Actor& actor);

}  // namespace corparent::offer
