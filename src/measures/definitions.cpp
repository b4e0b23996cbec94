#include "measures/definitions.h"

#include <map>
#include <stdexcept>

namespace corparent::measures {

const std::vector<MeasureDefinition>& definitions() {
    using P = Polarity;
    static const std::vector<MeasureDefinition> all = {
        {"stability_short", "3 or more placements during the year",
         "Of the children in care on 31 March, the share who lived in 3 or more placements during the year.", P::LowIsGood},
        {"stability_long", "Same placement for at least 2 years",
         "Of the children under 16 in care on 31 March who have been in care for at least two and a half years, the "
         "share who have lived in the same placement (with the same carer) for at least 2 years.",
         P::HighIsGood},
        {"stability_short_2y", "3 or more placements in 2 years",
         "Of the children in care on 31 March who have been in care for at least 2 years, the share who lived in 3 "
         "or more placements during those 2 years.",
         P::LowIsGood},
        {"moves_unplanned", "Placement endings that were unplanned",
         "Of the placements that ended during the year with a recorded reason, the share that ended on an "
         "immediate basis (the carer or child asked, an allegation, standards of care, approval removed, closure).",
         P::LowIsGood},
        {"sw_stability", "3 or more social workers during the year",
         "Of the children in care on 31 March, the share who had 3 or more social workers during the year.", P::LowIsGood},
        {"cla_31mar", "Children in care on 31 March", "How many children were in care on 31 March.", P::None},
        {"started_in_year", "Periods of care that started", "How many periods of care started during the year.", P::None},
        {"ceased_in_year", "Periods of care that ended",
         "How many periods of care ended during the year, and how they ended.", P::None},
        {"placement_type", "Where children in care live",
         "The share of children in care on 31 March in each kind of placement.", P::None},
        {"uasc", "Unaccompanied asylum-seeking children",
         "Of the children in care on 31 March, the share who are unaccompanied asylum-seeking children.", P::None},
        {"review_participation", "Children who gave their views at reviews",
         "Of the reviews during the year of children aged 4 or over, the share at which the child gave their views.",
         P::HighIsGood},
        {"missing_pct", "Children who went missing or were away without authorisation",
         "Of the children in care at any time in the year, the share who went missing (M) or were away from their "
         "placement without authorisation (A) at least once.",
         P::LowIsGood},
        {"missing_incidents", "Incidents per child who went missing",
         "The average number of incidents for each child who went missing or was away.", P::LowIsGood},
        {"missing_open_31mar", "Children missing on 31 March",
         "How many children were missing or away on 31 March.", P::LowIsGood},
        {"health_assessment", "Annual health assessment",
         "Of the children in care for 12 months or more, the share who had their annual health assessment.", P::HighIsGood},
        {"immunisations", "Immunisations up to date",
         "Of the children in care for 12 months or more, the share whose immunisations are up to date.", P::HighIsGood},
        {"teeth_check", "Teeth checked by a dentist",
         "Of the children in care for 12 months or more, the share who had their teeth checked by a dentist.", P::HighIsGood},
        {"development_check", "Development checks up to date (under 5s)",
         "Of the children aged 0 to 4 in care for 12 months or more, the share whose development checks are up to date.",
         P::HighIsGood},
        {"convicted", "Convicted or cautioned (aged 10 to 17)",
         "Of the children aged 10 to 17 in care for 12 months or more, the share convicted or given a youth caution "
         "during the year.",
         P::LowIsGood},
        {"substance_misuse", "Substance misuse problem",
         "Of the children in care for 12 months or more, the share identified as having a substance misuse problem.",
         P::LowIsGood},
        {"sdq_received", "Strengths and difficulties questionnaire done",
         "Of the children aged 5 to 16 in care for 12 months or more, the share with an SDQ score.", P::HighIsGood},
        {"sdq_average", "Average SDQ score",
         "The average strengths and difficulties score of children aged 5 to 16 (higher means more difficulties).",
         P::LowIsGood},
        {"sdq_concern", "SDQ score a cause for concern",
         "Of the children aged 5 to 16 with an SDQ score, the share scoring 17 or more.", P::LowIsGood},
        {"sdq_band", "SDQ scores by band",
         "Of the children aged 5 to 16 with an SDQ score, the share scoring normal (0-13), borderline (14-16) and a "
         "cause for concern (17-40).",
         P::None},
        {"cl_in_touch", "Care leavers the council is in touch with",
         "Of the care leavers aged 17 to 21 around their birthday, the share the council was in touch with.", P::HighIsGood},
        {"cl_eet", "Care leavers in education, employment or training",
         "Of the care leavers aged 17 to 21 around their birthday, the share in education, employment or training.",
         P::HighIsGood},
        {"cl_neet", "Care leavers not in education, employment or training",
         "Of the care leavers aged 17 to 21 around their birthday, the share not in education, employment or training.",
         P::LowIsGood},
        {"cl_higher_education", "Care leavers in higher education",
         "Of the care leavers aged 17 to 21 around their birthday, the share in higher education.", P::HighIsGood},
        {"cl_suitable_accommodation", "Care leavers in suitable accommodation",
         "Of the care leavers aged 17 to 21 whose accommodation is known, the share in accommodation considered "
         "suitable.",
         P::HighIsGood},
    };
    return all;
}

const MeasureDefinition& definition(std::string_view id) {
    for (const auto& d : definitions())
        if (d.id == id) return d;
    throw std::out_of_range("unknown measure " + std::string(id));
}

std::vector<std::string> dfe_measures(std::string_view id, std::string_view breakdown) {
    static const std::map<std::pair<std::string_view, std::string_view>, std::vector<std::string>> map = {
        {{"stability_short", ""}, {"stability_3plus_placements_pct"}},
        {{"stability_long", ""}, {"stability_long_term_pct"}},
        {{"stability_short_2y", ""}, {"stability_3plus_placements_2yrs_pct"}},
        {{"cla_31mar", ""}, {"cla_31mar_count"}},
        {{"uasc", ""}, {"uasc_pct"}},
        {{"placement_type", "foster"}, {"placement_foster_pct"}},
        {{"placement_type", "adoption"}, {"placement_for_adoption_pct"}},
        {{"placement_type", "parents"}, {"placement_with_parents_pct"}},
        {{"placement_type", "childrens_homes"}, {"placement_secure_childrens_homes_pct"}},
        {{"placement_type", "supported"}, {"placement_independent_supported_pct"}},
        {{"placement_type", "residential_school"}, {"placement_residential_schools_pct"}},
        {{"placement_type", "other"}, {"placement_other_residential_pct", "placement_other_pct"}},
        {{"missing_pct", "M"}, {"missing_incident_pct"}},
        {{"missing_pct", "A"}, {"away_without_auth_pct"}},
        {{"health_assessment", ""}, {"health_assessment_pct"}},
        {{"immunisations", ""}, {"immunisations_pct"}},
        {{"teeth_check", ""}, {"dental_check_pct"}},
        {{"development_check", ""}, {"development_assessment_0to4_pct"}},
        {{"convicted", ""}, {"convictions_10to17_pct"}},
        {{"substance_misuse", ""}, {"substance_misuse_pct"}},
        {{"sdq_received", ""}, {"sdq_received_pct"}},
        {{"sdq_average", ""}, {"sdq_average_score"}},
        {{"sdq_concern", ""}, {"sdq_concern_pct"}},
        {{"sdq_band", "borderline"}, {"sdq_borderline_pct"}},
        {{"sdq_band", "concern"}, {"sdq_concern_pct"}},
        {{"cl_in_touch", "17-18"}, {"cl_17_18_in_touch_pct"}},
        {{"cl_in_touch", "19-21"}, {"cl_19_21_in_touch_pct"}},
        {{"cl_eet", "17-18"}, {"cl_17_18_eet_pct"}},
        {{"cl_eet", "19-21"}, {"cl_19_21_eet_pct"}},
        {{"cl_neet", "17-18"}, {"cl_17_18_neet_pct"}},
        {{"cl_neet", "19-21"}, {"cl_19_21_neet_pct"}},
        {{"cl_higher_education", "19-21"}, {"cl_19_21_higher_education_pct"}},
        {{"cl_suitable_accommodation", "17-18"}, {"cl_17_18_suitable_accom_pct"}},
        {{"cl_suitable_accommodation", "19-21"}, {"cl_19_21_suitable_accom_pct"}},
    };
    auto it = map.find({id, breakdown});
    return it == map.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace corparent::measures
