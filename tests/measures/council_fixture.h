// Hand-made councils for the measures tests: children built from compact episode specs, their histories
// built as the loader builds them (care::build_history), and the rows of compute_measures looked up by
// (id, breakdown).
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "care/care_history.h"
#include "care/date.h"
#include "measures/choices.h"
#include "measures/council.h"
#include "measures/engine.h"
#include "measures/measure_row.h"

namespace council_fixture {

using corparent::care::Date;

// dd/mm/yyyy, which must be a real day.
inline Date d(std::string_view dmy) {
    auto v = corparent::care::parse_dmy(dmy);
    if (!v) throw std::invalid_argument("bad date in a test: " + std::string(dmy));
    return *v;
}

// One episode: E("01/01/2020", "S", "U4").to("01/05/2024", "X1").why("CREQB").post("CV1 1AA").legal("V3").
// Defaults: open, LS C2, PL_POST "AA1 1AA".
struct E {
    corparent::care::Episode ep;
    E(std::string_view decom, std::string rne, std::string place) {
        ep.decom = d(decom);
        ep.rne = std::move(rne);
        ep.place = std::move(place);
        ep.ls = "C2";
        ep.cin = "N1";
        ep.pl_post = "AA1 1AA";
    }
    E& to(std::string_view dec, std::string rec) {
        ep.dec = d(dec);
        ep.rec = std::move(rec);
        return *this;
    }
    E& why(std::string reason) {
        ep.reason_place_change = std::move(reason);
        return *this;
    }
    E& post(std::string pl_post) {
        ep.pl_post = std::move(pl_post);
        return *this;
    }
    E& legal(std::string ls) {
        ep.ls = std::move(ls);
        return *this;
    }
    operator corparent::care::Episode() const { return ep; }
};

// A child before its history is built: the Child with everything but `history`, and its episodes.
struct ChildSpec {
    corparent::measures::Child child;
    std::vector<corparent::care::Episode> episodes;
};

// Sex F, ethnicity WBRI unless changed on the returned spec.
inline ChildSpec child(std::string id, std::string_view dob, std::vector<corparent::care::Episode> episodes) {
    ChildSpec s;
    s.child.id = std::move(id);
    s.child.dob = d(dob);
    s.child.sex = "F";
    s.child.ethnic = "WBRI";
    s.episodes = std::move(episodes);
    return s;
}

// One open episode: in care since `decom`, in one placement (U4).
inline std::vector<corparent::care::Episode> in_care_since(std::string_view decom, std::string place = "U4") {
    return {E(decom, "S", std::move(place))};
}

inline std::vector<int> full_years(int year) { return {year - 3, year - 2, year - 1, year}; }

inline corparent::measures::Council build_council(const std::vector<ChildSpec>& specs,
                                                  const corparent::care::PlacementRules& rules, int year,
                                                  std::vector<int> loaded_years) {
    corparent::measures::Council council;
    council.year = year;
    council.loaded_years = loaded_years.empty() ? full_years(year) : std::move(loaded_years);
    for (const ChildSpec& s : specs) {
        corparent::measures::Child c = s.child;
        auto episodes = s.episodes;
        for (auto& e : episodes) e.child = c.id;
        c.history = corparent::care::build_history(std::move(episodes), rules);
        council.children.push_back(std::move(c));
    }
    return council;
}

// The histories are built with choices.placements, as load_council would be called with them.
inline corparent::measures::MeasureResult compute(const std::vector<ChildSpec>& specs,
                                                  const corparent::measures::Choices& choices = {}, int year = 2025,
                                                  bool breakdowns = false, std::vector<int> loaded_years = {}) {
    return corparent::measures::compute_measures(
        build_council(specs, choices.placements, year, std::move(loaded_years)), choices, breakdowns);
}

inline const corparent::measures::MeasureRow& row(const corparent::measures::MeasureResult& r, std::string_view id,
                                                  std::string_view breakdown = "") {
    for (const auto& m : r.rows)
        if (m.id == id && m.breakdown == breakdown) return m;
    throw std::runtime_error("no row " + std::string(id) + " [" + std::string(breakdown) + "]");
}

inline std::string describe(const corparent::measures::MeasureRow& m) {
    return m.id + "[" + m.breakdown + "] = " + std::to_string(m.numerator) + "/" + std::to_string(m.denominator);
}

// The row exists, is a ratio (percent or mean), and has exactly this numerator and denominator.
inline ::testing::AssertionResult is(const corparent::measures::MeasureResult& r, std::string_view id,
                                     std::string_view breakdown, long long numerator, long long denominator) {
    int found = 0;
    const corparent::measures::MeasureRow* m = nullptr;
    for (const auto& x : r.rows)
        if (x.id == id && x.breakdown == breakdown) {
            ++found;
            m = &x;
        }
    if (found != 1)
        return ::testing::AssertionFailure() << id << "[" << breakdown << "] appears " << found << " times";
    if (m->kind == corparent::measures::Kind::Count)
        return ::testing::AssertionFailure() << describe(*m) << " is a count, expected a ratio";
    if (m->numerator != numerator || m->denominator != denominator)
        return ::testing::AssertionFailure() << describe(*m) << ", expected " << numerator << "/" << denominator;
    return ::testing::AssertionSuccess();
}

// The row exists, is a count, and counts exactly n.
inline ::testing::AssertionResult is_count(const corparent::measures::MeasureResult& r, std::string_view id,
                                           std::string_view breakdown, long long n) {
    int found = 0;
    const corparent::measures::MeasureRow* m = nullptr;
    for (const auto& x : r.rows)
        if (x.id == id && x.breakdown == breakdown) {
            ++found;
            m = &x;
        }
    if (found != 1)
        return ::testing::AssertionFailure() << id << "[" << breakdown << "] appears " << found << " times";
    if (m->kind != corparent::measures::Kind::Count)
        return ::testing::AssertionFailure() << describe(*m) << " is not a count";
    if (m->numerator != n) return ::testing::AssertionFailure() << describe(*m) << ", expected the count " << n;
    return ::testing::AssertionSuccess();
}

inline corparent::measures::HealthRow oc2(std::optional<int> sdq, std::string convicted, std::string health_check,
                                          std::string immunisations, std::string teeth_check,
                                          std::string health_assessment, std::string substance_misuse) {
    corparent::measures::HealthRow h;
    h.sdq_score = sdq;
    h.convicted = std::move(convicted);
    h.health_check = std::move(health_check);
    h.immunisations = std::move(immunisations);
    h.teeth_check = std::move(teeth_check);
    h.health_assessment = std::move(health_assessment);
    h.substance_misuse = std::move(substance_misuse);
    return h;
}

}  // namespace council_fixture
