// The children, one by one, for the roles that see child-level data: the children looked after in a
// year, filtered (in care at 31 March, placement group, age band, recent moves, a CHILD id or name),
// a page of 50 at a time. A worker sees their caseload only. Every view is audited with its filters
// (never a name, nor the words searched for, which may be one).
#include <fmt/format.h>

#include <algorithm>

#include "measures/children.h"
#include "web/context.h"

namespace corparent::web {
namespace {

constexpr std::size_t kPageSize = 50;

struct Query {
    std::optional<int> year;
    std::string in_care;       // "", "yes", "no"
    std::string placement;     // "" or a placement group
    std::string age;           // "" or an age band
    int moves = 0;             // 0: any
    std::string q;             // search
    std::size_t page = 1;
};

std::optional<int> number(const std::string& text, int low, int high) {
    if (text.empty() || text.size() > 6) return std::nullopt;
    for (char ch : text)
        if (ch < '0' || ch > '9') return std::nullopt;
    int v = std::stoi(text);
    if (v < low || v > high) return std::nullopt;
    return v;
}

// The filters as asked for; anything that is not one of the choices offered is ignored.
Query read_query(const Context& c) {
    Query q;
    q.year = number(c.request.query_value("year"), 1990, 2100);
    std::string in_care = c.request.query_value("in_care");
    if (in_care == "yes" || in_care == "no") q.in_care = in_care;
    std::string placement = c.request.query_value("placement");
    for (const auto& [group, codes] : c.settings.choices.placement_groups)
        if (group == placement) q.placement = placement;
    std::string age = c.request.query_value("age");
    const auto& bands = measures::age_bands();
    if (std::find(bands.begin(), bands.end(), age) != bands.end()) q.age = age;
    q.moves = number(c.request.query_value("moves"), 0, 20).value_or(0);
    q.q = c.request.query_value("q");
    while (!q.q.empty() && q.q.back() == ' ') q.q.pop_back();
    while (!q.q.empty() && q.q.front() == ' ') q.q.erase(0, 1);
    if (q.q.size() > 100) q.q.resize(100);
    q.page = static_cast<std::size_t>(number(c.request.query_value("page"), 1, 1000000).value_or(1));
    return q;
}

std::string link(const Query& q, int year, std::size_t page) {
    std::string out = fmt::format("/children?year={}", year);
    if (!q.in_care.empty()) out += "&in_care=" + q.in_care;
    if (!q.placement.empty()) out += "&placement=" + url_encode(q.placement);
    if (!q.age.empty()) out += "&age=" + url_encode(q.age);
    if (q.moves) out += fmt::format("&moves={}", q.moves);
    if (!q.q.empty()) out += "&q=" + url_encode(q.q);
    if (page > 1) out += fmt::format("&page={}", page);
    return out;
}

// What the audit log keeps of a view: the filters, never a name or the words searched for.
std::string audit_detail(const Query& q, int year, std::size_t shown, std::size_t found) {
    std::string d = fmt::format("year={}", year);
    if (!q.in_care.empty()) d += " in_care=" + q.in_care;
    if (!q.placement.empty()) d += " placement=" + q.placement;
    if (!q.age.empty()) d += " age=" + q.age;
    if (q.moves) d += fmt::format(" moves>={}", q.moves);
    if (!q.q.empty()) d += " search=given";
    d += fmt::format(" page={}; {} of {} children shown", q.page, shown, found);
    return d;
}

nlohmann::json option(const std::string& value, const std::string& text, bool selected) {
    return {{"value", value}, {"text", text}, {"selected", selected}};
}

}  // namespace

Response children_list(Context& c) {
    const auto& user = c.session->user;
    const bool worker = user.role == accounts::Role::Worker;
    auto v = c.view("Children", "/children");
    v["worker"] = worker;
    if (worker && (!user.sw_id || user.sw_id->empty())) {
        // No SW_ID, no caseload: nothing to show, and nothing was seen.
        v["no_sw_id"] = true;
        return c.page("children", v);
    }

    Query q = read_query(c);
    measures::ChildFilter filter;
    filter.year = q.year;
    if (!q.in_care.empty()) filter.in_care_31mar = q.in_care == "yes";
    filter.placement_group = q.placement;
    filter.age_band = q.age;
    filter.min_moves = q.moves;
    filter.search = q.q;
    if (worker) filter.caseload = *user.sw_id;
    measures::ChildrenList list;
    try {
        list = measures::list_children(c.db, c.settings.choices, filter);
    } catch (const std::invalid_argument&) {
        // A year that is not loaded: the latest instead.
        q.year.reset();
        filter.year.reset();
        list = measures::list_children(c.db, c.settings.choices, filter);
    }
    if (list.year == 0) {
        v["no_data"] = true;
        return c.page("children", v);
    }
    const std::size_t found = list.children.size();
    const std::size_t pages = std::max<std::size_t>(1, (found + kPageSize - 1) / kPageSize);
    q.page = std::min(q.page, pages);
    const std::size_t first = (q.page - 1) * kPageSize, last = std::min(found, first + kPageSize);
    accounts::audit(c.db, c.actor(), "view.children", worker ? "caseload " + *user.sw_id : "children",
                    audit_detail(q, list.year, last - first, found));

    const std::string year_label = care::collection_year_label(list.year);
    const std::string day = measures::long_date(care::year_end(list.year));
    v["has_data"] = true;
    v["year_label"] = year_label;
    v["day"] = day;
    v["names_imported"] = list.names_imported;
    v["sw_id"] = worker ? *user.sw_id : "";
    v["looked_after"] = list.looked_after;

    nlohmann::json years = nlohmann::json::array();
    for (auto it = list.years.rbegin(); it != list.years.rend(); ++it)
        years.push_back(option(std::to_string(*it), "31 March " + std::to_string(*it) + " (" +
                                                        care::collection_year_label(*it) + ")",
                               *it == list.year));
    v["years"] = years;
    v["in_care_options"] = nlohmann::json::array({option("", "Either", q.in_care.empty()),
                                                  option("yes", "Yes", q.in_care == "yes"),
                                                  option("no", "No: left care during the year", q.in_care == "no")});
    nlohmann::json groups = nlohmann::json::array({option("", "Any", q.placement.empty())});
    for (const auto& [group, codes] : c.settings.choices.placement_groups)
        groups.push_back(option(group, measures::placement_group_label(group), group == q.placement));
    v["placement_options"] = groups;
    nlohmann::json ages = nlohmann::json::array({option("", "Any", q.age.empty())});
    for (const auto& band : measures::age_bands())
        ages.push_back(option(band, band == "under 1" || band == "16 and over" ? band : band + " years", band == q.age));
    v["age_options"] = ages;
    nlohmann::json moves = nlohmann::json::array({option("0", "Any", q.moves == 0)});
    for (int n : {1, 2, 3})
        moves.push_back(option(std::to_string(n), fmt::format("{} or more", n), q.moves == n));
    v["moves_options"] = moves;
    v["q"] = q.q;
    v["filtered"] = !q.in_care.empty() || !q.placement.empty() || !q.age.empty() || q.moves || !q.q.empty();

    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = first; i < last; ++i) {
        const auto& r = list.children[i];
        rows.push_back({
            {"child", r.child},
            {"href", "/children/" + url_encode(r.child)},
            {"name", r.name},
            {"has_name", !r.name.empty()},
            {"case_id", r.case_id},
            {"age", r.age ? std::to_string(*r.age) : std::string("not known")},
            {"in_care", r.in_care_31mar ? "Yes" : "No"},
            {"placement", r.in_care_31mar ? (r.placement_group.empty() ? (r.place.empty() ? std::string("not recorded") : r.place)
                                                                       : measures::placement_group_label(r.placement_group))
                                          : std::string()},
            {"place", r.place},
            {"moves", std::to_string(r.moves)},
            {"sw_id", r.sw_id.empty() ? std::string("none recorded") : r.sw_id},
        });
    }
    v["children"] = rows;
    v["found"] = found;
    v["has_children"] = found > 0;
    v["found_label"] = found == 1 ? "child" : "children";
    if (found > 0) {
        v["showing"] = fmt::format("Showing {} to {} of {}", first + 1, last, found);
    }
    if (pages > 1) {
        nlohmann::json p = nlohmann::json::object();
        if (q.page > 1) p["previous"] = link(q, list.year, q.page - 1);
        if (q.page < pages) p["next"] = link(q, list.year, q.page + 1);
        nlohmann::json items = nlohmann::json::array();
        for (std::size_t n = 1; n <= pages; ++n) {
            // The first, the last, and those next to the current page; an ellipsis between.
            if (n == 1 || n == pages || (n + 1 >= q.page && n <= q.page + 1))
                items.push_back({{"number", std::to_string(n)}, {"href", link(q, list.year, n)}, {"current", n == q.page}});
            else if (items.empty() || !items.back().contains("ellipsis"))
                items.push_back({{"ellipsis", true}});
        }
        p["items"] = items;
        v["pages"] = p;
    }
    return c.page("children", v);
}

}  // namespace corparent::web
