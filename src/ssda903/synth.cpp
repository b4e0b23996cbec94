// A synthetic council: simulates the care histories of one council's children over many years,
// then writes each collection year's SSDA903 return as DfE would receive it.
//
// The file reads top to bottom: random draws, dates, code tables, postcodes and providers, the
// child's record, the simulation of periods of care (legal status, placements, reviews, missing,
// social workers), and finally the writer of the returns.
#include "ssda903/synth.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <limits>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace corparent::ssda903 {
namespace {

// ----------------------------------------------------------------------------------------------
// Random draws. Our own bounded and real draws on top of mt19937_64 (whose output the standard
// fixes), so that a seed gives the same bytes with any standard library. One stream simulates
// the children in turn and another writes the outcome tables, both in a fixed order.

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser: decorrelates nearby seeds
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(mix(seed)) {}

    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    int below(int n) { return static_cast<int>(uniform() * n); }           // 0 .. n-1
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }        // lo .. hi
    bool chance(double p) { return uniform() < p; }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    double normal(double mean, double sd) {  // Irwin-Hall: portable, good enough for scores
        double sum = 0;
        for (int i = 0; i < 12; ++i) sum += uniform();
        return mean + sd * (sum - 6.0);
    }
    // Index drawn with the given relative weights.
    template <std::size_t N>
    std::size_t weighted(const std::array<double, N>& weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = uniform() * total;
        for (std::size_t i = 0; i < N; ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return N - 1;
    }

private:
    std::mt19937_64 engine_;
};

// A code with its relative weight, for drawing from a code list.
struct Weighted {
    const char* code;
    double weight;
};

template <std::size_t N>
const char* draw(Rng& rng, const std::array<Weighted, N>& table) {
    std::array<double, N> weights{};
    for (std::size_t i = 0; i < N; ++i) weights[i] = table[i].weight;
    return table[rng.weighted(weights)].code;
}

// ----------------------------------------------------------------------------------------------
// Dates: a day is the count of std::chrono::sys_days, kept as an int so that records stay small.

using Day = std::int32_t;
constexpr Day kNoDay = std::numeric_limits<Day>::min();

Day to_day(std::chrono::year_month_day ymd) {
    return static_cast<Day>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}
Day to_day(int y, unsigned m, unsigned d) {
    return to_day(std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d});
}
std::chrono::year_month_day civil(Day day) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
}
int year_of(Day day) { return static_cast<int>(civil(day).year()); }

// The n-th birthday; a 29 February birthday falls on 1 March in other years.
Day birthday(Day dob, int years) {
    const auto b = civil(dob);
    const auto same = (b.year() + std::chrono::years{years}) / b.month() / b.day();
    if (same.ok()) return to_day(same);
    return to_day((b.year() + std::chrono::years{years}) / std::chrono::March / 1);
}
// Whole years from dob to day.
int age_on(Day dob, Day day) {
    const auto b = civil(dob);
    const auto d = civil(day);
    int years = static_cast<int>(d.year()) - static_cast<int>(b.year());
    if (std::pair{unsigned(d.month()), unsigned(d.day())} < std::pair{unsigned(b.month()), unsigned(b.day())})
        --years;
    return years;
}
// Collection year Y runs 1 April Y-1 .. 31 March Y.
Day year_start(int year) { return to_day(year - 1, 4, 1); }
Day year_end(int year) { return to_day(year, 3, 31); }
int collection_year_of(Day day) { return unsigned(civil(day).month()) >= 4 ? year_of(day) + 1 : year_of(day); }

// Dates when DfE's code lists changed: K3 replaces H5 from 2024-25; Z11-Z14 replace Z1, and P2
// goes, from 2025-26 (ssda903.md 2.2.1).
const Day kK3Era = to_day(2024, 4, 1);
const Day kZ1xEra = to_day(2025, 4, 1);
const Day kP2Last = to_day(2022, 3, 31);
// SW_REASON is required for social worker episodes starting from this day.
const Day kReasonEra = to_day(2023, 4, 1);

// ----------------------------------------------------------------------------------------------
// Code tables with their weights (DfE national figures, shaded for a West Midlands city).

using Code = const char*;  // a code from an SSDA903 list (a string literal); nullptr = blank

constexpr std::array<Weighted, 20> kEthnicity{{
    {"WBRI", 58.0}, {"WIRI", 0.5}, {"WOTH", 4.0}, {"WIRT", 0.3}, {"WROM", 1.2}, {"MWBC", 5.5},
    {"MWBA", 1.5},  {"MWAS", 2.0}, {"MOTH", 3.0}, {"AIND", 4.5}, {"APKN", 4.0}, {"ABAN", 1.0},
    {"AOTH", 2.0},  {"BCRB", 1.5}, {"BAFR", 5.0}, {"BOTH", 1.5}, {"CHNE", 0.2}, {"OOTH", 3.0},
    {"REFU", 0.3},  {"NOBT", 0.5},
}};
constexpr std::array<Weighted, 5> kUascEthnicity{{
    {"BAFR", 30}, {"OOTH", 42}, {"AOTH", 18}, {"WOTH", 6}, {"BOTH", 4},
}};
constexpr std::array<Weighted, 7> kNeed{{
    {"N1", 62}, {"N3", 3}, {"N4", 8}, {"N5", 14}, {"N6", 3}, {"N7", 0.3}, {"N8", 7},
}};
// Why a placement with one carer ended (recorded on the episode whose placement ends).
constexpr std::array<Weighted, 10> kPlannedMove{{
    {"CARPL", 80}, {"LAREQ", 6}, {"CREQO", 4}, {"CLOSE", 2}, {"OTHER", 4}, {"CHILD", 2},
    {"CREQB", 1}, {"APPRR", 0.5}, {"ALLEG", 0.3}, {"STAND", 0.2},
}};
constexpr std::array<Weighted, 10> kUnsettledMove{{
    {"CREQB", 30}, {"CARPL", 22}, {"CHILD", 12}, {"LAREQ", 9}, {"CREQO", 8}, {"ALLEG", 5},
    {"STAND", 4}, {"CLOSE", 3}, {"OTHER", 5}, {"APPRR", 2},
}};
constexpr std::array<Weighted, 7> kParticipation{{
    {"PN1", 62}, {"PN2", 5}, {"PN3", 3}, {"PN4", 3}, {"PN5", 8}, {"PN6", 14}, {"PN7", 5},
}};
constexpr std::array<Weighted, 10> kWorkerChange{{
    {"LEFTRL", 30}, {"TSPROC", 20}, {"ORGRST", 12}, {"MANAGE", 12}, {"ABSENC", 6},
    {"FCONTA", 6}, {"CHCHAN", 5}, {"PCCHAN", 3}, {"OTHERS", 6}, {"SWDIED", 0.1},
}};
constexpr std::array<Weighted, 5> kPreviousPermanence{{
    {"Z1", 86}, {"P4", 4}, {"P2", 5}, {"P3", 3}, {"P1", 2},
}};
constexpr std::array<Weighted, 4> kAdoptionReversal{{
    {"RD1", 40}, {"RD2", 25}, {"RD3", 20}, {"RD4", 15},
}};
// Care leavers (OC3).
constexpr std::array<Weighted, 5> kInTouch{{
    {"YES", 86}, {"NO", 5}, {"REFU", 3}, {"NREQ", 3.5}, {"RHOM", 2.5},
}};
constexpr std::array<Weighted, 12> kActivity{{
    {"F1", 6}, {"P1", 1}, {"F2", 24}, {"P2", 3}, {"F4", 6}, {"P4", 1}, {"F5", 14}, {"P5", 5},
    {"G4", 8}, {"G5", 24}, {"G6", 6}, {"G5", 2},
}};
constexpr std::array<Weighted, 13> kAccommodation17{{
    {"B", 14}, {"C", 4}, {"D", 30}, {"E", 12}, {"U", 12}, {"K", 4}, {"V", 2}, {"W", 1},
    {"X", 2},  {"Y", 3}, {"S", 1}, {"R", 1}, {"G", 0.5},
}};
constexpr std::array<Weighted, 15> kAccommodation19{{
    {"U", 44}, {"B", 14}, {"Z", 8}, {"D", 7}, {"E", 5}, {"K", 5}, {"T", 3}, {"C", 2},
    {"V", 2},  {"W", 1},  {"X", 2}, {"Y", 3}, {"S", 2}, {"R", 1}, {"G", 0.5},
}};

// ----------------------------------------------------------------------------------------------
// Postcodes and the providers of placements.

// Outward codes by distance from Coventry.
constexpr std::array<std::string_view, 7> kCityDistricts{"CV1", "CV2", "CV3", "CV4", "CV5", "CV6", "CV7"};
constexpr std::array<std::string_view, 24> kNearbyDistricts{
    "CV8", "CV10", "CV11", "CV12", "CV21", "CV22", "CV31", "CV32", "CV34", "B23", "B36", "B37",
    "B44", "B69", "B90", "B91", "B92", "LE2", "LE4", "LE10", "WV1", "WV10", "NN1", "NN11"};
constexpr std::array<std::string_view, 20> kFarDistricts{
    "ST4", "DE22", "NG7", "LS9", "M14", "BS5", "PR1", "LA1", "TF1", "WR5",
    "SY3", "DY1", "WS1", "TS1", "NE6", "L4",  "S5",  "PL1", "EX4", "BN2"};
constexpr std::string_view kUnitLetters = "ABDEFGHJLNPQRSTUWXYZ";  // letters used in the inward code

enum class Area { City, Nearby, Far };

// A postcode packed in 32 bits: district, sector digit, two unit letters; 0 = blank.
using Postcode = std::uint32_t;

