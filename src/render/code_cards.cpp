#include "render/code_cards.h"

#include <stdexcept>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace corparent::render {
namespace {

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;   // A4 in points
constexpr int kColumns = 2, kRows = 4;
constexpr double kMargin = 24;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// One paragraph at (x, y), wrapped to `width`; returns its height. Tagged as a paragraph.
double paragraph(cairo_t* cr, double x, double y, double width, const std::string& text, const char* font) {
    cairo_tag_begin(cr, "P", nullptr);
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, desc);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.c_str(), -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    pango_font_description_free(desc);
    g_object_unref(layout);
    cairo_tag_end(cr, "P");
    return static_cast<double>(h) / PANGO_SCALE;
}

}  // namespace

std::string code_cards_pdf(const std::vector<std::string>& codes, const CodeCardsText& text) {
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight);
    const std::string title = "Survey codes: " + text.round + " (" + text.version + ")";
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, text.council.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "corparent");
    cairo_t* cr = cairo_create(surface);
    const double card_w = (kPageWidth - 2 * kMargin) / kColumns, card_h = (kPageHeight - 2 * kMargin) / kRows;
    const std::size_t per_page = kColumns * kRows;
    cairo_tag_begin(cr, "Document", nullptr);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0 && i % per_page == 0) cairo_show_page(cr);
        const double x = kMargin + static_cast<double>(i % kColumns) * card_w;
        const double y = kMargin + static_cast<double>((i % per_page) / kColumns) * card_h;
        // Cut lines: dashed, grey.
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr, 0.5);
        const double dash[] = {4, 3};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_rectangle(cr, x, y, card_w, card_h);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        cairo_set_source_rgb(cr, 0.04, 0.05, 0.05);
        const double pad = 16, w = card_w - 2 * pad;
        double at = y + pad;
        cairo_tag_begin(cr, "Sect", nullptr);
        at += paragraph(cr, x + pad, at, w, text.council, "DejaVu Sans Bold 9") + 4;
        at += paragraph(cr, x + pad, at, w, "Have your say", "DejaVu Sans Bold 16") + 4;
        at += paragraph(cr, x + pad, at, w, "Go to " + text.survey_address + " and type this code:", "DejaVu Sans 9") + 6;
        at += paragraph(cr, x + pad, at, w, codes[i], "DejaVu Sans Mono Bold 19") + 6;
        at += paragraph(cr, x + pad, at, w,
                        "Keep this card to yourself. If you stop, the same code takes you back to where you were.",
                        "DejaVu Sans 8") + 4;
        paragraph(cr, x + pad, at, w, "Need to talk now? Childline: 0800 1111 (free, day or night).", "DejaVu Sans Bold 8");
        cairo_tag_end(cr, "Sect");
    }
    cairo_tag_end(cr, "Document");
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("the code cards could not be drawn: ") + cairo_status_to_string(status));
    return out;
}

}  // namespace corparent::render
