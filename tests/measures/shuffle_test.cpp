// Property: the measures do not depend on the order in which anything arrives. A pseudo-random council
// (fixed seed, a few hundred children with valid episode chains) is computed, then every child's
// episodes, reviews, missing incidents and social worker episodes and the order of the children are
// shuffled, the histories rebuilt, and the rows must be identical.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "council_fixture.h"

using namespace corparent;
using council_fixture::d;

namespace {

struct RawChild {
    measures::Child child;               // without history
    std::vector<care::Episode> episodes;
};

class Generator {
public:
    explicit Generator(std::uint32_t seed) : rng_(seed) {}

    int pick(int lo, int hi) { return lo + static_cast<int>(rng_() % static_cast<std::uint32_t>(hi - lo + 1)); }
    bool chance(int percent) { return pick(1, 100) <= percent; }
    template <typename T>
    const T& one_of(const std::vector<T>& v) { return v[static_cast<std::size_t>(pick(0, static_cast<int>(v.size()) - 1))]; }
    care::Date day_between(care::Date a, care::Date b) {
        return a + std::chrono::days(pick(0, static_cast<int>((b - a).count())));
    }
    std::mt19937& rng() { return rng_; }

    RawChild make_child(int n) {
        RawChild c;
        c.child.id = "C" + std::to_string(n);
        care::Date dob = day_between(d("01/01/2003"), d("01/01/2024"));
        if (!chance(2)) c.child.dob = dob;
        c.child.sex = one_of<std::string>({"M", "F", "U", "1", "2"});
        c.child.ethnic = one_of<std::string>({"WBRI", "WOTH", "MWBC", "AIND", "BAFR", "CHNE", "OOTH", "REFU", "NOBT"});
        if (chance(10)) {
            c.child.uasc_row = true;
            if (chance(50)) c.child.uasc_ceased = day_between(d("01/01/2023"), d("01/01/2026"));
        }

        care::Date start = dob + std::chrono::days(pick(0, 2500));
        const care::Date last_start = d("31/03/2025");
        int periods = pick(1, 3);
        for (int p = 0; p < periods && start <= last_start; ++p) {
            bool last_period = p == periods - 1;
            std::string ls = chance(6) ? one_of<std::string>({"V3", "V4"}) : one_of<std::string>({"C1", "C2", "V2", "E1"});
            int episodes = pick(1, 6);
            care::Date cur = start;
            std::string settled_place, settled_post;
            bool open = false;
            for (int j = 0; j < episodes; ++j) {
                care::Episode e;
                e.decom = cur;
                e.ls = ls;
                bool last = j == episodes - 1;
                bool temporary = j > 0 && chance(15);
                if (temporary) {
                    e.place = one_of<std::string>({"T0", "T1", "T2", "T3", "T4"});
                    e.rne = "P";
                } else if (j > 0 && !settled_place.empty() && chance(40)) {   // back to the same place
                    e.place = settled_place;
                    e.pl_post = settled_post;
                    if (chance(50)) std::erase(e.pl_post, ' ');   // the same postcode without its space
                    e.rne = one_of<std::string>({"P", "T", "L"});
                } else {
                    e.place = one_of<std::string>({"U1", "U3", "U4", "U6", "A5", "A6", "P1", "K1", "K2", "H5", "K3", "P2",
                                                   "S1", "R1", "R5", "Z1"});
                    e.pl_post = one_of<std::string>({"CV1 1AA", "CV2 2BB", "B1 1CC", "LE1 1DD"});
                    e.rne = j == 0 ? "S" : one_of<std::string>({"P", "B", "L", "T", "U", "P", "P"});
                }
                if (!temporary) {
                    settled_place = e.place;
                    settled_post = e.pl_post;
                }
                if (last && last_period && chance(55)) {   // open
                    open = true;
                } else {
                    int length = last ? pick(0, 500) : pick(1, 400);
                    e.dec = cur + std::chrono::days(length);
                    e.rec = last ? one_of<std::string>({"E4A", "E4B", "E11", "E12", "E13", "E3", "E41", "E45", "E5",
                                                        "E17", "E9", "E2", "X1", "E8"})
                                 : "X1";
                    if (!temporary && chance(60))
                        e.reason_place_change = one_of<std::string>({"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB",
                                                                     "CREQO", "CHILD", "LAREQ", "OTHER"});
                    cur = *e.dec;
                }
                e.child = c.child.id;
                c.episodes.push_back(e);
                if (open) break;
            }
            if (open) break;
            start = cur + std::chrono::days(pick(1, 500));
        }

        const care::Date from = d("01/01/2023"), to = d("30/06/2025");
        for (int i = pick(0, 5); i > 0; --i)
            c.child.reviews.push_back({day_between(from, to), one_of<std::string>({"PN0", "PN1", "PN2", "PN3", "PN4", "PN5",
                                                                                   "PN6", "PN7", ""})});
        for (int i = pick(0, 4); i > 0; --i) {
            care::Date s = day_between(from, to);
            std::optional<care::Date> e;
            if (chance(80)) e = s + std::chrono::days(pick(0, 20));
            c.child.missing.push_back({one_of<std::string>({"M", "A", "M", ""}), s, e});
        }
        for (int i = pick(0, 4); i > 0; --i) {
            care::Date s = day_between(from, to);
            std::optional<care::Date> e;
            if (chance(70)) e = s + std::chrono::days(pick(0, 300));
            c.child.social_workers.push_back({one_of<std::string>({"SW1", "SW2", "SW3", "SW4", "XX1", "XX1", ""}), s, e});
        }
        if (chance(30)) {
            measures::HealthRow h;
            if (chance(70)) h.sdq_score = pick(0, 40);
            auto flag = [&] { return one_of<std::string>({"0", "1", "1", ""}); };
            h.convicted = flag();
            h.health_check = flag();
            h.immunisations = flag();
            h.teeth_check = flag();
            h.health_assessment = flag();
            h.substance_misuse = flag();
            c.child.oc2 = h;
        }
        if (chance(20))
            c.child.oc3 = measures::CareLeaverRow{one_of<std::string>({"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}),
                                                  one_of<std::string>({"F1", "P1", "F2", "G4", "G5", "G6", "P5", "0"}),
                                                  one_of<std::string>({"U1", "B2", "D1", "G1", "H2", "R1", "0", "Z1"})};
        return c;
    }

private:
    std::mt19937 rng_;
};

std::vector<RawChild> random_council(std::uint32_t seed, int children) {
    Generator g(seed);
    std::vector<RawChild> out;
    for (int i = 0; i < children; ++i) out.push_back(g.make_child(i));
    return out;
}

measures::Council assemble(const std::vector<RawChild>& raw, const care::PlacementRules& rules) {
    measures::Council council;
    council.year = 2025;
    council.loaded_years = {2022, 2023, 2024, 2025};
    for (const auto& r : raw) {
        measures::Child c = r.child;
        c.history = care::build_history(r.episodes, rules);
        council.children.push_back(std::move(c));
    }
    return council;
}

using RowKey = std::tuple<std::string, std::string, int, long long, long long, std::optional<bool>>;

std::vector<RowKey> rows_of(const measures::MeasureResult& r) {
    std::vector<RowKey> out;
    for (const auto& m : r.rows)
        out.emplace_back(m.id, m.breakdown, static_cast<int>(m.kind), m.numerator, m.denominator, m.incomplete_history);
    return out;
}

std::vector<std::tuple<std::string, std::string, std::string>> exclusions_of(const measures::MeasureResult& r) {
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const auto& e : r.exclusions) out.emplace_back(e.measure, e.child, e.reason);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<measures::Choices> all_choices() {
    std::vector<measures::Choices> out(1);
    measures::Choices c;
    c.placements.after_temporary = care::PlacementRules::AfterTemporary::ByRne;
    out.push_back(c);
    c = {};
    c.placements.count_zero_day = true;
    out.push_back(c);
    c = {};
    c.two_year_cohort = measures::Choices::TwoYearCohort::AllLookedAfter;
    c.unknown_worker_per_episode = false;
    c.unplanned_reasons = {"CREQB"};
    out.push_back(c);
    return out;
}

long long numerator(const measures::MeasureResult& r, const std::string& id, const std::string& breakdown = "") {
    return council_fixture::row(r, id, breakdown).numerator;
}

}  // namespace

TEST(ShuffleProperty, RowsDoNotDependOnInputOrder) {
    auto raw = random_council(20250331u, 400);
    std::mt19937 shuffler(7u);
    for (const auto& choices : all_choices()) {
        auto before = measures::compute_measures(assemble(raw, choices.placements), choices, true);

        // The council must exercise the measures, or the property says nothing.
        EXPECT_GT(numerator(before, "cla_31mar"), 50);
        EXPECT_GT(numerator(before, "stability_short"), 0);
        EXPECT_GT(numerator(before, "moves_unplanned"), 0);
        EXPECT_GT(numerator(before, "ceased_in_year"), 0);
        EXPECT_GT(numerator(before, "missing_pct", "M"), 0);
        EXPECT_GT(numerator(before, "review_participation"), 0);
        EXPECT_GT(council_fixture::row(before, "cl_eet", "19-21").denominator, 0);
        EXPECT_GT(council_fixture::row(before, "sdq_average").denominator, 0);

        for (int round = 0; round < 3; ++round) {
            auto shuffled = raw;
            for (auto& c : shuffled) {
                std::shuffle(c.episodes.begin(), c.episodes.end(), shuffler);
                std::shuffle(c.child.reviews.begin(), c.child.reviews.end(), shuffler);
                std::shuffle(c.child.missing.begin(), c.child.missing.end(), shuffler);
                std::shuffle(c.child.social_workers.begin(), c.child.social_workers.end(), shuffler);
            }
            std::shuffle(shuffled.begin(), shuffled.end(), shuffler);
            auto after = measures::compute_measures(assemble(shuffled, choices.placements), choices, true);
            EXPECT_EQ(rows_of(after), rows_of(before)) << "round " << round;
            EXPECT_EQ(exclusions_of(after), exclusions_of(before)) << "round " << round;
        }
    }
}

// On the same random council: groups that partition a whole add up to it (spec 7, 8.12).
TEST(ShuffleProperty, GroupsAddUpOnRandomCouncil) {
    auto raw = random_council(424242u, 300);
    auto r = measures::compute_measures(assemble(raw, {}), {}, false);
    long long cla = numerator(r, "cla_31mar");
    long long placed = 0;
    for (const char* g : {"foster", "adoption", "parents", "childrens_homes", "supported", "residential_school", "other"}) {
        placed += numerator(r, "placement_type", g);
        EXPECT_EQ(council_fixture::row(r, "placement_type", g).denominator, cla) << g;
    }
    EXPECT_EQ(placed, cla);   // every generated non-temporary PLACE is in a group
    long long ceased = numerator(r, "ceased_in_year"), groups = 0;
    for (const char* g : {"adopted", "sgo", "returned_home", "cao", "independent_living", "aged18_remained", "custody",
                          "transferred", "other"})
        groups += numerator(r, "ceased_in_year", g);
    EXPECT_EQ(groups, ceased);
    const auto& bands = council_fixture::row(r, "sdq_concern");
    EXPECT_EQ(numerator(r, "sdq_band", "normal") + numerator(r, "sdq_band", "borderline") +
                  numerator(r, "sdq_band", "concern"),
              bands.denominator);
}