Postcode new_postcode(Rng& rng, Area area) {
    std::uint32_t district = 0;
    switch (area) {
        case Area::City: district = static_cast<std::uint32_t>(rng.below(kCityDistricts.size())); break;
        case Area::Nearby:
            district = kCityDistricts.size() + static_cast<std::uint32_t>(rng.below(kNearbyDistricts.size()));
            break;
        case Area::Far:
            district = kCityDistricts.size() + kNearbyDistricts.size() +
                       static_cast<std::uint32_t>(rng.below(kFarDistricts.size()));
            break;
    }
    const auto sector = static_cast<std::uint32_t>(rng.below(10));
    const auto unit = static_cast<std::uint32_t>(rng.below(400));
    return 1 + (district * 10 + sector) * 400 + unit;
}
Postcode new_postcode(Rng& rng, double city, double nearby) {
    const double x = rng.uniform();
    return new_postcode(rng, x < city ? Area::City : x < city + nearby ? Area::Nearby : Area::Far);
}

std::string_view district_name(std::uint32_t district) {
    if (district < kCityDistricts.size()) return kCityDistricts[district];
    district -= kCityDistricts.size();
    if (district < kNearbyDistricts.size()) return kNearbyDistricts[district];
    return kFarDistricts[district - kNearbyDistricts.size()];
}

// Ofsted unique reference number: 0 = blank, kUnknownUrn = "XXXXXXX", else a 7-digit number.
using Urn = std::uint32_t;
constexpr Urn kUnknownUrn = 1;

// A registered provider: a children's home, a fostering or adoption agency, a school.
struct Provider {
    Code code;  // PLACE_PROVIDER
    Postcode post;
    Urn urn;
};

// The council's world of providers, drawn once per seed; the pools grow with the council.
struct Providers {
    Urn council_fostering = 0;               // the council's own fostering service
    Urn council_adoption = 0;                // the regional adoption agency hosted by the council
    std::vector<Provider> homes;             // K2
    std::vector<Provider> secure_homes;      // K1
    std::vector<Provider> supported;         // H5, later K3
    std::vector<Provider> fostering_agencies;
    std::vector<Provider> adoption_agencies;  // other RAAs (PR2) and voluntary agencies (PR5)
    std::vector<Provider> schools;           // S1
    int social_workers = 0;

    Providers(std::uint64_t seed, int children) {
        Rng rng(seed ^ 0x50524F56ULL);
        Urn next = 1000000 + static_cast<Urn>(rng.below(500000));
        auto urn = [&] { return next += 1 + static_cast<Urn>(rng.below(40000)); };
        council_fostering = urn();
        council_adoption = urn();
        auto fill = [&](std::vector<Provider>& pool, int n, auto provider, double city, double nearby) {
            for (int i = 0; i < n; ++i) pool.push_back({provider(i), new_postcode(rng, city, nearby), urn()});
        };
        // Own homes are in the city; private homes are spread, many far away.
        fill(homes, std::max(24, children / 75),
             [&](int i) -> Code { return i % 6 == 0 ? "PR1" : i % 11 == 1 ? "PR5" : "PR4"; }, 0.25, 0.40);
        fill(secure_homes, 12, [](int i) -> Code { return i % 4 == 0 ? "PR4" : "PR2"; }, 0.0, 0.2);
        fill(supported, std::max(12, children / 150),
             [](int i) -> Code { return i % 8 == 0 ? "PR1" : i % 5 == 1 ? "PR5" : "PR4"; }, 0.55, 0.35);
        fill(fostering_agencies, 16 + children / 1500,
             [](int i) -> Code { return i % 7 == 3 ? "PR5" : "PR4"; }, 0.35, 0.5);
        fill(adoption_agencies, 14, [](int i) -> Code { return i < 8 ? "PR2" : "PR5"; }, 0.1, 0.5);
        fill(schools, 8 + children / 2000, [](int i) -> Code { return i % 3 == 0 ? "PR5" : "PR4"; }, 0.0, 0.3);
        social_workers = std::max(3, children / 40);
    }
};

// ----------------------------------------------------------------------------------------------
// A child's record: everything any table needs, over the child's whole life in care.

struct Episode {
    Day start = kNoDay;  // DECOM
    Day end = kNoDay;    // DEC: every simulated episode ends; a return writes it open when it ends later
    char rne = 'S';
    Code ls = nullptr, cin = nullptr, place = nullptr, provider = nullptr, rec = nullptr, reason = nullptr;
    Postcode home = 0, post = 0;
    Urn urn = 0;
};

struct Period {  // a period of care: episodes[first, first + count)
    int first = 0, count = 0;
    Code previous_permanence = "Z1";  // PREV_PERM, asked when the period starts
    Day permanence_date = kNoDay;
    bool short_break = false;
};

struct Review {
    Day day;
    Code participation;
};
struct MissingSpell {
    Day start, end;
    char kind;  // M missing, A away without authorisation
};
struct WorkerSpell {
    Day start, end;
    int worker;  // index in the council's pool; -1 = agency worker not known ("XX")
    Code reason;
};
// The decision that the child should be placed for adoption, and what came of it.
struct AdoptionPlan {
    Day decided = kNoDay, matched = kNoDay, ceased = kNoDay;
    Code ceased_reason = nullptr;
    int adopters = 0;
    Code adopters_sex = nullptr, adopters_status = nullptr;
};

struct Child {
    std::uint64_t draw = 0;  // order in which the child was simulated
    Day dob = kNoDay;
    char sex = 'M';  // M, F, or U (recorded only from 2024-25)
    Code ethnicity = nullptr;
    bool uasc = false;
    bool short_breaks = false;
    bool unknown_school = false;  // UPN UN2: never attended a maintained school in England
    Day own_child_born = kNoDay;  // MC_DOB for the rare young mother
    Day died = kNoDay;            // a care leaver who died after leaving care
    std::vector<Episode> episodes;
    std::vector<Period> periods;
    std::vector<Review> reviews;
    std::vector<MissingSpell> missing;
    std::vector<WorkerSpell> workers;
    AdoptionPlan adoption;

    Day first_day() const { return episodes.front().start; }
    Day last_day() const { return episodes.back().end; }
};

// ----------------------------------------------------------------------------------------------
// Simulation of a period of care. A period is planned as a draft (the legal status changes and
// the stays with carers, with same-carer changes and temporary placements inside a stay), then
// cut into episodes wherever something changes.

struct Carer {
    Code place = nullptr, provider = nullptr;
    Postcode post = 0;
    Urn urn = 0;
};
struct Step {  // same carer, new placement type (RNE T, or U with a legal change)
    Day day;
    Carer carer;
    Code reason;
};
struct Temporary {  // T0-T4 inside a stay; the child returns to the same carer
    Day start, end;
    Code place;
};
struct Stay {  // a placement with one carer
    Day start = kNoDay, end = kNoDay;
    Carer carer;
    std::vector<Step> steps;
    std::vector<Temporary> temporaries;
    Code ended_because = nullptr;  // REASON_PLACE_CHANGE when another stay follows
};
struct LegalChange {
    Day day;
    Code ls;
};
struct Draft {
    Day start = kNoDay, end = kNoDay;
    Code rec = nullptr, cin = nullptr;
    Postcode home = 0;
    std::vector<LegalChange> legal;
    std::vector<Stay> stays;

    Code legal_status_on(Day day) const {
        Code ls = legal.front().ls;
        for (const auto& c : legal)
            if (c.day <= day) ls = c.ls;
        return ls;
    }
    bool has_boundary_in(Day from, Day to) const {  // any change planned in [from, to]
        for (const auto& c : legal)
            if (c.day >= from && c.day <= to) return true;
        for (const auto& s : stays) {
            if (s.start >= from && s.start <= to) return true;
            for (const auto& st : s.steps)
                if (st.day >= from && st.day <= to) return true;
            for (const auto& t : s.temporaries)
                if (t.end >= from && t.start <= to) return true;
        }
        return false;
    }
};

// How a period of care is expected to end, chosen when it starts.
enum class Plan { ReturnHome, Adoption, Guardianship, ArrangementsOrder, LongTerm, Other };

// How settled the child's placements are.
enum class Stability { Settled, Moving, Unsettled };

// Kinds of placement, before the code of the year is chosen.
enum class Setting { Foster, Relatives, Home, Secure, Supported, School, Other };

class Simulator {
public:
    Simulator(const Providers& providers) : providers_(providers) {}

    // Simulates one child who first comes into care on `arrival`.
    Child child(Rng& rng, Day arrival) const;

private:
    const Providers& providers_;

    void regular_child(Child& c, Rng& rng, Day arrival) const;
    void asylum_seeker(Child& c, Rng& rng, Day arrival) const;
    void short_breaks(Child& c, Rng& rng, Day arrival) const;

    Draft plan_period(Child& c, Rng& rng, Day start, Plan plan) const;
    void plan_legal(Draft& d, Rng& rng, Plan plan, int age, Day& final_hearing) const;
    void fill_stays(Draft& d, Rng& rng, const Child& c, Day from, Day to, Plan plan, Stability stability) const;
    Carer new_carer(Rng& rng, Setting setting, Day day, int age) const;
    Setting choose_setting(Rng& rng, int age, Plan plan, int moves, Stability stability, bool uasc) const;
    void add_same_carer_steps(Stay& s, Rng& rng, Plan plan) const;
    void add_temporaries(Draft& d, Rng& rng) const;
    Code leaving_reason_at_18(Rng& rng, Code last_place) const;

    void emit(Child& c, Draft& d, Code previous_permanence, Day permanence_date, bool short_break) const;
    void add_reviews(Child& c, Rng& rng, Day start, Day end) const;
    void add_missing(Child& c, Rng& rng, const Draft& d) const;
    void add_workers(Child& c, Rng& rng, Day start, Day end, Day earliest) const;
};

bool is_foster(std::string_view p) { return p.size() == 2 && p[0] == 'U'; }
bool is_supported(std::string_view p) { return p == "H5" || p == "K3" || p == "P2"; }

