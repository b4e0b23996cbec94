// corparent education import: the Virtual School's records (attendance, exclusions, key stage results,
// personal education plans) from an education file.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/findings_output.h"
#include "education/academic_year.h"
#include "education/education_file.h"

namespace corparent::cli {

Run add_education(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string file;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.require_subcommand(1);
    auto* import = app.add_subcommand(
        "import", "replace the academic years an education file holds with its rows (docs/education.md)");
    import->add_option("FILE", o->file, "the education file (CSV)")->required()->check(CLI::ExistingFile);
    // `corparent education import --db X FILE` as well as `corparent education --db X import FILE`.
    for (auto* sub : app.get_subcommands({})) sub->fallthrough();
    return [o] {
        auto db = store::Database::open(o->db);
        auto result = education::import_education(*db, o->file, cli_actor());
        const auto& f = result.file;
        const std::string name = std::filesystem::path(o->file).filename().string();
        if (!result.committed) {
            std::cout << fmt::format("{} was not imported: the education records held are unchanged.\n", name);
            print_findings_table(std::cout, f.findings);
            return 1;
        }
        std::string years;
        for (int y : result.years) years += (years.empty() ? "" : ", ") + education::academic_year_label(y);
        std::cout << fmt::format("Read {} row{} of {}: stored them for {}, replacing {} record{} held before.\n",
                                 f.rows_read, f.rows_read == 1 ? "" : "s", name,
                                 years.empty() ? "no academic year" : "academic year " + years, result.replaced,
                                 result.replaced == 1 ? "" : "s");
        print_import_findings(std::cout, f.findings, "bad values stored as missing");
        return 0;
    };
}

}  // namespace corparent::cli
