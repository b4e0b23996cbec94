// Everything the measures read about a council's children, loaded from the stacked returns in the store
// (and OC2/OC3 from the return of the year asked for, spec 8.1).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "care/care_history.h"
#include "store/database.h"

namespace corparent::measures {

struct Review {
    care::Date date;
    std::string code;          // REVIEW_CODE; "" when missing
};

struct MissingIncident {
    std::string type;          // M missing, A away without authorisation; "" when missing
    care::Date start;
    std::optional<care::Date> end;
};

struct SocialWorkerEpisode {
    std::string sw_id;         // "" when missing
    care::Date start;
    std::optional<care::Date> end;
};

struct HealthRow {             // OC2
    std::optional<int> sdq_score;
    std::string convicted, health_check, immunisations, teeth_check, health_assessment, substance_misuse;
};

struct CareLeaverRow {         // OC3
    std::string in_touch, activ, accom;
};

struct Child {
    std::string id;
    std::optional<care::Date> dob;   // Header's (spec 8.16)
    std::string sex, ethnic;
    bool uasc_row = false;
    std::optional<care::Date> uasc_ceased;   // DUC
    care::CareHistory history;
    std::vector<Review> reviews;
    std::vector<MissingIncident> missing;
    std::vector<SocialWorkerEpisode> social_workers;
    std::optional<HealthRow> oc2;          // return Y's row (the last row wins)
    std::optional<CareLeaverRow> oc3;
};

struct Council {
    int year = 0;
    std::vector<int> loaded_years;
    std::vector<Child> children;
};

Council load_council(store::Database& db, int year, const care::PlacementRules& rules = {});

}  // namespace corparent::measures
