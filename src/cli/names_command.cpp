// corparent names import: the children's names for the workers who know them, from a names file.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/findings_output.h"
#include "ssda903/names_file.h"

namespace corparent::cli {

Run add_names(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string file;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.require_subcommand(1);
    auto* import = app.add_subcommand(
        "import", "replace every child's name with a names file (CSV with the columns CHILD, name, case_id)");
    import->add_option("FILE", o->file, "the names file")->required()->check(CLI::ExistingFile);
    // `corparent names import --db X FILE` as well as `corparent names --db X import FILE`.
    for (auto* sub : app.get_subcommands({})) sub->fallthrough();
    return [o] {
        auto db = store::Database::open(o->db);
        auto result = ssda903::import_names(*db, o->file, cli_actor());
        const auto& f = result.file;
        const std::string name = std::filesystem::path(o->file).filename().string();
        if (!result.committed) {
            std::cout << fmt::format("{} was not imported: the names held are unchanged.\n", name);
            print_findings_table(std::cout, f.findings);
            return 1;
        }
        std::cout << fmt::format("Read {} row{} of {}: stored {} name{}, replacing the {} held before.\n", f.rows_read,
                                 f.rows_read == 1 ? "" : "s", name, f.rows.size(), f.rows.size() == 1 ? "" : "s",
                                 result.replaced);
        print_import_findings(std::cout, f.findings, "rows not stored");
        return 0;
    };
}

}  // namespace corparent::cli
