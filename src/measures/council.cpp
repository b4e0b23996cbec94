#include "measures/council.h"

#include <algorithm>
#include <charconv>
#include <future>
#include <unordered_map>

#include "store/returns.h"

namespace corparent::measures {
namespace {

std::optional<care::Date> date_of(const store::TextTable& t, std::size_t r, std::size_t c) {
    auto v = t.get(r, c);
    return v ? care::parse_iso(*v) : std::nullopt;
}

std::string text_of(const store::TextTable& t, std::size_t r, std::size_t c) {
    return std::string(t.get(r, c).value_or(""));
}

// Each child's history from the stacked episodes. Measures need no CIN, provider, home postcode or URN.
std::vector<std::pair<std::string, care::CareHistory>> build_histories(const store::TextTable& t,
                                                                       const care::PlacementRules& rules) {
    std::vector<care::Episode> all;
    all.reserve(t.rows());
    for (std::size_t r = 0; r < t.rows(); ++r) {
        auto decom = date_of(t, r, 1);
        if (!decom) continue;   // spec 8.5: dropped; the finding was made on import
        care::Episode e;
        e.child = text_of(t, r, 0);
        e.decom = *decom;
        e.dec = date_of(t, r, 2);
        e.rne = text_of(t, r, 3);
        e.ls = text_of(t, r, 4);
        e.place = text_of(t, r, 5);
        e.rec = text_of(t, r, 6);
        e.reason_place_change = text_of(t, r, 7);
        e.pl_post = text_of(t, r, 8);
        all.push_back(std::move(e));
    }
    // The store gives them in stacking order, grouped by child; sort only if it did not.
    auto by_child = [](const care::Episode& a, const care::Episode& b) { return a.child < b.child; };
    if (!std::is_sorted(all.begin(), all.end(), by_child)) std::stable_sort(all.begin(), all.end(), by_child);
    std::vector<std::pair<std::string, care::CareHistory>> out;
    for (auto first = all.begin(); first != all.end();) {
        auto last = std::find_if(first, all.end(), [&](const care::Episode& e) { return e.child != first->child; });
        std::string id = first->child;
        out.emplace_back(std::move(id), care::build_history({std::make_move_iterator(first), std::make_move_iterator(last)}, rules));
        first = last;
    }
    return out;
}

// Hashes a child id whether it comes as a string or a view, so look-ups need no copy.
struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Loader {
public:
    Loader(store::Database& db, int year) : db_(db), year_(year) {}

    Child& child(std::string_view id) {
        auto it = index_.find(id);
        if (it != index_.end()) return children_[it->second];
        index_.emplace(std::string(id), children_.size());
        children_.push_back(Child{});
        children_.back().id = id;
        return children_.back();
    }

    Council load(const care::PlacementRules& rules) {
        // The children's histories are built on a second thread while the other tables are read and
        // matched to the children here.
        auto episodes = store::load_stacked(db_, "stacked_episodes",
                                            {"child", "decom", "dec", "rne", "ls", "place", "rec", "reason_place_change",
                                             "pl_post"});
        auto histories = std::async(std::launch::async, [&] { return build_histories(episodes, rules); });
        auto header = store::load_stacked(db_, "stacked_header", {"child", "dob", "sex", "ethnic"});
        for (std::size_t r = 0; r < header.rows(); ++r) {
            Child& c = child(*header.get(r, 0));
            c.dob = date_of(header, r, 1);
            c.sex = text_of(header, r, 2);
            c.ethnic = text_of(header, r, 3);
        }
        auto uasc = store::load_stacked(db_, "stacked_uasc", {"child", "duc"});
        for (std::size_t r = 0; r < uasc.rows(); ++r) {
            Child& c = child(*uasc.get(r, 0));
            c.uasc_row = true;
            c.uasc_ceased = date_of(uasc, r, 1);
        }
        // Reviews, incidents and social workers matter only where they touch the year.
        const std::string from = care::to_iso(care::year_start(year_)), to = care::to_iso(care::year_end(year_));
        auto reviews = store::load_stacked_overlapping(db_, "stacked_reviews", {"child", "review", "review_code"}, "review",
                                                       "review", from, to);
        for (std::size_t r = 0; r < reviews.rows(); ++r)
            if (auto d = date_of(reviews, r, 1)) child(*reviews.get(r, 0)).reviews.push_back({*d, text_of(reviews, r, 2)});
        auto missing = store::load_stacked_overlapping(db_, "stacked_missing", {"child", "missing", "mis_start", "mis_end"},
                                                       "mis_start", "mis_end", from, to);
        for (std::size_t r = 0; r < missing.rows(); ++r)
            if (auto d = date_of(missing, r, 2))
                child(*missing.get(r, 0)).missing.push_back({text_of(missing, r, 1), *d, date_of(missing, r, 3)});
        auto sw = store::load_stacked_overlapping(db_, "stacked_sw_episodes", {"child", "sw_id", "sw_decom", "sw_dec"},
                                                  "sw_decom", "sw_dec", from, to);
        for (std::size_t r = 0; r < sw.rows(); ++r)
            if (auto d = date_of(sw, r, 2))
                child(*sw.get(r, 0)).social_workers.push_back({text_of(sw, r, 1), *d, date_of(sw, r, 3)});

        // OC2 and OC3 come from return Y only; rows are in file order, so the last row wins (spec 8.1).
        auto oc2 = store::load_year_rows(db_, "r903_oc2",
                                         {"child", "sdq_score", "convicted", "health_check", "immunisations",
                                          "teeth_check", "health_assessment", "substance_misuse"},
                                         year_);
        for (std::size_t r = 0; r < oc2.rows(); ++r) {
            auto id = oc2.get(r, 2);
            if (!id) continue;
            HealthRow row;
            if (auto s = oc2.get(r, 3)) {
                int v = 0;
                std::from_chars(s->data(), s->data() + s->size(), v);
                row.sdq_score = v;
            }
            row.convicted = text_of(oc2, r, 4);
            row.health_check = text_of(oc2, r, 5);
            row.immunisations = text_of(oc2, r, 6);
            row.teeth_check = text_of(oc2, r, 7);
            row.health_assessment = text_of(oc2, r, 8);
            row.substance_misuse = text_of(oc2, r, 9);
            child(*id).oc2 = row;
        }
        auto oc3 = store::load_year_rows(db_, "r903_oc3", {"child", "in_touch", "activ", "accom"}, year_);
        for (std::size_t r = 0; r < oc3.rows(); ++r)
            if (auto id = oc3.get(r, 2))
                child(*id).oc3 = CareLeaverRow{text_of(oc3, r, 3), text_of(oc3, r, 4), text_of(oc3, r, 5)};

        for (auto& [id, history] : histories.get()) child(id).history = std::move(history);
        Council council;
        council.year = year_;
        council.loaded_years = store::loaded_years(db_);
        council.children = std::move(children_);
        return council;
    }

private:
    store::Database& db_;
    int year_;
    std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>> index_;
    std::vector<Child> children_;
};

}  // namespace

Council load_council(store::Database& db, int year, const care::PlacementRules& rules) {
    return Loader(db, year).load(rules);
}

}  // namespace corparent::measures
