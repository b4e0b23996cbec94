// How a measure's figure reads wherever people see it (web pages, the Board's papers): whole numbers as
// DfE publishes them, c where suppressed, and which way it moved, with the measure's polarity.
#pragma once

#include <string>

#include "measures/report.h"

namespace corparent::measures {

std::string figure_text(const Figure& f);         // "9%", "771", "14.8", "c", "no data"
std::string fraction_text(const Figure& f);       // "70 of 771", "" for counts, "c"
std::string published_text(const PublishedValue& v);
std::string breakdown_label(const std::string& breakdown);  // "aged 19-21", "missing", ...
// A measure key's label: "cl_eet:19-21" -> "<the measure's name>: aged 19-21"; the key itself when unknown.
std::string measure_label(const std::string& key);
// "Better", "Worse", "No change" (by polarity) or "" when either year has no figure or no polarity.
std::string direction(const Figure& now, const Figure* before);

}  // namespace corparent::measures
