// A paper as data: a title, sections of headings, paragraphs, lists, tables and figures, which the same
// code then writes as a web page (document_html), a tagged PDF (document_pdf) and a workbook of its tables
// (document_xlsx). The Board's papers are built this way so that the three never disagree.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace corparent::render {

struct Paragraph {
    std::string text;
    std::string href;   // the whole paragraph links there when set (a site path or https address)
};

struct BulletList {
    std::vector<std::string> items;
    bool numbered = false;   // 1. 2. 3. instead of bullets
};

struct DocumentTable {
    std::string caption;
    std::vector<std::string> headers;
    std::vector<bool> numeric;   // per column: right-aligned figures; missing entries are text
    std::vector<std::vector<std::string>> rows;   // the first cell of a row heads it
    std::string source;          // "Source: ..., date"; shown under the table when set
};

// A chart (render/chart.h's SVG markup) with the table of its figures and where they came from.
struct DocumentFigure {
    std::string title;    // shown above the chart; the PDF's text for the figure
    std::string summary;  // one sentence: what the chart shows (its alternative text)
    std::string svg;      // from line_chart_svg or bar_chart_svg
    DocumentTable data;   // the figures drawn
    std::string source;   // "Source: ..., date"
};

using Block = std::variant<Paragraph, BulletList, DocumentTable, DocumentFigure>;

struct Section {
    std::string heading;
    int level = 2;        // 2 for a section, 3 for a part of one (the title is level 1)
    std::vector<Block> blocks;
};

struct Document {
    std::string title, subtitle;   // subtitle: e.g. the meeting or the year
    std::string date;              // when it was produced, as people write it: "24 November 2026"
    std::string author;            // the council, in the PDF's metadata and footer
    std::vector<Section> sections;
};

struct Link {
    std::string text, href;
};

// The document as HTML for a page's content (templates/document.mustache, GOV.UK Frontend): headings,
// tables with captions in keyboard-reachable scrolling regions, each chart beside its table; `downloads`
// listed under the title.
std::string document_html(const Document& document, const std::vector<Link>& downloads = {});

// The document as a tagged A4 PDF (cairo + pango): selectable text, headings, wrapped paragraphs, tables
// that break across pages with their header repeated, the charts drawn through librsvg, page numbers,
// and the title in the metadata. Throws std::runtime_error if cairo fails.
std::string document_pdf(const Document& document);

// Every table of the document (figures' data tables included) as one workbook, a sheet each.
std::string document_xlsx(const Document& document);

}  // namespace corparent::render
