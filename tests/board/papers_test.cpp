// The Board's papers from a synthetic council's live data: the PDF's text (pdftotext) and the workbook hold
// the figures the measures service gives aggregate-only roles, each with its source and date; the pages are
// open to the Board and administrators only, and downloads are audited.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "board/meetings.h"
#include "board/papers.h"
#include "board/pledge.h"
#include "care/date.h"
#include "measures/definitions.h"
#include "measures/figure_text.h"
#include "measures/headline.h"
#include "ssda903/importer.h"
#include "ssda903/synth.h"
#include "store/accounts.h"
#include "offer/catalogue.h"
#include "offer/import.h"
#include "offer/synth.h"
#include "offer/take_up.h"
#include "voice/concerns.h"
#include "voice/question_bank.h"
#include "voice/results.h"
#include "voice/rounds.h"
#include "voice/synth.h"
#include "../render/pdf_tools.h"
#include "../render/unzip.h"
#include "../web/web_fixture.h"

using namespace corparent;
using accounts::Role;

namespace {

constexpr const char* kToday = "2026-11-24";

class Papers : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::filesystem::temp_directory_path() / ("corparent_papers_" + std::to_string(::getpid()));
        ssda903::synthesize({dir_, 400, 2023, 2025, 7});
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
    void SetUp() override {
        ASSERT_TRUE(ssda903::import_returns(*w.db, ssda903::year_folders(dir_), false).committed);
    }

    // The figures a Board member may see: what every paper must show.
    const measures::MeasureReport& latest() {
        reports_ = measures::year_reports(*w.db, w.app.settings(), true);
        return reports_->rbegin()->second;
    }
    const measures::MeasureReport& year_before() { return reports_->at(latest().year - 1); }

    static std::filesystem::path dir_;
    test_support::WebFixture w;
    std::shared_ptr<const measures::YearReports> reports_;
};
std::filesystem::path Papers::dir_;

