// corparent's subcommands. Each registers its options on the app and returns the exit code when run.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "accounts/accounts.h"

namespace corparent::cli {

using Run = std::function<int()>;

// Who the audit log names for a command run here: the operating-system account.
accounts::Actor cli_actor();

Run add_import(CLI::App& app);
Run add_findings(CLI::App& app);
Run add_measures(CLI::App& app);
Run add_synth(CLI::App& app);
Run add_demo(CLI::App& app);
Run add_user(CLI::App& app);
Run add_serve(CLI::App& app);
Run add_totp(CLI::App& app);
Run add_names(CLI::App& app);
Run add_education(CLI::App& app);
Run add_providers(CLI::App& app);
Run add_survey(CLI::App& app);

}  // namespace corparent::cli
