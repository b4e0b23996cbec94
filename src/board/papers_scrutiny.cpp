// The progress update to Scrutiny, laid out like the council's note to its Scrutiny Board (seeds): the
// note's purpose and recommendations, the Pledge, then an appendix with each promise's progress.
#include <fmt/format.h>

#include "board/actions.h"
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
                                               "identify any recommendations for the appropriate Cabinet Member."},
                                              true}}});
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
        for (const auto& s : data.pledge->statements) items.push_back(s.statement + ": " + s.commitment);
        background.blocks.push_back(render::BulletList{items, true});
        background.blocks.push_back(render::Paragraph{
            "3.3 Appendix 1 gives the progress against each statement: the measures that evidence it, beside the year "
            "before, England, the region and our statistical neighbours; what children told us in our latest survey; the "
            "work done in the last twelve months; and what is still to do.",
            ""});
    } else {
        background.blocks.push_back(render::Paragraph{"No Pledge is recorded yet.", ""});
    }
    d.sections.push_back(std::move(background));
    if (!data.pledge) return d;

    render::Section appendix{"Appendix 1: Pledge progress", 2, {render::Paragraph{paper::disclosure_note(data), ""}}};
    d.sections.push_back(std::move(appendix));
    const care::Date day = care::parse_iso(today).value_or(care::Date{});
    const auto actions = all_actions(db);
    const auto survey = paper::latest_survey(db, settings, day);
    int n = 0;
    for (const auto& s : data.pledge->statements) {
        render::Section section{fmt::format("{}) {}", ++n, s.statement), 3, {}};
        section.blocks.push_back(render::Paragraph{"Our commitment: " + s.commitment, ""});
        section.blocks.push_back(render::Paragraph{paper::progress_sentence(data, s), ""});
        auto table = paper::measures_table(data, s);
        if (!table.rows.empty()) section.blocks.push_back(std::move(table));
        if (survey) {
            auto told = paper::survey_table(*survey, data, "What children told us: " + survey->results.round.name, s.id);
            if (!told.rows.empty()) section.blocks.push_back(std::move(told));
        }
        // The work done, in the words the Board published to children, and what is still to do.
        auto promise = paper::promise_actions(actions, s.id, day);
        if (promise.done.empty()) {
            section.blocks.push_back(render::Paragraph{"No action on this promise was done in the twelve months to " + d.date + ".", ""});
        } else {
            section.blocks.push_back(render::Paragraph{
                fmt::format("Work done in the twelve months to {} ({} {}):", d.date, promise.done.size(),
                            promise.done.size() == 1 ? "action" : "actions"),
                ""});
            std::vector<std::string> sentences;
            for (const auto& a : promise.done) sentences.push_back(a.we_did.empty() ? a.title : a.we_did);
            section.blocks.push_back(render::BulletList{sentences});
        }
        if (!promise.goals.empty()) section.blocks.push_back(paper::goals_table(promise.goals, day, paper::actions_source(data)));
        d.sections.push_back(std::move(section));
    }
    return d;
}

}  // namespace corparent::board
