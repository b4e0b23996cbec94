// corparent providers import: Ofsted's list of children's social care providers, for the quality of the
// children's homes the council's children live in.
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/findings_output.h"
#include "providers/provider_file.h"

namespace corparent::cli {

Run add_providers(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string file;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.require_subcommand(1);
    auto* import = app.add_subcommand(
        "import", "replace Ofsted's list of providers with a CSV file (URN, Provider type, Overall effectiveness, "
                  "Inspection date)");
    import->add_option("FILE", o->file, "Ofsted's list, as CSV")->required()->check(CLI::ExistingFile);
    // `corparent providers import --db X FILE` as well as `corparent providers --db X import FILE`.
    for (auto* sub : app.get_subcommands({})) sub->fallthrough();
    return [o] {
        auto db = store::Database::open(o->db);
        auto result = providers::import_providers(*db, o->file, cli_actor());
        const auto& f = result.file;
        const std::string name = std::filesystem::path(o->file).filename().string();
        if (!result.committed) {
            std::cout << fmt::format("{} was not imported: the list of providers held is unchanged.\n", name);
            print_findings_table(std::cout, f.findings);
            return 1;
        }
        std::set<std::string> urns;
        for (const auto& r : f.rows) urns.insert(r.urn);
        std::cout << fmt::format("Read {} row{} of {}: stored {} row{} for {} provider{}, replacing the {} rows held "
                                 "before.\n",
                                 f.rows_read, f.rows_read == 1 ? "" : "s", name, f.rows.size(),
                                 f.rows.size() == 1 ? "" : "s", urns.size(), urns.size() == 1 ? "" : "s",
                                 result.replaced);
        print_import_findings(std::cout, f.findings, "rows not stored");
        return 0;
    };
}

}  // namespace corparent::cli
