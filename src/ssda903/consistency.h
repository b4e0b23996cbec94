// Checks across the rows and tables of one return: the DfE rules that need more than one field.
#pragma once

#include "ssda903/return_reader.h"

namespace corparent::ssda903 {

// Adds a finding for every inconsistency; changes no value.
void check_consistency(ReturnData& data);

}  // namespace corparent::ssda903
