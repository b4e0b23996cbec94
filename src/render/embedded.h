// Files built into the binary (templates/, assets/ and GOV.UK Frontend's), by name.
#pragma once

#include <map>
#include <string_view>

namespace corparent::render {

// "templates/layout.mustache", "assets/govuk-frontend.min.css", ...
const std::map<std::string_view, std::string_view>& embedded_files();

}  // namespace corparent::render
