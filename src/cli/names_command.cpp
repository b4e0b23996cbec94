// corparent names import: the children's names for the workers who know them, from a names file.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/file_import.h"
#include "cli/findings_output.h"
#include "ssda903/names_file.h"

namespace corparent::cli {

Run add_names(CLI::App& app) {
    auto o = add_file_import(app, "replace every child's name with a names file (CSV with the columns CHILD, name, case_id)",
                             "the names file");
    return [o] {
        auto db = store::Database::open(o->db);
        auto result = ssda903::import_names(*db, o->file, cli_actor());
        const auto& f = result.file;
        const std::string name = file_name(*o);
        if (!result.committed) return report_refused(std::cout, *o, "the names held are unchanged", f.findings);
        std::cout << fmt::format("Read {} row{} of {}: stored {} name{}, replacing the {} held before.\n", f.rows_read,
                                 f.rows_read == 1 ? "" : "s", name, f.rows.size(), f.rows.size() == 1 ? "" : "s",
                                 result.replaced);
        print_import_findings(std::cout, f.findings, "rows not stored");
        return 0;
    };
}

}  // namespace corparent::cli
