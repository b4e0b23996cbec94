// The young people the local offer is for, one by one (analysts, workers, administrators): the list
// (a worker's own caseload, with the entitlements each is eligible for and was never offered), and one
// young person's page: everything they are entitled to and where each stands, with a form for their
// worker to record a change, and for analysts and administrators to assign a care leaver's personal
// adviser. A worker sees and records only for their caseload: another is refused (403). Every view and
// every change is audited.
#include <fmt/format.h>

#include "measures/children.h"
#include "offer/take_up.h"
#include "render/page.h"
#include "store/accounts.h"
#include "web/context.h"

namespace corparent::web {
namespace {

constexpr std::size_t kPageSize = 50;

using accounts::Role;

std::string upper(std::string s) {
    for (char& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return s;
}

std::string lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

std::string who_text(const offer::YoungPerson& p) { return p.name.empty() ? "CHILD " + p.child : p.name; }

std::string group_text(const offer::YoungPerson& p) {
    return *p.standing.group == offer::Group::ChildInCare ? "Child in care" : "Care leaver";
}

std::string tag_class(std::optional<offer::TakeUpStatus> s) {
    if (!s) return "govuk-tag--grey";
    switch (*s) {
    case offer::TakeUpStatus::TakenUp: return "govuk-tag--green";
    case offer::TakeUpStatus::Offered: return "govuk-tag--blue";
    case offer::TakeUpStatus::Declined: return "govuk-tag--orange";
    case offer::TakeUpStatus::NotEligible: return "govuk-tag--grey";
    }
    return "";
}

// The young person named by the path after `prefix`, if the offer has them; nullptr otherwise.
const offer::YoungPerson* person_of(const Context& c, const offer::Offer& offer, const std::string& prefix) {
    std::string id = url_decode(c.request.path.substr(prefix.size()));
    if (id.empty() || id.size() > 64 || id.find('/') != std::string::npos) return nullptr;
    return offer.find(upper(id));
}

bool on_caseload(Context& c, const offer::YoungPerson& p) {
    const auto& user = c.session->user;
    if (user.role != Role::Worker) return true;
    return offer::offer_caseload(c.db, user).count(p.child) > 0;
}

Response young_person_page(Context& c, const offer::Offer& offer, const offer::YoungPerson& p,
                           const std::map<std::string, std::string>& problems, const std::map<std::string, std::string>& entered,
                           int status) {
    const auto& role = c.session->user.role;
    // The title names the CHILD id, never the young person.
    auto v = c.view("Young person " + p.child, "/offer");
    v["heading"] = who_text(p);
    if (c.request.query_value("recorded") == "1") v["recorded"] = true;
    if (c.request.query_value("assigned") == "1") v["assigned"] = true;
    nlohmann::json facts = nlohmann::json::array();
    auto fact = [&](const std::string& key, const std::string& value) { facts.push_back({{"key", key}, {"value", value}}); };
    fact("CHILD id", p.child);
    fact("Date of birth", p.dob ? measures::long_date(*p.dob) : "not recorded");
    if (p.standing.age) fact("Age on " + measures::long_date(offer.on), std::to_string(*p.standing.age));
    fact("On " + measures::long_date(offer.on),
         group_text(p) + (p.left_care ? ": left care on " + measures::long_date(*p.left_care) : ""));
    fact("Personal adviser", p.adviser.empty() ? "none assigned" : p.adviser);
    v["facts"] = facts;
    v["as_at"] = measures::long_date(offer.on);

    const auto standings = offer::entitlements_of(offer, p);
    nlohmann::json areas = nlohmann::json::array(), choices = nlohmann::json::array(), history = nlohmann::json::array();
    for (const auto& a : offer::areas()) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& s : standings) {
            if (s.entitlement->area != a.id) continue;
            nlohmann::json row = {{"name", s.entitlement->name},
                                  {"eligible", s.eligibility.eligible ? "Eligible" : "Not eligible"},
                                  {"eligible_class", s.eligibility.eligible ? "govuk-tag--green" : "govuk-tag--grey"},
                                  {"reason", s.eligibility.reason},
                                  {"status", s.status ? std::string(offer::status_name(*s.status)) : "Not offered yet"},
                                  {"status_class", tag_class(s.status)}};
            if (s.since) row["since"] = "since " + measures::long_date(*s.since);
            if (!s.entitlement->conditions.empty()) row["conditions"] = s.entitlement->conditions;
            if (s.counts_eligible() && !s.status) row["never_offered"] = true;
            rows.push_back(row);
        }
        if (!rows.empty()) areas.push_back({{"id", a.id}, {"name", a.name}, {"rows", rows}});
    }
    for (const auto& s : standings) {
        choices.push_back({{"id", s.entitlement->id}, {"name", s.entitlement->name},
                           {"selected", entered.count("entitlement") && entered.at("entitlement") == s.entitlement->id}});
        for (const auto& r : s.history) {
            auto st = offer::parse_status(r.status);
            nlohmann::json h = {{"date", care::parse_iso(r.on_date) ? measures::long_date(*care::parse_iso(r.on_date)) : r.on_date},
                                {"sort", r.on_date},
                                {"entitlement", s.entitlement->name},
                                {"status", st ? std::string(offer::status_name(*st)) : r.status},
                                {"by", r.source == "web" ? r.recorded_by : "import of " + r.source}};
            if (!r.note.empty()) h["note"] = r.note;
            history.push_back(h);
        }
    }
    std::stable_sort(history.begin(), history.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return a["sort"].get<std::string>() > b["sort"].get<std::string>();
    });
    v["areas"] = areas;
    v["history"] = history;
    if (history.empty()) v["no_history"] = true;

