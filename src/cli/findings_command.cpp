#include <iostream>

#include "accounts/accounts.h"
#include "cli/commands.h"
#include "cli/findings_output.h"
#include "ssda903/stored_findings.h"

namespace corparent::cli {

Run add_findings(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        int year = 0;
        std::string format = "table";
        std::string severity;
        std::string rule;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.add_option("--year", o->year, "the collection year (year ending 31 March)")->required();
    app.add_option("--format", o->format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    app.add_option("--severity", o->severity, "only error or warning")->check(CLI::IsMember({"error", "warning"}));
    app.add_option("--rule", o->rule, "only this rule (e.g. 146)");
    return [o] {
        auto db = store::Database::open(o->db);
        ssda903::Findings all = ssda903::stored_findings(*db, o->year), shown;
        for (auto& f : all)
            if ((o->severity.empty() || ssda903::severity_name(f.severity) == o->severity) &&
                (o->rule.empty() || f.rule == o->rule))
                shown.push_back(std::move(f));
        // Findings name children (CHILD ids and raw rows): reading them is audited.
        accounts::audit(*db, cli_actor(), "export.findings", "return " + std::to_string(o->year),
                        std::to_string(shown.size()) + " findings as " + o->format);
        if (o->format == "csv") print_findings_csv(std::cout, shown);
        else if (o->format == "json") print_findings_json(std::cout, shown);
        else print_findings_table(std::cout, shown);
        return 0;
    };
}

}  // namespace corparent::cli
