// The printable code cards: every code is on a card as text (so a screen reader or pdftotext reads it),
// eight to an A4 page, in a tagged PDF.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "render/code_cards.h"
#include "voice/codes.h"

using namespace corparent;

namespace {

// A field of pdfinfo's output ("Pages:           2" gives "2").
std::string field(const std::string& info, const std::string& name) {
    auto at = info.find(name + ":");
    if (at == std::string::npos) return "";
    auto start = info.find_first_not_of(' ', at + name.size() + 1);
    return info.substr(start, info.find('\n', start) - start);
}

std::string run(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    char buffer[4096];
    while (pipe && fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
    return out;
}

}  // namespace

TEST(CodeCards, EveryCodeIsOnACardEightToAPage) {
    std::vector<std::string> codes;
    for (int i = 0; i < 10; ++i) codes.push_back(voice::new_code());
    auto pdf = render::code_cards_pdf(codes, {"Coventry City Council", "Annual survey 2026", "Children aged 8 to 10",
                                              "https://council.example/survey"});
    ASSERT_TRUE(pdf.starts_with("%PDF-"));
    auto file = std::filesystem::temp_directory_path() / ("corparent_cards_" + std::to_string(::getpid()) + ".pdf");
    std::ofstream(file, std::ios::binary) << pdf;
    std::string text = run("pdftotext -layout " + file.string() + " - 2>&1");
    for (const auto& code : codes) EXPECT_NE(text.find(code), std::string::npos) << code;
    EXPECT_NE(text.find("0800 1111"), std::string::npos);
    EXPECT_NE(text.find("https://council.example/survey"), std::string::npos);
    std::string info = run("pdfinfo " + file.string() + " 2>&1");
    EXPECT_EQ(field(info, "Pages"), "2") << info;
    EXPECT_EQ(field(info, "Tagged"), "yes") << info;
    EXPECT_EQ(field(info, "Title"), "Survey codes: Annual survey 2026 (Children aged 8 to 10)") << info;
    std::filesystem::remove(file);
}
