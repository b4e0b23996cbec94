#include "web/multipart.h"

namespace corparent::web {
namespace {

// The value of a parameter in a header such as `form-data; name="files"; filename="a.csv"`.
std::string parameter(std::string_view header, std::string_view key) {
    std::size_t p = 0;
    while ((p = header.find(key, p)) != std::string_view::npos) {
        bool starts = p == 0 || header[p - 1] == ' ' || header[p - 1] == ';';
        std::size_t after = p + key.size();
        if (starts && after < header.size() && header[after] == '=') {
            std::size_t v = after + 1;
            if (v < header.size() && header[v] == '"') {
                std::size_t end = header.find('"', v + 1);
                return std::string(header.substr(v + 1, end == std::string_view::npos ? std::string_view::npos : end - v - 1));
            }
            std::size_t end = header.find(';', v);
            return std::string(header.substr(v, end == std::string_view::npos ? std::string_view::npos : end - v));
        }
        p = after;
    }
    return "";
}

}  // namespace

std::optional<std::vector<Part>> parse_multipart(std::string_view content_type, std::string_view body) {
    if (!content_type.starts_with("multipart/form-data")) return std::nullopt;
    std::string boundary = parameter(content_type, "boundary");
    if (boundary.empty() || boundary.size() > 200) return std::nullopt;
    const std::string delimiter = "--" + boundary;
    std::vector<Part> parts;
    std::size_t p = body.find(delimiter);
    if (p == std::string_view::npos) return std::nullopt;
    for (;;) {
        p += delimiter.size();
        if (body.substr(p, 2) == "--") return parts;   // the closing delimiter
        if (body.substr(p, 2) != "\r\n") return std::nullopt;
        p += 2;
        std::size_t headers_end = body.find("\r\n\r\n", p);
        if (headers_end == std::string_view::npos) return std::nullopt;
        Part part;
        std::string_view headers = body.substr(p, headers_end - p);
        std::size_t line_start = 0;
        while (line_start <= headers.size()) {
            std::size_t line_end = headers.find("\r\n", line_start);
            std::string_view line = headers.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_start);
            std::string lower(line.substr(0, line.find(':')));
            for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == "content-disposition") {
                part.name = parameter(line, "name");
                part.filename = parameter(line, "filename");
            }
            if (line_end == std::string_view::npos) break;
            line_start = line_end + 2;
        }
        std::size_t content_start = headers_end + 4;
        std::size_t next = body.find("\r\n" + delimiter, content_start);
        if (next == std::string_view::npos) return std::nullopt;
        part.content = std::string(body.substr(content_start, next - content_start));
        parts.push_back(std::move(part));
        p = next + 2;
    }
}

}  // namespace corparent::web
