#include "offer/catalogue.h"

#include <chrono>
#include <fstream>
#include <stdexcept>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/offer.h"

namespace corparent::offer {
namespace {

constexpr std::size_t kMaxName = 120, kMaxText = 1000, kMaxCondition = 200, kMaxConditions = 10, kMaxId = 40;

std::string now_iso() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::string join(const std::vector<std::string>& parts, const std::string& between) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : between) + p;
    return out;
}

std::vector<std::string> split_lines(const std::string& text, char at) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(at, start);
        if (end == std::string::npos) end = text.size();
        std::string part = text.substr(start, end - start);
        if (!part.empty()) out.push_back(part);
        start = end + 1;
    }
    return out;
}

store::EntitlementRow to_row(const Entitlement& e) {
    std::vector<std::string> who;
    for (Group g : e.rule.who) who.emplace_back(group_id(g));
    return {e.id, e.area, e.name, e.description, join(who, ","), e.rule.age_from, e.rule.age_until,
            join(e.conditions, "\n"), e.provider, care::to_iso(e.review), e.updated_at, e.updated_by};
}

Entitlement from_row(const store::EntitlementRow& r) {
    Entitlement e;
    e.id = r.id;
    e.area = r.area;
    e.name = r.name;
    e.description = r.description;
    for (const auto& g : split_lines(r.who, ','))
        if (auto group = parse_group(g)) e.rule.who.push_back(*group);
    e.rule.age_from = r.age_from;
    e.rule.age_until = r.age_until;
    e.conditions = split_lines(r.conditions, '\n');
    e.provider = r.provider;
    e.review = care::parse_iso(r.review_date).value_or(care::make_date(1970, 1, 1));
    e.updated_at = r.updated_at;
    e.updated_by = r.updated_by;
    return e;
}

std::optional<int> optional_age(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<int>();
}

}  // namespace

const std::vector<Area>& areas() {
    static const std::vector<Area> all = {{"health_wellbeing", "Health and well-being"},
                                          {"relationships", "Relationships"},
                                          {"education_training", "Education and training"},
                                          {"employment", "Employment"},
                                          {"accommodation", "Accommodation"},
                                          {"participation", "Participation in society"}};
    return all;
}

std::string area_name(const std::string& id) {
    for (const auto& a : areas())
        if (a.id == id) return a.name;
    return "";
}

const Entitlement* Catalogue::find(const std::string& id) const {
    for (const auto& e : entitlements)
        if (e.id == id) return &e;
    return nullptr;
}