// "3 December 2026", as the papers write a day.
std::string paper_date(care::Date d) {
    static const char* months[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                                   "October", "November", "December"};
    std::chrono::year_month_day ymd{d};
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " + months[static_cast<unsigned>(ymd.month()) - 1] + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

std::string label_of(const std::string& key) { return measures::measure_label(key); }

// A measure's row as the paper draws it: its label, then us and last year.
std::string row_text(const std::string& key, const measures::Figure& now, const measures::Figure* before) {
    return label_of(key) + " " + measures::figure_text(now) + " " + (before ? measures::figure_text(*before) : "no data");
}

TEST_F(Papers, ThePledgeReportShowsEachStatementsMeasuresAsTheServiceGivesThemToTheBoard) {
    auto doc = board::pledge_report(*w.db, w.app.settings(), kToday);
    std::string path = test_support::keep_pdf(render::document_pdf(doc), "pledge-report");
    test_support::first_page_png(path);
    std::string text = test_support::pdf_text_flat(path);
    const auto& now = latest();
    const auto& before = year_before();
    std::string year = care::collection_year_label(now.year);
    EXPECT_NE(text.find("The Pledge: annual report " + year), std::string::npos);
    EXPECT_NE(text.find("Produced 24 November 2026"), std::string::npos);

    auto pledge = board::current_pledge(*w.db);
    int rows_checked = 0;
    for (const auto& s : pledge->statements) {
        auto at = text.find(s.statement.substr(0, 30));
        ASSERT_NE(at, std::string::npos) << s.id;
        for (const auto& key : s.evidence) {
            const measures::Figure* f = measures::find_figure(now, key);
            if (!f) continue;
            const measures::Figure* last = measures::find_figure(before, key);
            std::string row = row_text(key, *f, last);
            auto found = text.find(row, at);
            EXPECT_NE(found, std::string::npos) << row;
            // Then which way it moved and England's figure, as DfE published it.
            std::string direction = measures::direction(*f, last);
            std::string rest = (direction.empty() ? "not compared" : direction) + " " +
                               (f->benchmarks ? measures::published_text(f->benchmarks->england) : "not published");
            if (found != std::string::npos) {
                EXPECT_EQ(text.substr(found + row.size() + 1, rest.size()), rest) << row;
            }
            ++rows_checked;
        }
    }
    EXPECT_GT(rows_checked, 20);
    // Each measure also has its trend chart, its figures' table and where they came from.
    EXPECT_NE(text.find(label_of("stability_long") + ", by year"), std::string::npos);
    EXPECT_NE(text.find(label_of("stability_long") + ": the figures"), std::string::npos);
    EXPECT_NE(text.find("SSDA903 return for " + year), std::string::npos);
    EXPECT_NE(text.find("Figures as at 24 November 2026"), std::string::npos);
    EXPECT_NE(text.find("are shown as c"), std::string::npos);
    std::string info = test_support::pdf_info(path);
    EXPECT_TRUE(std::regex_search(info, std::regex("Tagged: +yes")));
}

TEST_F(Papers, EveryFigureIsDisclosureControlledWhoeverAsks) {
    // The service gives child-level roles the exact small numbers; the paper never does.
    auto exact = measures::year_reports(*w.db, w.app.settings(), false);
    const auto& controlled = latest();
    const auto& raw = exact->at(controlled.year);
    std::string key;
    for (const auto& choice : board::evidence_choices())
        if (const auto* f = measures::find_figure(controlled, choice); f && f->suppressed && key.empty()) key = choice;
    ASSERT_FALSE(key.empty()) << "400 children give some small figures";
    board::set_evidence(*w.db, "included", {key}, {"admin@example.gov.uk", "local"});
    auto doc = board::pledge_report(*w.db, w.app.settings(), kToday);
    std::string text = test_support::pdf_text_flat(test_support::keep_pdf(render::document_pdf(doc), "pledge-report-c"));
    auto at = text.find("I want to feel included");
    ASSERT_NE(at, std::string::npos);
    EXPECT_NE(text.find(label_of(key) + " c ", at), std::string::npos) << key;
    EXPECT_NE(measures::figure_text(*measures::find_figure(raw, key)), "c");
}

TEST_F(Papers, TheScrutinyUpdateHasOneSectionPerStatementWithItsProgress) {
    auto doc = board::scrutiny_update(*w.db, w.app.settings(), kToday);
    std::string path = test_support::keep_pdf(render::document_pdf(doc), "scrutiny-update");
    test_support::first_page_png(path);
    std::string text = test_support::pdf_text_flat(path);
    for (const char* part : {"1 Purpose of the note", "2 Recommendations", "3 Information and background",
                             "Appendix 1: Pledge progress", "identify any recommendations for the appropriate Cabinet"})
        EXPECT_NE(text.find(part), std::string::npos) << part;
    const auto& now = latest();
    const auto& before = year_before();
    auto pledge = board::current_pledge(*w.db);
    std::size_t at = text.find("Appendix 1: Pledge progress");
    int n = 0;
    for (const auto& s : pledge->statements) {
        // The sections come in the Pledge's order, each with its hand-counted progress.
        std::string heading = std::to_string(++n) + ") " + s.statement.substr(0, 25);
        auto here = text.find(heading, at);
        ASSERT_NE(here, std::string::npos) << heading;
        at = here;
        int shown = 0, better = 0;
        for (const auto& key : s.evidence) {
            const measures::Figure* f = measures::find_figure(now, key);
            if (!f) continue;
            ++shown;
            better += measures::direction(*f, measures::find_figure(before, key)) == "Better";
        }
        if (shown == 0) continue;
        std::string sentence = "Of the " + std::to_string(shown) + (shown == 1 ? " measure" : " measures");
        auto found = text.find(sentence, at);
        EXPECT_NE(found, std::string::npos) << s.id;
        std::string flat = text.substr(found, 300);
        EXPECT_NE(flat.find(", " + std::to_string(better) + (better == 1 ? " is better" : " are better")), std::string::npos)
            << flat;
    }
}

TEST_F(Papers, TheBoardPackSetsEachPromisesMeasuresAgainstTheBenchmarksAndChartsTheTheme) {
    accounts::Actor officer{"officer@example.gov.uk", "192.0.2.1"};
    auto added = board::add_meeting(*w.db, {care::make_date(2026, 12, 3), "Education and training", false, {"Apologies"}}, officer);
    ASSERT_TRUE(added.ok());
    auto pack = board::board_pack(*w.db, w.app.settings(), added.id, kToday);
    ASSERT_TRUE(pack);
    std::string path = test_support::keep_pdf(render::document_pdf(*pack), "board-pack-measures");
    test_support::first_page_png(path);
    std::string text = test_support::pdf_text_flat(path);
    const auto& now = latest();
    const auto& before = year_before();
    auto measures_at = text.find("Measures against benchmarks");
    ASSERT_NE(measures_at, std::string::npos);
    auto pledge = board::current_pledge(*w.db);
    int rows = 0;
    for (const auto& s : pledge->statements)
        for (const auto& key : s.evidence)
            if (const measures::Figure* f = measures::find_figure(now, key)) {
                EXPECT_NE(text.find(row_text(key, *f, measures::find_figure(before, key)), measures_at), std::string::npos) << key;
                ++rows;
            }
    EXPECT_GT(rows, 20);
    // The theme names the education promise: its measures' charts follow, each with its source and date.
    auto themed = text.find("Theme: Education and training", measures_at);
    ASSERT_NE(themed, std::string::npos);
    EXPECT_NE(text.find("I want support and better access to education, training, and jobs", themed), std::string::npos);
    for (const auto& s : pledge->statements)
        if (s.id == "education-training-jobs")
            for (const auto& key : s.evidence)
                if (measures::find_figure(now, key)) {
                    EXPECT_NE(text.find(label_of(key) + ", by year", themed), std::string::npos) << key;
                }
    EXPECT_NE(text.find("Figures as at 24 November 2026", themed), std::string::npos);

    std::string member = w.signed_in(Role::BoardMember);
    std::string name = "/board/papers/meeting-" + std::to_string(added.id);
    auto page = w.get(name, member);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Corporate Parenting Board, 3 December 2026"), std::string::npos);
    EXPECT_NE(page.body.find("href=\"" + name + ".pdf\""), std::string::npos);
    EXPECT_EQ(w.get(name + ".pdf", member).content_type, "application/pdf");
    EXPECT_NE(w.get("/board/papers", member).body.find("href=\"" + name + "\""), std::string::npos);
    EXPECT_EQ(w.get("/board/papers/meeting-999", member).status, 404);
    EXPECT_EQ(w.get(name, w.signed_in(Role::Participation)).status, 403);
}

TEST_F(Papers, ThePackGivesTheSurveysHeadlinesAndCountsOfConcernsAsTheServicesGiveThem) {
    const auto& settings = w.app.settings();
    accounts::Actor officer{"officer@example.gov.uk", "192.0.2.1"};
    auto summary = voice::synthesise_survey(*w.db, voice::question_bank(settings.data_dir), settings.concerns, 7, w.now, officer);
    ASSERT_GT(summary.responses, 0);
    ASSERT_GT(summary.concerns, 0);
    care::Date meeting_day = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{w.now}}) +
                             std::chrono::days(14);
    auto added = board::add_meeting(*w.db, {meeting_day, "Health", true, {"Apologies"}}, officer);
    ASSERT_TRUE(added.ok());
    auto pack = board::board_pack(*w.db, settings, added.id, care::to_iso(meeting_day));
    ASSERT_TRUE(pack);
    std::string path = test_support::keep_pdf(render::document_pdf(*pack), "board-pack-survey");
    std::string text = test_support::pdf_text_flat(path);

    // The headlines: the latest round's figure for each question, small groups c, as the survey service gives them.
    auto round = voice::rounds(*w.db).front();
    auto results = voice::round_results(*w.db, voice::question_bank(settings.data_dir), round, meeting_day, settings.disclosure);
    auto headlines_at = text.find("Survey headlines");
    ASSERT_NE(headlines_at, std::string::npos);
    EXPECT_NE(text.find(round.name + ": " + std::to_string(results.respondents) + " children and young people answered",
                        headlines_at),
              std::string::npos);
    int checked = 0;
    for (const auto& h : voice::headlines(results)) {
        const auto& f = h.row.figure;
        std::string fraction = f.suppressed ? "c" : f.denominator == 0 ? "no answers"
                                                  : std::to_string(f.numerator) + " of " + std::to_string(f.denominator);
        std::string row = h.indicator->topic + ": " + h.indicator->counted_label + " " + f.shown() + " " + fraction;
        EXPECT_NE(text.find(row, headlines_at), std::string::npos) << row;
        ++checked;
    }
    EXPECT_GT(checked, 5);

    // Concerns: counts only, raised up to the meeting (there was no meeting before), small counts c.
    long long raised = 0, still_open = 0;
    for (const auto& c : voice::concerns(*w.db, "")) {
        ++raised;
        if (!c.closed_at) ++still_open;
    }
    auto shown = [&](long long n) {
        return n >= 1 && n < settings.disclosure.smallest_count ? std::string("c") : std::to_string(n);
    };
    auto concerns_at = text.find("Concerns handled");
    ASSERT_NE(concerns_at, std::string::npos);
    EXPECT_NE(text.find("Raised " + shown(raised) + " ", concerns_at), std::string::npos) << text.substr(concerns_at, 600);
    EXPECT_NE(text.find("Still open on " + paper_date(meeting_day) + " " + shown(still_open), concerns_at), std::string::npos)
        << text.substr(concerns_at, 600);
    // No child's words or contact details from a concern reach the pack.
    for (const auto& c : voice::concerns(*w.db, "")) {
        if (!c.contact.empty()) {
            EXPECT_EQ(text.find(c.contact), std::string::npos);
        }
        if (!c.shared.empty()) {
            EXPECT_EQ(text.find(c.shared), std::string::npos);
        }
    }
}