Carer Simulator::new_carer(Rng& rng, Setting setting, Day day, int age) const {
    auto from = [&](const std::vector<Provider>& pool) {
        return pool[static_cast<std::size_t>(rng.below(static_cast<int>(pool.size())))];
    };
    Carer c;
    switch (setting) {
        case Setting::Foster: {
            c.place = "U6";
            if (rng.chance(0.62)) {  // the council's own foster carers, mostly in the city
                c.provider = "PR1";
                c.post = new_postcode(rng, 0.75, 0.22);
                c.urn = providers_.council_fostering;
            } else {  // an independent fostering agency's carers, often further away
                const Provider agency = from(providers_.fostering_agencies);
                c.provider = agency.code;
                c.post = new_postcode(rng, 0.35, 0.5);
                c.urn = agency.urn;
            }
            break;
        }
        case Setting::Relatives:
            c = {"U3", "PR1", new_postcode(rng, 0.7, 0.2), providers_.council_fostering};
            break;
        case Setting::Home: {
            const Provider home = from(providers_.homes);
            c = {"K2", home.code, home.post, home.urn};
            break;
        }
        case Setting::Secure: {
            const Provider home = from(providers_.secure_homes);
            c = {"K1", home.code, home.post, home.urn};
            break;
        }
        case Setting::Supported: {
            const Provider sa = from(providers_.supported);
            if (day <= kP2Last && rng.chance(0.15))  // independent living, retired from 2025-26
                c = {"P2", "PR1", new_postcode(rng, 0.8, 0.2), kUnknownUrn};
            else
                c = {day < kK3Era ? "H5" : "K3", sa.code, sa.post, sa.urn};
            break;
        }
        case Setting::School: {
            const Provider school = from(providers_.schools);
            c = {"S1", school.code, school.post, rng.chance(0.8) ? school.urn : kUnknownUrn};
            break;
        }
        case Setting::Other: {
            const double x = rng.uniform();
            if (age < 1 && x < 0.6) {  // with the mother in a mother and baby unit
                c = {"R3", "PR4", new_postcode(rng, 0.4, 0.4), kUnknownUrn};
            } else if (age >= 14 && x < 0.1) {
                c = {"P3", "PR4", new_postcode(rng, 0.5, 0.4), 0};  // residential employment
            } else if (age >= 12 && x < 0.25) {
                c = {"R5", "PR3", new_postcode(rng, 0.0, 0.3), 0};  // young offender institution
            } else if (x < 0.6) {  // other placements: Z1, split into Z11-Z14 from 2025-26
                if (day < kZ1xEra)
                    c = {"Z1", "PR4", new_postcode(rng, 0.3, 0.4), kUnknownUrn};
                else
                    c = {rng.chance(0.5) ? "Z12" : rng.chance(0.5) ? "Z11" : rng.chance(0.5) ? "Z13" : "Z14",
                         nullptr, new_postcode(rng, 0.3, 0.4), 0};
            } else if (x < 0.8) {
                c = {"R2", "PR3", new_postcode(rng, 0.6, 0.3), 0};  // NHS care
            } else {
                c = {"R1", "PR4", new_postcode(rng, 0.4, 0.3), 0};  // residential care home
            }
            break;
        }
    }
    if (c.urn != 0 && c.urn != kUnknownUrn && rng.chance(0.015)) c.urn = kUnknownUrn;
    return c;
}

Setting Simulator::choose_setting(Rng& rng, int age, Plan plan, int moves, Stability stability, bool uasc) const {
    if (uasc) {
        if (age >= 16) return rng.chance(0.72) ? Setting::Supported : rng.chance(0.8) ? Setting::Foster : Setting::Home;
        return rng.chance(0.88) ? Setting::Foster : Setting::Home;
    }
    const bool unsettled = stability == Stability::Unsettled;
    if (age < 8) {
        if (plan == Plan::Guardianship || plan == Plan::ArrangementsOrder)
            return rng.chance(0.55) ? Setting::Relatives : Setting::Foster;
        if (rng.chance(0.004)) return Setting::Other;
        return rng.chance(0.16) ? Setting::Relatives : Setting::Foster;
    }
    if (age < 11) {
        const double home = 0.02 + 0.03 * moves + (unsettled ? 0.06 : 0);
        if (rng.chance(home)) return Setting::Home;
        if (rng.chance(0.01)) return Setting::School;
        if (rng.chance(0.005)) return Setting::Other;
        return rng.chance(plan == Plan::Guardianship ? 0.5 : 0.14) ? Setting::Relatives : Setting::Foster;
    }
    if (age < 16) {
        const double home = std::min(0.7, 0.14 + 0.08 * moves + (unsettled ? 0.2 : 0));
        if (rng.chance(home)) return rng.chance(0.03) ? Setting::Secure : Setting::Home;
        if (rng.chance(0.02)) return Setting::School;
        if (rng.chance(0.008)) return Setting::Other;
        return rng.chance(0.12) ? Setting::Relatives : Setting::Foster;
    }
    // 16 and 17: supported accommodation becomes the usual move.
    if (rng.chance(0.5 + (unsettled ? 0.15 : 0))) return Setting::Supported;
    if (rng.chance(0.4)) return Setting::Home;
    if (rng.chance(0.02)) return Setting::Other;
    return rng.chance(0.12) ? Setting::Relatives : Setting::Foster;
}

// Long-term matching with the same carer: U6 -> U4, U3 -> U1 (RNE T).
void Simulator::add_same_carer_steps(Stay& s, Rng& rng, Plan plan) const {
    const bool long_plan = plan == Plan::LongTerm || plan == Plan::Other;
    const std::string_view place = s.carer.place;
    if ((place == "U6" || place == "U3") && long_plan && s.end - s.start > 400 && rng.chance(0.65)) {
        const Day day = s.start + rng.between(200, std::min(720, s.end - s.start - 30));
        Carer matched = s.carer;
        matched.place = place == "U6" ? "U4" : "U1";
        s.steps.push_back({day, matched, "PLACE"});
    }
    // Supported accommodation became K3 on the day the code arrived (same provider and home).
    if (place == "H5" && s.start < kK3Era && s.end > kK3Era) {
        Carer k3 = s.carer;
        k3.place = "K3";
        s.steps.push_back({kK3Era, k3, "PLACE"});
    }
}

// Fills [from, to) with ordinary stays; the last stay ends on `to`.
void Simulator::fill_stays(Draft& d, Rng& rng, const Child& c, Day from, Day to, Plan plan,
                           Stability stability) const {
    Day t = from;
    int moves = static_cast<int>(d.stays.size());
    // A third of children start in an emergency placement and move on within weeks.
    bool bridging = d.stays.empty() && rng.chance(0.3) && to - from > 60;
    while (true) {
        const int age = age_on(c.dob, t);
        Setting setting = choose_setting(rng, age, plan, moves, stability, c.uasc);
        if (bridging) setting = age >= 16 && !rng.chance(0.4) ? Setting::Supported
                                : age >= 12 && rng.chance(0.2) ? Setting::Home : Setting::Foster;
        Stay s;
        s.start = t;
        s.carer = new_carer(rng, setting, t, age);
        double mean = 0;
        if (bridging) mean = 25;
        else if (stability == Stability::Settled) mean = 100000;
        else if (stability == Stability::Moving) mean = setting == Setting::Foster ? 700 : 420;
        else mean = setting == Setting::Foster ? 260 : 150;
        if (setting == Setting::Secure) mean = std::min(mean, 120.0);
        Day end = t + 1 + static_cast<Day>(rng.exponential(mean));
        // At 16 some step down to supported accommodation.
        const Day sixteen = birthday(c.dob, 16);
        if (!bridging && age < 16 && end > sixteen && to > sixteen + 60 && rng.chance(0.22))
            end = sixteen + rng.between(0, 300);
        if (end >= to - 7) end = to;  // no moves in the last week of a period
        s.end = end;
        if (end < to) s.ended_because = draw(rng, bridging || stability != Stability::Unsettled ? kPlannedMove : kUnsettledMove);
        add_same_carer_steps(s, rng, plan);
        d.stays.push_back(s);
        ++moves;
        bridging = false;
        if (end >= to) break;
        t = end;
        if (age_on(c.dob, t) >= 16 && stability == Stability::Settled) stability = Stability::Moving;
    }
}

// Legal statuses from the start; returns the day of the final hearing (kNoDay if none) so the
// plan can end the period there.
void Simulator::plan_legal(Draft& d, Rng& rng, Plan plan, int age, Day& final_hearing) const {
    final_hearing = kNoDay;
    Day t = d.start;
    // Emergency protection first for a few; police protection lasts at most 72 hours.
    const double x = rng.uniform();
    if (x < 0.04) {
        d.legal.push_back({t, "L1"});
        t += rng.between(1, 3);
    } else if (x < 0.07 && age < 12) {
        d.legal.push_back({t, "L2"});
        t += rng.between(3, 21);
    }
    bool proceedings = false;
    switch (plan) {
        case Plan::Adoption:
        case Plan::Guardianship:
        case Plan::ArrangementsOrder: proceedings = !rng.chance(0.3); break;
        case Plan::LongTerm: proceedings = rng.chance(age < 12 ? 0.8 : 0.35); break;
        case Plan::ReturnHome: proceedings = rng.chance(age < 10 ? 0.45 : 0.15); break;
        case Plan::Other: proceedings = rng.chance(0.12); break;
    }
    if (!proceedings) {
        d.legal.push_back({t, "V2"});
        if (plan == Plan::ReturnHome || plan == Plan::Other) return;
        // Section 20 first, then proceedings are issued (not for most teenagers).
        if (plan == Plan::LongTerm && age >= 12 && rng.chance(0.85)) return;
        t += rng.between(30, 200);
        if (t >= d.end) return;
    }
    d.legal.push_back({t, "C1"});
    final_hearing = t + rng.between(150, 380);
}

