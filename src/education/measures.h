// Education measures for one academic year A (2025 = 2024/25), over the children the 903 says were
// looked after, paired with the 903 year ending 31 March A (docs/education.md says why and who counts).
// Rows as the 903 measures give them (measures::MeasureRow), with "age:<band>" and "placement:<group>"
// breakdowns, and each figure's number of children for disclosure control.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "measures/choices.h"
#include "measures/council.h"
#include "measures/definitions.h"
#include "measures/disclosure.h"
#include "measures/measure_row.h"
#include "store/education.h"

namespace corparent::education {

// edu_attendance ... edu_ks4_em4, in the order pages show them.
const std::vector<measures::MeasureDefinition>& education_definitions();

struct EducationFigure {
    // edu_attendance: numerator and denominator are sessions. edu_ks4_attainment8: a Mean whose numerator
    // is the sum of scores in tenths of a point and denominator ten times the children, so that
    // MeasureRow::tenths() gives the mean to one decimal.
    measures::MeasureRow row;
    long long children = 0;          // children the figure is about
    long long children_counted = 0;  // of them, those in the numerator (= children for sums and means)
    bool suppressed = false;
};

struct EducationMeasures {
    int year = 0;                    // academic year
    std::vector<EducationFigure> figures;   // each measure's plain row, then its breakdowns
};

// The census day of the PEP measure: 31 March A, the 903 year's last day. A PEP counts when dated in the
// six months to it: 1 October A-1 to 31 March A.
care::Date pep_census(int academic_year);

// Computes year A's measures. `council` may be loaded for any 903 year: only its children's histories and
// dates of birth are read, at 31 March A. Records of other years, and records without a CHILD, are left out.
EducationMeasures compute_education(const measures::Council& council, const measures::Choices& choices,
                                    const std::vector<store::EducationRecord>& records, int academic_year);

// The value to one decimal: a percentage or mean; none without children or where suppressed.
std::optional<double> value_of(const EducationFigure& f);

// Disclosure control (measures::control_disclosure) on children, never sessions or points: each plain
// row alone, the groups of each breakdown together.
void control_disclosure(EducationMeasures& m, const measures::DisclosureRules& rules);

// One figure by id and breakdown ("" plain); nullptr when absent.
const EducationFigure* find_figure(const EducationMeasures& m, std::string_view id, std::string_view breakdown = "");

}  // namespace corparent::education
