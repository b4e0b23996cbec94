// A synthetic council: valid, realistic SSDA903 returns for demos, tests and benchmarks.
#pragma once

#include <cstdint>
#include <filesystem>

namespace corparent::ssda903 {

struct SynthOptions {
    std::filesystem::path out;   // writes out/<year>/*.csv, one folder per return
    int children = 3000;         // distinct children across all the returns written
    int first_year = 2021;       // collection years, each named by the year ending 31 March
    int last_year = 2025;
    std::uint64_t seed = 1;      // same seed and options, same bytes
};

struct SynthSummary {
    int children = 0;            // distinct CHILD ids written
    int returns = 0;             // folders written
    long long rows = 0;          // data rows over all files
    long long bytes = 0;         // bytes over all files
};

// Throws std::runtime_error when the options make no sense or a file cannot be written.
SynthSummary synthesize(const SynthOptions& options);

}  // namespace corparent::ssda903
