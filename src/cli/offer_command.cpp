// corparent offer import: the local offer's take-up exported from a case-management system
// (docs/offer.md), with row-level findings; the good rows are stored in one transaction.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/findings_output.h"
#include "offer/catalogue.h"
#include "offer/import.h"
#include "settings/settings.h"

namespace corparent::cli {

Run add_offer(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string file;
        std::string config = "corparent.toml";
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.add_option("--config", o->config, "settings file (read if it exists)")->capture_default_str();
    app.require_subcommand(1);
    auto* import = app.add_subcommand(
        "import", "add the take-up records of a take-up file (CHILD, entitlement, status, date, adviser, note)");
    import->add_option("FILE", o->file, "the take-up file (CSV)")->required()->check(CLI::ExistingFile);
    // `corparent offer import --db X FILE` as well as `corparent offer --db X import FILE`.
    for (auto* sub : app.get_subcommands({})) sub->fallthrough();
    return [o] {
        auto s = settings::load_settings(o->config, false);
        auto db = store::Database::open(o->db);
        offer::seed_catalogue(*db, s.data_dir);
        auto result = offer::import_take_up(*db, o->file, s.choices, cli_actor());
        const auto& f = result.file;
        const std::string name = std::filesystem::path(o->file).filename().string();
        if (!result.committed) {
            std::cout << fmt::format("{} was not imported: the take-up held is unchanged.\n", name);
            print_findings_table(std::cout, f.findings);
            return 1;
        }
        std::cout << fmt::format("Read {} row{} of {}: stored {} record{}, {} held already; assigned {} personal "
                                 "adviser{}.\n",
                                 f.rows_read, f.rows_read == 1 ? "" : "s", name, result.stored,
                                 result.stored == 1 ? "" : "s", result.held, result.advisers,
                                 result.advisers == 1 ? "" : "s");
        print_import_findings(std::cout, f.findings, "rows not stored, or stored without their adviser");
        return 0;
    };
}

}  // namespace corparent::cli
