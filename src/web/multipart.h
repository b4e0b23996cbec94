// multipart/form-data bodies (RFC 7578): what a file upload form sends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corparent::web {

struct Part {
    std::string name;       // the form field
    std::string filename;   // "" for a plain field
    std::string content;
};

// The parts of a body, given the request's Content-Type (which names the boundary); nullopt when the
// body is not well-formed multipart.
std::optional<std::vector<Part>> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace corparent::web
