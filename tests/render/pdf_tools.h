// Reading a PDF in a test with poppler-utils: its text (pdftotext), its properties (pdfinfo), and its
// first page as a PNG kept in test-artifacts/papers/ for people to look at.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace corparent::test_support {

// The PDF written to test-artifacts/papers/<name>.pdf (kept, so that a failed test can be looked at).
inline std::string keep_pdf(const std::string& pdf, const std::string& name) {
    std::filesystem::path dir = std::filesystem::path(CORPARENT_SOURCE_DIR) / "test-artifacts" / "papers";
    std::filesystem::create_directories(dir);
    std::string path = (dir / (name + ".pdf")).string();
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
}

inline std::string run_command(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
    return out;
}

// Pages first to last (0: to the end), with the layout kept so that a table's row reads on one line.
inline std::string pdf_text(const std::string& path, int first = 1, int last = 0) {
    std::string range = " -f " + std::to_string(first) + (last ? " -l " + std::to_string(last) : "");
    return run_command("pdftotext -layout -enc UTF-8" + range + " '" + path + "' -");
}

// The text in the order it was drawn, every run of white space made one space: a table's row reads as
// its cells in order, however its cells wrap.
inline std::string pdf_text_flat(const std::string& path) {
    std::string raw = run_command("pdftotext -raw -enc UTF-8 '" + path + "' -"), out;
    for (char c : raw) {
        bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '\r';
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return out;
}

inline std::string pdf_info(const std::string& path) { return run_command("pdfinfo '" + path + "'"); }

// Page 1 as test-artifacts/papers/<name>.png; returns the PNG's path.
inline std::string first_page_png(const std::string& path) {
    std::string stem = path.substr(0, path.size() - 4);
    run_command("pdftoppm -png -r 80 -f 1 -l 1 -singlefile '" + path + "' '" + stem + "'");
    return stem + ".png";
}

}  // namespace corparent::test_support
