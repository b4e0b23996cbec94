#include "web/http.h"

namespace corparent::web {

std::string Request::query_value(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? "" : it->second;
}

std::string Request::form_value(const std::string& name) const {
    auto it = form.find(name);
    return it == form.end() ? "" : it->second;
}

Response Response::redirect(const std::string& location) {
    Response r;
    r.status = 303;
    r.header("Location", location);
    return r;
}

std::string url_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '+') out += ' ';
        else if (c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else out += c;
    }
    return out;
}

std::map<std::string, std::string> parse_urlencoded(std::string_view text) {
    std::map<std::string, std::string> out;
    std::size_t p = 0;
    while (p <= text.size()) {
        std::size_t amp = text.find('&', p);
        if (amp == std::string_view::npos) amp = text.size();
        std::string_view pair = text.substr(p, amp - p);
        if (!pair.empty()) {
            std::size_t eq = pair.find('=');
            std::string key = url_decode(pair.substr(0, eq));
            std::string value = eq == std::string_view::npos ? "" : url_decode(pair.substr(eq + 1));
            out.emplace(std::move(key), std::move(value));   // the first of a repeated name wins
        }
        p = amp + 1;
    }
    return out;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
    std::map<std::string, std::string> out;
    std::size_t p = 0;
    while (p < header.size()) {
        std::size_t semi = header.find(';', p);
        if (semi == std::string_view::npos) semi = header.size();
        std::string_view pair = header.substr(p, semi - p);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos) out.emplace(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
        p = semi + 1;
    }
    return out;
}

std::string url_encode(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~')
            out += static_cast<char>(c);
        else {
            static const char* digits = "0123456789ABCDEF";
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

}  // namespace corparent::web
