// corparent's subcommands. Each registers its options on the app and returns the exit code when run.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace corparent::cli {

using Run = std::function<int()>;

Run add_import(CLI::App& app);
Run add_findings(CLI::App& app);
Run add_measures(CLI::App& app);
Run add_synth(CLI::App& app);
Run add_demo(CLI::App& app);
Run add_user(CLI::App& app);
Run add_serve(CLI::App& app);
Run add_totp(CLI::App& app);

}  // namespace corparent::cli