Code Simulator::leaving_reason_at_18(Rng& rng, Code last_place) const {
    const std::string_view p = last_place;
    if (is_foster(p)) {
        constexpr std::array<Weighted, 5> t{{{"E17", 52}, {"E5", 18}, {"E6", 5}, {"E8", 10}, {"E13", 15}}};
        return draw(rng, t);
    }
    if (is_supported(p)) {
        constexpr std::array<Weighted, 4> t{{{"E5", 62}, {"E6", 16}, {"E8", 14}, {"E13", 8}}};
        return draw(rng, t);
    }
    constexpr std::array<Weighted, 5> t{{{"E5", 42}, {"E6", 10}, {"E8", 24}, {"E13", 19}, {"E7", 5}}};
    return draw(rng, t);
}

// Plans one period of care from `start`, ending by the 18th birthday.
Draft Simulator::plan_period(Child& c, Rng& rng, Day start, Plan plan) const {
    Draft d;
    d.start = start;
    d.cin = c.uasc ? "N8" : draw(rng, kNeed);
    d.home = c.uasc ? 0 : new_postcode(rng, 0.9, 0.07);
    const int age = age_on(c.dob, start);
    const Day eighteen = birthday(c.dob, 18);
    const double r = rng.uniform();
    Stability stability = age < 5    ? (r < 0.66 ? Stability::Settled : r < 0.95 ? Stability::Moving : Stability::Unsettled)
                          : age < 11 ? (r < 0.55 ? Stability::Settled : r < 0.9 ? Stability::Moving : Stability::Unsettled)
                                     : (r < 0.42 ? Stability::Settled : r < 0.78 ? Stability::Moving : Stability::Unsettled);

    // Provisional end; the legal timetable and the plan refine it.
    d.end = eighteen;
    Day final_hearing = kNoDay;
    plan_legal(d, rng, plan, age, final_hearing);
    if (plan == Plan::ReturnHome && final_hearing == kNoDay) {
        const double x = rng.uniform();
        d.end = start + (x < 0.4 ? rng.between(1, 56) : x < 0.82 ? rng.between(57, 365) : rng.between(366, 1300));
    } else if (plan == Plan::Other) {
        d.end = start + rng.between(20, 900);
    }
    d.end = std::min(d.end, eighteen);

    // What happens at the final hearing.
    Day adoption_placed = kNoDay;
    bool with_current_carers = false;
    Day placed_with_parents = kNoDay;
    if (final_hearing != kNoDay && final_hearing < d.end - 30) {
        switch (plan) {
            case Plan::Guardianship:
            case Plan::ArrangementsOrder: d.end = final_hearing; break;
            case Plan::ReturnHome:
                if (rng.chance(0.3)) {
                    d.end = final_hearing;  // supervision order: home at the hearing
                } else {  // care order, placed with parents until it is discharged
                    d.legal.push_back({final_hearing, "C2"});
                    d.end = std::min(eighteen, final_hearing + rng.between(150, 1100));
                    placed_with_parents = final_hearing + rng.between(-120, 30);
                }
                break;
            case Plan::LongTerm:
            case Plan::Other: d.legal.push_back({final_hearing, "C2"}); break;
            case Plan::Adoption: {
                // The agency decision precedes the placement order; a tenth of plans are reversed.
                c.adoption.decided = final_hearing - rng.between(20, 120);
                if (c.adoption.decided <= start) c.adoption.decided = start + 1;
                if (rng.chance(0.1)) {
                    c.adoption.ceased = final_hearing - rng.between(1, 15);
                    if (c.adoption.ceased < c.adoption.decided) c.adoption.ceased = c.adoption.decided;
                    c.adoption.ceased_reason = draw(rng, kAdoptionReversal);
                    d.legal.push_back({final_hearing, "C2"});
                    plan = rng.chance(0.5) ? Plan::Guardianship : Plan::LongTerm;
                    if (plan == Plan::Guardianship) d.end = final_hearing + rng.between(150, 500);
                    break;
                }
                d.legal.push_back({final_hearing, "E1"});
                with_current_carers = rng.chance(0.25);
                if (with_current_carers && rng.chance(0.4)) {
                    // Matched with the carers already caring for the child, placed on the day
                    // of the placement order (RNE U).
                    c.adoption.matched = final_hearing - rng.between(0, 10);
                    adoption_placed = final_hearing;
                } else {
                    c.adoption.matched = final_hearing + rng.between(40, 260);
                    adoption_placed = c.adoption.matched + rng.between(7, 35);
                }
                d.end = adoption_placed + rng.between(150, 420);
                break;
            }
        }
    } else if (plan == Plan::Adoption || plan == Plan::Guardianship || plan == Plan::ArrangementsOrder) {
        // No order was needed (or the proceedings outran the plan): back home instead.
        plan = Plan::ReturnHome;
        d.end = std::min(eighteen, start + rng.between(90, 700));
    }
    if (plan == Plan::LongTerm && age < 10 && rng.chance(0.4)) {  // later, their carers take an SGO
        d.end = std::min(d.end, start + rng.between(700, 2500));
        plan = Plan::Guardianship;
    }
    if (plan == Plan::Guardianship || plan == Plan::ArrangementsOrder) d.end = std::min(d.end, eighteen - 1);
    if (d.end > eighteen) d.end = eighteen;
    // Some periods end exactly on 31 March.
    if (rng.chance(0.03) && plan != Plan::LongTerm) {
        const Day march = year_end(collection_year_of(d.end));
        if (march > start && march < eighteen) d.end = march;
    }
    // Long-term children mostly leave on their 18th birthday; some leave at 16 or 17.
    if (plan == Plan::LongTerm && age < 17 && rng.chance(0.14)) {
        const Day sixteen = birthday(c.dob, 16);
        const Day early = std::max(sixteen, start + 30) + rng.between(0, 500);
        if (early < eighteen) d.end = early;
    }
    // Drop legal changes that fall on or after the end.
    std::erase_if(d.legal, [&](const LegalChange& l) { return l.day >= d.end && l.day != start; });
    for (std::size_t i = 1; i < d.legal.size(); ++i)
        if (d.legal[i].day <= d.legal[i - 1].day) d.legal[i].day = d.legal[i - 1].day + 1;
    std::erase_if(d.legal, [&](const LegalChange& l) { return l.day >= d.end && l.day != start; });

    // Placements.
    if (d.end == start) {  // accommodated and home again the same day
        Stay s;
        s.start = s.end = start;
        s.carer = new_carer(rng, Setting::Foster, start, age);
        d.stays.push_back(s);
    } else if (plan == Plan::Adoption && adoption_placed != kNoDay) {
        const bool fostering_to_adopt = with_current_carers && age < 1 && rng.chance(0.6);
        if (fostering_to_adopt) {  // with carers approved as adopters (U5) from the start
            Stay s;
            s.start = start;
            s.end = d.end;
            s.carer = new_carer(rng, Setting::Foster, start, age);
            s.carer.place = "U5";
            d.stays.push_back(s);
            with_current_carers = true;
        } else {
            fill_stays(d, rng, c, start, adoption_placed, plan, stability);
            // Only foster carers can go on to adopt the child they care for (rule 336).
            with_current_carers = with_current_carers && is_foster(d.stays.back().carer.place);
        }
        const Code ls = d.legal_status_on(adoption_placed);
        const bool order = std::string_view(ls) == "E1";
        if (with_current_carers) {  // placed for adoption with the current foster carers (RNE T)
            Stay& last = d.stays.back();
            last.end = d.end;
            last.steps.clear();
            const Provider agency = rng.chance(0.55) ? Provider{"PR1", 0, providers_.council_adoption}
                                                     : providers_.adoption_agencies[static_cast<std::size_t>(rng.below(14))];
            last.steps.push_back({adoption_placed, {order ? "A5" : "A3", agency.code, last.carer.post, agency.urn}, "CARPL"});
        } else {
            d.stays.back().ended_because = "CARPL";
            const Provider agency = rng.chance(0.5) ? Provider{"PR1", 0, providers_.council_adoption}
                                                    : providers_.adoption_agencies[static_cast<std::size_t>(rng.below(14))];
            Stay s;
            s.start = adoption_placed;
            s.end = d.end;
            s.carer = {order ? "A6" : "A4", agency.code, new_postcode(rng, 0.2, 0.5), agency.urn};
            d.stays.push_back(s);
        }
        d.rec = rng.chance(0.72) ? "E11" : "E12";
        c.adoption.adopters = rng.chance(0.82) ? 2 : 1;
        if (c.adoption.adopters == 2) {
            const double x = rng.uniform();
            c.adoption.adopters_sex = x < 0.86 ? "MF" : x < 0.93 ? "MM" : "FF";
            if (std::string_view(c.adoption.adopters_sex) == "MF")
                c.adoption.adopters_status = rng.chance(0.78) ? "L11" : rng.chance(0.8) ? "L3" : "L2";
            else
                c.adoption.adopters_status = rng.chance(0.5) ? "L12" : rng.chance(0.6) ? "L2" : "L4";
        } else {
            c.adoption.adopters_sex = rng.chance(0.88) ? "F1" : "M1";
            c.adoption.adopters_status = "L0";
        }
    } else {
        // Children going home under a care order live with their parents first (P1).
        Day home_from = kNoDay;
        if (placed_with_parents != kNoDay && placed_with_parents > start + 30 && placed_with_parents < d.end - 30) {
            const std::string_view ls = d.legal_status_on(placed_with_parents);
            if (ls == "C1" || ls == "C2") home_from = placed_with_parents;
        }
        fill_stays(d, rng, c, start, home_from == kNoDay ? d.end : home_from, plan, stability);
        if (home_from != kNoDay) {
            d.stays.back().ended_because = "CARPL";
            Stay s;
            s.start = home_from;
            s.end = d.end;
            s.carer = {"P1", "PR0", d.home, 0};
            d.stays.push_back(s);
        }
    }

    // Court decisions often come with a move to the carers the plan needs (RNE B).
    if (plan != Plan::Adoption) {
        for (std::size_t i = 1; i < d.legal.size(); ++i) {
            const std::string_view before = d.legal[i - 1].ls;
            if ((before != "C1" && before != "V2") || !rng.chance(0.3)) continue;
            const Day lower = d.legal[i - 1].day, upper = i + 1 < d.legal.size() ? d.legal[i + 1].day : d.end;
            for (std::size_t k = 1; k < d.stays.size(); ++k) {
                const Day move = d.stays[k].start;
                if (std::abs(move - d.legal[i].day) <= 45 && move > lower && move < upper) {
                    d.legal[i].day = move;
                    break;
                }
            }
        }
    }

    // How the period ends.
    if (d.rec == nullptr) {
        const Code last_place = d.stays.back().carer.place;
        switch (plan) {
            case Plan::ReturnHome: d.rec = rng.chance(0.84) ? "E4A" : "E4B"; break;
            case Plan::Guardianship: {
                const std::string_view p = last_place;
                if (p == "U1" || p == "U3") d.rec = "E45";
                else if (is_foster(p) && rng.chance(0.3)) d.rec = "E46";
                else d.rec = rng.chance(0.6) ? "E47" : "E48";
                break;
            }
            case Plan::ArrangementsOrder: d.rec = "E41"; break;
            case Plan::LongTerm:
                d.rec = d.end == eighteen ? leaving_reason_at_18(rng, last_place)
                        : age_on(c.dob, d.end) >= 16 && rng.chance(0.5) ? (rng.chance(0.7) ? "E5" : "E6")
                                                                       : (rng.chance(0.6) ? "E13" : "E8");
                break;
            case Plan::Other: {
                constexpr std::array<Weighted, 6> t{{{"E13", 50}, {"E8", 24}, {"E3", 16}, {"E4B", 8}, {"E9", 1.5}, {"E2", 0.3}}};
                d.rec = draw(rng, t);
                if (std::string_view(d.rec) == "E9" && age_on(c.dob, d.end) < 12) d.rec = "E8";
                if (age_on(c.dob, d.end) >= 17 && rng.chance(0.04)) d.rec = "E7";
                break;
            }
            case Plan::Adoption: d.rec = "E4A"; break;
        }
        if (d.end == eighteen && plan != Plan::LongTerm) d.rec = leaving_reason_at_18(rng, last_place);
        if (age_on(c.dob, d.end) < 14 && (std::string_view(d.rec) == "E5" || std::string_view(d.rec) == "E6"))
            d.rec = "E13";
    }
    add_temporaries(d, rng);
    return d;
}

