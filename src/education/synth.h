// Education records for the synthetic council (ssda903::synthesize): realistic, deterministic per seed.
#pragma once

#include <cstdint>
#include <filesystem>

namespace corparent::education {

// Reads the returns under returns_root/<year>/ (header.csv and episodes.csv) and writes one education
// file: for each return year Y, the academic year Y (Y-1/Y) of each child of school age in care on
// 31 March Y, by the child's UPN and CHILD. Attendance about 90% with a tail (about a third below 90%),
// about 1 in 10 suspended, rare permanent exclusions, some changes of school, most PEPs recent, key stage
// results near the national figures for children in care. Throws std::runtime_error when a file cannot
// be read or written.
void write_education(const std::filesystem::path& returns_root, const std::filesystem::path& out_csv,
                     std::uint64_t seed);

}  // namespace corparent::education
