// The local offer itself (/offer/catalogue, everyone): each area's entitlements, who they are for, who
// provides them and when they are next reviewed. Officers (administrators, participation officers and
// Board officers) change an entitlement or add one (/offer/catalogue/<id>, /offer/catalogue/new); every
// change is audited. The catalogue holds no child's data.
#include <fmt/format.h>

#include "measures/children.h"
#include "offer/catalogue.h"
#include "offer/young_people.h"
#include "render/page.h"
#include "web/context.h"

namespace corparent::web {
namespace {

bool edits_catalogue(accounts::Role role) {
    return role == accounts::Role::Admin || role == accounts::Role::Participation || role == accounts::Role::BoardOfficer;
}

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (auto line = trimmed(text.substr(start, end - start)); !line.empty()) out.push_back(line);
        start = end + 1;
    }
    return out;
}

// A whole number from a form field: none when blank; `bad` when it is not one.
std::optional<int> age_field(const std::string& text, bool& bad) {
    std::string t = trimmed(text);
    if (t.empty()) return std::nullopt;
    if (t.size() > 3 || t.find_first_not_of("0123456789") != std::string::npos) {
        bad = true;
        return std::nullopt;
    }
    return std::stoi(t);
}

std::optional<care::Date> date_field(const std::string& day, const std::string& month, const std::string& year) {
    return care::parse_dmy(trimmed(day) + "/" + trimmed(month) + "/" + trimmed(year));
}

nlohmann::json form_view(Context& c, const offer::Entitlement& e, bool adding, const std::map<std::string, std::string>& problems,
                         const std::map<std::string, std::string>& raw) {
    auto v = c.view(adding ? "Add an entitlement" : "Change " + e.name, "/offer");
    v["adding"] = adding;
    v["action"] = adding ? "/offer/catalogue/new" : "/offer/catalogue/" + e.id;
    v["heading"] = adding ? "Add an entitlement" : "Change: " + e.name;
    v["id"] = e.id;
    v["name"] = e.name;
    v["description"] = e.description;
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& a : offer::areas()) areas.push_back({{"id", a.id}, {"name", a.name}, {"checked", a.id == e.area}});
    v["areas"] = areas;
    nlohmann::json who = nlohmann::json::array();
    for (auto g : {offer::Group::ChildInCare, offer::Group::CareLeaver})
        who.push_back({{"id", std::string(offer::group_id(g))},
                       {"name", std::string(offer::group_name(g))},
                       {"checked", std::find(e.rule.who.begin(), e.rule.who.end(), g) != e.rule.who.end()}});
    v["who"] = who;
    auto raw_or = [&](const std::string& key, const std::string& value) {
        auto it = raw.find(key);
        return it != raw.end() ? it->second : value;
    };
    v["age_from"] = raw_or("age_from", e.rule.age_from ? std::to_string(*e.rule.age_from) : "");
    v["age_until"] = raw_or("age_until", e.rule.age_until ? std::to_string(*e.rule.age_until) : "");
    std::string conditions;
    for (const auto& x : e.conditions) conditions += (conditions.empty() ? "" : "\n") + x;
    v["conditions"] = conditions;
    v["provider"] = e.provider;
    std::chrono::year_month_day review{e.review};
    v["review_day"] = raw_or("review_day", std::to_string(static_cast<unsigned>(review.day())));
    v["review_month"] = raw_or("review_month", std::to_string(static_cast<unsigned>(review.month())));
    v["review_year"] = raw_or("review_year", std::to_string(static_cast<int>(review.year())));
    if (!problems.empty()) {
        nlohmann::json errors = nlohmann::json::array();
        // In the form's order, each linking to its field.
        for (const char* field : {"id", "name", "description", "area", "who", "age_from", "age_until", "conditions",
                                  "provider", "review"}) {
            auto it = problems.find(field);
            if (it == problems.end()) continue;
            std::string anchor = field == std::string("area") ? "area-" + offer::areas().front().id
                                 : field == std::string("who") ? "who-child_in_care"
                                 : field == std::string("review") ? "review-day"
                                                                  : std::string(field);
            errors.push_back({{"field", anchor}, {"message", it->second}});
            v[std::string(field) + "_error"] = it->second;
        }
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", {{"errors", errors}});
    }
    return v;
}

}  // namespace

