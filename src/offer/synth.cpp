#include "offer/synth.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <stdexcept>

namespace corparent::offer {

void write_take_up(const Offer& offer, const std::filesystem::path& out_csv, std::uint64_t seed,
                   const std::string& adviser, int assigned) {
    std::ofstream out(out_csv, std::ios::binary);
    if (!out) throw std::runtime_error(out_csv.string() + ": cannot write the take-up file");
    std::mt19937_64 rng(seed ^ 0x6f66666572ULL);   // "offer"
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    auto days = [&](int lo, int hi) { return std::chrono::days(std::uniform_int_distribution<int>(lo, hi)(rng)); };

    std::vector<std::string> leavers;
    for (const auto& p : offer.people)
        if (p.standing.group == Group::CareLeaver) leavers.push_back(p.child);
    std::shuffle(leavers.begin(), leavers.end(), rng);
    leavers.resize(std::min<std::size_t>(leavers.size(), static_cast<std::size_t>(std::max(0, assigned))));
    const std::set<std::string> with_adviser(leavers.begin(), leavers.end());

    out << "CHILD,entitlement,status,date,adviser,note\r\n";
    for (const auto& p : offer.people) {
        const std::string pa = with_adviser.count(p.child) ? adviser : "";
        for (const auto& s : entitlements_of(offer, p)) {
            if (!s.eligibility.eligible || chance(1.0 / 7)) continue;
            // Offered in the 18 months before the data's end, never before birth.
            care::Date offered = offer.on - days(45, 540);
            if (p.dob && offered <= *p.dob) offered = *p.dob + days(1, 30);
            if (offered > offer.on) continue;
            auto line = [&](const char* status, care::Date d, const char* note) {
                out << p.child << ',' << s.entitlement->id << ',' << status << ',' << care::to_dmy(d) << ',' << pa << ','
                    << note << "\r\n";
            };
            if (!s.entitlement->conditions.empty() && chance(0.2)) {
                line("not eligible", offered, "a condition of the offer is not met");
                continue;
            }
            line("offered", offered, "");
            const care::Date later = std::min(offer.on, offered + days(7, 42));
            if (chance(0.6))
                line("taken up", later, "");
            else if (chance(0.35))
                line("declined", later, "did not want it for now");
        }
    }
    if (!out) throw std::runtime_error(out_csv.string() + ": cannot write the take-up file");
}

}  // namespace corparent::offer
