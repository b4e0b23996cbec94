#include "measures/headline.h"

#include <mutex>

#include "measures/council.h"
#include "store/returns.h"

namespace corparent::measures {

std::shared_ptr<const YearReports> year_reports(store::Database& db, const settings::Settings& settings,
                                                bool aggregate_only) {
    static std::mutex lock;
    static long long cached_import = -1;
    static std::shared_ptr<const YearReports> full, controlled;
    static std::shared_ptr<const BenchmarkData> benchmarks;

    long long import = store::latest_import(db);
    {
        std::lock_guard guard(lock);
        if (import == cached_import) return aggregate_only ? controlled : full;
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
    cached_import = import;
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
