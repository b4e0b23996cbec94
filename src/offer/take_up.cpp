#include "offer/take_up.h"

#include <map>

namespace corparent::offer {
namespace {

struct Counts {
    long long eligible = 0, offered = 0, taken_up = 0;
    void add(bool e, bool o, bool t) {
        eligible += e;
        offered += o;
        taken_up += t;
    }
};

TakeUpFigure figure(std::string entitlement, std::string name, std::string area, std::string band, const Counts& n) {
    TakeUpFigure f{std::move(entitlement), std::move(name), std::move(area), std::move(band), {}, {}, {}};
    f.eligible.count = n.eligible;
    f.offered = {n.offered, n.eligible, false};
    f.taken_up = {n.taken_up, n.eligible, false};
    return f;
}

// Suppresses one figure's cells (all ages) and, as one breakdown each, its age bands' eligible, offered
// and taken-up cells. `rows` holds the all-ages row first, then its bands.
void control(std::vector<TakeUpFigure>& rows, std::size_t first, std::size_t end, const measures::DisclosureRules& rules) {
    auto apply = [&](std::size_t from, std::size_t to, bool breakdown, measures::Cell TakeUpFigure::*member) {
        std::vector<measures::Cell> cells;
        for (std::size_t i = from; i < to; ++i) cells.push_back(rows[i].*member);
        measures::control_disclosure(cells, rules, breakdown);
        for (std::size_t i = from; i < to; ++i) rows[i].*member = cells[i - from];
    };
    for (auto member : {&TakeUpFigure::eligible, &TakeUpFigure::offered, &TakeUpFigure::taken_up}) {
        apply(first, first + 1, false, member);
        apply(first + 1, end, true, member);
    }
    // A count hidden among the eligible hides the figures that are a share of it.
    for (std::size_t i = first; i < end; ++i)
        if (rows[i].eligible.suppressed) rows[i].offered.suppressed = rows[i].taken_up.suppressed = true;
}

}  // namespace

const std::vector<std::string>& offer_age_bands() {
    static const std::vector<std::string> bands = {"under 10", "10-15", "16-17", "18-20", "21-24", "age not known"};
    return bands;
}

std::string offer_age_band(std::optional<int> age) {
    if (!age) return "age not known";
    if (*age < 10) return "under 10";
    if (*age < 16) return "10-15";
    if (*age < 18) return "16-17";
    if (*age < 21) return "18-20";
    return "21-24";
}

std::vector<TakeUpFigure> take_up(const Offer& offer, const std::optional<measures::DisclosureRules>& disclosure) {
    const auto& bands = offer_age_bands();
    // [entitlement or area][band] with band bands.size() for all ages.
    std::map<std::string, std::vector<Counts>> by_entitlement, by_area;
    for (const auto& e : offer.catalogue.entitlements) by_entitlement[e.id].resize(bands.size() + 1);
    for (const auto& a : areas()) by_area[a.id].resize(bands.size() + 1);
    for (const auto& person : offer.people) {
        const std::string band = offer_age_band(person.standing.age);
        const std::size_t b = static_cast<std::size_t>(std::find(bands.begin(), bands.end(), band) - bands.begin());
        std::map<std::string, Counts> areas_of_person;
        for (const auto& s : entitlements_of(offer, person)) {
            auto& counts = by_entitlement[s.entitlement->id];
            for (std::size_t i : {bands.size(), b}) counts[i].add(s.counts_eligible(), s.offered(), s.taken_up());
            auto& a = areas_of_person[s.entitlement->area];
            a.eligible |= s.counts_eligible();
            a.offered |= s.offered();
            a.taken_up |= s.taken_up();
        }
        for (const auto& [area, n] : areas_of_person) {
            auto it = by_area.find(area);
            if (it == by_area.end()) continue;
            for (std::size_t i : {bands.size(), b}) it->second[i].add(n.eligible > 0, n.offered > 0, n.taken_up > 0);
        }
    }
    std::vector<TakeUpFigure> out;
    auto emit = [&](const std::string& entitlement, const std::string& name, const std::string& area,
                    const std::vector<Counts>& counts) {
        std::size_t first = out.size();
        out.push_back(figure(entitlement, name, area, "", counts[bands.size()]));
        for (std::size_t i = 0; i < bands.size(); ++i) out.push_back(figure(entitlement, name, area, bands[i], counts[i]));
        if (disclosure) control(out, first, out.size(), *disclosure);
    };
    for (const auto& e : offer.catalogue.entitlements) emit(e.id, e.name, e.area, by_entitlement[e.id]);
    for (const auto& a : areas()) emit("", a.name, a.id, by_area[a.id]);
    return out;
}

std::vector<TakeUpFigure> take_up(store::Database& db, const measures::Choices& choices,
                                  const std::optional<measures::DisclosureRules>& disclosure) {
    return take_up(load_offer(db, choices), disclosure);
}

std::optional<long long> percent(const measures::Cell& cell) {
    if (cell.suppressed || !cell.denominator || *cell.denominator == 0) return std::nullopt;
    return (cell.count * 200 + *cell.denominator) / (2 * *cell.denominator);
}

std::string count_text(const measures::Cell& cell) { return cell.suppressed ? "c" : std::to_string(cell.count); }

std::string percent_text(const measures::Cell& cell) {
    if (cell.suppressed) return "c";
    auto p = percent(cell);
    return p ? std::to_string(*p) + "%" : "no one eligible";
}

std::vector<NeverOffered> never_offered(const Offer& offer, const std::optional<std::set<std::string>>& caseload) {
    std::vector<NeverOffered> out;
    for (const auto& person : offer.people) {
        if (caseload && !caseload->count(person.child)) continue;
        NeverOffered n{&person, {}};
        for (const auto& s : entitlements_of(offer, person))
            if (s.counts_eligible() && !s.status) n.entitlements.push_back(s.entitlement);
        if (!n.entitlements.empty()) out.push_back(std::move(n));
    }
    return out;
}

}  // namespace corparent::offer
