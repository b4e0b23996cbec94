// The PDF of a Document: cairo draws, pango lays text out (so it stays real, selectable text), librsvg draws
// the same SVG charts the web pages show. A4 portrait, laid out top to bottom with a cursor; a block that
// does not fit goes on to the next page, a table's header row is drawn again on each page it reaches.
// Structure tags (H1, P, L, Table, Figure ...) make the PDF tagged, for screen readers. cairo 1.16 cannot
// give a Figure alternative text, so each chart is followed by its title, summary and table of figures.
#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <utility>
#include <stdexcept>

#include "render/document.h"

namespace corparent::render {
namespace {

// A4 in points, with 20 mm margins and room for the footer.
constexpr double kPageWidth = 595.276, kPageHeight = 841.89;
constexpr double kLeft = 56.7, kRight = kPageWidth - 56.7, kTop = 56.7, kBottom = kPageHeight - 70;
constexpr double kWidth = kRight - kLeft;
constexpr double kCellPad = 4;

// Liberation Sans has Arial's metrics (the web pages' font); DejaVu Sans is there when it is not.
constexpr const char* kBody = "Liberation Sans, DejaVu Sans 10.5";
constexpr const char* kSmall = "Liberation Sans, DejaVu Sans 8.5";
constexpr const char* kTableText = "Liberation Sans, DejaVu Sans 8.5";
constexpr const char* kTableHead = "Liberation Sans, DejaVu Sans Bold 8.5";

const char* heading_font(int level) {
    return level <= 1 ? "Liberation Sans, DejaVu Sans Bold 22" : level == 2 ? "Liberation Sans, DejaVu Sans Bold 15"
                                                                            : "Liberation Sans, DejaVu Sans Bold 12";
}

struct LayoutFree {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutFree>;

struct HandleFree {
    void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
using Svg = std::unique_ptr<RsvgHandle, HandleFree>;

// A chart's size on the page: at most 460 points wide with its viewBox's proportions, and scaled down when
// it is taller than a page (many bars) so that it fits under its title.
std::pair<double, double> drawn_size(RsvgHandle* svg) {
    gboolean has_width = FALSE, has_height = FALSE, has_box = FALSE;
    RsvgLength w, h;
    RsvgRectangle box{0, 0, 640, 320};
    rsvg_handle_get_intrinsic_dimensions(svg, &has_width, &w, &has_height, &h, &has_box, &box);
    double width = std::min(kWidth, 460.0);
    double height = box.width > 0 ? width * box.height / box.width : width / 2;
    const double tallest = kBottom - kTop - 60;
    if (height > tallest) {
        width *= tallest / height;
        height = tallest;
    }
    return {width, height};
}

// A cairo attribute string value: single-quoted, with quotes and backslashes escaped.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

class Writer {
public:
    Writer(cairo_surface_t* surface, const Document& d, int total_pages)
        : surface_(surface), cr_(cairo_create(surface)), d_(d), total_(total_pages) {}
    ~Writer() { cairo_destroy(cr_); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Draws the whole document; returns the number of pages.
    int write() {
        cairo_tag_begin(cr_, "Document", "");
        text_block(d_.title, heading_font(1), "H1", 6);
        outline(d_.title, 1);
        if (!d_.subtitle.empty()) text_block(d_.subtitle, "Liberation Sans, DejaVu Sans 13", "P", 4);
        text_block("Produced " + d_.date + (d_.author.empty() ? "" : " by " + d_.author) + ".", kSmall, "P", 14);
        for (const auto& section : d_.sections) {
            // A heading is kept with the start of what follows it.
            const char* font = heading_font(section.level);
            double next = section.blocks.empty() ? 0 : start_height(section.blocks.front());
            if (y_ + height(section.heading, font, kWidth) + 16 + next > kBottom) new_page();
            y_ += section.level <= 2 ? 10 : 4;
            text_block(section.heading, font, section.level <= 2 ? "H2" : "H3", 6);
            outline(section.heading, section.level);
            for (const auto& block : section.blocks) {
                if (const auto* p = std::get_if<Paragraph>(&block)) paragraph(*p);
                else if (const auto* l = std::get_if<BulletList>(&block)) list(*l);
                else if (const auto* t = std::get_if<DocumentTable>(&block)) table(*t);
                else if (const auto* f = std::get_if<DocumentFigure>(&block)) figure(*f);
            }
        }
        cairo_tag_end(cr_, "Document");
        footer();
        cairo_show_page(cr_);
        if (cairo_status(cr_) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("document_pdf: ") + cairo_status_to_string(cairo_status(cr_)));
        return page_;
    }

private:
    Layout layout(const std::string& text, const char* font, double width) const {
        Layout l(pango_cairo_create_layout(cr_));
        PangoFontDescription* desc = pango_font_description_from_string(font);
        pango_layout_set_font_description(l.get(), desc);
        pango_font_description_free(desc);
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
        return l;
    }

    double height(const std::string& text, const char* font, double width) const {
        int w = 0, h = 0;
        pango_layout_get_size(layout(text, font, width).get(), &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    // How much of a block must fit below its heading: a figure's title and chart, a table's caption, header
    // and first row, a paragraph's first lines, a list's first item.
    double start_height(const Block& block) const {
        if (const auto* p = std::get_if<Paragraph>(&block)) return std::min(height(p->text, kBody, kWidth), 40.0);
        if (const auto* l = std::get_if<BulletList>(&block)) return l->items.empty() ? 0 : std::min(height(l->items.front(), kBody, kWidth), 40.0);
        if (std::holds_alternative<DocumentTable>(block)) return 80;
        if (const auto* f = std::get_if<DocumentFigure>(&block)) return std::min(figure_height(*f) + 30, kBottom - kTop - 60);
        return 0;
    }

    // The chart's height as drawn; 230 points when the SVG cannot be read (figure() then says why).
    static double figure_height(const DocumentFigure& f) {
        Svg svg(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(f.svg.data()), f.svg.size(), nullptr));
        return svg ? drawn_size(svg.get()).second : 230;
    }

    double natural_width(const std::string& text, const char* font) const {
        Layout l = layout(text, font, kWidth);
        pango_layout_set_width(l.get(), -1);
        int w = 0, h = 0;
        pango_layout_get_size(l.get(), &w, &h);
        return static_cast<double>(w) / PANGO_SCALE;
    }

    void new_page() {
        footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kTop;
    }

    // Every page's foot: the paper's title and "Page n of m".
    void footer() {
        std::string text = total_ > 0 ? fmt::format("{}    Page {} of {}", d_.title, page_, total_)
                                      : fmt::format("{}    Page {}", d_.title, page_);
        Layout l = layout(text, kSmall, kWidth);
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
        cairo_set_source_rgb(cr_, 0.31, 0.33, 0.35);
        cairo_move_to(cr_, kLeft, kPageHeight - 45);
        pango_cairo_show_layout(cr_, l.get());
        cairo_set_source_rgb(cr_, 0.04, 0.05, 0.05);
    }

    void outline(const std::string& text, int level) {
        std::string link = fmt::format("page={} pos=[{} {}]", page_, kLeft, std::max(kTop, y_ - 30));
        int parent = level <= 1 ? CAIRO_PDF_OUTLINE_ROOT : level == 2 ? title_outline_ : section_outline_;
        int id = cairo_pdf_surface_add_outline(surface_, parent, text.c_str(), link.c_str(),
                                               static_cast<cairo_pdf_outline_flags_t>(0));
        if (level <= 1) title_outline_ = id;
        else if (level == 2) section_outline_ = id;
    }

    // Text wrapped to `width` at `x`, line by line so that a long paragraph continues on the next page
    // (its tag closed at the page's foot and opened again at the next page's head).
    void text_block(const std::string& text, const char* font, const char* tag, double space_after,
                    double x = kLeft, double width = kWidth, const std::string& link = "") {
        Layout l = layout(text, font, width);
        PangoLayoutIter* it = pango_layout_get_iter(l.get());
        double origin = y_;   // where the layout's top is on this page
        cairo_tag_begin(cr_, tag, "");
        if (!link.empty()) cairo_tag_begin(cr_, CAIRO_TAG_LINK, ("uri=" + quoted(link)).c_str());
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            double top = origin + static_cast<double>(logical.y) / PANGO_SCALE;
            double bottom = top + static_cast<double>(logical.height) / PANGO_SCALE;
            if (bottom > kBottom && top > kTop) {
                if (!link.empty()) cairo_tag_end(cr_, CAIRO_TAG_LINK);
                cairo_tag_end(cr_, tag);
                new_page();
                origin = kTop - static_cast<double>(logical.y) / PANGO_SCALE;
                cairo_tag_begin(cr_, tag, "");
                if (!link.empty()) cairo_tag_begin(cr_, CAIRO_TAG_LINK, ("uri=" + quoted(link)).c_str());
                bottom = kTop + static_cast<double>(logical.height) / PANGO_SCALE;
            }
            cairo_move_to(cr_, x, origin + static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE);
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
            y_ = bottom;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
        if (!link.empty()) cairo_tag_end(cr_, CAIRO_TAG_LINK);
        cairo_tag_end(cr_, tag);
        y_ += space_after;
    }

    void paragraph(const Paragraph& p) {
        // Only an absolute address can be followed from a PDF; a site path stays text.
        text_block(p.text, kBody, "P", 8, kLeft, kWidth, p.href.starts_with("https://") ? p.href : "");
    }

    void list(const BulletList& l) {
        cairo_tag_begin(cr_, "L", "");
        const double indent = l.numbered ? 22 : 16;
        int n = 0;
        for (const auto& item : l.items) {
            if (y_ + height(item, kBody, kWidth - indent) > kBottom) new_page();
            cairo_tag_begin(cr_, "LI", "");
            double top = y_;
            text_block(l.numbered ? std::to_string(++n) + "." : "\u2022", kBody, "Lbl", 0, kLeft + 2, indent - 4);
            y_ = top;
            text_block(item, kBody, "LBody", 4, kLeft + indent, kWidth - indent);
            cairo_tag_end(cr_, "LI");
        }
        cairo_tag_end(cr_, "L");
        y_ += 4;
    }

    // The width of the longest word: a column narrower than that would break words.
    double longest_word(const std::string& text, const char* font) const {
        double widest = 0;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = std::min(text.find(' ', start), text.size());
            if (end > start) widest = std::max(widest, natural_width(text.substr(start, end - start), font));
            start = end + 1;
        }
        return widest;
    }

    // Column widths: each column its natural width when all fit (the row headings take the spare room);
    // otherwise each column at least its longest word and the room left shared by how much more each
    // needs; when even the words do not fit, the words' widths scaled down (words then break).
    std::vector<double> column_widths(const DocumentTable& t) const {
        std::size_t n = t.headers.size();
        std::vector<double> most(n, 0), least(n, 0);
        auto widen = [&](std::size_t c, const std::string& text, const char* font) {
            most[c] = std::max(most[c], natural_width(text, font) + 2 * kCellPad + 1);
            least[c] = std::max(least[c], longest_word(text, font) + 2 * kCellPad + 1);
        };
        for (std::size_t c = 0; c < n; ++c) {
            widen(c, t.headers[c], kTableHead);
            for (const auto& row : t.rows)
                if (c < row.size()) widen(c, row[c], c == 0 ? kTableHead : kTableText);
        }
        double total_most = 0, total_least = 0;
        for (std::size_t c = 0; c < n; ++c) {
            total_most += most[c];
            total_least += least[c];
        }
        std::vector<double> widths(n);
        if (total_most <= kWidth) {
            widths = most;
            widths[0] += kWidth - total_most;
        } else if (total_least <= kWidth) {
            for (std::size_t c = 0; c < n; ++c)
                widths[c] = least[c] + (kWidth - total_least) * (most[c] - least[c]) / (total_most - total_least);
        } else {
            for (std::size_t c = 0; c < n; ++c) widths[c] = least[c] * kWidth / total_least;
        }
        return widths;
    }

    double row_height(const std::vector<std::string>& cells, const std::vector<double>& widths, bool head) const {
        double h = 0;
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c)
            h = std::max(h, height(cells[c], head || c == 0 ? kTableHead : kTableText, widths[c] - 2 * kCellPad));
        return h + 2 * kCellPad;
    }

