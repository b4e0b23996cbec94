#include "measures/engine.h"

#include <algorithm>
#include <tuple>

#include "measures/context.h"

namespace corparent::measures {

Context::Context(const Council& council_, const Choices& choices_)
    : council(council_),
      choices(choices_),
      year(council_.year),
      start(care::year_start(council_.year)),
      end(care::year_end(council_.year)) {
    facts.resize(council.children.size());
    for (std::size_t i = 0; i < council.children.size(); ++i) {
        const Child& child = council.children[i];
        ChildFacts& f = facts[i];
        const auto& h = child.history;
        for (const auto& e : h.episodes)
            if (e.decom <= end && (!e.dec || *e.dec >= start)) f.looked_after_in_year = true;
        if (child.dob) f.age = care::age_on(*child.dob, end);
        f.episode = h.episode_on(end);
        if (!f.episode) continue;
        f.looked_after_31mar = true;
        f.period = h.period_of(*f.episode);
        f.placement = h.placement_on(end);
        // The placement's PLACE: the latest non-temporary episode of it up to 31 March (spec 8.12).
        std::size_t e = *f.episode;
        std::size_t first = f.placement ? h.placements[*f.placement].first : e;
        while (e > first && care::is_temporary(h.episodes[e].place)) --e;
        const std::string& place = h.episodes[e].place;
        for (const auto& [group, codes] : choices.placement_groups)
            if (std::find(codes.begin(), codes.end(), place) != codes.end()) f.placement_group = group;
    }
}

MeasureRow& Context::add(std::string id, std::string breakdown, Kind kind, long long numerator, long long denominator) {
    MeasureRow row;
    row.id = std::move(id);
    row.breakdown = std::move(breakdown);
    row.kind = kind;
    row.numerator = numerator;
    row.denominator = denominator;
    result.rows.push_back(std::move(row));
    return result.rows.back();
}

void Context::exclude(const std::string& measure, const Child& child, std::string reason) {
    result.exclusions.push_back({measure, child.id, std::move(reason)});
}

bool Context::full_history() const {
    for (int y = year - 3; y <= year; ++y)
        if (std::find(council.loaded_years.begin(), council.loaded_years.end(), y) == council.loaded_years.end())
            return false;
    return true;
}

MeasureResult compute_measures(const Council& council, const Choices& choices, bool breakdowns) {
    Context c(council, choices);
    placement_stability(c);
    looked_after(c);
    missing_from_care(c);
    health_and_offending(c);
    care_leavers(c);
    if (breakdowns) cla_breakdowns(c);
    // A test that runs for the breakdowns too reports its exclusions again: keep each once.
    auto& ex = c.result.exclusions;
    auto key = [](const Exclusion& e) { return std::tie(e.measure, e.child, e.reason); };
    std::sort(ex.begin(), ex.end(), [&](const Exclusion& a, const Exclusion& b) { return key(a) < key(b); });
    ex.erase(std::unique(ex.begin(), ex.end(), [&](const Exclusion& a, const Exclusion& b) { return key(a) == key(b); }),
             ex.end());
    return std::move(c.result);
}

}  // namespace corparent::measures
