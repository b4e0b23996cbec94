// What the small file imports (names, education, providers, offer) share on the command line: the
// `import FILE` subcommand with --db, and how a refused file is reported.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "ssda903/finding.h"

namespace corparent::cli {

struct FileImportOptions {
    std::string db = "corparent.db";
    std::string file;
};

// Adds --db and the `import FILE` subcommand to `app`, taking `corparent X import --db D FILE` as well as
// `corparent X --db D import FILE`. `about` says what the import does; `file_about` what FILE is.
std::shared_ptr<FileImportOptions> add_file_import(CLI::App& app, const std::string& about, const std::string& file_about);

// The file's name, as the reports name it.
std::string file_name(const FileImportOptions& o);

// "FILE was not imported: `unchanged`." and the findings; returns the exit code for a refused import (1).
int report_refused(std::ostream& out, const FileImportOptions& o, const std::string& unchanged, const ssda903::Findings& findings);

}  // namespace corparent::cli
