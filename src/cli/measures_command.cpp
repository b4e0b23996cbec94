#include <iostream>

#include "accounts/accounts.h"
#include "cli/commands.h"
#include "cli/measures_output.h"
#include "measures/council.h"
#include "measures/engine.h"
#include "settings/stored_settings.h"

namespace corparent::cli {

Run add_measures(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string config = "corparent.toml";
        int year = 0;
        std::string format = "table";
        bool breakdowns = false;
        bool disclosure = false;
        bool data_quality = false;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.add_option("--config", o->config, "settings file (optional)")->capture_default_str();
    app.add_option("--year", o->year, "the collection year (year ending 31 March)")->required();
    app.add_option("--format", o->format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    app.add_flag("--breakdowns", o->breakdowns, "add rows by age band, sex, ethnicity, UASC and placement group");
    app.add_flag("--disclosure", o->disclosure, "apply disclosure control, as for publishing (small numbers as c)");
    app.add_flag("--data-quality", o->data_quality, "list the children each measure left out for a bad value");
    return [o] {
        auto db = store::Database::open(o->db);
        // corparent.toml, with what an administrator changed in the browser.
        auto s = settings::effective_settings(*db, settings::load_settings(o->config, o->config != "corparent.toml"));
        auto council = measures::load_council(*db, o->year, s.choices.placements);
        auto data = measures::BenchmarkData::load(s.data_dir / "benchmarks");
        auto report = measures::build_report(measures::compute_measures(council, s.choices, o->breakdowns), o->year, data,
                                             s.la_code, s.neighbour_model);
        if (o->disclosure) measures::apply_disclosure(report, s.disclosure);
        if (o->format == "json") std::cout << measures_json(report).dump(1) << '\n';
        else if (o->format == "csv") print_measures_csv(std::cout, report);
        else print_measures_table(std::cout, report);
        if (o->data_quality) {
            accounts::audit(*db, cli_actor(), "export.data_quality", "measures " + std::to_string(o->year),
                            std::to_string(report.exclusions.size()) + " children listed");
            print_data_quality(o->format == "table" ? std::cout : std::cerr, report);
        }
        return 0;
    };
}

}  // namespace corparent::cli
