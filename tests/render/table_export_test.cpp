// CSV and XLSX downloads: RFC 4180 CSV that Excel opens with accents intact, and no cell that a
// spreadsheet would run as a formula.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "render/table_export.h"
#include "unzip.h"

using namespace corparent::render;
using corparent::test_support::unzip;

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

Table placements() {
    return {"Placements on 31 March",
            {"Placement", "Children", "Change"},
            {{std::string("Foster care, with relatives"), 120LL, -5LL},
             {std::string("=SUM(A1)"), 7.5, -2.25},
             {std::string("Résidence \"Les Pins\""), 0LL, std::numeric_limits<double>::quiet_NaN()}}};
}

// The workbooks' temporary files now in the temporary folder (other tests, run alongside, make their own).
std::set<std::string> temporary_files() {
    std::set<std::string> names;
    for (const auto& f : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
        if (f.path().filename().string().starts_with("corparent-xlsx-")) names.insert(f.path().filename().string());
    return names;
}

}  // namespace

TEST(Csv, HasABomAndCrlfLineEnds) {
    const auto csv = to_csv(placements());
    EXPECT_TRUE(csv.starts_with(kBom));
    EXPECT_TRUE(csv.substr(3).starts_with("Placement,Children,Change\r\n")) << csv;
    EXPECT_EQ(count(csv, "\r\n"), 4u);
    EXPECT_EQ(count(csv, "\n"), 4u) << "no bare LF";
    EXPECT_EQ(csv.find("Placements on 31 March"), std::string::npos) << "the title is not data";
}

TEST(Csv, QuotesCommasQuotesAndNewlines) {
    const Table t{"", {"a", "b"}, {{std::string("x, y"), std::string("say \"hi\"")},
                                   {std::string("two\nlines"), std::string("plain")},
                                   {std::string("cr\rhere"), std::string("")}}};
    EXPECT_EQ(to_csv(t), std::string(kBom) +
                             "a,b\r\n"
                             "\"x, y\",\"say \"\"hi\"\"\"\r\n"
                             "\"two\nlines\",plain\r\n"
                             "\"cr\rhere\",\r\n");
}

TEST(Csv, FormulaLikeTextIsEscaped) {
    const Table t{"", {"=HEADER"}, {{std::string("=SUM(A1)")}, {std::string("+44 7700")}, {std::string("-1")},
                                    {std::string("@cmd")}, {std::string("\tx")}, {std::string("a=b")},
                                    {std::string("\r=1")}}};
    EXPECT_EQ(to_csv(t), std::string(kBom) +
                             "'=HEADER\r\n"
                             "'=SUM(A1)\r\n"
                             "'+44 7700\r\n"
                             "'-1\r\n"
                             "'@cmd\r\n"
                             "'\tx\r\n"
                             "a=b\r\n"
                             "\"'\r=1\"\r\n");
}

TEST(Csv, NumbersAreWrittenPlainly) {
    const Table t{"", {"n"}, {{-5LL}, {-2.25}, {0.1}, {1234567.0}, {7LL}, {std::nan("")},
                              {std::numeric_limits<double>::infinity()}}};
    EXPECT_EQ(to_csv(t), std::string(kBom) + "n\r\n-5\r\n-2.25\r\n0.1\r\n1234567\r\n7\r\n\r\n\r\n");
}

TEST(Csv, ShortRowsArePaddedAndAccentsKept) {
    const Table t{"", {"a", "b", "c"}, {{std::string("Résumé")}, {1LL, 2LL, 3LL, 4LL}}};
    EXPECT_EQ(to_csv(t), std::string(kBom) + "a,b,c\r\nRésumé,,\r\n1,2,3,4\r\n");
}

TEST(Xlsx, IsAZipWithTheWorkbookParts) {
    const auto xlsx = to_xlsx(placements());
    ASSERT_TRUE(xlsx.starts_with("PK\x03\x04"));
    // The central directory names every part (names are stored uncompressed).
    const auto directory = xlsx.substr(xlsx.find("PK\x01\x02"));
    for (const char* part : {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                             "xl/sharedStrings.xml", "xl/styles.xml"})
        EXPECT_NE(directory.find(part), std::string::npos) << part;
    const auto parts = unzip(xlsx);
    EXPECT_TRUE(parts.count("xl/worksheets/sheet1.xml"));
    EXPECT_TRUE(parts.count("xl/sharedStrings.xml"));
}

