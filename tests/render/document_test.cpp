// The document model's three renderings: the web page's HTML, the tagged PDF (read back with poppler's
// tools) and the workbook of its tables.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "render/chart.h"
#include "render/document.h"
#include "pdf_tools.h"
#include "unzip.h"

namespace corparent::render {
namespace {

using test_support::first_page_png;
using test_support::keep_pdf;
using test_support::pdf_info;
using test_support::pdf_text;

DocumentFigure stability_figure() {
    LineChart chart;
    chart.title = "Children with three or more placements, by year";
    chart.summary = "How the share of children with three or more placements changed over three years.";
    chart.categories = {"2022-23", "2023-24", "2024-25"};
    chart.series = {{"Us", {11.0, 9.0, 8.0}, Series::Style::Council}, {"England", {10.0, 10.0, 9.0}, Series::Style::England}};
    chart.unit = "%";
    chart.y_min = 0;
    DocumentFigure f;
    f.title = chart.title;
    f.summary = chart.summary;
    f.svg = line_chart_svg(chart);
    f.data = {"Children with three or more placements: the figures", {"Year", "Us", "England"}, {false, true, true},
              {{"2022-23", "11%", "10%"}, {"2023-24", "9%", "10%"}, {"2024-25", "8%", "9%"}}, ""};
    f.source = "Source: SSDA903 returns and DfE, 24 November 2026";
    return f;
}

// A table long enough to need three pages.
DocumentTable long_table() {
    DocumentTable t;
    t.caption = "Actions by owner";
    t.headers = {"Action", "Owner", "Due"};
    t.numeric = {false, false, true};
    for (int i = 1; i <= 120; ++i)
        t.rows.push_back({"Action number " + std::to_string(i), "Head of Service", std::to_string(i)});
    t.source = "Source: the action log, 24 November 2026";
    return t;
}

Document sample() {
    Document d;
    d.title = "Corporate Parenting Board pack";
    d.subtitle = "Meeting of 3 December 2026";
    d.date = "24 November 2026";
    d.author = "Coventry City Council";
    d.sections.push_back({"Agenda", 2, {BulletList{{"Apologies", "Minutes of the last meeting", "Placement stability"}, true}}});
    d.sections.push_back({"Measures", 2,
                          {Paragraph{"How well we keep our promise that children feel safe and settled.", ""},
                           stability_figure()}});
    std::string long_text;
    for (int i = 0; i < 60; ++i) long_text += "This paragraph is long enough to wrap over many lines. ";
    d.sections.push_back({"Actions", 2, {Paragraph{long_text, ""}, long_table()}});
    d.sections.push_back({"Links", 3, {Paragraph{"The Become charity's good practice report", "https://becomecharity.org.uk/"}}});
    return d;
}

TEST(DocumentHtml, HasTheTitleTablesWithCaptionsAndTheChartBesideItsFigures) {
    std::string html = document_html(sample(), {{"Download the PDF", "/board/papers/x.pdf"}});
    EXPECT_NE(html.find("<h1 class=\"govuk-heading-l\">Corporate Parenting Board pack</h1>"), std::string::npos);
    EXPECT_NE(html.find("Meeting of 3 December 2026"), std::string::npos);
    EXPECT_NE(html.find("href=\"/board/papers/x.pdf\""), std::string::npos);
    EXPECT_NE(html.find("<h2 class=\"govuk-heading-m\" id=\"section-1\">Agenda</h2>"), std::string::npos);
    EXPECT_NE(html.find("<h3 class=\"govuk-heading-s\" id=\"section-4\">Links</h3>"), std::string::npos);
    EXPECT_NE(html.find("<ol class=\"govuk-list govuk-list--number\">\n  <li>Apologies</li><li>Minutes of the last meeting</li>"),
              std::string::npos) << html;
    EXPECT_NE(html.find("<svg"), std::string::npos);
    // Each table is a keyboard-reachable region named by its caption.
    EXPECT_NE(html.find("aria-labelledby=\"figure-1-figures\" tabindex=\"0\""), std::string::npos);
    EXPECT_NE(html.find("id=\"figure-1-figures\">Children with three or more placements: the figures</caption>"),
              std::string::npos);
    EXPECT_NE(html.find("<th scope=\"row\" class=\"govuk-table__header\">2024-25</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">8%</td>"),
              std::string::npos);
    EXPECT_NE(html.find("Source: SSDA903 returns and DfE, 24 November 2026"), std::string::npos);
    EXPECT_NE(html.find("<a class=\"govuk-link\" href=\"https://becomecharity.org.uk/\">"), std::string::npos);
    EXPECT_EQ(html.find("style="), std::string::npos);
}

TEST(DocumentHtml, EscapesText) {
    Document d;
    d.title = "A <b>bold</b> title";
    d.date = "today";
    d.sections.push_back({"S", 2, {Paragraph{"<script>alert(1)</script>", ""}}});
    std::string html = document_html(d);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_EQ(html.find("<b>bold"), std::string::npos);
}

TEST(DocumentPdf, IsTaggedA4WithItsTitleAndSelectableText) {
    std::string path = keep_pdf(document_pdf(sample()), "document-sample");
    std::string info = pdf_info(path);
    EXPECT_TRUE(std::regex_search(info, std::regex("Title: +Corporate Parenting Board pack\n"))) << info;
    EXPECT_TRUE(std::regex_search(info, std::regex("Author: +Coventry City Council\n"))) << info;
    EXPECT_TRUE(std::regex_search(info, std::regex("Tagged: +yes\n"))) << info;
    EXPECT_NE(info.find("595.276 x 841.89 pts (A4)"), std::string::npos) << info;

    std::string text = pdf_text(path);
    for (const char* expected : {"Corporate Parenting Board pack", "Meeting of 3 December 2026", "Agenda",
                                 "Minutes of the last meeting", "Children with three or more placements, by year",
                                 "Source: SSDA903 returns and DfE, 24 November 2026", "Action number 120",
                                 "Source: the action log, 24 November 2026", "The Become charity"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    // The chart is drawn as vector text too: its legend and axis labels can be selected.
    EXPECT_NE(test_support::pdf_text_flat(path).find("Agenda 1. Apologies 2. Minutes of the last meeting 3. Placement stability"),
              std::string::npos);
    std::string page_with_chart = pdf_text(path, 1, 1);
    EXPECT_NE(page_with_chart.find("England"), std::string::npos);
    EXPECT_NE(page_with_chart.find("2023-24"), std::string::npos);
    // The figures' table: one row per year, the figures in order.
    EXPECT_TRUE(std::regex_search(text, std::regex("2024-25 +8% +9%"))) << text;
    EXPECT_TRUE(std::filesystem::exists(first_page_png(path)));
}

TEST(DocumentPdf, ALongTableBreaksAcrossPagesWithItsHeaderRepeatedAndEveryPageNumbered) {
    std::string path = keep_pdf(document_pdf(sample()), "document-long-table");
    std::smatch m;
    std::string info = pdf_info(path);
    ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages: +([0-9]+)")));
    int pages = std::stoi(m[1]);
    ASSERT_GE(pages, 4);
    int rows_seen = 0;
    for (int p = 1; p <= pages; ++p) {
        std::string text = pdf_text(path, p, p);
        EXPECT_NE(text.find("Page " + std::to_string(p) + " of " + std::to_string(pages)), std::string::npos) << p;
        for (int i = 1; i <= 120; ++i)
            if (std::regex_search(text, std::regex("Action number " + std::to_string(i) + " +Head of Service +" +
                                                   std::to_string(i) + "\\b")))
                ++rows_seen;
        // Every page the table continues on starts with its header row.
        bool has_rows = text.find("Action number") != std::string::npos;
        if (has_rows) {
            EXPECT_TRUE(std::regex_search(text, std::regex("Action +Owner +Due"))) << "page " << p;
        }
    }
    EXPECT_EQ(rows_seen, 120);   // each row once, whole, on one page
}

TEST(DocumentPdf, ABadChartIsAnErrorNamingIt) {
    Document d;
    d.title = "T";
    d.date = "today";
    DocumentFigure f;
    f.title = "Broken chart";
    f.svg = "<svg><not-closed";
    d.sections.push_back({"S", 2, {f}});
    try {
        document_pdf(d);
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("Broken chart"), std::string::npos) << e.what();
    }
}

TEST(DocumentXlsx, HoldsEveryTableASheetEachWithNumbersAsNumbers) {
    auto parts = test_support::unzip(document_xlsx(sample()));
    ASSERT_TRUE(parts.count("xl/worksheets/sheet1.xml"));
    ASSERT_TRUE(parts.count("xl/worksheets/sheet2.xml"));
    EXPECT_FALSE(parts.count("xl/worksheets/sheet3.xml"));
    EXPECT_NE(parts["xl/workbook.xml"].find("name=\"1 Children with three or more p\""), std::string::npos);
    EXPECT_NE(parts["xl/workbook.xml"].find("name=\"2 Actions by owner\""), std::string::npos);
    EXPECT_NE(parts["docProps/core.xml"].find("Corporate Parenting Board pack"), std::string::npos);
    const std::string& strings = parts["xl/sharedStrings.xml"];
    EXPECT_NE(strings.find("8%"), std::string::npos);   // shown as the paper shows it
    EXPECT_NE(strings.find("Action number 120"), std::string::npos);
    EXPECT_NE(strings.find("Source: the action log, 24 November 2026"), std::string::npos);
    // The due column's figures are numbers: the last row holds 120 as a number.
    EXPECT_NE(parts["xl/worksheets/sheet2.xml"].find("<v>120</v>"), std::string::npos);
}

}  // namespace
}  // namespace corparent::render
