// Take-up of the local offer for the synthetic council: realistic and deterministic per seed, written as
// a take-up file (docs/offer.md) that the demo imports like any other.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "offer/young_people.h"

namespace corparent::offer {

// For every young person of `offer` and every entitlement they are eligible for: about 1 in 7 never
// offered; the rest offered on a day in the 18 months before the data's end, then about 6 in 10 taken
// up and 1 in 7 declined some weeks later; 1 in 5 of those with other conditions recorded as not
// eligible. The first `assigned` care leavers (in an order the seed shuffles) get `adviser` as their
// personal adviser. Throws std::runtime_error when the file cannot be written.
void write_take_up(const Offer& offer, const std::filesystem::path& out_csv, std::uint64_t seed,
                   const std::string& adviser, int assigned);

}  // namespace corparent::offer
