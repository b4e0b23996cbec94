#include "render/page.h"

#include <map>
#include <stdexcept>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "render/embedded.h"

namespace corparent::render {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

data to_data(const nlohmann::json& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::object: {
        data d{data::type::object};
        for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_data(it.value()));
        return d;
    }
    case nlohmann::json::value_t::array: {
        data d{data::type::list};
        for (const auto& item : j) d.push_back(to_data(item));
        return d;
    }
    case nlohmann::json::value_t::boolean: return j.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
    case nlohmann::json::value_t::string: return data{j.get<std::string>()};
    case nlohmann::json::value_t::null: return data{data::type::bool_false};
    default: return data{j.dump()};
    }
}

// Each thread parses a template once and keeps it: kainjow's render() is not const, so threads do not
// share parsed templates.
mustache& compiled(std::string_view name) {
    thread_local std::map<std::string, std::unique_ptr<mustache>, std::less<>> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return *it->second;
    std::string key = "templates/" + std::string(name) + ".mustache";
    auto file = embedded_files().find(key);
    if (file == embedded_files().end()) throw std::logic_error("no template " + key);
    auto t = std::make_unique<mustache>(std::string(file->second));
    if (!t->is_valid()) throw std::logic_error(key + ": " + t->error_message());
    return *cache.emplace(std::string(name), std::move(t)).first->second;
}

}  // namespace

std::string fragment(std::string_view name, const nlohmann::json& view) {
    return compiled(name).render(to_data(view));
}

std::string in_layout(const std::string& content, const nlohmann::json& view) {
    nlohmann::json layout = view;
    layout["content"] = content;
    return compiled("layout").render(to_data(layout));
}

std::string page(std::string_view name, const nlohmann::json& view) { return in_layout(fragment(name, view), view); }

}  // namespace corparent::render
