// corparent offer import: the local offer's take-up exported from a case-management system
// (docs/offer.md), with row-level findings; the good rows are stored in one transaction.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/file_import.h"
#include "cli/findings_output.h"
#include "offer/catalogue.h"
#include "offer/import.h"
#include "settings/settings.h"

namespace corparent::cli {

Run add_offer(CLI::App& app) {
    auto o = add_file_import(app, "add the take-up records of a take-up file (CHILD, entitlement, status, date, adviser, note)",
                             "the take-up file (CSV)");
    auto config = std::make_shared<std::string>("corparent.toml");
    app.add_option("--config", *config, "settings file (read if it exists)")->capture_default_str();
    return [o, config] {
        auto s = settings::load_settings(*config, false);
        auto db = store::Database::open(o->db);
        offer::seed_catalogue(*db, s.data_dir);
        auto result = offer::import_take_up(*db, o->file, s.choices, cli_actor());
        const auto& f = result.file;
        const std::string name = file_name(*o);
        if (!result.committed) return report_refused(std::cout, *o, "the take-up held is unchanged", f.findings);
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