    if (role == Role::Worker) {
        nlohmann::json form = {{"action", "/offer/young-people/" + p.child}, {"entitlements", choices}};
        nlohmann::json radios = nlohmann::json::array();
        for (auto s : offer::statuses())
            radios.push_back({{"id", std::string(offer::status_id(s))}, {"name", std::string(offer::status_name(s))},
                              {"checked", entered.count("status") && entered.at("status") == offer::status_id(s)}});
        form["statuses"] = radios;
        for (const char* k : {"day", "month", "year", "note"})
            if (entered.count(k)) form[k] = entered.at(k);
        for (const auto& [field, message] : problems) form[field + "_error"] = message;
        v["record"] = form;
    }
    if (role == Role::Analyst || role == Role::Admin) {
        nlohmann::json advisers = nlohmann::json::array();
        advisers.push_back({{"email", ""}, {"label", "No personal adviser"}, {"selected", p.adviser.empty()}});
        for (const auto& u : store::list_users(c.db))
            if (u.role == accounts::role_id(Role::Worker) && !u.disabled)
                advisers.push_back({{"email", u.email}, {"label", u.email}, {"selected", lower(u.email) == lower(p.adviser)}});
        nlohmann::json form = {{"action", "/offer/advisers/" + p.child}, {"advisers", advisers}};
        if (problems.count("adviser")) form["adviser_error"] = problems.at("adviser");
        v["assign"] = form;
    }
    if (!problems.empty()) {
        nlohmann::json errors = nlohmann::json::array();
        for (const char* field : {"entitlement", "status", "date", "note", "adviser"}) {
            auto it = problems.find(field);
            if (it == problems.end()) continue;
            std::string anchor = field == std::string("status") ? "status-offered"
                                 : field == std::string("date") ? "date-day"
                                                                : std::string(field);
            errors.push_back({{"field", anchor}, {"message", it->second}});
        }
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", {{"errors", errors}});
    }
    return c.page("offer_young_person", v, status);
}

std::string list_link(const std::string& group, const std::string& q, std::size_t page) {
    return fmt::format("/offer/young-people?group={}&q={}&page={}", url_encode(group), url_encode(q), page);
}

}  // namespace

