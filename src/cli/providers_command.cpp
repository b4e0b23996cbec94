// corparent providers import: Ofsted's list of children's social care providers, for the quality of the
// children's homes the council's children live in.
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/file_import.h"
#include "cli/findings_output.h"
#include "providers/provider_file.h"

namespace corparent::cli {

Run add_providers(CLI::App& app) {
    auto o = add_file_import(app, "replace Ofsted's list of providers with a CSV file (URN, Provider type, Overall effectiveness, "
                  "Inspection date)",
                             "Ofsted's list, as CSV");
    return [o] {
        auto db = store::Database::open(o->db);
        auto result = providers::import_providers(*db, o->file, cli_actor());
        const auto& f = result.file;
        const std::string name = file_name(*o);
        if (!result.committed) return report_refused(std::cout, *o, "the list of providers held is unchanged", f.findings);
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
