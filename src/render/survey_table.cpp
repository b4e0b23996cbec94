#include "render/survey_table.h"

#include <fmt/format.h>

namespace corparent::render {

Table survey_results_table(const voice::RoundResults& res) {
    Table t;
    t.title = res.round.name + ": survey results";
    t.headers = {"Indicator", "Pledge statements", "Counted answer", "Versions", "Group", "Numerator", "Denominator", "Per cent",
                 "Previous round per cent", "General population per cent", "Comparator source"};
    auto add = [&](const voice::Indicator& ind, const voice::IndicatorRow& row, const std::string& group, const voice::SurveyFigure& f,
                   bool with_context) {
        std::string statements;
        for (const auto& s : ind.pledge) statements += (statements.empty() ? "" : "; ") + s;
        std::vector<Cell> cells = {ind.topic, statements, ind.counted_label, row.versions_label, group};
        if (f.suppressed) {
            cells.insert(cells.end(), {std::string("c"), std::string("c"), std::string("c")});
        } else {
            cells.push_back(f.numerator);
            cells.push_back(f.denominator);
            cells.push_back(f.percent ? Cell(*f.percent) : Cell(std::string("")));
        }
        cells.push_back(with_context && row.previous ? row.previous->shown() : std::string(""));
        cells.push_back(with_context && row.comparator ? fmt::format("{}%", row.comparator->general_population_percent) : std::string(""));
        cells.push_back(with_context && row.comparator ? row.comparator->publication + " (" + row.comparator->publication_date + ")" : std::string(""));
        t.rows.push_back(cells);
    };
    for (const auto& ir : res.indicators)
        for (const auto& row : ir.rows) {
            add(*ir.indicator, row, "All", row.figure, true);
            for (const auto& b : row.breakdown) add(*ir.indicator, row, b.label, b.figure, false);
        }
    return t;
}

}  // namespace corparent::render
