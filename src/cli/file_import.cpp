#include "cli/file_import.h"

#include <filesystem>

#include <fmt/format.h>

#include "cli/findings_output.h"

namespace corparent::cli {

std::shared_ptr<FileImportOptions> add_file_import(CLI::App& app, const std::string& about, const std::string& file_about) {
    auto o = std::make_shared<FileImportOptions>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.require_subcommand(1);
    auto* import = app.add_subcommand("import", about);
    import->add_option("FILE", o->file, file_about)->required()->check(CLI::ExistingFile);
    for (auto* sub : app.get_subcommands({})) sub->fallthrough();
    return o;
}

std::string file_name(const FileImportOptions& o) { return std::filesystem::path(o.file).filename().string(); }

int report_refused(std::ostream& out, const FileImportOptions& o, const std::string& unchanged, const ssda903::Findings& findings) {
    out << fmt::format("{} was not imported: {}.\n", file_name(o), unchanged);
    print_findings_table(out, findings);
    return 1;
}

}  // namespace corparent::cli