void seed_catalogue(store::Database& db, const std::filesystem::path& data_dir) {
    if (store::offer_catalogue_source(db)) return;
    auto file = data_dir / "local_offer.json";
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read the default local offer");
    try {
        auto j = nlohmann::json::parse(in);
        Catalogue seeded;
        for (const auto& item : j.at("entitlements")) {
            Entitlement e;
            e.id = item.at("id").get<std::string>();
            e.area = item.at("area").get<std::string>();
            e.name = item.at("name").get<std::string>();
            e.description = item.at("description").get<std::string>();
            for (const auto& g : item.at("who")) {
                auto group = parse_group(g.get<std::string>());
                if (!group) throw std::runtime_error(file.string() + ": " + e.id + ": unknown group " + g.dump());
                e.rule.who.push_back(*group);
            }
            e.rule.age_from = optional_age(item, "age_from");
            e.rule.age_until = optional_age(item, "age_until");
            e.conditions = item.at("conditions").get<std::vector<std::string>>();
            e.provider = item.at("provider").get<std::string>();
            auto review = care::parse_iso(item.at("review").get<std::string>());
            if (!review) throw std::runtime_error(file.string() + ": " + e.id + ": review is not a yyyy-mm-dd date");
            e.review = *review;
            e.updated_at = now_iso();
            e.updated_by = "data/local_offer.json";
            if (auto problems = check_entitlement(e, seeded, true); !problems.empty())
                throw std::runtime_error(file.string() + ": " + e.id + ": " + problems.begin()->first + ": " +
                                         problems.begin()->second);
            seeded.entitlements.push_back(std::move(e));
        }
        const std::string source = j.at("source").get<std::string>();
        soci::transaction tx(db.session());
        // Two servers starting together must not both seed: the second's insert of the catalogue's row waits
        // until the first commits, then finds it there and leaves (the transaction rolls back).
        if (!store::insert_offer_catalogue(db, source, now_iso())) return;
        for (const auto& e : seeded.entitlements) store::save_entitlement(db, to_row(e));
        tx.commit();
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
}

Catalogue load_catalogue(store::Database& db) {
    Catalogue c;
    c.source = store::offer_catalogue_source(db).value_or("");
    for (const auto& r : store::load_entitlements(db)) c.entitlements.push_back(from_row(r));
    return c;
}

std::map<std::string, std::string> check_entitlement(const Entitlement& e, const Catalogue& catalogue, bool adding) {
    std::map<std::string, std::string> problems;
    bool id_ok = !e.id.empty() && e.id.size() <= kMaxId;
    for (char ch : e.id) id_ok = id_ok && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_');
    if (!id_ok)
        problems["id"] = fmt::format("Enter an id of 1 to {} lower-case letters, digits and underscores, like "
                                     "council_tax_exemption",
                                     kMaxId);
    else if (adding && catalogue.find(e.id))
        problems["id"] = "There is already an entitlement with this id";
    else if (!adding && !catalogue.find(e.id))
        problems["id"] = "There is no entitlement with this id";
    if (area_name(e.area).empty()) problems["area"] = "Select the area of the local offer it belongs to";
    if (e.name.empty() || e.name.size() > kMaxName)
        problems["name"] = fmt::format("Enter a name of up to {} characters", kMaxName);
    if (e.description.empty() || e.description.size() > kMaxText)
        problems["description"] = fmt::format("Enter a description of up to {} characters", kMaxText);
    if (e.rule.who.empty()) problems["who"] = "Select who it is for: children in care, care leavers or both";
    auto age_ok = [](std::optional<int> a) { return !a || (*a >= 0 && *a <= 25); };
    if (!age_ok(e.rule.age_from)) problems["age_from"] = "The age it starts at must be a whole number from 0 to 25";
    if (!age_ok(e.rule.age_until)) problems["age_until"] = "The age it ends at must be a whole number from 0 to 25";
    if (!problems.count("age_from") && !problems.count("age_until") && e.rule.age_from && e.rule.age_until &&
        *e.rule.age_until <= *e.rule.age_from)
        problems["age_until"] = "The age it ends at must be more than the age it starts at";
    if (e.conditions.size() > kMaxConditions)
        problems["conditions"] = fmt::format("Enter no more than {} conditions, one a line", kMaxConditions);
    for (const auto& c : e.conditions)
        if (c.size() > kMaxCondition)
            problems["conditions"] = fmt::format("Each condition must be {} characters or fewer", kMaxCondition);
    if (e.provider.empty() || e.provider.size() > kMaxName)
        problems["provider"] = fmt::format("Enter the partner who provides it, in up to {} characters", kMaxName);
    return problems;
}

std::map<std::string, std::string> save_entitlement(store::Database& db, Entitlement e, bool adding,
                                                    const accounts::Actor& actor) {
    auto problems = check_entitlement(e, load_catalogue(db), adding);
    if (!problems.empty()) return problems;
    e.updated_at = now_iso();
    e.updated_by = actor.who;
    soci::transaction tx(db.session());
    store::save_entitlement(db, to_row(e));
    accounts::audit(db, actor, "offer.catalogue", e.id,
                    fmt::format("{}: {}; {}; review {}", adding ? "added" : "changed", e.name, describe(e.rule),
                                care::to_iso(e.review)));
    tx.commit();
    return problems;
}

}  // namespace corparent::offer
