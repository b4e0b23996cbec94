// Section 7, --breakdowns: the measures of the children looked after at 31 March by age band, sex,
// ethnicity group, UASC and placement group (groups as spec section 6 names them).
#include <map>

#include "measures/children.h"
#include "measures/cohort_measures.h"

namespace corparent::measures {
namespace {

std::string sex_group(const std::string& sex) {
    if (sex == "1" || sex == "M") return "M";
    if (sex == "2" || sex == "F") return "F";
    return sex.empty() ? "" : "U";
}

std::string ethnicity_group(const std::string& code) {
    static const std::map<std::string, std::string> groups = {
        {"WBRI", "White"},  {"WIRI", "White"},  {"WOTH", "White"},  {"WIRT", "White"},  {"WROM", "White"},
        {"MWBC", "Mixed"},  {"MWBA", "Mixed"},  {"MWAS", "Mixed"},  {"MOTH", "Mixed"},  {"AIND", "Asian"},
        {"APKN", "Asian"},  {"ABAN", "Asian"},  {"AOTH", "Asian"},  {"BCRB", "Black"},  {"BAFR", "Black"},
        {"BOTH", "Black"},  {"CHNE", "Other"},  {"OOTH", "Other"},  {"REFU", "Refused or not obtained"},
        {"NOBT", "Refused or not obtained"},
    };
    auto it = groups.find(code);
    return it == groups.end() ? "" : it->second;
}

}  // namespace

void cla_breakdowns(Context& c) {
    std::vector<std::string> placement_groups;
    for (const auto& [group, codes] : c.choices.placement_groups) placement_groups.push_back(group);
    struct Dimension {
        std::string name;
        std::vector<std::string> categories;
        std::function<std::string(std::size_t)> of;   // "" when unknown
    };
    const std::vector<Dimension> dimensions = {
        {"age", age_bands(),
         [&](std::size_t i) { return c.facts[i].age ? age_band(*c.facts[i].age) : std::string(); }},
        {"sex", {"M", "F", "U"}, [&](std::size_t i) { return sex_group(c.council.children[i].sex); }},
        {"ethnicity", {"White", "Mixed", "Asian", "Black", "Other", "Refused or not obtained"},
         [&](std::size_t i) { return ethnicity_group(c.council.children[i].ethnic); }},
        {"uasc", {"yes", "no"},
         [&](std::size_t i) {
             const Child& child = c.council.children[i];
             return std::string(child.uasc_row && (!child.uasc_ceased || *child.uasc_ceased > c.end) ? "yes" : "no");
         }},
        {"placement", placement_groups, [&](std::size_t i) { return c.facts[i].placement_group; }},
    };
    for (const CohortMeasure& m : cohort_measures()) {
        std::vector<std::optional<bool>> tests(c.council.children.size());
        for (std::size_t i = 0; i < tests.size(); ++i) tests[i] = m.test(c, i);
        for (const Dimension& d : dimensions) {
            std::map<std::string, std::pair<long long, long long>> tally;   // category -> numerator, denominator
            for (std::size_t i = 0; i < tests.size(); ++i) {
                if (!tests[i]) continue;
                auto& t = tally[d.of(i)];
                t.first += *tests[i];
                ++t.second;
            }
            for (const auto& category : d.categories) {
                auto [numerator, denominator] = tally[category];
                MeasureRow& row = c.add(m.id, d.name + ":" + category, m.kind, numerator, denominator);
                if (m.needs_history) row.incomplete_history = !c.full_history();
            }
        }
    }
}

}  // namespace corparent::measures
