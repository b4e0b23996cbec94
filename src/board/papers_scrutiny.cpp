// The progress update to Scrutiny, laid out like the council's note to its Scrutiny Board (seeds): the
// note's purpose and recommendations, the Pledge, then an appendix with each promise's progress.
#include <fmt/format.h>

#include "board/paper_parts.h"
#include "board/papers.h"
#include "care/date.h"

namespace corparent::board {

render::Document scrutiny_update(store::Database& db, const settings::Settings& settings, const std::string& today) {
    paper::Data data = paper::load(db, settings, today);
    render::Document d;
    d.title = data.pledge ? data.pledge->name + ": progress update" : "The Pledge: progress update";
    d.subtitle = "A note to the Scrutiny Board";
    d.date = paper::long_date(today);
    d.author = data.council;

    d.sections.push_back({"1 Purpose of the note", 2,
                          {render::Paragraph{"1.1 To update the Scrutiny Board on progress made against the Pledge for "
                                             "children in care and care leavers.",
                                             ""}}});
    d.sections.push_back({"2 Recommendations", 2,
                          {render::Paragraph{"2.1 The Scrutiny Board is recommended to:", ""},
                           render::BulletList{{"note the current progress made against the Pledge for children in care "
                                               "and care leavers;",
                                               "identify any recommendations for the appropriate Cabinet Member."}}}});
    render::Section background{"3 Information and background", 2, {}};
    if (data.pledge) {
        background.blocks.push_back(render::Paragraph{
            fmt::format("3.1 The {} (adopted {}) was co-designed with children and young people with care experience. "
                        "It holds {} statements from children and young people, each with the council's responding "
                        "commitment as their corporate parent.",
                        data.pledge->name, data.pledge->adopted, data.pledge->statements.size()),
            ""});
        background.blocks.push_back(render::Paragraph{"3.2 The statements and commitments are:", ""});
        std::vector<std::string> items;
        int n = 0;
        for (const auto& s : data.pledge->statements)
            items.push_back(fmt::format("{}) {} = {}", ++n, s.statement, s.commitment));
        background.blocks.push_back(render::BulletList{items});
        background.blocks.push_back(render::Paragraph{
            "3.3 Appendix 1 gives the progress against each statement: the measures that evidence it, beside the year "
            "before, England, the region and our statistical neighbours.",
            ""});
    } else {
        background.blocks.push_back(render::Paragraph{"No Pledge is recorded yet.", ""});
    }
    d.sections.push_back(std::move(background));
    if (!data.pledge) return d;

    render::Section appendix{"Appendix 1: Pledge progress", 2, {render::Paragraph{paper::disclosure_note(data), ""}}};
    d.sections.push_back(std::move(appendix));
    int n = 0;
    for (const auto& s : data.pledge->statements) {
        render::Section section{fmt::format("{}) {}", ++n, s.statement), 3, {}};
        section.blocks.push_back(render::Paragraph{"Our commitment: " + s.commitment, ""});
        section.blocks.push_back(render::Paragraph{paper::progress_sentence(data, s), ""});
        auto table = paper::measures_table(data, s);
        if (!table.rows.empty()) section.blocks.push_back(std::move(table));
        d.sections.push_back(std::move(section));
    }
    return d;
}

}  // namespace corparent::board