Response offer_young_people(Context& c) {
    const auto& user = c.session->user;
    const bool worker = user.role == Role::Worker;
    auto v = c.view(worker ? "Your young people's entitlements" : "Young people's entitlements", "/offer");
    v["heading"] = worker ? "Your young people's entitlements" : "Young people's entitlements";
    if (worker) v["worker"] = true;
    const auto offer = offer::load_offer(c.db, c.settings.choices);
    const std::string group = c.request.query_value("group"), q = c.request.query_value("q");
    accounts::audit(c.db, c.actor(), "view.offer.young_people", worker ? "caseload" : "all",
                    fmt::format("group={} search={}", group.empty() ? "any" : group, q.empty() ? "none" : "yes"));
    if (offer.year == 0) {
        v["no_data"] = true;
        return c.page("offer_young_people", v);
    }
    v["as_at"] = measures::long_date(offer.on);
    std::optional<std::set<std::string>> caseload;
    if (worker) {
        caseload = offer::offer_caseload(c.db, user);
        if (caseload->empty()) v["empty_caseload"] = true;
    }
    v["q"] = q;
    nlohmann::json groups = nlohmann::json::array();
    groups.push_back({{"id", ""}, {"name", "Children in care and care leavers"}, {"selected", group.empty()}});
    for (auto g : {offer::Group::ChildInCare, offer::Group::CareLeaver})
        groups.push_back({{"id", std::string(offer::group_id(g))}, {"name", std::string(offer::group_name(g))},
                          {"selected", group == offer::group_id(g)}});
    v["groups"] = groups;

    const auto never = offer::never_offered(offer, caseload);
    std::map<std::string, std::size_t> not_offered;
    for (const auto& n : never) not_offered[n.person->child] = n.entitlements.size();
    std::vector<const offer::YoungPerson*> found;
    const std::string needle = lower(q);
    for (const auto& p : offer.people) {
        if (caseload && !caseload->count(p.child)) continue;
        if (!group.empty() && group != offer::group_id(*p.standing.group)) continue;
        if (!needle.empty() && lower(p.child).find(needle) == std::string::npos &&
            lower(p.name).find(needle) == std::string::npos)
            continue;
        found.push_back(&p);
    }
    std::size_t page = 1;
    if (auto asked = c.request.query_value("page"); !asked.empty() && asked.size() < 6 &&
                                                      asked.find_first_not_of("0123456789") == std::string::npos)
        page = std::max<std::size_t>(1, std::stoul(asked));
    const std::size_t pages = std::max<std::size_t>(1, (found.size() + kPageSize - 1) / kPageSize);
    page = std::min(page, pages);
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = (page - 1) * kPageSize; i < std::min(found.size(), page * kPageSize); ++i) {
        const auto& p = *found[i];
        rows.push_back({{"child", p.child},
                        {"who", who_text(p)},
                        {"group", group_text(p)},
                        {"age", p.standing.age ? std::to_string(*p.standing.age) : "not known"},
                        {"adviser", p.adviser.empty() ? "none" : p.adviser},
                        {"not_offered", std::to_string(not_offered.count(p.child) ? not_offered[p.child] : 0)}});
    }
    v["rows"] = rows;
    v["found"] = std::to_string(found.size());
    if (found.empty()) v["none_found"] = true;
    if (pages > 1) {
        nlohmann::json pg;
        if (page > 1) pg["previous"] = list_link(group, q, page - 1);
        if (page < pages) pg["next"] = list_link(group, q, page + 1);
        nlohmann::json items = nlohmann::json::array();
        for (std::size_t n = 1; n <= pages; ++n) {
            if (n == 1 || n == pages || (n + 1 >= page && n <= page + 1))
                items.push_back({{"number", std::to_string(n)}, {"href", list_link(group, q, n)}, {"current", n == page}});
            else if (items.empty() || !items.back().contains("ellipsis"))
                items.push_back({{"ellipsis", true}});
        }
        pg["items"] = items;
        v["pages"] = pg;
    }
    // For a worker: everyone on their caseload (as filtered) eligible for something never offered, and what.
    if (worker) {
        nlohmann::json list = nlohmann::json::array();
        std::set<std::string> shown;
        for (const auto* p : found) shown.insert(p->child);
        for (const auto& n : never) {
            if (!shown.count(n.person->child)) continue;   // the filter applies here too
            nlohmann::json names = nlohmann::json::array();
            for (const auto* e : n.entitlements) names.push_back(e->name);
            list.push_back({{"child", n.person->child}, {"who", who_text(*n.person)}, {"entitlements", names}});
        }
        v["never_offered"] = list;
        if (list.empty()) v["all_offered"] = true;
    }
    return c.page("offer_young_people", v);
}

Response offer_young_person(Context& c) {
    const auto offer = offer::load_offer(c.db, c.settings.choices);
    const auto* p = person_of(c, offer, "/offer/young-people/");
    if (!p) return error_page(c, 404);
    if (!on_caseload(c, *p)) {
        accounts::audit(c.db, c.actor(), "view.offer.refused", p->child, "not on the worker's caseload");
        return error_page(c, 403);
    }
    accounts::audit(c.db, c.actor(), "view.offer.young_person", p->child);
    return young_person_page(c, offer, *p, {}, {}, 200);
}

Response offer_record(Context& c) {
    const auto offer = offer::load_offer(c.db, c.settings.choices);
    const auto* p = person_of(c, offer, "/offer/young-people/");
    if (!p) return error_page(c, 404);
    if (!on_caseload(c, *p)) {
        accounts::audit(c.db, c.actor(), "offer.take_up.refused", p->child, "not on the worker's caseload");
        return error_page(c, 403);
    }
    const auto& r = c.request;
    std::map<std::string, std::string> entered = {{"entitlement", r.form_value("entitlement")},
                                                  {"status", r.form_value("status")},
                                                  {"day", r.form_value("day")},
                                                  {"month", r.form_value("month")},
                                                  {"year", r.form_value("year")},
                                                  {"note", r.form_value("note")}};
    auto date = care::parse_dmy(entered["day"] + "/" + entered["month"] + "/" + entered["year"]);
    auto problems = offer::record_take_up(c.db, offer, *p, entered["entitlement"], entered["status"], date,
                                          entered["note"], c.actor());
    if (!problems.empty()) return young_person_page(c, offer, *p, problems, entered, 400);
    return Response::redirect("/offer/young-people/" + url_encode(p->child) + "?recorded=1");
}

Response offer_assign_adviser(Context& c) {
    const auto offer = offer::load_offer(c.db, c.settings.choices);
    const auto* p = person_of(c, offer, "/offer/advisers/");
    if (!p) return error_page(c, 404);
    auto problem = offer::assign_adviser(c.db, offer, p->child, c.request.form_value("adviser"), c.actor());
    if (!problem.empty()) return young_person_page(c, offer, *p, {{"adviser", problem}}, {}, 400);
    return Response::redirect("/offer/young-people/" + url_encode(p->child) + "?assigned=1");
}

}  // namespace corparent::web
