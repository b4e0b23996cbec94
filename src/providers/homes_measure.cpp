#include "providers/homes_measure.h"

#include <algorithm>

#include "care/care_history.h"
#include "measures/children.h"
#include "providers/provider_file.h"
#include "store/returns.h"

namespace corparent::providers {
namespace {

HomeStatus status_of(std::string_view rating) {
    if (rating == kOutstanding) return HomeStatus::Outstanding;
    if (rating == kGood) return HomeStatus::Good;
    if (rating == kRequiresImprovement) return HomeStatus::RequiresImprovement;
    if (rating == kInadequate) return HomeStatus::Inadequate;
    return HomeStatus::NotYetRated;
}

std::string_view id_of(HomeStatus s) {
    switch (s) {
    case HomeStatus::Outstanding:
    case HomeStatus::Good: return kHomesGood;
    case HomeStatus::RequiresImprovement: return "homes_requires_improvement";
    case HomeStatus::Inadequate: return "homes_inadequate";
    case HomeStatus::NotYetRated: return "homes_not_yet_rated";
    case HomeStatus::UnknownUrn: return "homes_unknown_urn";
    case HomeStatus::NoUrn: return "homes_no_urn";
    }
    return "";
}

// The episode whose PLACE and URN stand for the child's placement on `day`: the latest non-temporary
// episode of the placement (spec 8.12), as the measures engine finds it.
std::optional<std::size_t> placement_episode(const care::CareHistory& h, care::Date day) {
    auto e = h.episode_on(day);
    if (!e) return std::nullopt;
    auto p = h.placement_on(day);
    std::size_t i = *e, first = p ? h.placements[*p].first : *e;
    while (i > first && care::is_temporary(h.episodes[i].place)) --i;
    return i;
}

// The children's histories with their URNs (the measures' loader leaves URNs out).
measures::Council load_homes_council(store::Database& db, const care::PlacementRules& rules) {
    measures::Council council;
    council.loaded_years = store::loaded_years(db);
    std::map<std::string, std::size_t> index;
    auto child = [&](std::string_view id) -> measures::Child& {
        auto [it, added] = index.emplace(std::string(id), council.children.size());
        if (added) {
            council.children.emplace_back();
            council.children.back().id = std::string(id);
        }
        return council.children[it->second];
    };
    auto header = store::load_stacked(db, "stacked_header", {"child", "dob"});
    for (std::size_t r = 0; r < header.rows(); ++r)
        if (auto id = header.get(r, 0))
            if (auto dob = header.get(r, 1)) child(*id).dob = care::parse_iso(*dob);
    auto t = store::load_stacked(db, "stacked_episodes",
                                 {"child", "decom", "dec", "rne", "ls", "place", "rec", "reason_place_change", "pl_post", "urn"});
    std::map<std::string, std::vector<care::Episode>> episodes;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        auto id = t.get(r, 0);
        auto decom = t.get(r, 1) ? care::parse_iso(*t.get(r, 1)) : std::nullopt;
        if (!id || !decom) continue;   // spec 8.5: dropped; the finding was made on import
        care::Episode e;
        e.child = std::string(*id);
        e.decom = *decom;
        if (auto dec = t.get(r, 2)) e.dec = care::parse_iso(*dec);
        auto text = [&](std::size_t c) { return std::string(t.get(r, c).value_or("")); };
        e.rne = text(3);
        e.ls = text(4);
        e.place = text(5);
        e.rec = text(6);
        e.reason_place_change = text(7);
        e.pl_post = text(8);
        e.urn = text(9);
        episodes[e.child].push_back(std::move(e));
    }
    for (auto& [id, list] : episodes) child(id).history = care::build_history(std::move(list), rules);
    return council;
}

}  // namespace

std::string_view status_label(HomeStatus s) {
    switch (s) {
    case HomeStatus::Outstanding: return kOutstanding;
    case HomeStatus::Good: return kGood;
    case HomeStatus::RequiresImprovement: return kRequiresImprovement;
    case HomeStatus::Inadequate: return kInadequate;
    case HomeStatus::NotYetRated: return "Not yet rated";
    case HomeStatus::UnknownUrn: return "URN not in Ofsted's list";
    case HomeStatus::NoUrn: return "No URN recorded";
    }
    return "";
}

const std::vector<std::string_view>& homes_measure_ids() {
    static const std::vector<std::string_view> ids = {kHomesGood,           "homes_requires_improvement",
                                                      "homes_inadequate",   "homes_not_yet_rated",
                                                      "homes_unknown_urn",  "homes_no_urn"};
    return ids;
}

