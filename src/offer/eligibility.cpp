#include "offer/eligibility.h"

#include <algorithm>

#include <fmt/format.h>

namespace corparent::offer {
namespace {

constexpr int kCareLeaverUntil = 25;   // the local offer and personal advisers go on to 25
constexpr long kThirteenWeeks = 91;

// Endings that do not make a care leaver: adopted, child arrangements order, special guardianship,
// transferred to another council, died.
bool ends_without_leaving_care(const std::string& rec) {
    static const std::vector<std::string> codes = {"E11", "E12", "E41", "E43", "E44", "E45", "E46", "E47", "E48",
                                                   "E3",  "E2"};
    return std::find(codes.begin(), codes.end(), rec) != codes.end();
}

std::string ages_text(const Rule& rule) {
    if (rule.age_from && rule.age_until) return fmt::format("aged {} to {}", *rule.age_from, *rule.age_until - 1);
    if (rule.age_from) return fmt::format("aged {} and over", *rule.age_from);
    if (rule.age_until) return fmt::format("under {}", *rule.age_until);
    return "";
}

}  // namespace

std::string_view group_id(Group group) { return group == Group::ChildInCare ? "child_in_care" : "care_leaver"; }
std::string_view group_name(Group group) { return group == Group::ChildInCare ? "Children in care" : "Care leavers"; }

std::optional<Group> parse_group(std::string_view id) {
    if (id == "child_in_care") return Group::ChildInCare;
    if (id == "care_leaver") return Group::CareLeaver;
    return std::nullopt;
}

care::Date birthday(care::Date dob, int years) {
    std::chrono::year_month_day d{dob};
    std::chrono::year_month_day b{d.year() + std::chrono::years(years), d.month(), d.day()};
    if (!b.ok()) return care::make_date(static_cast<int>(b.year()), 3, 1);   // 29 February in a common year
    return std::chrono::sys_days{b};
}

bool left_care_as_care_leaver(const care::CareHistory& history, std::optional<care::Date> dob, care::Date on) {
    if (!dob) return false;
    // The periods begun by `on`: a later one is not known on that day.
    std::size_t known = 0;
    while (known < history.periods.size() && history.periods[known].start <= on) ++known;
    if (known == 0) return false;
    const auto& last = history.periods[known - 1];
    if (!last.end || *last.end > on || *last.end < birthday(*dob, 16) || ends_without_leaving_care(last.ending_rec))
        return false;
    const care::Date from14 = birthday(*dob, 14);
    long days = 0;
    for (std::size_t i = 0; i < known; ++i) {
        const auto& p = history.periods[i];
        care::Date start = std::max(p.start, from14);
        care::Date end = p.end ? *p.end : *last.end;
        if (end > start) days += (end - start).count();
    }
    return days >= kThirteenWeeks;
}

Standing standing_on(const care::CareHistory& history, std::optional<care::Date> dob, bool in_oc3, care::Date on) {
    Standing s;
    if (dob && *dob <= on) s.age = care::age_on(*dob, on);
    if (history.episode_on(on)) {
        s.group = Group::ChildInCare;
    } else if ((left_care_as_care_leaver(history, dob, on) || in_oc3) && (!s.age || *s.age < kCareLeaverUntil)) {
        // Without a date of birth only OC3 can say so, and the age limit cannot be judged.
        if (dob || in_oc3) s.group = Group::CareLeaver;
    }
    return s;
}

Eligibility eligibility(const Rule& rule, const Standing& standing) {
    if (!standing.group) return {false, "not looked after and not a care leaver"};
    if (std::find(rule.who.begin(), rule.who.end(), *standing.group) == rule.who.end())
        return {false, *standing.group == Group::ChildInCare ? "for care leavers, not children in care"
                                                             : "for children in care, not care leavers"};
    std::string who = *standing.group == Group::ChildInCare ? "looked after" : "a care leaver";
    if (rule.age_from || rule.age_until) {
        if (!standing.age) return {false, "no date of birth, so the age limits cannot be checked"};
        if (rule.age_from && *standing.age < *rule.age_from)
            return {false, fmt::format("aged {}: it starts at {}", *standing.age, *rule.age_from)};
        if (rule.age_until && *standing.age >= *rule.age_until)
            return {false, fmt::format("aged {}: it ends at {}", *standing.age, *rule.age_until)};
    }
    return {true, standing.age ? fmt::format("{}, aged {}", who, *standing.age) : who};
}

std::string describe(const Rule& rule) {
    std::string groups;
    for (std::size_t i = 0; i < rule.who.size(); ++i) {
        std::string name(group_name(rule.who[i]));
        if (i > 0) {
            groups += " and ";
            name[0] = static_cast<char>(name[0] - 'A' + 'a');
        }
        groups += name;
    }
    if (groups.empty()) groups = "No one";
    auto ages = ages_text(rule);
    return ages.empty() ? groups : groups + " " + ages;
}

}  // namespace corparent::offer