// Occasional temporary placements inside a stay: hospital, holidays, respite for the carers.
// None in a placement for adoption (the return needs RNE P, which A3/A5 may not have, rule 217)
// nor in Z1 (a Z1 episode open into 2025-26 is written as Z12, and would no longer match the
// placement before the temporary one).
void Simulator::add_temporaries(Draft& d, Rng& rng) const {
    for (std::size_t i = 0; i < d.stays.size(); ++i) {
        Stay& s = d.stays[i];
        const Day length = s.end - s.start;
        const bool adoption = std::any_of(s.steps.begin(), s.steps.end(), [](const Step& st) { return st.carer.place[0] == 'A'; });
        const std::string_view usual = s.carer.place;
        if (length < 120 || adoption || usual == "P1" || usual == "Z1") continue;
        const double expected = length / 365.0 * 0.08;
        if (!rng.chance(std::min(0.6, expected))) continue;
        Code place = nullptr;
        int days = 0;
        const double x = rng.uniform();
        if (x < 0.45 && is_foster(s.carer.place)) {
            place = "T3";
            days = rng.between(3, 21);
        } else if (x < 0.65) {
            place = "T1";
            days = rng.between(2, 42);
        } else if (x < 0.85) {
            place = "T4";
            days = rng.between(1, 7);
        } else if (x < 0.95) {
            place = "T2";
            days = rng.between(4, 14);
        } else {
            place = "T0";
            days = rng.between(1, 10);
        }
        const Day from = s.start + 14 + rng.below(std::max(1, length - days - 28));
        const Day to = from + days;
        if (to >= s.end - 7) continue;
        if (d.has_boundary_in(from - 1, to + 1)) continue;
        s.temporaries.push_back({from, to, place});
    }
}

// Cuts a draft into episodes: a new episode wherever legal status or placement changes.
void Simulator::emit(Child& c, Draft& d, Code previous_permanence, Day permanence_date, bool short_break) const {
    enum Kind { NewCarer, SameCarer, Leave, Return, Legal };
    struct Event {
        Day day;
        Kind kind;
        std::size_t stay, item;
    };
    std::vector<Event> events;
    for (std::size_t i = 0; i < d.stays.size(); ++i) {
        const Stay& s = d.stays[i];
        if (i > 0) events.push_back({s.start, NewCarer, i, 0});
        for (std::size_t k = 0; k < s.steps.size(); ++k) events.push_back({s.steps[k].day, SameCarer, i, k});
        for (std::size_t k = 0; k < s.temporaries.size(); ++k) {
            events.push_back({s.temporaries[k].start, Leave, i, k});
            events.push_back({s.temporaries[k].end, Return, i, k});
        }
    }
    for (std::size_t i = 1; i < d.legal.size(); ++i) events.push_back({d.legal[i].day, Legal, 0, i});
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.day < b.day; });

    Period period;
    period.first = static_cast<int>(c.episodes.size());
    period.previous_permanence = previous_permanence;
    period.permanence_date = permanence_date;
    period.short_break = short_break;

    Episode e;
    e.start = d.start;
    e.rne = 'S';
    e.ls = d.legal.front().ls;
    e.cin = d.cin;
    e.home = d.home;
    Carer carer = d.stays.front().carer;  // the carer the child lives with outside temporary stays
    auto place_from = [&](Episode& ep, const Carer& cr) {
        ep.place = cr.place;
        ep.provider = cr.provider;
        ep.post = cr.post;
        ep.urn = cr.urn;
    };
    place_from(e, carer);
    for (std::size_t i = 0; i < events.size();) {
        const Day day = events[i].day;
        bool legal = false, new_carer = false, same_carer = false, temporary = false;
        Code reason = nullptr;
        Episode next = e;
        for (; i < events.size() && events[i].day == day; ++i) {
            const Event& ev = events[i];
            const Stay& s = d.stays[ev.stay];
            switch (ev.kind) {
                case NewCarer:
                    new_carer = true;
                    carer = s.carer;
                    place_from(next, carer);
                    reason = d.stays[ev.stay - 1].ended_because;
                    break;
                case SameCarer:
                    same_carer = true;
                    carer = s.steps[ev.item].carer;
                    place_from(next, carer);
                    reason = s.steps[ev.item].reason;
                    break;
                case Leave:
                    temporary = true;
                    next.place = s.temporaries[ev.item].place;
                    next.provider = nullptr;
                    next.post = 0;
                    next.urn = 0;
                    break;
                case Return:
                    temporary = true;
                    place_from(next, carer);
                    break;
                case Legal:
                    legal = true;
                    next.ls = d.legal[ev.item].ls;
                    break;
            }
        }
        next.rne = temporary ? 'P' : new_carer ? (legal ? 'B' : 'P') : same_carer ? (legal ? 'U' : 'T') : 'L';
        next.start = day;
        e.end = day;
        e.rec = "X1";
        e.reason = temporary ? nullptr : reason;
        c.episodes.push_back(e);
        e = next;
        e.reason = nullptr;
    }
    e.end = d.end;
    e.rec = d.rec;
    c.episodes.push_back(e);
    period.count = static_cast<int>(c.episodes.size()) - period.first;
    c.periods.push_back(period);
}

// Reviews: within 20 working days, three months later, then every six months.
void Simulator::add_reviews(Child& c, Rng& rng, Day start, Day end) const {
    Day day = start + rng.between(18, 28) + (rng.chance(0.04) ? rng.between(5, 30) : 0);
    int gap_lo = 80, gap_hi = 92;
    while (day < end) {
        const Code code = age_on(c.dob, day) < 4 ? "PN0" : draw(rng, kParticipation);
        c.reviews.push_back({day, code});
        day += rng.between(gap_lo, gap_hi) + (rng.chance(0.05) ? rng.between(5, 40) : 0);
        gap_lo = 165;
        gap_hi = 183;
    }
}

// Some teenagers go missing or away without authorisation, several times; each incident ends
// before the placement it started from.
void Simulator::add_missing(Child& c, Rng& rng, const Draft& d) const {
    const Day twelve = birthday(c.dob, 12);
    if (d.end <= twelve) return;
    if (!rng.chance(c.uasc ? 0.12 : 0.22)) return;
    const double per_year = rng.between(2, 14);
    for (const Stay& s : d.stays) {
        Day t = std::max(s.start, twelve);
        while (true) {
            t += 1 + static_cast<Day>(rng.exponential(365.0 / per_year));
            const double x = rng.uniform();
            const int days = x < 0.45 ? 0 : x < 0.82 ? rng.between(1, 2) : x < 0.96 ? rng.between(3, 7) : rng.between(8, 30);
            if (t + days >= s.end) break;
            bool in_temporary = false;
            for (const auto& tp : s.temporaries) in_temporary |= t + days >= tp.start && t <= tp.end;
            if (!in_temporary) c.missing.push_back({t, t + days, rng.chance(0.58) ? 'M' : 'A'});
            t += days;
        }
    }
}

// Social workers: a chain of episodes from before care (most children were known to children's
// services) to the day the period ends.
void Simulator::add_workers(Child& c, Rng& rng, Day start, Day end, Day earliest) const {
    Day t = start - (rng.chance(0.6) ? rng.between(1, 150) : 0);
    t = std::max(t, earliest);
    if (end <= t) t = end - 1;
    int worker = rng.below(providers_.social_workers);
    // The first worker of a chain took the case over from another team.
    Code reason = t < kReasonEra ? nullptr : rng.chance(0.7) ? "TSPROC" : "OTHERS";
    while (true) {
        const Day next = t + 14 + static_cast<Day>(rng.exponential(300));
        const Day until = std::min(next, end);
        c.workers.push_back({t, until, rng.chance(0.04) ? -1 : worker, reason});
        if (until >= end) break;
        t = until;
        int other = rng.below(providers_.social_workers);
        if (other == worker) other = (other + 1) % providers_.social_workers;
        worker = other;
        reason = draw(rng, kWorkerChange);
    }
}

