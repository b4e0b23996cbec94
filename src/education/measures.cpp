#include "education/measures.h"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

#include "education/academic_year.h"
#include "measures/children.h"
#include "measures/context.h"

namespace corparent::education {
namespace {

using measures::Kind;
using Record = store::EducationRecord;
using Records = std::vector<const Record*>;   // one child's records of the year, in file order

// What one child adds to a measure: nullopt when out of its cohort.
struct Part {
    long long numerator = 0, denominator = 0;
    bool counted = false;   // the child is in the numerator
};

struct Measure {
    std::string_view id;
    Kind kind;
    std::function<std::optional<Part>(const Records&, int age_31aug)> part;
};

// Sessions summed over the records that give both figures; none when no session was possible.
std::optional<std::pair<long long, long long>> sessions(const Records& rs) {
    long long possible = 0, attended = 0;
    for (const Record* r : rs)
        if (r->sessions_possible && r->sessions_attended) {
            possible += *r->sessions_possible;
            attended += *r->sessions_attended;
        }
    if (possible == 0) return std::nullopt;
    return std::pair{attended, possible};
}

Part yes_no(bool yes) { return {yes ? 1 : 0, 1, yes}; }

bool school_age(int age) { return age >= 5 && age <= 15; }   // national curriculum years 1 to 11

// A change of school between September and July: a record whose URN differs from the one before it
// (by start date, file order without one), unless it began in August, the summer holiday.
bool moved_mid_year(const Records& rs) {
    Records sorted = rs;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Record* a, const Record* b) {
        return a->start_date && b->start_date && *a->start_date < *b->start_date;
    });
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        if (sorted[i]->school_urn.empty() || sorted[i - 1]->school_urn.empty()) continue;
        if (sorted[i]->school_urn == sorted[i - 1]->school_urn) continue;
        if (sorted[i]->start_date && std::chrono::year_month_day{*sorted[i]->start_date}.month() == std::chrono::August)
            continue;
        return true;
    }
    return false;
}

// The last record that gives a value, file order.
template <typename T>
std::optional<T> last_of(const Records& rs, std::optional<T> Record::*field) {
    std::optional<T> out;
    for (const Record* r : rs)
        if (r->*field) out = r->*field;
    return out;
}

std::vector<Measure> measure_list(int year) {
    const care::Date census = pep_census(year);
    const care::Date pep_from = care::make_date(year - 1, 10, 1);
    return {
        {"edu_attendance", Kind::Percent,
         [](const Records& rs, int age) -> std::optional<Part> {
             auto s = sessions(rs);
             if (!school_age(age) || !s) return std::nullopt;
             return Part{s->first, s->second, true};
         }},
        {"edu_persistent_absence", Kind::Percent,
         [](const Records& rs, int age) -> std::optional<Part> {
             auto s = sessions(rs);
             if (!school_age(age) || !s) return std::nullopt;
             return yes_no(10 * s->first < 9 * s->second);   // attendance below 90%
         }},
        {"edu_suspension", Kind::Percent,
         [](const Records& rs, int age) -> std::optional<Part> {
             if (!school_age(age)) return std::nullopt;
             long long n = 0;
             for (const Record* r : rs) n += r->suspensions.value_or(0);
             return yes_no(n >= 1);
         }},
        {"edu_permanent_exclusion", Kind::Percent,
         [](const Records& rs, int age) -> std::optional<Part> {
             if (!school_age(age)) return std::nullopt;
             long long n = 0;
             for (const Record* r : rs) n += r->permanent_exclusions.value_or(0);
             return yes_no(n >= 1);
         }},
        {"edu_school_moves", Kind::Percent,
         [](const Records& rs, int age) -> std::optional<Part> {
             if (!school_age(age)) return std::nullopt;
             return yes_no(moved_mid_year(rs));
         }},
        {"edu_pep", Kind::Percent,
         [census, pep_from](const Records& rs, int age) -> std::optional<Part> {
             if (!school_age(age)) return std::nullopt;
             bool recent = false;
             for (const Record* r : rs)
                 if (r->pep_date && *r->pep_date >= pep_from && *r->pep_date <= census) recent = true;
             return yes_no(recent);
         }},
        {"edu_ks2_rwm", Kind::Percent,
         [](const Records& rs, int age) -> std::optional<Part> {
             auto reading = last_of(rs, &Record::ks2_reading), writing = last_of(rs, &Record::ks2_writing),
                  maths = last_of(rs, &Record::ks2_maths);
             if (age != 10 || !reading || !writing || !maths) return std::nullopt;   // year 6
             return yes_no(*reading && *writing && *maths);
         }},
        {"edu_ks4_attainment8", Kind::Mean,
         [](const Records& rs, int age) -> std::optional<Part> {
             auto a8 = last_of(rs, &Record::ks4_attainment8_tenths);
             if (age != 15 || !a8) return std::nullopt;   // year 11
             return Part{*a8, 10, true};
         }},
        {"edu_ks4_em4", Kind::Percent,
         [](const Records& rs, int age) -> std::optional<Part> {
             auto em4 = last_of(rs, &Record::ks4_english_maths_4);
             if (age != 15 || !em4) return std::nullopt;
             return yes_no(*em4);
         }},
    };
}

}  // namespace

