#include "render/document.h"

#include <nlohmann/json.hpp>

#include "render/page.h"
#include "render/table_export.h"

namespace corparent::render {
namespace {

bool is_numeric(const DocumentTable& t, std::size_t column) { return column < t.numeric.size() && t.numeric[column]; }

nlohmann::json table_view(const DocumentTable& t, const std::string& id) {
    nlohmann::json headers = nlohmann::json::array(), rows = nlohmann::json::array();
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
        nlohmann::json h = {{"text", t.headers[c]}};
        if (is_numeric(t, c)) h["numeric"] = true;
        headers.push_back(h);
    }
    for (const auto& row : t.rows) {
        nlohmann::json cells = nlohmann::json::array();
        for (std::size_t c = 0; c < row.size(); ++c) {
            nlohmann::json cell = {{"text", row[c]}};
            if (c == 0) cell["head"] = true;
            else if (is_numeric(t, c)) cell["numeric"] = true;
            cells.push_back(cell);
        }
        rows.push_back({{"cells", cells}});
    }
    nlohmann::json view = {{"id", id}, {"caption", t.caption}, {"headers", headers}, {"rows", rows}};
    if (!t.source.empty()) view["source"] = t.source;
    return view;
}

// A number in a figures column ("1,234", "14.8") stays a number in the workbook; "9%", "c" and words
// stay text, as the paper shows them.
Cell spreadsheet_cell(const std::string& text, bool numeric) {
    if (!numeric || text.empty()) return text;
    std::string digits;
    for (char c : text)
        if (c != ',') digits += c;
    std::size_t used = 0;
    try {
        double v = std::stod(digits, &used);
        if (used == digits.size()) return v;
    } catch (const std::exception&) {
    }
    return text;
}

Table export_table(const DocumentTable& t) {
    Table out;
    out.title = t.caption;
    out.headers = t.headers;
    for (const auto& row : t.rows) {
        std::vector<Cell> cells;
        for (std::size_t c = 0; c < row.size(); ++c) cells.push_back(spreadsheet_cell(row[c], c > 0 && is_numeric(t, c)));
        out.rows.push_back(std::move(cells));
    }
    if (!t.source.empty()) {
        out.rows.emplace_back();
        out.rows.push_back({t.source});
    }
    return out;
}

}  // namespace

std::string document_html(const Document& d, const std::vector<Link>& downloads) {
    nlohmann::json sections = nlohmann::json::array();
    int tables = 0, figures = 0;
    for (std::size_t s = 0; s < d.sections.size(); ++s) {
        const auto& section = d.sections[s];
        nlohmann::json blocks = nlohmann::json::array();
        for (const auto& block : section.blocks) {
            if (const auto* p = std::get_if<Paragraph>(&block)) {
                nlohmann::json para = {{"text", p->text}};
                if (!p->href.empty()) para["href"] = p->href;
                blocks.push_back({{"paragraph", para}});
            } else if (const auto* l = std::get_if<BulletList>(&block)) {
                nlohmann::json items = nlohmann::json::array();
                for (const auto& item : l->items) items.push_back({{"text", item}});
                blocks.push_back({{l->numbered ? "numbered" : "list", {{"items", items}}}});
            } else if (const auto* t = std::get_if<DocumentTable>(&block)) {
                blocks.push_back({{"table", table_view(*t, "table-" + std::to_string(++tables))}});
            } else if (const auto* f = std::get_if<DocumentFigure>(&block)) {
                std::string id = "figure-" + std::to_string(++figures);
                DocumentTable data = f->data;
                data.source = f->source;
                blocks.push_back({{"figure", {{"id", id}, {"title", f->title}, {"svg", f->svg}}},
                                  {"table", table_view(data, id + "-figures")}});
            }
        }
        nlohmann::json item = {{"heading", section.heading}, {"id", "section-" + std::to_string(s + 1)}, {"blocks", blocks}};
        item[section.level <= 2 ? "h2" : "h3"] = true;
        sections.push_back(item);
    }
    nlohmann::json view = {{"title", d.title}, {"date", d.date}, {"sections", sections}};
    if (!d.subtitle.empty()) view["subtitle"] = d.subtitle;
    if (!d.author.empty()) view["author"] = d.author;
    if (!downloads.empty()) {
        nlohmann::json links = nlohmann::json::array();
        for (const auto& l : downloads) links.push_back({{"text", l.text}, {"href", l.href}});
        view["downloads"] = {{"links", links}};
    }
    return fragment("document", view);
}

std::string document_xlsx(const Document& d) {
    std::vector<Table> tables;
    for (const auto& section : d.sections)
        for (const auto& block : section.blocks) {
            if (const auto* t = std::get_if<DocumentTable>(&block)) tables.push_back(export_table(*t));
            if (const auto* f = std::get_if<DocumentFigure>(&block)) {
                DocumentTable data = f->data;
                data.source = f->source;
                tables.push_back(export_table(data));
            }
        }
    return to_xlsx(tables, d.title);
}

}  // namespace corparent::render