Child Simulator::child(Rng& rng, Day arrival) const {
    Child c;
    const double kind = rng.uniform();
    if (kind < 0.025) short_breaks(c, rng, arrival);
    else if (kind < 0.12) asylum_seeker(c, rng, arrival);
    else regular_child(c, rng, arrival);
    return c;
}

// A child's date of birth from the age at which they come into care.
Day dob_for(Rng& rng, Day arrival, double years) {
    return arrival - static_cast<Day>(years * 365.25) - rng.below(2);
}

void Simulator::regular_child(Child& c, Rng& rng, Day arrival) const {
    c.sex = rng.chance(0.53) ? 'M' : 'F';
    if (arrival >= kK3Era && rng.chance(0.003)) c.sex = 'U';
    c.ethnicity = draw(rng, kEthnicity);
    // Age on coming into care (DfE starters: a fifth are babies, a third 10-15).
    constexpr std::array<double, 5> bands{21, 14, 12, 30, 23};
    double years = 0;
    switch (rng.weighted(bands)) {
        case 0: years = rng.chance(0.45) ? rng.uniform() * 0.08 : rng.uniform(); break;  // many at birth
        case 1: years = 1 + rng.uniform() * 4; break;
        case 2: years = 5 + rng.uniform() * 5; break;
        case 3: years = 10 + rng.uniform() * 6; break;
        default: years = 16 + rng.uniform() * 1.9; break;
    }
    c.dob = dob_for(rng, arrival, years);
    if (c.dob > arrival) c.dob = arrival;

    Day start = arrival;
    Day earliest_worker = kNoDay;
    Code previous_permanence = draw(rng, kPreviousPermanence);
    Day permanence_date = kNoDay;
    if (std::string_view(previous_permanence) != "Z1" && std::string_view(previous_permanence) != "P4" && rng.chance(0.7))
        permanence_date = std::max(c.dob + 30, start - rng.between(200, 3000));
    if (permanence_date != kNoDay && permanence_date >= start) permanence_date = kNoDay;
    for (bool first = true;; first = false) {
        const int age = age_on(c.dob, start);
        Plan plan;
        if (age < 1) {
            constexpr std::array<double, 5> w{37, 31, 18, 4, 10};
            plan = std::array{Plan::Adoption, Plan::ReturnHome, Plan::Guardianship, Plan::ArrangementsOrder, Plan::LongTerm}[rng.weighted(w)];
        } else if (age < 5) {
            constexpr std::array<double, 5> w{16, 42, 22, 6, 14};
            plan = std::array{Plan::Adoption, Plan::ReturnHome, Plan::Guardianship, Plan::ArrangementsOrder, Plan::LongTerm}[rng.weighted(w)];
        } else if (age < 10) {
            constexpr std::array<double, 4> w{53, 15, 7, 25};
            plan = std::array{Plan::ReturnHome, Plan::Guardianship, Plan::ArrangementsOrder, Plan::LongTerm}[rng.weighted(w)];
        } else if (age < 16) {
            constexpr std::array<double, 3> w{52, 25, 23};
            plan = std::array{Plan::ReturnHome, Plan::LongTerm, Plan::Other}[rng.weighted(w)];
        } else {
            constexpr std::array<double, 3> w{30, 52, 18};
            plan = std::array{Plan::ReturnHome, Plan::LongTerm, Plan::Other}[rng.weighted(w)];
        }
        if (!first && plan == Plan::Adoption) plan = Plan::LongTerm;  // one adoption plan per child
        Draft d = plan_period(c, rng, start, plan);
        if (plan == Plan::ReturnHome && rng.chance(0.01)) {  // accommodated and home the same day
            d.end = start;
            d.rec = rng.chance(0.7) ? "E4A" : "E13";
            d.legal.resize(1);
            d.stays.resize(1);
            d.stays[0].end = start;
            d.stays[0].steps.clear();
            d.stays[0].temporaries.clear();
            d.stays[0].ended_because = nullptr;
        }
        emit(c, d, previous_permanence, permanence_date, false);
        add_reviews(c, rng, d.start, d.end);
        add_missing(c, rng, d);
        add_workers(c, rng, d.start, d.end, earliest_worker);
        earliest_worker = d.end + 1;
        // A young mother: her baby is born while she is in care.
        if (c.sex == 'F' && c.own_child_born == kNoDay && rng.chance(0.06)) {
            const Day from = std::max(d.start, birthday(c.dob, 15));
            if (d.end - from > 60) c.own_child_born = from + rng.below(d.end - from);
        }
        // Leaving care as a young adult: a few care leavers die before 21.
        if (d.end >= birthday(c.dob, 16) && rng.chance(0.004))
            c.died = d.end + rng.between(30, 1500);
        // Coming back into care after going home.
        const std::string_view rec = d.rec;
        const bool can_return = rec == "E4A" || rec == "E4B" || rec == "E13" || rec == "E8" || rec == "E41" ||
                                rec == "E47" || rec == "E48";
        if (!can_return || !rng.chance(0.2)) break;
        start = d.end + rng.between(30, 900);
        if (start >= birthday(c.dob, 17)) break;
        if (rec == "E41" || rec == "E47" || rec == "E48") {
            previous_permanence = rec == "E41" ? "P3" : "P2";
            permanence_date = d.end;
        } else {
            previous_permanence = "Z1";
            permanence_date = kNoDay;
        }
    }
}

// Unaccompanied asylum-seeking children: mostly boys of 15-17, looked after until 18.
void Simulator::asylum_seeker(Child& c, Rng& rng, Day arrival) const {
    c.uasc = true;
    c.unknown_school = rng.chance(0.55);
    c.sex = rng.chance(0.92) ? 'M' : 'F';
    c.ethnicity = draw(rng, kUascEthnicity);
    const double years = rng.chance(0.85) ? 15 + rng.uniform() * 2.9 : 12 + rng.uniform() * 3;
    c.dob = dob_for(rng, arrival, years);
    Draft d;
    d.start = arrival;
    d.cin = "N8";
    d.legal.push_back({arrival, "V2"});
    const Day eighteen = birthday(c.dob, 18);
    const double x = rng.uniform();
    d.end = eighteen;
    Code rec = nullptr;
    if (x < 0.1) {  // transferred to another council under the national transfer scheme
        d.end = arrival + rng.between(14, 70);
        rec = "E3";
    } else if (x < 0.13) {  // age assessment found them to be adults
        d.end = arrival + rng.between(20, 200);
        rec = "E15";
    } else if (x < 0.18) {
        d.end = arrival + rng.between(60, 700);
        rec = "E8";
    }
    d.end = std::min(d.end, eighteen);
    fill_stays(d, rng, c, d.start, d.end, Plan::LongTerm, rng.chance(0.6) ? Stability::Settled : Stability::Moving);
    d.rec = rec != nullptr ? rec : leaving_reason_at_18(rng, d.stays.back().carer.place);
    add_temporaries(d, rng);
    emit(c, d, "Z1", kNoDay, false);
    add_reviews(c, rng, d.start, d.end);
    add_missing(c, rng, d);
    add_workers(c, rng, d.start, d.end, kNoDay);
}

// A disabled child on an agreed series of short breaks (V3): each break is its own period.
void Simulator::short_breaks(Child& c, Rng& rng, Day arrival) const {
    c.short_breaks = true;
    c.sex = rng.chance(0.64) ? 'M' : 'F';
    c.ethnicity = draw(rng, kEthnicity);
    c.dob = dob_for(rng, arrival, 5 + rng.uniform() * 11);
    const Day until = std::min(arrival + rng.between(365, 5 * 365), birthday(c.dob, 18) - 20);
    const bool unit = rng.chance(0.6);  // the council's short-break unit, or a family-link carer
    const Code place = unit ? "K2" : "U6";
    const Code rec = rng.chance(0.7) ? "E13" : "E4A";
    for (Day t = arrival; t < until; t += rng.between(10, 35)) {
        Draft d;
        d.start = t;
        d.end = t + rng.between(1, 4);
        d.rec = rec;
        d.cin = "N2";
        d.legal.push_back({t, "V3"});
        Stay s;
        s.start = t;
        s.end = d.end;
        s.carer = {place, "PR1", 0, 0};  // no postcodes or URN for short breaks (rule 214)
        d.stays.push_back(s);
        emit(c, d, "Z1", kNoDay, true);
        t = d.end;
    }
    if (c.episodes.empty()) {  // an agreement too short for a break still had one
        Draft d;
        d.start = arrival;
        d.end = arrival + 2;
        d.rec = rec;
        d.cin = "N2";
        d.legal.push_back({arrival, "V3"});
        Stay s;
        s.start = arrival;
        s.end = d.end;
        s.carer = {place, "PR1", 0, 0};
        d.stays.push_back(s);
        emit(c, d, "Z1", kNoDay, true);
    }
    add_workers(c, rng, c.first_day(), c.last_day(), kNoDay);
}

// ----------------------------------------------------------------------------------------------
// Writing the returns.

// dd/mm/yyyy, by hand: this runs for every date of every row.
void format_date(Day day, char* text) {
    const auto ymd = civil(day);
    const unsigned d = unsigned(ymd.day()), m = unsigned(ymd.month());
    const int y = int(ymd.year());
    const char out[10] = {char('0' + d / 10),   char('0' + d % 10),         '/', char('0' + m / 10), char('0' + m % 10),
                          '/',                   char('0' + y / 1000),       char('0' + y / 100 % 10),
                          char('0' + y / 10 % 10), char('0' + y % 10)};
    std::copy(out, out + 10, text);
}

// One CSV file of a return, written through a large buffer.
class CsvFile {
public:
    CsvFile(const std::filesystem::path& path, std::string_view header) : path_(path), out_(path, std::ios::binary) {
        if (!out_) throw std::runtime_error("cannot write " + path.string());
        buffer_.reserve(kFlushAt + 4096);
        buffer_.append(header);
        buffer_ += '\n';
    }