const std::vector<measures::MeasureDefinition>& education_definitions() {
    using P = measures::Polarity;
    static const std::vector<measures::MeasureDefinition> all = {
        {"edu_attendance", "School attendance",
         "Of the school sessions our children in care for 12 months or more could have attended, the share they attended.",
         P::HighIsGood},
        {"edu_persistent_absence", "Persistent absence",
         "Of the children in care for 12 months or more with sessions recorded, the share who attended fewer than 90% "
         "of them.",
         P::LowIsGood},
        {"edu_suspension", "Suspended at least once",
         "Of the children of school age in care for 12 months or more, the share suspended at least once in the year.",
         P::LowIsGood},
        {"edu_permanent_exclusion", "Permanently excluded",
         "Of the children of school age in care for 12 months or more, the share permanently excluded in the year.",
         P::LowIsGood},
        {"edu_school_moves", "Changed school during the year",
         "Of the children of school age in care for 12 months or more, the share who changed school between September "
         "and July.",
         P::LowIsGood},
        {"edu_pep", "Personal education plan in the last 6 months",
         "Of the children of school age in care on 31 March, the share whose personal education plan is dated in the "
         "six months to 31 March.",
         P::HighIsGood},
        {"edu_ks2_rwm", "Key stage 2: expected standard in reading, writing and maths",
         "Of the children in year 6 in care for 12 months or more with results, the share who reached the expected "
         "standard in all three.",
         P::HighIsGood},
        {"edu_ks4_attainment8", "Key stage 4: Attainment 8",
         "The average Attainment 8 score of the children in year 11 in care for 12 months or more with results.",
         P::HighIsGood},
        {"edu_ks4_em4", "Key stage 4: grade 4 or above in English and maths",
         "Of the children in year 11 in care for 12 months or more with results, the share with grade 4 or above in "
         "both English and maths.",
         P::HighIsGood},
    };
    return all;
}

care::Date pep_census(int academic_year) { return care::year_end(academic_year); }

