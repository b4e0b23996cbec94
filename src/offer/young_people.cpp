#include "offer/young_people.h"

#include <algorithm>
#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "measures/children.h"
#include "measures/council.h"
#include "store/accounts.h"
#include "store/child_names.h"
#include "store/returns.h"

namespace corparent::offer {
namespace {

constexpr std::size_t kMaxNote = 500;

std::string now_iso() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::string key_of(std::string_view text) {
    std::string k;
    for (char ch : text) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        if (ch == ' ' || ch == '-') ch = '_';
        k += ch;
    }
    while (!k.empty() && k.back() == '_') k.pop_back();
    while (!k.empty() && k.front() == '_') k.erase(k.begin());
    return k;
}

std::string lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

std::string upper(std::string s) {
    for (char& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return s;
}

}  // namespace

std::string_view status_id(TakeUpStatus s) {
    switch (s) {
    case TakeUpStatus::Offered: return "offered";
    case TakeUpStatus::TakenUp: return "taken_up";
    case TakeUpStatus::Declined: return "declined";
    case TakeUpStatus::NotEligible: return "not_eligible";
    }
    return "";
}

std::string_view status_name(TakeUpStatus s) {
    switch (s) {
    case TakeUpStatus::Offered: return "Offered";
    case TakeUpStatus::TakenUp: return "Taken up";
    case TakeUpStatus::Declined: return "Declined";
    case TakeUpStatus::NotEligible: return "Not eligible";
    }
    return "";
}

const std::vector<TakeUpStatus>& statuses() {
    static const std::vector<TakeUpStatus> all = {TakeUpStatus::Offered, TakeUpStatus::TakenUp, TakeUpStatus::Declined,
                                                  TakeUpStatus::NotEligible};
    return all;
}

std::optional<TakeUpStatus> parse_status(std::string_view text) {
    const std::string k = key_of(text);
    for (auto s : statuses())
        if (k == status_id(s)) return s;
    return std::nullopt;
}

care::Date today() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

const YoungPerson* Offer::find(const std::string& child) const {
    auto it = std::lower_bound(people.begin(), people.end(), child,
                               [](const YoungPerson& p, const std::string& c) { return p.child < c; });
    return it != people.end() && it->child == child ? &*it : nullptr;
}

Offer load_offer(store::Database& db, const measures::Choices& choices) {
    Offer offer;
    offer.catalogue = load_catalogue(db);
    const auto years = store::loaded_years(db);
    if (years.empty()) return offer;
    offer.year = years.back();
    offer.on = care::year_end(offer.year);
    std::map<std::string, std::string> names, advisers;
    for (const auto& n : store::load_child_names(db)) names[n.child] = n.name;
    for (const auto& a : store::load_advisers(db)) advisers[a.child] = a.adviser;
    const auto council = measures::load_council(db, offer.year, choices.placements);
    for (const auto& c : council.children) {
        const bool in_oc3 = c.oc3 && c.oc3->in_touch != "DIED" && c.oc3->in_touch != "RHOM";
        YoungPerson p;
        p.standing = standing_on(c.history, c.dob, in_oc3, offer.on);
        if (!p.standing.group) continue;
        p.child = c.id;
        p.dob = c.dob;
        if (p.standing.group == Group::CareLeaver && !c.history.periods.empty()) p.left_care = c.history.periods.back().end;
        if (auto n = names.find(c.id); n != names.end()) p.name = n->second;
        if (auto a = advisers.find(c.id); a != advisers.end()) p.adviser = a->second;
        offer.people.push_back(std::move(p));
    }
    std::sort(offer.people.begin(), offer.people.end(),
              [](const YoungPerson& a, const YoungPerson& b) { return a.child < b.child; });
    for (auto& r : store::load_take_up(db)) offer.records[r.child].push_back(std::move(r));
    return offer;
}

std::vector<EntitlementStanding> entitlements_of(const Offer& offer, const YoungPerson& person) {
    std::vector<EntitlementStanding> out;
    static const std::vector<store::TakeUpRow> none;
    auto it = offer.records.find(person.child);
    const auto& records = it == offer.records.end() ? none : it->second;
    for (const auto& e : offer.catalogue.entitlements) {
        EntitlementStanding s;
        s.entitlement = &e;
        s.eligibility = eligibility(e.rule, person.standing);
        for (const auto& r : records)
            if (r.entitlement == e.id) s.history.push_back(r);
        const bool for_group = person.standing.group &&
                               std::find(e.rule.who.begin(), e.rule.who.end(), *person.standing.group) != e.rule.who.end();
        if (!for_group && s.history.empty()) continue;
        // Records come by date, then in the order recorded: the last is where it stands.
        if (!s.history.empty()) {
            s.status = parse_status(s.history.back().status);
            s.since = care::parse_iso(s.history.back().on_date);
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::set<std::string> offer_caseload(store::Database& db, const accounts::User& user) {
    std::set<std::string> out;
    if (user.role != accounts::Role::Worker) return out;
    if (user.sw_id && !user.sw_id->empty()) out = measures::caseload(db, *user.sw_id);
    for (const auto& a : store::load_advisers(db))
        if (lower(a.adviser) == lower(user.email)) out.insert(a.child);
    return out;
}

std::string assign_adviser(store::Database& db, const Offer& offer, const std::string& child,
                           const std::string& adviser_email, const accounts::Actor& actor) {
    const YoungPerson* person = offer.find(upper(child));
    if (!person) return "There is no child in care or care leaver with this CHILD id";
    std::string email = adviser_email;
    if (!email.empty()) {
        auto user = store::find_user_by_email(db, lower(email));
        if (!user || user->role != std::string(accounts::role_id(accounts::Role::Worker)) || user->disabled)
            return "Select a personal adviser: a social worker or personal adviser who can sign in";
        email = user->email;
    }
    soci::transaction tx(db.session());
    store::set_adviser(db, {person->child, email, now_iso(), actor.who});
    accounts::audit(db, actor, "offer.adviser", person->child, email.empty() ? "none" : email);
    tx.commit();
    return "";
}

std::map<std::string, std::string> record_take_up(store::Database& db, const Offer& offer, const YoungPerson& person,
                                                  const std::string& entitlement, const std::string& status,
                                                  std::optional<care::Date> date, const std::string& note,
                                                  const accounts::Actor& actor) {
    std::map<std::string, std::string> problems;
    if (!offer.catalogue.find(entitlement)) problems["entitlement"] = "Select an entitlement of the local offer";
    auto s = parse_status(status);
    if (!s) problems["status"] = "Select offered, taken up, declined or not eligible";
    if (!date)
        problems["date"] = "Enter the date as a real day, for example 27 3 2025";
    else if (*date > today())
        problems["date"] = "The date must be today or in the past";
    else if (person.dob && *date < *person.dob)
        problems["date"] = "The date must be after the young person was born";
    if (note.size() > kMaxNote) problems["note"] = fmt::format("The note must be {} characters or fewer", kMaxNote);
    if (!problems.empty()) return problems;
    store::TakeUpRow row;
    row.child = person.child;
    row.entitlement = entitlement;
    row.status = std::string(status_id(*s));
    row.on_date = care::to_iso(*date);
    row.note = note;
    row.recorded_at = now_iso();
    row.recorded_by = actor.who;
    row.source = "web";
    soci::transaction tx(db.session());
    store::insert_take_up(db, row);
    // The audit names the child and the entitlement, never the note (it may hold anything).
    accounts::audit(db, actor, "offer.take_up", person.child, fmt::format("{}: {} on {}", entitlement, row.status, row.on_date));
    tx.commit();
    return problems;
}

}  // namespace corparent::offer
