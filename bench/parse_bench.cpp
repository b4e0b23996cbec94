// Parsing alone: reads and checks every year folder under ROOT as the import does, stores nothing, and
// prints rows per second and MB per second.
#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "ssda903/importer.h"
#include "ssda903/return_reader.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: parse_bench ROOT (a folder of year folders, as corparent synth writes)\n";
        return 2;
    }
    using namespace corparent::ssda903;
    auto years = year_folders(argv[1]);
    long long bytes = 0;
    for (const auto& y : years)
        for (const auto& e : std::filesystem::directory_iterator(y.dir)) bytes += static_cast<long long>(e.file_size());
    auto start = std::chrono::steady_clock::now();
    long long rows = 0, findings = 0;
    for (const auto& y : years) {
        ReturnData data = read_return(y.dir, y.year);
        for (const auto& t : data.tables) rows += static_cast<long long>(t.rows.rows());
        findings += static_cast<long long>(data.findings.size());
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format("parse: {} returns, {} rows, {:.1f} MB in {:.2f} s = {:.0f} rows/s, {:.1f} MB/s ({} findings)\n",
                             years.size(), rows, bytes / 1e6, s, rows / s, bytes / 1e6 / s, findings);
    return 0;
}
