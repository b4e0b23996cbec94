// The annual Pledge report: the year's evidence, promise by promise.
#include <fmt/format.h>

#include "board/actions.h"
#include "board/paper_parts.h"
#include "board/papers.h"
#include "care/date.h"

namespace corparent::board {

render::Document pledge_report(store::Database& db, const settings::Settings& settings, const std::string& today) {
    paper::Data data = paper::load(db, settings, today);
    const measures::MeasureReport* latest = data.latest();
    render::Document d;
    d.title = latest ? "The Pledge: annual report " + care::collection_year_label(latest->year) : "The Pledge: annual report";
    d.subtitle = data.pledge ? data.pledge->name : "";
    d.date = paper::long_date(today);
    d.author = data.council;

    render::Section about{"About this report", 2, {}};
    if (latest) {
        about.blocks.push_back(render::Paragraph{
            fmt::format("For each promise of our Pledge to children in care and care leavers, the evidence of {} (the year "
                        "to 31 March {}): the measures computed from our SSDA903 returns the way the Department for "
                        "Education defines them, beside the year before, England, the region and our statistical "
                        "neighbours, with each measure's trend; what children told us in our latest survey; what we did on the "
                        "promise in the twelve months to {}, and our goals for the next twelve months, from the Board's You "
                        "said, We did log.",
                        care::collection_year_label(latest->year), latest->year, d.date),
            ""});
        about.blocks.push_back(render::Paragraph{paper::disclosure_note(data), ""});
    } else {
        about.blocks.push_back(render::Paragraph{"No SSDA903 return has been imported yet, so this report has no measures.", ""});
    }
    d.sections.push_back(std::move(about));
    if (!data.pledge) return d;

    // At a glance: how each promise's measures moved.
    if (latest) {
        render::DocumentTable glance;
        glance.caption = "At a glance: each promise's measures since last year";
        glance.headers = {"Promise", "Measures", "Better", "Worse", "No change", "Best quarter"};
        glance.numeric = {false, true, true, true, true, true};
        for (const auto& s : data.pledge->statements) {
            paper::Progress p = paper::progress(data, s);
            glance.rows.push_back({s.statement, std::to_string(p.shown), std::to_string(p.better), std::to_string(p.worse),
                                   std::to_string(p.unchanged), std::to_string(p.best_quarter)});
        }
        glance.source = paper::measures_source(data, latest->year);
        d.sections.push_back({"At a glance", 2, {glance}});
    }

    const care::Date day = care::parse_iso(today).value_or(care::Date{});
    const auto actions = all_actions(db);
    const auto survey = paper::latest_survey(db, settings, day);
    int n = 0;
    for (const auto& s : data.pledge->statements) {
        render::Section section{fmt::format("{}. \u201c{}\u201d", ++n, s.statement), 2, {}};
        section.blocks.push_back(render::Paragraph{"Our promise: " + s.commitment, ""});
        section.blocks.push_back(render::Paragraph{paper::progress_sentence(data, s), ""});
        d.sections.push_back(std::move(section));
        auto table = paper::measures_table(data, s);
        if (!table.rows.empty()) {
            render::Section evidence{"The measures", 3, {table}};
            for (const auto& key : s.evidence)
                if (latest && measures::find_figure(*latest, key)) evidence.blocks.push_back(paper::measure_figure(data, key));
            d.sections.push_back(std::move(evidence));
        }
        if (survey) {
            auto told = paper::survey_table(*survey, data, "What children told us: " + survey->results.round.name, s.id);
            if (!told.rows.empty()) d.sections.push_back({"What children told us", 3, {told}});
        }
        // What we did on the promise this year, and what we set out to do next.
        auto promise = paper::promise_actions(actions, s.id, day);
        render::Section did{"What we did", 3, {}};
        if (promise.done.empty())
            did.blocks.push_back(render::Paragraph{"No action on this promise was done in the twelve months to " + d.date + ".", ""});
        else
            did.blocks.push_back(paper::done_table(promise.done, "Actions done in the twelve months to " + d.date,
                                                   paper::actions_source(data)));
        d.sections.push_back(std::move(did));
        render::Section goals{"Goals for the next twelve months", 3, {}};
        if (promise.goals.empty())
            goals.blocks.push_back(render::Paragraph{"No open action on this promise is due in the next twelve months.", ""});
        else
            goals.blocks.push_back(paper::goals_table(promise.goals, day, paper::actions_source(data)));
        d.sections.push_back(std::move(goals));
    }
    return d;
}

}  // namespace corparent::board
