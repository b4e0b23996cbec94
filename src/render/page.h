// HTML pages from the mustache templates built into the binary (templates/). Values are HTML-escaped
// unless a template uses {{{triple}}} braces on markup that corparent itself made.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace corparent::render {

// templates/<name>.mustache rendered with `view`, inside templates/layout.mustache. The layout reads
// title, council, and (when signed in) user, role, csrf and the navigation.
std::string page(std::string_view name, const nlohmann::json& view);

// Content already rendered (by fragment()), put inside the layout.
std::string in_layout(const std::string& content, const nlohmann::json& view);

// One template alone (no layout).
std::string fragment(std::string_view name, const nlohmann::json& view);

}  // namespace corparent::render
