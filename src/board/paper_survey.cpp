// What the papers say about the survey and the concerns it raised.
#include <fmt/format.h>

#include "board/paper_parts.h"
#include "measures/disclosure.h"
#include "render/chart.h"
#include "voice/concerns.h"
#include "voice/question_bank.h"
#include "voice/rounds.h"

namespace corparent::board::paper {
namespace {

std::string fraction(const voice::SurveyFigure& f) {
    if (f.suppressed) return "c";
    if (f.denominator == 0) return "no answers";
    return fmt::format("{} of {}", f.numerator, f.denominator);
}

std::string indicator_label(const voice::Indicator& i) { return i.topic + ": " + i.counted_label; }

// The day (UK civil date is near enough for counting) of an epoch-seconds time.
care::Date day_of(long long at) {
    return std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{at}});
}

}  // namespace

std::optional<Survey> latest_survey(store::Database& db, const settings::Settings& settings, care::Date today) {
    for (const auto& round : voice::rounds(db)) {   // newest first
        if (!round.has_closed(today)) continue;   // a round still open would show one child's answers between two papers
        Survey s;
        s.bank = &voice::question_bank(settings.data_dir);
        s.results = voice::round_results(db, *s.bank, round, today, settings.disclosure);
        s.headlines = voice::headlines(s.results);
        return s;
    }
    return std::nullopt;
}

std::string survey_source(const Survey& survey, const Data& data) {
    const auto& r = survey.results.round;
    return fmt::format("Source: {}'s survey of children in care and care leavers, {} ({} to {}{}), {} {}; comparators as "
                       "published (named in each row). Groups of fewer than {} respondents are shown as c. Figures as at {}.",
                       data.council, r.name, long_date(r.opens), long_date(r.closes),
                       survey.results.includes_unfinished ? ", answers saved but not sent included" : "",
                       survey.results.respondents, survey.results.respondents == 1 ? "respondent" : "respondents",
                       data.rules.smallest_survey_group, long_date(data.today));
}

render::DocumentTable survey_table(const Survey& survey, const Data& data, const std::string& caption,
                                   const std::string& statement_id) {
    render::DocumentTable t{caption, {"What children told us", "Us", "Children", "Last round", "Others"}, {false, true, true, true, false},
                            {}, survey_source(survey, data)};
    for (const auto& h : survey.headlines) {
        const auto& pledge = h.indicator->pledge;
        if (!statement_id.empty() && std::find(pledge.begin(), pledge.end(), statement_id) == pledge.end()) continue;
        std::string others = "none published";
        if (h.row.comparator)
            others = fmt::format("{}% of {} ({}, {})", h.row.comparator->general_population_percent,
                                 h.row.comparator->general_population_label, h.row.comparator->publication,
                                 h.row.comparator->publication_date);
        t.rows.push_back({indicator_label(*h.indicator), h.row.figure.shown(), fraction(h.row.figure),
                          h.row.previous ? h.row.previous->shown() : "not asked", others});
    }
    return t;
}

std::vector<render::DocumentFigure> survey_figures(const Survey& survey, const Data& data) {
    std::vector<render::DocumentFigure> out;
    for (const auto& page : survey.bank->pages) {
        render::BarChart chart;
        chart.title = survey.results.round.name + ": " + voice::in_language(page.title, "en");
        chart.summary = "The share of respondents giving the counted answer, one bar per question; a question with too "
                        "few answers to show has no bar.";
        chart.unit = "%";
        chart.id = "survey-" + page.id;
        Survey one_page{survey.bank, survey.results, {}};
        for (const auto& h : survey.headlines) {
            if (h.indicator->page != page.id) continue;
            one_page.headlines.push_back(h);
            chart.categories.push_back(h.indicator->topic);
            chart.values.push_back(h.row.figure.percent ? std::optional<double>(static_cast<double>(*h.row.figure.percent))
                                                        : std::nullopt);
        }
        if (one_page.headlines.empty()) continue;
        render::DocumentFigure f;
        f.title = chart.title;
        f.summary = chart.summary;
        f.svg = render::bar_chart_svg(chart);
        f.data = survey_table(one_page, data, chart.title + ": the figures");
        f.source = f.data.source;
        f.data.source.clear();
        out.push_back(std::move(f));
    }
    return out;
}

render::DocumentTable concerns_table(store::Database& db, const Data& data, std::optional<care::Date> since,
                                     care::Date until) {
    long long raised = 0, closed = 0, open = 0, harm = 0;
    for (const auto& c : voice::concerns(db, "")) {
        care::Date on = day_of(c.raised_at);
        bool in_period = (!since || on > *since) && on <= until;
        if (in_period) ++raised;
        if (in_period && c.names_harm) ++harm;
        if (c.closed_at && (!since || day_of(*c.closed_at) > *since) && day_of(*c.closed_at) <= until) ++closed;
        if (on <= until && (!c.closed_at || day_of(*c.closed_at) > until)) ++open;
    }
    std::vector<measures::Cell> cells = {{raised, std::nullopt, false}, {harm, std::nullopt, false},
                                         {closed, std::nullopt, false}, {open, std::nullopt, false}};
    // Each count alone: they overlap, so none is the sum of others.
    for (auto& cell : cells) {
        std::vector<measures::Cell> one{cell};
        measures::control_disclosure(one, data.rules, false);
        cell = one.front();
    }
    auto shown = [](const measures::Cell& c) { return c.suppressed ? std::string("c") : std::to_string(c.count); };
    std::string period = since ? "since " + long_date(*since) : "up to " + long_date(until);
    render::DocumentTable t{"Concerns raised through the survey, " + period, {"Concerns", "Number"}, {false, true}, {},
                            fmt::format("Source: the survey's concerns log, counts only, as on {}. Numbers from 1 to {} "
                                        "are shown as c.",
                                        long_date(until), data.rules.smallest_count - 1)};
    t.rows = {{"Raised", shown(cells[0])},
              {"Raised that named harm (referred to the children's front door)", shown(cells[1])},
              {"Closed, with what was done recorded", shown(cells[2])},
              {"Still open on " + long_date(until), shown(cells[3])}};
    return t;
}

}  // namespace corparent::board::paper
