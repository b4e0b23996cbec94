// Requests and responses as the application sees them: plain values, so that every route can be tested
// without a socket.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corparent::web {

struct Request {
    std::string method;                          // GET, POST, ...
    std::string path;                            // without the query
    std::map<std::string, std::string> query;    // decoded
    std::map<std::string, std::string> cookies;
    std::map<std::string, std::string> form;     // an application/x-www-form-urlencoded body, decoded
    std::string content_type;
    std::string body;                            // kept only for multipart/form-data (uploads)
    std::string address;                         // the client's IP address

    std::string query_value(const std::string& name) const;
    std::string form_value(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;   // Location, Set-Cookie, Cache-Control, ...

    static Response redirect(const std::string& location);   // 303 See Other
    void header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

std::string url_decode(std::string_view text);   // + as space, %XX
std::map<std::string, std::string> parse_urlencoded(std::string_view text);
std::map<std::string, std::string> parse_cookies(std::string_view header);
std::string url_encode(std::string_view text);

}  // namespace corparent::web
