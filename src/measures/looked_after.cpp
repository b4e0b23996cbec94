// Section 2: the children looked after: how many, who came and went, where they live, UASC, reviews.
#include <algorithm>
#include <map>

#include "measures/cohort_measures.h"

namespace corparent::measures {
namespace {

const CohortMeasure& cohort(const std::string& id) {
    return *std::find_if(cohort_measures().begin(), cohort_measures().end(),
                         [&](const CohortMeasure& m) { return m.id == id; });
}

// Spec 2 and 8.9: the group of the REC that ended a period of care.
std::string ceased_group(const std::string& rec) {
    if (rec == "E11" || rec == "E12") return "adopted";
    if (rec == "E43" || rec == "E44" || rec == "E45" || rec == "E46" || rec == "E47" || rec == "E48") return "sgo";
    if (rec == "E4A" || rec == "E4B") return "returned_home";
    if (rec == "E41") return "cao";
    if (rec == "E5" || rec == "E6") return "independent_living";
    if (rec == "E17") return "aged18_remained";
    if (rec == "E9") return "custody";
    if (rec == "E3") return "transferred";
    return "other";
}

const std::vector<std::string> kCeasedGroups = {"adopted",          "sgo",     "returned_home", "cao", "independent_living",
                                                "aged18_remained", "custody", "transferred",   "other"};

}  // namespace

void looked_after(Context& c) {
    add_cohort_row(c, cohort("cla_31mar"));

    long long started = 0;
    std::map<std::string, long long> ceased;
    long long ceased_all = 0;
    for (const Child& child : c.council.children)
        for (const auto& p : child.history.periods) {
            if (p.start >= c.start && p.start <= c.end) ++started;
            if (p.end && *p.end >= c.start && *p.end <= c.end) {
                ++ceased_all;
                ++ceased[ceased_group(p.ending_rec)];
            }
        }
    c.add("started_in_year", "", Kind::Count, started, 0);
    c.add("ceased_in_year", "", Kind::Count, ceased_all, 0);
    for (const auto& g : kCeasedGroups) c.add("ceased_in_year", g, Kind::Percent, ceased[g], ceased_all);

    long long looked_after = 0;
    std::map<std::string, long long> groups;
    for (std::size_t i = 0; i < c.council.children.size(); ++i) {
        const ChildFacts& f = c.facts[i];
        if (!f.looked_after_31mar) continue;
        ++looked_after;
        if (f.placement_group.empty()) c.exclude("placement_type", c.council.children[i], "no valid placement type at 31 March");
        else ++groups[f.placement_group];
    }
    for (const auto& [group, codes] : c.choices.placement_groups)
        c.add("placement_type", group, Kind::Percent, groups[group], looked_after);

    add_cohort_row(c, cohort("uasc"));

    // Reviews in the year of children looked after at any time in it, aged 4 or over at the review.
    long long reviews = 0, participated = 0;
    for (std::size_t i = 0; i < c.council.children.size(); ++i) {
        const Child& child = c.council.children[i];
        if (!c.facts[i].looked_after_in_year) continue;
        for (const auto& r : child.reviews) {
            if (r.date < c.start || r.date > c.end) continue;
            if (!child.dob) {
                c.exclude("review_participation", child, "no valid date of birth");
                continue;
            }
            if (care::age_on(*child.dob, r.date) < 4) continue;
            if (r.code.empty()) {
                c.exclude("review_participation", child, "a review with no valid REVIEW_CODE");
                continue;
            }
            ++reviews;
            participated += r.code >= "PN1" && r.code <= "PN6" && r.code.size() == 3;
        }
    }
    c.add("review_participation", "", Kind::Percent, participated, reviews);
}

}  // namespace corparent::measures