Response offer_catalogue(Context& c) {
    auto v = c.view("The local offer", "/offer");
    const auto catalogue = offer::load_catalogue(c.db);
    if (!catalogue.source.empty()) v["source"] = catalogue.source;
    const bool editor = edits_catalogue(c.session->user.role);
    if (editor) v["editor"] = true;
    if (c.request.query_value("saved") != "") {
        if (const auto* e = catalogue.find(c.request.query_value("saved"))) v["saved"] = e->name;
    }
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& a : offer::areas()) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& e : catalogue.entitlements) {
            if (e.area != a.id) continue;
            nlohmann::json item = {{"id", e.id},
                                   {"name", e.name},
                                   {"description", e.description},
                                   {"who", offer::describe(e.rule)},
                                   {"provider", e.provider},
                                   {"review", measures::long_date(e.review)}};
            if (!e.conditions.empty()) item["conditions"] = e.conditions;
            if (editor) item["change"] = "/offer/catalogue/" + e.id;
            items.push_back(item);
        }
        nlohmann::json area = {{"id", a.id}, {"name", a.name}, {"entitlements", items}};
        if (items.empty()) area["none"] = true;
        areas.push_back(area);
    }
    v["areas"] = areas;
    return c.page("offer_catalogue", v);
}

Response offer_entitlement_edit(Context& c) {
    const std::string id = url_decode(c.request.path.substr(std::string("/offer/catalogue/").size()));
    const bool adding = id == "new";
    const auto catalogue = offer::load_catalogue(c.db);
    offer::Entitlement e;
    if (!adding) {
        const auto* held = catalogue.find(id);
        if (!held) return error_page(c, 404);
        e = *held;
    } else {
        e.review = care::year_end(static_cast<int>(std::chrono::year_month_day{offer::today()}.year()) + 1);
    }
    if (c.request.method == "GET") return c.page("offer_entitlement", form_view(c, e, adding, {}, {}));

    const auto& r = c.request;
    if (adding) e.id = trimmed(r.form_value("id"));
    e.name = trimmed(r.form_value("name"));
    e.description = trimmed(r.form_value("description"));
    e.area = r.form_value("area");
    e.rule.who.clear();
    for (auto g : {offer::Group::ChildInCare, offer::Group::CareLeaver})
        if (r.form_value(std::string("who_") + std::string(offer::group_id(g))) == "yes") e.rule.who.push_back(g);
    std::map<std::string, std::string> problems, raw = {{"age_from", r.form_value("age_from")},
                                                       {"age_until", r.form_value("age_until")},
                                                       {"review_day", r.form_value("review_day")},
                                                       {"review_month", r.form_value("review_month")},
                                                       {"review_year", r.form_value("review_year")}};
    bool bad_from = false, bad_until = false;
    e.rule.age_from = age_field(r.form_value("age_from"), bad_from);
    e.rule.age_until = age_field(r.form_value("age_until"), bad_until);
    e.conditions = lines_of(r.form_value("conditions"));
    e.provider = trimmed(r.form_value("provider"));
    auto review = date_field(r.form_value("review_day"), r.form_value("review_month"), r.form_value("review_year"));
    if (review) e.review = *review;
    problems = offer::check_entitlement(e, catalogue, adding);
    if (bad_from) problems["age_from"] = "The age it starts at must be a whole number from 0 to 25, or blank";
    if (bad_until) problems["age_until"] = "The age it ends at must be a whole number from 0 to 25, or blank";
    if (!review) problems["review"] = "Enter the review date as a real day, for example 1 4 2026";
    if (problems.empty()) problems = offer::save_entitlement(c.db, e, adding, c.actor());
    if (!problems.empty()) return c.page("offer_entitlement", form_view(c, e, adding, problems, raw), 400);
    return Response::redirect("/offer/catalogue?saved=" + url_encode(e.id));
}

}  // namespace corparent::web