    void field(std::string_view value) {
        if (!row_start_) buffer_ += ',';
        row_start_ = false;
        buffer_.append(value);
    }
    void code(Code value) { field(value == nullptr ? std::string_view{} : std::string_view{value}); }
    void date(Day day) {
        if (day == kNoDay) return field({});
        char text[10];
        format_date(day, text);
        field({text, 10});
    }
    void number(long value) {
        char text[24];
        char* end = text + sizeof text;
        char* p = end;
        do {
            *--p = char('0' + value % 10);
            value /= 10;
        } while (value > 0);
        field({p, static_cast<std::size_t>(end - p)});
    }
    void end_row() {
        buffer_ += '\n';
        row_start_ = true;
        ++rows_;
        if (buffer_.size() >= kFlushAt) flush();
    }
    // Returns the data rows written; throws when the file could not be written.
    long long close() {
        flush();
        out_.close();
        if (!out_) throw std::runtime_error("cannot write " + path_.string());
        return rows_;
    }
    long long bytes() const { return bytes_; }

private:
    static constexpr std::size_t kFlushAt = 1 << 20;
    void flush() {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        bytes_ += static_cast<long long>(buffer_.size());
        buffer_.clear();
    }
    std::filesystem::path path_;
    std::ofstream out_;
    std::string buffer_;
    bool row_start_ = true;
    long long rows_ = 0, bytes_ = 0;
};

std::string postcode_text(Postcode p) {
    const std::uint32_t v = p - 1;
    const std::uint32_t unit = v % 400, sector = v / 400 % 10, district = v / 4000;
    std::string text(district_name(district));
    text += ' ';
    text += char('0' + sector);
    text += kUnitLetters[unit / 20];
    text += kUnitLetters[unit % 20];
    return text;
}

// The identifiers of a child written in the returns.
struct Identity {
    std::string child;  // CHILD: 7 digits, a permutation of the child's number
    std::string upn;    // a real UPN for when the child has one
};

// UPN: check letter, LA code (Coventry 331), school, year of entry, serial (DfE's check letter
// algorithm: weighted digit sum modulo 23).
std::string make_upn(int number, Day dob) {
    std::string upn = "?331";
    auto append = [&](int value, int width) {
        for (int p = width - 1; p >= 0; --p) upn += char('0' + value / static_cast<int>(std::pow(10, p)) % 10);
    };
    append(1000 + number / 1000, 4);  // school
    append((year_of(dob) + 5) % 100, 2);  // year the child started school
    append(number % 1000, 3);  // serial
    int sum = 0;
    for (int i = 1; i <= 12; ++i) sum += (upn[static_cast<std::size_t>(i)] - '0') * (i + 1);
    constexpr std::string_view letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
    upn[0] = letters[static_cast<std::size_t>(sum % 23)];
    return upn;
}

// The window of one collection year.
struct Window {
    int year;
    Day start, end;
    explicit Window(int y) : year(y), start(year_start(y)), end(year_end(y)) {}
    bool overlaps(Day from, Day to) const { return from <= end && to >= start; }
};

// Episodes of the child open at some time in the window: [first, last).
std::pair<std::size_t, std::size_t> episodes_in(const Child& c, const Window& w) {
    std::size_t first = 0;
    while (first < c.episodes.size() && c.episodes[first].end < w.start) ++first;
    std::size_t last = first;
    while (last < c.episodes.size() && c.episodes[last].start <= w.end) ++last;
    return {first, last};
}

// OC3: a care leaver whose 17th-21st birthday falls in the window, who was looked after at least
// 13 weeks after their 14th birthday including some time after 16, and who is no longer looked
// after on that birthday. Returns the birthday's age, or 0 when the child has no OC3 row.
int care_leaver_age(const Child& c, const Window& w) {
    if (c.short_breaks) return 0;
    const Day last = c.last_day();
    const std::string_view rec = c.episodes.back().rec;
    // Adopted, died, under an order to new carers, or found to be adults: not care leavers.
    for (std::string_view gone : {"E11", "E12", "E2", "E15", "E41", "E45", "E46", "E47", "E48"})
        if (rec == gone) return 0;
    int age = 0;
    for (int a = 17; a <= 21; ++a) {
        const Day b = birthday(c.dob, a);
        if (b >= w.start && b <= w.end) age = a;
    }
    if (age == 0 || last >= birthday(c.dob, age) || last <= birthday(c.dob, 16)) return 0;
    const Day fourteen = birthday(c.dob, 14);
    long after_fourteen = 0;
    for (const Period& p : c.periods) {
        const Day from = std::max(c.episodes[static_cast<std::size_t>(p.first)].start, fourteen);
        const Day to = c.episodes[static_cast<std::size_t>(p.first + p.count - 1)].end;
        if (to > from) after_fourteen += to - from;
    }
    if (after_fourteen < 91) return 0;
    // Reported once as having died, then no more.
    if (c.died != kNoDay && c.died < birthday(c.dob, age - 1)) return 0;
    return age;
}

bool appears_in(const Child& c, const Window& w) {
    const auto [first, last] = episodes_in(c, w);
    return first < last || care_leaver_age(c, w) != 0;
}

// The files of one return.
struct ReturnFiles {
    CsvFile header, episodes, reviews, uasc, oc2, oc3, ad1, placed, previous, missing;
    std::unique_ptr<CsvFile> social_workers;  // collected from 2023-24

