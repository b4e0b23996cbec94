// Section 4: health and offending of the children looked after continuously for 12 months (OC2).
#include <functional>

#include "measures/context.h"

namespace corparent::measures {

void health_and_offending(Context& c) {
    struct Tally {
        long long numerator = 0, denominator = 0;
    };
    Tally assessment, immunisations, teeth, development, convicted, substance, sdq_received, sdq_concern;
    long long sdq_sum = 0, sdq_scored = 0, normal = 0, borderline = 0;
    auto count = [](Tally& t, bool yes) {
        ++t.denominator;
        t.numerator += yes;
    };
    for (const Child& child : c.council.children) {
        if (!child.oc2) continue;
        const HealthRow& row = *child.oc2;
        count(assessment, row.health_assessment == "1");
        count(immunisations, row.immunisations == "1");
        count(teeth, row.teeth_check == "1");
        count(substance, row.substance_misuse == "1");
        if (!child.dob) {   // no age: left out of every measure with an age range
            for (const char* id : {"development_check", "convicted", "sdq_received", "sdq_average", "sdq_concern", "sdq_band"})
                c.exclude(id, child, "no valid date of birth");
            continue;
        }
        int age = care::age_on(*child.dob, c.end);   // the Header's DOB (spec 8.16)
        if (age <= 4) count(development, row.health_check == "1");
        if (age >= 10 && age <= 17) count(convicted, row.convicted == "1");
        if (age >= 5 && age <= 16) {
            count(sdq_received, row.sdq_score.has_value());
            if (row.sdq_score) {
                int s = *row.sdq_score;
                sdq_sum += s;
                ++sdq_scored;
                count(sdq_concern, s >= 17);
                normal += s <= 13;
                borderline += s >= 14 && s <= 16;
            }
        }
    }
    c.add("health_assessment", "", Kind::Percent, assessment.numerator, assessment.denominator);
    c.add("immunisations", "", Kind::Percent, immunisations.numerator, immunisations.denominator);
    c.add("teeth_check", "", Kind::Percent, teeth.numerator, teeth.denominator);
    c.add("development_check", "", Kind::Percent, development.numerator, development.denominator);
    c.add("convicted", "", Kind::Percent, convicted.numerator, convicted.denominator);
    c.add("substance_misuse", "", Kind::Percent, substance.numerator, substance.denominator);
    c.add("sdq_received", "", Kind::Percent, sdq_received.numerator, sdq_received.denominator);
    c.add("sdq_average", "", Kind::Mean, sdq_sum, sdq_scored);
    c.add("sdq_concern", "", Kind::Percent, sdq_concern.numerator, sdq_concern.denominator);
    c.add("sdq_band", "normal", Kind::Percent, normal, sdq_scored);
    c.add("sdq_band", "borderline", Kind::Percent, borderline, sdq_scored);
    c.add("sdq_band", "concern", Kind::Percent, sdq_concern.numerator, sdq_scored);
}

}  // namespace corparent::measures