TEST_F(Papers, ThePackGivesTheLocalOffersTakeUpByAreaAsTheOfferPageDoes) {
    const auto& settings = w.app.settings();
    accounts::Actor officer{"officer@example.gov.uk", "192.0.2.1"};
    offer::seed_catalogue(*w.db, settings.data_dir);
    auto csv = dir_ / "take-up.csv";
    offer::write_take_up(offer::load_offer(*w.db, settings.choices), csv, 7, "adviser@example.gov.uk", 3);
    ASSERT_TRUE(offer::import_take_up(*w.db, csv, settings.choices, officer).committed);
    care::Date meeting_day = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{w.now}});
    auto added = board::add_meeting(*w.db, {meeting_day, "Care leavers", false, {"Apologies"}}, officer);
    ASSERT_TRUE(added.ok());
    auto pack = board::board_pack(*w.db, settings, added.id, care::to_iso(meeting_day));
    ASSERT_TRUE(pack);
    std::string text = test_support::pdf_text_flat(test_support::keep_pdf(render::document_pdf(*pack), "board-pack-offer"));
    auto at = text.find("The local offer: take-up");
    ASSERT_NE(at, std::string::npos);
    int areas = 0;
    for (const auto& f : offer::take_up(*w.db, settings.choices, settings.disclosure)) {
        if (!f.entitlement.empty() || !f.age_band.empty()) continue;
        std::string row = f.name + " " + offer::count_text(f.eligible) + " " + offer::count_text(f.offered) + " " +
                          offer::percent_text(f.offered) + " " + offer::count_text(f.taken_up) + " " + offer::percent_text(f.taken_up);
        EXPECT_NE(text.find(row, at), std::string::npos) << row << "\n" << text.substr(at, 1200);
        ++areas;
    }
    EXPECT_EQ(areas, 6);   // the six areas a local offer must cover
}

