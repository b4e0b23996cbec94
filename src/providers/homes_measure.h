// The quality of the children's homes the council's children live in: of the children looked after at
// 31 March Y whose placement (spec 8.12: during a temporary stay, the one before it) is a children's home
// (PLACE K2), how many live in a home Ofsted rated Good or Outstanding at its latest full inspection on or
// before that day, how many in homes rated lower, not yet rated, not in Ofsted's list, or with no URN.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/date.h"
#include "measures/choices.h"
#include "measures/council.h"
#include "measures/measure_row.h"
#include "store/database.h"
#include "store/providers.h"

namespace corparent::providers {

// Where a home stood on a day. The first four are Ofsted's judgements.
enum class HomeStatus { Outstanding, Good, RequiresImprovement, Inadequate, NotYetRated, UnknownUrn, NoUrn };

std::string_view status_label(HomeStatus s);   // "Good", "Not yet rated", "URN not in Ofsted's list", ...

// The rows' ids, in the order they add up to 100%: Good or Outstanding, then the rest.
inline constexpr std::string_view kHomesGood = "homes_good";
const std::vector<std::string_view>& homes_measure_ids();
std::string_view homes_measure_name(std::string_view id);   // "Good or outstanding", ...

// Ofsted's list as held, by URN, each provider's inspections oldest first.
class OfstedList {
public:
    explicit OfstedList(const std::vector<store::OfstedInspectionRow>& rows);

    struct Rating {
        HomeStatus status = HomeStatus::NoUrn;
        std::optional<care::Date> inspected;   // the full inspection that gave it
        std::string urn;                       // normalised; "" when the 903 gave none
    };
    // A 903 URN's standing on `day`: its latest full inspection on or before that day. A blank URN or
    // XXXXXXX is NoUrn; one the list does not hold, UnknownUrn; one it holds with no such inspection,
    // NotYetRated.
    Rating rating_on(std::string_view urn_903, care::Date day) const;
    bool empty() const { return by_urn_.empty(); }
    std::optional<care::Date> latest_inspection() const;   // the newest date in the list

private:
    struct Inspection {
        std::optional<care::Date> date;
        HomeStatus status = HomeStatus::NotYetRated;
    };
    std::map<std::string, std::vector<Inspection>, std::less<>> by_urn_;
};

struct HomePlaced {
    std::string urn;
    HomeStatus status = HomeStatus::NotYetRated;
    std::optional<care::Date> inspected;
    long long children = 0;                    // placed there at 31 March
};

struct HomesResult {
    int year = 0;
    long long children = 0;                    // in children's homes (K2) at 31 March
    measures::MeasureRows rows;                // each id plain, then each by age band ("age:10-15")
    std::vector<HomePlaced> homes;             // by URN; children with no URN are in no home here
};

// `council` needs only each child's id, date of birth and history (with URNs).
HomesResult homes_measure(const measures::Council& council, int year, const OfstedList& list);

struct HomesReport {
    std::map<int, HomesResult> years;          // every year loaded, oldest first
    std::optional<std::string> imported_at;    // when Ofsted's list was imported; none: never
    std::optional<care::Date> latest_inspection;
};

// Every loaded year's figures from the stacked episodes and the list held.
HomesReport homes_report(store::Database& db, const measures::Choices& choices);

}  // namespace corparent::providers