std::string_view homes_measure_name(std::string_view id) {
    if (id == kHomesGood) return "Good or outstanding";
    if (id == "homes_requires_improvement") return "Requires improvement to be good";
    if (id == "homes_inadequate") return "Inadequate";
    if (id == "homes_not_yet_rated") return "Not yet rated";
    if (id == "homes_unknown_urn") return "URN not in Ofsted's list";
    if (id == "homes_no_urn") return "No URN recorded";
    return "";
}

OfstedList::OfstedList(const std::vector<store::OfstedInspectionRow>& rows) {
    for (const auto& r : rows) {
        Inspection i;
        if (!r.inspection_date.empty()) i.date = care::parse_iso(r.inspection_date);
        i.status = status_of(r.overall_effectiveness);
        by_urn_[r.urn].push_back(i);
    }
    for (auto& [urn, list] : by_urn_)
        std::stable_sort(list.begin(), list.end(), [](const Inspection& a, const Inspection& b) { return a.date < b.date; });
}

OfstedList::Rating OfstedList::rating_on(std::string_view urn_903, care::Date day) const {
    Rating out;
    auto urn = normalise_urn(urn_903);
    std::string key = urn ? *urn : std::string(urn_903);
    // The 903 writes XXXXXXX where the placement has no URN.
    if (key.empty() || key.find_first_not_of('X') == std::string::npos) return out;
    out.urn = key;
    auto it = by_urn_.find(key);
    if (it == by_urn_.end()) {
        out.status = HomeStatus::UnknownUrn;
        return out;
    }
    out.status = HomeStatus::NotYetRated;
    // A later inspection replaces an earlier one only from its own date.
    for (const auto& i : it->second)
        if (i.date && *i.date <= day && i.status != HomeStatus::NotYetRated) {
            out.status = i.status;
            out.inspected = i.date;
        }
    return out;
}

std::optional<care::Date> OfstedList::latest_inspection() const {
    std::optional<care::Date> latest;
    for (const auto& [urn, list] : by_urn_)
        for (const auto& i : list)
            if (i.date && (!latest || *i.date > *latest)) latest = i.date;
    return latest;
}

HomesResult homes_measure(const measures::Council& council, int year, const OfstedList& list) {
    HomesResult out;
    out.year = year;
    const care::Date end = care::year_end(year);
    std::map<std::string_view, std::pair<long long, std::map<std::string, long long>>> tally;   // id -> all, by band
    std::map<std::string, long long> band_total;
    std::map<std::string, HomePlaced> homes;
    for (const auto& child : council.children) {
        const auto& h = child.history;
        auto e = placement_episode(h, end);
        if (!e || h.episodes[*e].place != "K2") continue;
        ++out.children;
        auto rating = list.rating_on(h.episodes[*e].urn, end);
        const std::string band = child.dob ? measures::age_band(care::age_on(*child.dob, end)) : std::string();
        auto& t = tally[id_of(rating.status)];
        ++t.first;
        if (!band.empty()) {
            ++t.second[band];
            ++band_total[band];
        }
        if (rating.urn.empty()) continue;
        HomePlaced& home = homes[rating.urn];
        home.urn = rating.urn;
        home.status = rating.status;
        home.inspected = rating.inspected;
        ++home.children;
    }
    auto add = [&](std::string_view id, std::string breakdown, long long numerator, long long denominator) {
        measures::MeasureRow row;
        row.id = std::string(id);
        row.breakdown = std::move(breakdown);
        row.kind = measures::Kind::Percent;
        row.numerator = numerator;
        row.denominator = denominator;
        out.rows.push_back(std::move(row));
    };
    for (auto id : homes_measure_ids()) add(id, "", tally[id].first, out.children);
    for (auto id : homes_measure_ids())
        for (const auto& band : measures::age_bands())
            if (band_total[band] > 0) add(id, "age:" + band, tally[id].second[band], band_total[band]);
    for (auto& [urn, home] : homes) out.homes.push_back(std::move(home));
    return out;
}

HomesReport homes_report(store::Database& db, const measures::Choices& choices) {
    HomesReport out;
    const OfstedList list(store::load_ofsted_inspections(db));
    out.imported_at = store::ofsted_inspections_imported_at(db);
    out.latest_inspection = list.latest_inspection();
    const auto council = load_homes_council(db, choices.placements);
    for (int year : council.loaded_years) out.years[year] = homes_measure(council, year, list);
    return out;
}

}  // namespace corparent::providers