EducationMeasures compute_education(const measures::Council& council, const measures::Choices& choices,
                                    const std::vector<store::EducationRecord>& records, int academic_year) {
    // Facts at 31 March A: the 903 year ending inside the academic year.
    measures::Council at_year = council;
    at_year.year = academic_year;
    measures::Context c(at_year, choices);
    std::map<std::string, Records> by_child;
    for (const auto& r : records)
        if (r.academic_year == academic_year && !r.child.empty()) by_child[r.child].push_back(&r);

    const care::Date start_of_903_year = care::year_start(academic_year);
    const care::Date age_day = care::make_date(academic_year - 1, 8, 31);   // age for the school year group
    struct Member {
        std::size_t index;
        const Records* records;
        int age_31aug;
        bool twelve_months;
    };
    std::vector<Member> members;
    for (std::size_t i = 0; i < at_year.children.size(); ++i) {
        const auto& child = at_year.children[i];
        const auto& f = c.facts[i];
        auto it = by_child.find(child.id);
        if (it == by_child.end() || !child.dob || !f.looked_after_31mar || !f.period) continue;
        bool twelve = child.history.periods[*f.period].start <= start_of_903_year;
        members.push_back({i, &it->second, care::age_on(*child.dob, age_day), twelve});
    }

    std::vector<std::string> placement_groups;
    for (const auto& [group, codes] : choices.placement_groups) placement_groups.push_back(group);
    EducationMeasures out;
    out.year = academic_year;
    for (const Measure& m : measure_list(academic_year)) {
        const bool any_length = m.id == "edu_pep";   // every child in care on 31 March needs a plan
        std::vector<std::pair<const Member*, Part>> parts;
        for (const Member& mem : members) {
            if (!any_length && !mem.twelve_months) continue;
            if (auto p = m.part(*mem.records, mem.age_31aug)) parts.emplace_back(&mem, *p);
        }
        auto figure = [&](std::string breakdown, const std::function<bool(const Member&)>& in) {
            EducationFigure f;
            f.row.id = std::string(m.id);
            f.row.breakdown = std::move(breakdown);
            f.row.kind = m.kind;
            for (const auto& [mem, p] : parts) {
                if (!in(*mem)) continue;
                f.row.numerator += p.numerator;
                f.row.denominator += p.denominator;
                ++f.children;
                f.children_counted += p.counted;
            }
            out.figures.push_back(std::move(f));
        };
        figure("", [](const Member&) { return true; });
        for (const auto& band : measures::age_bands())
            figure("age:" + band, [&](const Member& mem) {
                const auto& age = c.facts[mem.index].age;
                return age && measures::age_band(*age) == band;
            });
        for (const auto& group : placement_groups)
            figure("placement:" + group,
                   [&](const Member& mem) { return c.facts[mem.index].placement_group == group; });
    }
    return out;
}

std::optional<double> value_of(const EducationFigure& f) {
    if (f.suppressed || f.children == 0) return std::nullopt;
    auto t = f.row.tenths();
    if (!t) return std::nullopt;
    return static_cast<double>(*t) / 10.0;
}

void control_disclosure(EducationMeasures& m, const measures::DisclosureRules& rules) {
    // Groups: a plain row alone; the rows of one measure and one breakdown dimension together.
    std::map<std::pair<std::string, std::string>, std::vector<EducationFigure*>> groups;
    for (auto& f : m.figures) {
        auto colon = f.row.breakdown.find(':');
        std::string dimension = colon == std::string::npos ? "" : f.row.breakdown.substr(0, colon);
        if (dimension.empty()) {
            std::vector<measures::Cell> cells{{f.children_counted, f.children, false}};
            measures::control_disclosure(cells, rules, false);
            f.suppressed = cells[0].suppressed;
        } else {
            groups[{f.row.id, dimension}].push_back(&f);
        }
    }
    for (auto& [key, figures] : groups) {
        std::vector<measures::Cell> cells;
        for (const auto* f : figures) cells.push_back({f->children_counted, f->children, false});
        measures::control_disclosure(cells, rules, true);
        for (std::size_t i = 0; i < figures.size(); ++i) figures[i]->suppressed = cells[i].suppressed;
    }
}

const EducationFigure* find_figure(const EducationMeasures& m, std::string_view id, std::string_view breakdown) {
    for (const auto& f : m.figures)
        if (f.row.id == id && f.row.breakdown == breakdown) return &f;
    return nullptr;
}

}  // namespace corparent::education
