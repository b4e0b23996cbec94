#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/findings_output.h"
#include "settings/stored_settings.h"
#include "ssda903/importer.h"

namespace corparent::cli {

Run add_import(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string config = "corparent.toml";
        int year = 0;
        std::string dir;
        bool all = false;
        bool strict = false;
        int show = 20;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.add_option("--config", o->config, "settings file (optional)")->capture_default_str();
    app.add_option("--year", o->year, "the collection year, named by the year ending 31 March (2025 = 2024-25)");
    app.add_flag("--all", o->all, "DIR holds one folder per year (2021/, 2022/, ...): import them all at once");
    app.add_flag("--strict", o->strict, "refuse the import on any error finding");
    app.add_option("--show", o->show, "how many findings to print")->capture_default_str();
    app.add_option("DIR", o->dir, "folder of the return's CSV files")->required();
    return [o] {
        std::vector<ssda903::ImportRequest> requests;
        if (o->all) requests = ssda903::year_folders(o->dir);
        else if (o->year < 2000 || o->year > 2100) throw std::runtime_error("--year is required (e.g. --year 2025), or --all");
        else requests.push_back({o->year, o->dir});

        auto db = store::Database::open(o->db);
        auto s = settings::effective_settings(*db, settings::load_settings(o->config, o->config != "corparent.toml"));
        auto outcome = ssda903::import_returns(*db, requests, o->strict, s.stacking);
        for (const auto& y : outcome.years) {
            long rows = 0;
            std::string tables;
            for (const auto& [name, n] : y.rows) {
                rows += n;
                tables += fmt::format("{}{} {}", tables.empty() ? "" : ", ", name, n);
            }
            std::cout << fmt::format("{} return: {} rows ({}); {} errors, {} warnings\n", y.year, rows, tables,
                                     y.errors, y.warnings);
        }
        if (!outcome.committed) {
            std::cout << "Import refused; the database is unchanged.\n";
            print_findings_brief(std::cout, outcome.findings, true, o->show);
            return 1;
        }
        if (outcome.repaired_episodes)
            std::cout << outcome.repaired_episodes << " open episodes closed when stacking the years (findings STACK-REPAIR)\n";
        print_findings_brief(std::cout, outcome.findings, false, o->show);
        std::cout << "Imported. List every finding with: corparent findings --db " << o->db << " --year "
                  << outcome.years.back().year << "\n";
        return 0;
    };
}

}  // namespace corparent::cli