    ReturnFiles(const std::filesystem::path& dir, int year)
        : header(dir / "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"),
          episodes(dir / "episodes.csv",
                   "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"),
          reviews(dir / "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE"),
          uasc(dir / "uasc.csv", "CHILD,SEX,DOB,DUC"),
          oc2(dir / "oc2.csv",
              "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
              "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"),
          oc3(dir / "oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"),
          ad1(dir / "ad1.csv", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR"),
          placed(dir / "placed_for_adoption.csv", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"),
          previous(dir / "previous_permanence.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM"),
          missing(dir / "missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END") {
        if (year >= 2024)
            social_workers = std::make_unique<CsvFile>(dir / "sw_episodes.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON");
    }

    void close(SynthSummary& summary) {
        for (CsvFile* f : {&header, &episodes, &reviews, &uasc, &oc2, &oc3, &ad1, &placed, &previous, &missing}) {
            summary.rows += f->close();
            summary.bytes += f->bytes();
        }
        if (social_workers) {
            summary.rows += social_workers->close();
            summary.bytes += social_workers->bytes();
        }
    }
};

// Writes one child's rows of one return.
class ChildWriter {
public:
    ChildWriter(ReturnFiles& files, const Window& w, const Child& c, const Identity& id, Rng& rng)
        : f_(files), w_(w), c_(c), id_(id), rng_(rng) {}

    void write() {
        const auto [first, last] = episodes_in(c_, w_);
        const bool in_care = first < last;
        const int leaver_age = care_leaver_age(c_, w_);
        dob_ = date_text(c_.dob);
        write_header(in_care);
        for (std::size_t i = first; i < last; ++i) write_episode(c_.episodes[i]);
        if (in_care) {
            write_reviews();
            if (c_.uasc) write_uasc();
            write_health();
            write_adoption();
            write_previous_permanence();
            write_missing();
            if (f_.social_workers) write_social_workers();
        }
        if (leaver_age != 0) write_care_leaver(leaver_age);
    }

private:
    ReturnFiles& f_;
    const Window& w_;
    const Child& c_;
    const Identity& id_;
    Rng& rng_;  // draws for the outcome tables (OC2, OC3)
    std::string dob_;

    static std::string date_text(Day day) {
        std::string text(10, ' ');
        format_date(day, text.data());
        return text;
    }
    void begin(CsvFile& f, bool with_dob = true) {
        f.field(id_.child);
        if (with_dob) f.field(dob_);
    }
    std::string_view sex() const {
        if (w_.year <= 2024) return c_.sex == 'F' ? "2" : "1";
        return c_.sex == 'F' ? "F" : c_.sex == 'U' ? "U" : "M";
    }
    std::string_view upn() const {
        if (c_.uasc && c_.unknown_school) return "UN2";
        if (age_on(c_.dob, w_.end) < 5) return "UN1";
        const Day started = c_.episodes.back().start;  // newly looked after in the last week
        if (started > w_.end - 7 && started <= w_.end && c_.draw % 3 == 0) return "UN4";
        return id_.upn;
    }

    void write_header(bool in_care) {
        CsvFile& f = f_.header;
        begin(f, false);
        f.field(sex());
        f.field(dob_);
        f.code(c_.ethnicity);
        f.field(upn());
        const bool mother_known = in_care && c_.sex == 'F' && !c_.short_breaks;
        const bool mother = mother_known && c_.own_child_born != kNoDay && c_.own_child_born <= w_.end;
        f.field(!mother_known ? "" : mother ? "1" : "0");
        f.date(mother ? c_.own_child_born : kNoDay);
        f.end_row();
    }

    void write_episode(const Episode& e) {
        CsvFile& f = f_.episodes;
        const bool open = e.end > w_.end;  // still open at 31 March: closed in a later return
        begin(f, false);
        f.date(e.start);
        f.field({&e.rne, 1});
        f.code(e.ls);
        f.code(e.cin);
        // An episode in Z1 still open when Z1 was split is written as Z12 from 2025-26 on: the
        // recoding DfE allows for an open episode (rule 503D); no same-day split of the episode
        // could keep both returns valid.
        const bool split_z1 = w_.year >= 2026 && std::string_view(e.place) == "Z1";
        f.code(split_z1 ? "Z12" : e.place);
        f.code(split_z1 ? nullptr : e.provider);
        f.date(open ? kNoDay : e.end);
        f.code(open ? nullptr : e.rec);
        f.code(open ? nullptr : e.reason);
        f.field(e.home == 0 ? std::string{} : postcode_text(e.home));
        f.field(e.post == 0 ? std::string{} : postcode_text(e.post));
        if (e.urn == 0 || split_z1) f.field({});
        else if (e.urn == kUnknownUrn) f.field("XXXXXXX");
        else f.number(e.urn);
        f.end_row();
    }

    void write_reviews() {
        for (const Review& r : c_.reviews) {
            if (r.day < w_.start || r.day > w_.end) continue;
            begin(f_.reviews);
            f_.reviews.date(r.day);
            f_.reviews.code(r.participation);
            f_.reviews.end_row();
        }
    }

    void write_uasc() {
        CsvFile& f = f_.uasc;
        begin(f, false);
        f.field(sex());
        f.field(dob_);
        const Day eighteen = birthday(c_.dob, 18);
        f.date(eighteen <= w_.end ? eighteen : kNoDay);  // UASC status ceases at 18
        f.end_row();
    }

    // OC2: looked after continuously for twelve months at 31 March.
    void write_health() {
        bool continuous = false;
        for (const Period& p : c_.periods) {
            const Day start = c_.episodes[static_cast<std::size_t>(p.first)].start;
            const Day end = c_.episodes[static_cast<std::size_t>(p.first + p.count - 1)].end;
            continuous |= !p.short_break && start < w_.start && end > w_.end;
        }
        if (!continuous) return;
        CsvFile& f = f_.oc2;
        const int age = age_on(c_.dob, w_.end);
        const int age_at_start = age_on(c_.dob, w_.start);
        begin(f);
        // SDQ: required for 4-16 all year; optional (or SDQ1) for those turning 4 or 17.
        if (age < 4 || age_at_start >= 17) {
            f.field({});
            f.field({});
        } else if ((age_at_start >= 4 && age < 17 && rng_.chance(0.8)) || rng_.chance(0.5)) {
            f.number(std::clamp(static_cast<long>(std::lround(rng_.normal(14.5, 7.2))), 0L, 40L));
            f.field({});
        } else {
            f.field({});
            constexpr std::array<Weighted, 4> reasons{{{"SDQ2", 10}, {"SDQ3", 15}, {"SDQ4", 45}, {"SDQ5", 30}}};
            f.code(age_at_start >= 4 && age < 17 ? draw(rng_, reasons) : "SDQ1");
        }
        const auto flag = [&](bool applies, double p) { f.field(!applies ? "" : rng_.chance(p) ? "1" : "0"); };
        flag(age >= 10, age >= 15 ? 0.05 : 0.02);  // CONVICTED
        flag(age < 5, 0.88);                        // HEALTH_CHECK
        flag(true, 0.84);                           // IMMUNISATIONS
        flag(true, age < 1 ? 0.4 : 0.83);           // TEETH_CHECK
        flag(true, 0.9);                            // HEALTH_ASSESSMENT
        const bool misuse = age >= 11 && rng_.chance(0.06);
        f.field(misuse ? "1" : "0");
        if (!misuse) {
            f.field({});
            f.field({});
        } else if (rng_.chance(0.55)) {
            f.field("1");
            f.field({});
        } else {
            f.field("0");
            f.field(rng_.chance(0.6) ? "1" : "0");
        }
        f.end_row();
    }

    // AD1 for the year of adoption; PlacedAdoption while a decision stands.
    void write_adoption() {
        const AdoptionPlan& a = c_.adoption;
        if (a.decided == kNoDay || a.decided > w_.end) return;
        const Episode& last = c_.episodes.back();
        const std::string_view rec = last.rec;
        if ((rec == "E11" || rec == "E12") && last.end >= w_.start && last.end <= w_.end) {
            CsvFile& f = f_.ad1;
            begin(f);
            f.date(a.decided);
            f.date(a.matched);
            const std::string_view place = last.place;
            f.field(place == "A3" || place == "A5" ? "1" : "0");
            f.number(a.adopters);
            f.code(a.adopters_sex);
            f.code(a.adopters_status);
            f.end_row();
        }
        if (a.ceased != kNoDay && a.ceased < w_.start) return;
        CsvFile& f = f_.placed;
        begin(f);
        f.date(a.decided);
        const bool ceased = a.ceased != kNoDay && a.ceased <= w_.end;
        f.date(ceased ? a.ceased : kNoDay);
        f.code(ceased ? a.ceased_reason : nullptr);
        f.end_row();
    }

    void write_previous_permanence() {
        for (const Period& p : c_.periods) {
            const Episode& e = c_.episodes[static_cast<std::size_t>(p.first)];
            if (e.start < w_.start || e.start > w_.end) continue;
            CsvFile& f = f_.previous;
            begin(f);
            f.code(p.previous_permanence);
            f.field({});
            f.date(p.permanence_date);
            f.end_row();
            return;  // one row per child
        }
    }

    void write_missing() {
        for (const MissingSpell& m : c_.missing) {
            if (!w_.overlaps(m.start, m.end)) continue;
            CsvFile& f = f_.missing;
            begin(f);
            f.field({&m.kind, 1});
            f.date(m.start);
            f.date(m.end > w_.end ? kNoDay : m.end);
            f.end_row();
        }
    }

    void write_social_workers() {
        for (const WorkerSpell& s : c_.workers) {
            if (!w_.overlaps(s.start, s.end)) continue;
            CsvFile& f = f_.social_workers.operator*();
            begin(f);
            if (s.worker < 0) f.field("XXXXXXXX");
            else {
                char id[16];
                std::snprintf(id, sizeof id, "SW%06d", 100000 + s.worker);
                f.field(id);
            }
            f.date(s.start);
            f.date(s.end > w_.end ? kNoDay : s.end);
            f.code(s.reason);
            f.end_row();
        }
    }

    void write_care_leaver(int age) {
        CsvFile& f = f_.oc3;
        begin(f);
        if (c_.died != kNoDay && c_.died < birthday(c_.dob, age)) {
            f.field("DIED");
            f.field("0");
            f.field("0");
            f.end_row();
            return;
        }
        Code touch = draw(rng_, kInTouch);
        if (age < 19 && std::string_view(touch) == "NREQ") touch = "YES";
        f.code(touch);
        const std::string_view t = touch;
        if (t != "YES" && t != "NREQ") {
            f.field("0");
            f.field("0");
            f.end_row();
            return;
        }
        std::string_view activity = draw(rng_, kActivity);
        if (age == 17 && activity.size() == 2 && activity[1] == '1') activity = activity[0] == 'F' ? "F2" : "P2";
        f.field(activity);
        const char letter = *(age <= 17 ? draw(rng_, kAccommodation17)
                              : age == 18 && rng_.chance(0.2) ? "Z"
                              : age == 18 ? draw(rng_, kAccommodation17) : draw(rng_, kAccommodation19));
        // X (custody) and S (no fixed abode) are never suitable; most others are.
        const char suitable = letter == 'X' || letter == 'S' ? '2' : rng_.chance(0.97) ? '1' : '2';
        const char accommodation[2] = {letter, suitable};
        f.field({accommodation, 2});
        f.end_row();
    }
};

void write_return(const std::filesystem::path& dir, const Window& w, const std::vector<Child>& children,
                  const std::vector<Identity>& ids, Rng& rng, SynthSummary& summary) {
    std::filesystem::create_directories(dir);
    ReturnFiles files(dir, w.year);
    for (std::size_t i = 0; i < children.size(); ++i)
        if (appears_in(children[i], w)) ChildWriter(files, w, children[i], ids[i], rng).write();
    files.close(summary);
}

}  // namespace

SynthSummary synthesize(const SynthOptions& options) {
    constexpr int kMaxChildren = 9'000'000;  // the 7-digit CHILD id space
    if (options.children < 1 || options.children > kMaxChildren)
        throw std::runtime_error("synth: children must be between 1 and 9000000");
    if (options.first_year > options.last_year)
        throw std::runtime_error("synth: first_year is after last_year");
    if (options.first_year < 2000 || options.last_year > 2100)
        throw std::runtime_error("synth: years must be between 2000 and 2100");
    if (options.out.empty()) throw std::runtime_error("synth: no output folder");

    std::vector<Window> windows;
    for (int y = options.first_year; y <= options.last_year; ++y) windows.emplace_back(y);

    // Simulate children coming into care at a steady rate, from long enough before the first
    // return that it holds long-running children and care leavers up to 21, and keep those who
    // appear in some return until there are exactly as many as asked for.
    const Providers providers(options.seed, options.children);
    const Simulator simulator(providers);
    const Day from = year_start(options.first_year - 23);
    const Day to = year_end(options.last_year);
    std::vector<Child> children;
    children.reserve(static_cast<std::size_t>(options.children));
    Rng rng(options.seed);
    for (std::uint64_t draw = 0; children.size() < static_cast<std::size_t>(options.children); ++draw) {
        const Day arrival = from + rng.below(to - from + 1);
        Child c = simulator.child(rng, arrival);
        c.draw = draw;
        const bool appears = std::any_of(windows.begin(), windows.end(), [&](const Window& w) { return appears_in(c, w); });
        if (appears) children.push_back(std::move(c));
    }
    std::sort(children.begin(), children.end(), [](const Child& a, const Child& b) {
        return a.first_day() != b.first_day() ? a.first_day() < b.first_day() : a.draw < b.draw;
    });

    // CHILD ids: a permutation of the child's number onto 7-digit numbers, stable across years.
    std::vector<Identity> ids;
    ids.reserve(children.size());
    const std::uint64_t offset = mix(options.seed) % kMaxChildren;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const std::uint64_t permuted = (i * 7777777ULL + offset) % kMaxChildren;
        ids.push_back({std::to_string(1000000 + permuted), make_upn(static_cast<int>(i), children[i].dob)});
    }

    SynthSummary summary;
    summary.children = static_cast<int>(children.size());
    Rng outcomes(options.seed ^ 0x0C0C0C0CULL);
    for (const Window& w : windows) {
        write_return(options.out / std::to_string(w.year), w, children, ids, outcomes, summary);
        ++summary.returns;
    }
    return summary;
}

}  // namespace corparent::ssda903
