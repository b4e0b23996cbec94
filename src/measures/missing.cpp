// Section 3: missing and away from placement without authorisation.
#include "measures/context.h"

namespace corparent::measures {

void missing_from_care(Context& c) {
    struct Tally {
        long long children = 0, incidents = 0, open_31mar = 0;
    };
    long long cohort = 0;
    Tally missing, away;
    for (std::size_t i = 0; i < c.council.children.size(); ++i) {
        if (!c.facts[i].looked_after_in_year) continue;
        ++cohort;
        const Child& child = c.council.children[i];
        long long m = 0, a = 0;
        bool m_open = false, a_open = false;
        for (const auto& incident : child.missing) {
            if (incident.start > c.end || (incident.end && *incident.end < c.start)) continue;   // spec 8.19
            bool open = !incident.end || *incident.end > c.end;   // spec 8.15
            if (incident.type == "M") {
                ++m;
                m_open = m_open || open;
            } else if (incident.type == "A") {
                ++a;
                a_open = a_open || open;
            } else {
                c.exclude("missing_pct", child, "an incident with no valid MISSING type");
            }
        }
        missing.children += m > 0;
        missing.incidents += m;
        missing.open_31mar += m_open;
        away.children += a > 0;
        away.incidents += a;
        away.open_31mar += a_open;
    }
    c.add("missing_pct", "M", Kind::Percent, missing.children, cohort);
    c.add("missing_pct", "A", Kind::Percent, away.children, cohort);
    c.add("missing_incidents", "M", Kind::Mean, missing.incidents, missing.children);
    c.add("missing_incidents", "A", Kind::Mean, away.incidents, away.children);
    c.add("missing_open_31mar", "M", Kind::Count, missing.open_31mar, 0);
    c.add("missing_open_31mar", "A", Kind::Count, away.open_31mar, 0);
}

}  // namespace corparent::measures