TEST_F(Papers, TheWorkbookHoldsThePapersTablesWithTheirSources) {
    auto doc = board::pledge_report(*w.db, w.app.settings(), kToday);
    auto parts = test_support::unzip(render::document_xlsx(doc));
    const auto& now = latest();
    const measures::Figure* f = measures::find_figure(now, "stability_long");
    ASSERT_NE(f, nullptr);
    const std::string& strings = parts["xl/sharedStrings.xml"];
    EXPECT_NE(strings.find("At a glance"), std::string::npos);
    EXPECT_NE(strings.find(std::string(measures::definition("stability_long").name)), std::string::npos);
    EXPECT_NE(strings.find(measures::figure_text(*f)), std::string::npos);
    EXPECT_NE(strings.find("Figures as at 24 November 2026"), std::string::npos);
    EXPECT_NE(parts["xl/workbook.xml"].find("name=\"1 At a glance"), std::string::npos);
}

TEST_F(Papers, TheBoardReadsAndDownloadsThePapersOthersAreRefused) {
    std::string member = w.signed_in(Role::BoardMember);
    auto index = w.get("/board/papers", member);
    ASSERT_EQ(index.status, 200);
    EXPECT_NE(index.body.find("href=\"/board/papers/pledge-report\""), std::string::npos);
    EXPECT_NE(index.body.find("href=\"/board/papers/scrutiny-update\""), std::string::npos);
    auto page = w.get("/board/papers/pledge-report", member);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("href=\"/board/papers/pledge-report.pdf\""), std::string::npos);
    EXPECT_NE(page.body.find("<svg"), std::string::npos);
    auto pdf = w.get("/board/papers/scrutiny-update.pdf", member);
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.content_type, "application/pdf");
    EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
    auto xlsx = w.get("/board/papers/pledge-report.xlsx", w.signed_in(Role::BoardOfficer));
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_TRUE(xlsx.body.starts_with("PK"));
    EXPECT_NE(test_support::header(xlsx, "Content-Disposition").find("pledge-report-"), std::string::npos);
    store::AuditFilter filter;
    filter.action = "export.paper";
    EXPECT_EQ(store::count_audit(*w.db, filter), 2);
    EXPECT_EQ(w.get("/board/papers/no-such-paper", member).status, 404);
    for (Role role : {Role::Participation, Role::Analyst, Role::Worker})
        EXPECT_EQ(w.get("/board/papers/pledge-report.pdf", w.signed_in(role)).status, 403);
    EXPECT_EQ(w.get("/board/papers", w.signed_in(Role::Admin)).status, 200);
}

}  // namespace