TEST(Xlsx, FormulaLikeTextStaysTextAndNothingIsAFormula) {
    const auto parts = unzip(to_xlsx(placements()));
    const auto& strings = parts.at("xl/sharedStrings.xml");
    EXPECT_NE(strings.find(">'=SUM(A1)<"), std::string::npos) << strings;
    EXPECT_EQ(strings.find(">=SUM(A1)<"), std::string::npos);
    for (const auto& [name, content] : parts) {
        EXPECT_EQ(content.find("<f>"), std::string::npos) << name;
        EXPECT_EQ(content.find("<f "), std::string::npos) << name;
    }
}

TEST(Xlsx, NumbersStayNumbers) {
    const auto sheet = unzip(to_xlsx(placements())).at("xl/worksheets/sheet1.xml");
    // A number cell has no t="s" (shared string) type, just its value.
    EXPECT_NE(sheet.find("<c r=\"B4\"><v>120</v></c>"), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("<c r=\"C4\"><v>-5</v></c>"), std::string::npos);
    EXPECT_NE(sheet.find("<c r=\"B5\"><v>7.5</v></c>"), std::string::npos);
    EXPECT_NE(sheet.find("<c r=\"C5\"><v>-2.25</v></c>"), std::string::npos);
    EXPECT_EQ(sheet.find("<c r=\"C6\""), std::string::npos) << "NaN is left empty";
}

TEST(Xlsx, TitleHeadersFilterAndWidths) {
    const auto parts = unzip(to_xlsx(placements()));
    const auto& sheet = parts.at("xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<c r=\"A1\" s=\"1\" t=\"s\">"), std::string::npos) << sheet;  // bold title
    EXPECT_NE(sheet.find("<c r=\"A3\" s=\"1\" t=\"s\">"), std::string::npos);           // bold headers
    EXPECT_NE(sheet.find("<c r=\"C3\" s=\"1\" t=\"s\">"), std::string::npos);
    EXPECT_EQ(sheet.find("<c r=\"A2\""), std::string::npos) << "row 2 is empty";
    EXPECT_NE(sheet.find("<c r=\"A4\" t=\"s\">"), std::string::npos) << "data from row 4";
    EXPECT_NE(sheet.find("<autoFilter ref=\"A3:C6\"/>"), std::string::npos);
    EXPECT_EQ(count(sheet, "<col "), 3u);
    EXPECT_NE(parts.at("xl/styles.xml").find("<b/>"), std::string::npos);
    EXPECT_NE(parts.at("xl/sharedStrings.xml").find("<t>Résidence \"Les Pins\"</t>"), std::string::npos)
        << parts.at("xl/sharedStrings.xml");
    EXPECT_NE(parts.at("docProps/core.xml").find("<dc:title>Placements on 31 March</dc:title>"), std::string::npos);
}

TEST(Xlsx, SheetNameFollowsExcelsRules) {
    auto table = placements();
    table.title = "'Placements: [2024/25] * who? \\ and a much longer title than fits";
    auto workbook = unzip(to_xlsx(table)).at("xl/workbook.xml");
    const auto at = workbook.find("<sheet name=\"") + 13;
    const auto name = workbook.substr(at, workbook.find('"', at) - at);
    EXPECT_EQ(name, "Placements 202425  who  and a m");
    EXPECT_LE(name.size(), 31u);

    table.title = "";
    workbook = unzip(to_xlsx(table)).at("xl/workbook.xml");
    EXPECT_NE(workbook.find("<sheet name=\"Sheet1\""), std::string::npos);
}

TEST(Xlsx, LongTextAndEmptyTablesAreWritten) {
    const Table long_text{"Notes", {"Note"}, {{std::string(40000, 'x')}}};
    const auto strings = unzip(to_xlsx(long_text)).at("xl/sharedStrings.xml");
    EXPECT_NE(strings.find(std::string(32767, 'x') + "<"), std::string::npos) << "cut to Excel's limit";

    EXPECT_TRUE(to_xlsx(Table{}).starts_with("PK"));
}

TEST(Xlsx, LeavesNoTemporaryFile) {
    const auto before = temporary_files();
    to_xlsx(placements());
    for (const auto& name : temporary_files()) EXPECT_TRUE(before.count(name)) << name << " was left behind";
}
