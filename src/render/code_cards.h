// Printable survey code cards: an A4 PDF (cairo + pango, tagged), eight cards a page with cut lines, each
// with the council's name, where to go, the code in large letters and the Childline number.
#pragma once

#include <string>
#include <vector>

namespace corparent::render {

struct CodeCardsText {
    std::string council, round, version, survey_address;
};

// The PDF's bytes. Throws std::runtime_error if cairo fails.
std::string code_cards_pdf(const std::vector<std::string>& codes, const CodeCardsText& text);

}  // namespace corparent::render
