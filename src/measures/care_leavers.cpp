// Section 5: care leavers aged 17 to 21 (OC3), in two groups by age at 31 March (spec 8.17).
#include <array>

#include "measures/context.h"

namespace corparent::measures {
namespace {

bool starts_with_any(const std::string& code, std::string_view letters) {
    return !code.empty() && letters.find(code[0]) != std::string_view::npos;
}

bool one_of(const std::string& code, std::initializer_list<std::string_view> codes) {
    for (auto c : codes)
        if (code == c) return true;
    return false;
}

}  // namespace

void care_leavers(Context& c) {
    struct Group {
        const char* name;
        long long cohort = 0, in_touch = 0, eet = 0, neet = 0, higher = 0, suitable = 0, accommodation_known = 0;
    };
    std::array<Group, 2> groups{Group{"17-18"}, Group{"19-21"}};
    for (const Child& child : c.council.children) {
        if (!child.oc3) continue;
        const CareLeaverRow& row = *child.oc3;
        if (!child.dob) {   // no age, so in neither group of any care leaver measure
            for (const char* id : {"cl_in_touch", "cl_eet", "cl_neet", "cl_higher_education", "cl_suitable_accommodation"})
                c.exclude(id, child, "no valid date of birth");
            continue;
        }
        int age = care::age_on(*child.dob, c.end);
        if (age < 17 || age > 21) continue;
        if (row.in_touch == "DIED" || row.in_touch == "RHOM") continue;
        const auto& periods = child.history.periods;
        if (!periods.empty() && periods.back().ending_rec == "E3") continue;   // transferred (spec 5, 8.17)
        Group& g = groups[age <= 18 ? 0 : 1];
        ++g.cohort;
        g.in_touch += row.in_touch == "YES";
        g.eet += one_of(row.activ, {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"});
        g.neet += one_of(row.activ, {"G4", "G5", "G6"});
        g.higher += one_of(row.activ, {"F1", "P1"});
        if (!starts_with_any(row.accom, "GHR")) {
            ++g.accommodation_known;
            g.suitable += row.accom.size() == 2 && row.accom[1] == '1';
        }
    }
    for (const Group& g : groups) c.add("cl_in_touch", g.name, Kind::Percent, g.in_touch, g.cohort);
    for (const Group& g : groups) c.add("cl_eet", g.name, Kind::Percent, g.eet, g.cohort);
    for (const Group& g : groups) c.add("cl_neet", g.name, Kind::Percent, g.neet, g.cohort);
    for (const Group& g : groups) c.add("cl_higher_education", g.name, Kind::Percent, g.higher, g.cohort);
    for (const Group& g : groups)
        c.add("cl_suitable_accommodation", g.name, Kind::Percent, g.suitable, g.accommodation_known);
}

}  // namespace corparent::measures