    void rule(double y, double width, double grey) {
        cairo_set_source_rgb(cr_, grey, grey, grey);
        cairo_set_line_width(cr_, width);
        cairo_move_to(cr_, kLeft, y);
        cairo_line_to(cr_, kRight, y);
        cairo_stroke(cr_);
        cairo_set_source_rgb(cr_, 0.04, 0.05, 0.05);
    }

    // One row: each cell wrapped in its column, figures right-aligned. `tagged` is false for a header
    // repeated on a later page, which is not content a second time.
    void row(const DocumentTable& t, const std::vector<std::string>& cells, const std::vector<double>& widths,
             bool head, bool tagged) {
        double h = row_height(cells, widths, head);
        if (tagged) cairo_tag_begin(cr_, "TR", "");
        double x = kLeft;
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
            bool numeric = c > 0 && c < t.numeric.size() && t.numeric[c];
            const char* tag = head || c == 0 ? "TH" : "TD";
            if (tagged) cairo_tag_begin(cr_, tag, "");
            Layout l = layout(cells[c], head || c == 0 ? kTableHead : kTableText, widths[c] - 2 * kCellPad);
            if (numeric) pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
            cairo_move_to(cr_, x + kCellPad, y_ + kCellPad);
            pango_cairo_show_layout(cr_, l.get());
            if (tagged) cairo_tag_end(cr_, tag);
            x += widths[c];
        }
        if (tagged) cairo_tag_end(cr_, "TR");
        y_ += h;
        rule(y_, head ? 1.2 : 0.5, head ? 0.04 : 0.69);
    }

