// corparent education import: the Virtual School's records (attendance, exclusions, key stage results,
// personal education plans) from an education file.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/file_import.h"
#include "cli/findings_output.h"
#include "education/academic_year.h"
#include "education/education_file.h"

namespace corparent::cli {

Run add_education(CLI::App& app) {
    auto o = add_file_import(app, "replace the academic years an education file holds with its rows (docs/education.md)",
                             "the education file (CSV)");
    return [o] {
        auto db = store::Database::open(o->db);
        auto result = education::import_education(*db, o->file, cli_actor());
        const auto& f = result.file;
        const std::string name = file_name(*o);
        if (!result.committed) return report_refused(std::cout, *o, "the education records held are unchanged", f.findings);
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
