#include "measures/headline.h"

#include <mutex>

#include "measures/council.h"
#include "store/returns.h"

namespace corparent::measures {

std::shared_ptr<const YearReports> year_reports(store::Database& db, const settings::Settings& settings,
                                                bool aggregate_only) {
    static std::mutex lock;
    static std::string cached_key;   // the import and the settings the reports were made with
    static std::shared_ptr<const YearReports> full, controlled;
    static std::shared_ptr<const BenchmarkData> benchmarks;

    // An administrator can change the LA code, the neighbour model and the thresholds at any time.
    std::string key = std::to_string(store::latest_import(db)) + "|" + settings.la_code + "|" +
                      std::to_string(static_cast<int>(settings.neighbour_model)) + "|" +
                      std::to_string(settings.disclosure.smallest_count) + "|" +
                      std::to_string(settings.disclosure.smallest_denominator);
    {
        std::lock_guard guard(lock);
        if (key == cached_key) return aggregate_only ? controlled : full;
        if (!benchmarks) benchmarks = std::make_shared<BenchmarkData>(BenchmarkData::load(settings.data_dir / "benchmarks"));
    }
    auto all = std::make_shared<YearReports>(), safe = std::make_shared<YearReports>();
    for (int year : store::loaded_years(db)) {
        auto council = load_council(db, year, settings.choices.placements);
        auto report = build_report(compute_measures(council, settings.choices, true), year, *benchmarks,
                                   settings.la_code, settings.neighbour_model);
        (*all)[year] = report;
        apply_disclosure(report, settings.disclosure);
        (*safe)[year] = std::move(report);
    }
    std::lock_guard guard(lock);
    cached_key = key;
    full = all;
    controlled = safe;
    return aggregate_only ? controlled : full;
}

const Figure* find_figure(const MeasureReport& report, std::string_view key) {
    auto colon = key.find(':');
    std::string_view id = key.substr(0, colon), breakdown = colon == std::string_view::npos ? "" : key.substr(colon + 1);
    for (const auto& f : report.figures)
        if (f.row.id == id && f.row.breakdown == breakdown) return &f;
    return nullptr;
}

}  // namespace corparent::measures