    void table(const DocumentTable& t) {
        if (t.headers.empty()) return;
        auto widths = column_widths(t);
        double first = t.rows.empty() ? 0 : row_height(t.rows.front(), widths, false);
        // The caption, the header and the first row start on the same page.
        if (y_ + height(t.caption, kTableHead, kWidth) + row_height(t.headers, widths, true) + first + 8 > kBottom) new_page();
        cairo_tag_begin(cr_, "Table", "");
        if (!t.caption.empty()) text_block(t.caption, "Liberation Sans, DejaVu Sans Bold 10.5", "Caption", 4);
        row(t, t.headers, widths, true, true);
        for (const auto& r : t.rows) {
            if (y_ + row_height(r, widths, false) > kBottom) {
                new_page();
                row(t, t.headers, widths, true, false);
            }
            row(t, r, widths, false, true);
        }
        cairo_tag_end(cr_, "Table");
        y_ += 6;
        if (!t.source.empty()) text_block(t.source, kSmall, "P", 4);
        y_ += 8;
    }

    void figure(const DocumentFigure& f) {
        GError* error = nullptr;
        Svg svg(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(f.svg.data()), f.svg.size(), &error));
        if (!svg) {
            std::string why = error ? error->message : "unreadable SVG";
            if (error) g_error_free(error);
            throw std::runtime_error("document_pdf: chart \"" + f.title + "\": " + why);
        }
        auto [width, chart_height] = drawn_size(svg.get());
        if (y_ + height(f.title, "Liberation Sans, DejaVu Sans Bold 12", kWidth) + chart_height + 10 > kBottom) new_page();
        cairo_tag_begin(cr_, "Figure", "");
        text_block(f.title, "Liberation Sans, DejaVu Sans Bold 12", "Caption", 4);
        RsvgRectangle viewport{kLeft, y_, width, chart_height};
        cairo_save(cr_);
        if (!rsvg_handle_render_document(svg.get(), cr_, &viewport, &error)) {
            std::string why = error ? error->message : "cannot draw";
            if (error) g_error_free(error);
            cairo_restore(cr_);
            throw std::runtime_error("document_pdf: chart \"" + f.title + "\": " + why);
        }
        cairo_restore(cr_);
        y_ += chart_height + 6;
        if (!f.summary.empty()) text_block(f.summary, kSmall, "P", 6);
        cairo_tag_end(cr_, "Figure");
        DocumentTable data = f.data;
        data.source = f.source;
        table(data);
    }

    cairo_surface_t* surface_;
    cairo_t* cr_;
    const Document& d_;
    int total_ = 0;
    int page_ = 1;
    double y_ = kTop;
    int title_outline_ = CAIRO_PDF_OUTLINE_ROOT, section_outline_ = CAIRO_PDF_OUTLINE_ROOT;
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// One pass over the document into `out`; `total_pages` 0 when not yet known. Returns the page count.
int draw(const Document& d, int total_pages, std::string& out) {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d.title.c_str());
    if (!d.author.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, d.author.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "corparent");
    int pages = 0;
    try {
        Writer writer(surface, d, total_pages);
        pages = writer.write();
    } catch (...) {
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("document_pdf: ") + cairo_status_to_string(status));
    return pages;
}

}  // namespace

std::string document_pdf(const Document& d) {
    // The first pass counts the pages, so that each page can say "Page n of m".
    std::string first, pdf;
    int pages = draw(d, 0, first);
    draw(d, pages, pdf);
    return pdf;
}

}  // namespace corparent::render
