// Section 1: placement stability, and the measures whose cohort is the children looked after at 31 March.
#include <algorithm>
#include <set>

#include "measures/cohort_measures.h"

namespace corparent::measures {
namespace {

using care::Date;
using care::make_date;

int placements_in(const care::CareHistory& h, Date from, Date to) {
    return static_cast<int>(std::count_if(h.placements.begin(), h.placements.end(),
                                          [&](const care::Placement& p) { return p.counts_in(from, to); }));
}

std::optional<bool> stability_short(Context& c, std::size_t i) {
    if (!c.facts[i].looked_after_31mar) return std::nullopt;
    return placements_in(c.council.children[i].history, c.start, c.end) >= 3;
}

std::optional<bool> stability_long(Context& c, std::size_t i) {
    const ChildFacts& f = c.facts[i];
    const Child& child = c.council.children[i];
    if (!f.looked_after_31mar) return std::nullopt;
    if (!f.age) {
        c.exclude("stability_long", child, "no valid date of birth");
        return std::nullopt;
    }
    const auto& h = child.history;
    if (*f.age >= 16 || h.periods[*f.period].start > make_date(c.year - 3, 9, 30)) return std::nullopt;
    return f.placement && h.placements[*f.placement].start <= make_date(c.year - 2, 3, 31);
}

std::optional<bool> stability_short_2y(Context& c, std::size_t i) {
    const ChildFacts& f = c.facts[i];
    if (!f.looked_after_31mar) return std::nullopt;
    const auto& h = c.council.children[i].history;
    if (c.choices.two_year_cohort == Choices::TwoYearCohort::PeriodBeganTwoYearsBefore &&
        h.periods[*f.period].start > make_date(c.year - 2, 3, 31))
        return std::nullopt;
    return placements_in(h, make_date(c.year - 2, 4, 1), c.end) >= 3;
}

std::optional<bool> sw_stability(Context& c, std::size_t i) {
    if (!c.facts[i].looked_after_31mar) return std::nullopt;
    const Child& child = c.council.children[i];
    std::set<std::string> workers;
    int unknown = 0;
    bool any_unknown = false;
    for (const auto& sw : child.social_workers) {
        if (sw.start > c.end || (sw.end && *sw.end < c.start)) continue;   // overlaps W(Y) (spec 8.19)
        if (sw.sw_id.empty()) {
            c.exclude("sw_stability", child, "a social worker episode with no valid SW_ID");
            continue;
        }
        if (sw.sw_id.starts_with("XX")) {
            ++unknown;
            any_unknown = true;
        } else {
            workers.insert(sw.sw_id);
        }
    }
    long long count = static_cast<long long>(workers.size()) +
                      (c.choices.unknown_worker_per_episode ? unknown : (any_unknown ? 1 : 0));
    return count >= 3;
}

std::optional<bool> cla_31mar(Context& c, std::size_t i) {
    if (!c.facts[i].looked_after_31mar) return std::nullopt;
    return true;
}

std::optional<bool> uasc(Context& c, std::size_t i) {
    if (!c.facts[i].looked_after_31mar) return std::nullopt;
    const Child& child = c.council.children[i];
    return child.uasc_row && (!child.uasc_ceased || *child.uasc_ceased > c.end);
}

}  // namespace

const std::vector<CohortMeasure>& cohort_measures() {
    static const std::vector<CohortMeasure> all = {
        {"stability_short", Kind::Percent, false, stability_short},
        {"stability_long", Kind::Percent, true, stability_long},
        {"stability_short_2y", Kind::Percent, true, stability_short_2y},
        {"sw_stability", Kind::Percent, false, sw_stability},
        {"cla_31mar", Kind::Count, false, cla_31mar},
        {"uasc", Kind::Percent, false, uasc},
    };
    return all;
}

void add_cohort_row(Context& c, const CohortMeasure& m) {
    long long numerator = 0, denominator = 0;
    for (std::size_t i = 0; i < c.council.children.size(); ++i) {
        auto in = m.test(c, i);
        if (!in) continue;
        ++denominator;
        numerator += *in;
    }
    MeasureRow& row = c.add(m.id, "", m.kind, numerator, denominator);
    if (m.needs_history) row.incomplete_history = !c.full_history();
}

void placement_stability(Context& c) {
    for (const char* id : {"stability_short", "stability_long", "stability_short_2y"})
        add_cohort_row(c, *std::find_if(cohort_measures().begin(), cohort_measures().end(),
                                        [&](const CohortMeasure& m) { return m.id == id; }));

    // Placement endings in the year that have a reason: how many were unplanned.
    long long unplanned = 0, endings = 0;
    const auto& reasons = c.choices.unplanned_reasons;
    for (const Child& child : c.council.children)
        for (const auto& p : child.history.placements) {
            if (!p.counted || !p.end || *p.end < c.start || *p.end > c.end || p.ending_reason.empty()) continue;
            ++endings;
            unplanned += std::find(reasons.begin(), reasons.end(), p.ending_reason) != reasons.end();
        }
    c.add("moves_unplanned", "", Kind::Percent, unplanned, endings);

    add_cohort_row(c, cohort_measures()[3]);   // sw_stability
}

}  // namespace corparent::measures
