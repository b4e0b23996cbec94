#include "measures/headline.h"

#include <map>
#include <mutex>

#include "measures/council.h"
#include "store/returns.h"

namespace corparent::measures {

std::shared_ptr<const MeasureReport> latest_report(store::Database& db, const settings::Settings& settings,
                                                   bool aggregate_only) {
    static std::mutex lock;
    static long long cached_import = -1;
    static std::map<bool, std::shared_ptr<const MeasureReport>> cache;
    static std::shared_ptr<const BenchmarkData> benchmarks;

    long long import = store::latest_import(db);
    {
        std::lock_guard guard(lock);
        if (import == cached_import) return cache[aggregate_only];
    }
    std::shared_ptr<const MeasureReport> full, controlled;
    auto years = store::loaded_years(db);
    if (!years.empty()) {
        {
            std::lock_guard guard(lock);
            if (!benchmarks)
                benchmarks = std::make_shared<BenchmarkData>(BenchmarkData::load(settings.data_dir / "benchmarks"));
        }
        int year = years.back();
        auto council = load_council(db, year, settings.choices.placements);
        auto report = build_report(compute_measures(council, settings.choices, false), year, *benchmarks,
                                   settings.la_code, settings.neighbour_model);
        full = std::make_shared<MeasureReport>(report);
        apply_disclosure(report, settings.disclosure);
        controlled = std::make_shared<MeasureReport>(std::move(report));
    }
    std::lock_guard guard(lock);
    cached_import = import;
    cache[false] = full;
    cache[true] = controlled;
    return cache[aggregate_only];
}

}  // namespace corparent::measures
