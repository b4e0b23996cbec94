// Checking and normalising one field's value.
#pragma once

#include <string>
#include <string_view>

#include "ssda903/schema.h"

namespace corparent::ssda903 {

enum class ValueStatus { Ok, Blank, Invalid };

// Trims and upper-cases `raw` into `out` (dates become yyyy-mm-dd) and says whether it is valid for the
// field in the return for `year`. `out` is the value to store when Ok.
ValueStatus check_value(const FieldSpec& field, int year, std::string_view raw, std::string& out);

// What a valid value of the field looks like, for a finding's message.
std::string expected_value(const FieldSpec& field, int year);

}  // namespace corparent::ssda903
