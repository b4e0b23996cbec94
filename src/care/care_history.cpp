#include "care/care_history.h"

#include <algorithm>

namespace corparent::care {

CareHistory build_history(std::vector<Episode> episodes, const PlacementRules& rules) {
    CareHistory h;
    std::erase_if(episodes, [](const Episode& e) { return is_short_break(e.ls); });
    std::stable_sort(episodes.begin(), episodes.end(), [](const Episode& a, const Episode& b) { return a.decom < b.decom; });
    h.episodes = std::move(episodes);
    const auto& eps = h.episodes;

    for (std::size_t i = 0; i < eps.size(); ++i) {
        bool continues = i > 0 && eps[i - 1].rec == "X1" && eps[i - 1].dec && *eps[i - 1].dec == eps[i].decom;
        if (!continues) h.periods.push_back({i, i, eps[i].decom, {}, {}});
        PeriodOfCare& p = h.periods.back();
        p.last = i;
        p.end = eps[i].dec;
        p.ending_rec = eps[i].rec;
    }

    for (std::size_t pi = 0; pi < h.periods.size(); ++pi) {
        const PeriodOfCare& p = h.periods[pi];
        auto start_placement = [&](std::size_t i) { h.placements.push_back({pi, i, i, eps[i].decom, {}, {}, true}); };
        std::size_t last_settled = p.first;   // last non-temporary episode seen
        bool after_temporary = false;
        for (std::size_t i = p.first; i <= p.last; ++i) {
            const Episode& e = eps[i];
            if (i == p.first) {
                start_placement(i);   // a period's first episode always starts a placement (spec 8.11)
            } else if (is_temporary(e.place)) {
                after_temporary = true;
                continue;
            } else if (after_temporary) {
                // Back from a temporary stay: the same placement when it is the same place and postcode
                // as before the stay, or the same carer by RNE [choice].
                const Episode& before = eps[last_settled];
                bool same = same_carer(e.rne) ||
                            (rules.after_temporary == PlacementRules::AfterTemporary::SamePlaceOrCarer &&
                             e.place == before.place && same_postcode(e.pl_post, before.pl_post));
                if (same) h.placements.back().last = i;
                else start_placement(i);
                after_temporary = false;
            } else if (same_carer(e.rne)) {
                h.placements.back().last = i;
            } else {
                start_placement(i);
            }
            last_settled = i;
        }
    }
    for (auto& pl : h.placements) {
        pl.end = eps[pl.last].dec;
        pl.ending_reason = eps[pl.last].reason_place_change;
        pl.counted = rules.count_zero_day || !pl.end || *pl.end != pl.start;
    }
    return h;
}

std::optional<std::size_t> CareHistory::episode_on(Date day) const {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < episodes.size(); ++i)
        if (episodes[i].open_on(day) && (!found || episodes[i].decom >= episodes[*found].decom)) found = i;
    return found;
}

std::optional<std::size_t> CareHistory::period_of(std::size_t episode) const {
    for (std::size_t p = 0; p < periods.size(); ++p)
        if (periods[p].first <= episode && episode <= periods[p].last) return p;
    return std::nullopt;
}

std::optional<std::size_t> CareHistory::placement_on(Date day) const {
    auto e = episode_on(day);
    if (!e) return std::nullopt;
    // The latest placement that began at or before this episode: during a temporary stay, the one
    // before it (spec 8.12).
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < placements.size(); ++i)
        if (placements[i].first <= *e) found = i;
    return found;
}

}  // namespace corparent::care
