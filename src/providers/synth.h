// A synthetic Ofsted list for the synthetic council (ssda903/synth.h): every home its returns place
// children in, with realistic ratings and inspection histories, for demos and tests.
#pragma once

#include <cstdint>
#include <filesystem>

namespace corparent::providers {

// Reads returns_root/YYYY/episodes.csv and writes, as Ofsted's CSV (docs/providers.md), a row per full
// inspection of every URN placed in a children's home (K2), secure home (K1) or supported accommodation
// (K3, H5), and of some providers the council does not use. Children's homes: about 15% Outstanding,
// 60% Good, 20% Requires improvement to be good and 5% Inadequate at their latest inspection; most have
// earlier inspections, some rated otherwise; a few are not yet inspected or were first inspected after
// the last 31 March. Same returns and seed, same bytes. Throws std::runtime_error when a file cannot be
// read or written.
void write_providers(const std::filesystem::path& returns_root, const std::filesystem::path& out_csv, std::uint64_t seed);

}  // namespace corparent::providers
