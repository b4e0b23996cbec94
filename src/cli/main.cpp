// corparent: the council's corporate parenting platform, one binary with subcommands.
#include <iostream>
#include <map>

#include "cli/commands.h"

int main(int argc, char** argv) {
    CLI::App app{"corparent: keep the Pledge to children in care and care leavers checkable"};
    app.require_subcommand(1);
    std::map<CLI::App*, corparent::cli::Run> commands;
    auto add = [&](const char* name, const char* about, auto registrar) {
        CLI::App* sub = app.add_subcommand(name, about);
        commands[sub] = registrar(*sub);
    };
    add("demo", "build the demo council's database from a synthetic council", corparent::cli::add_demo);
    add("import", "import a year's SSDA903 return (a folder of CSV files)", corparent::cli::add_import);
    add("findings", "list the validation findings of an imported year", corparent::cli::add_findings);
    add("measures", "compute the measures of success for a year, beside DfE's published figures",
        corparent::cli::add_measures);
    add("names", "import the children's names (a names file: CHILD, name, case_id) for the workers who know them",
        corparent::cli::add_names);
    add("education", "import the Virtual School's education records (docs/education.md)",
        corparent::cli::add_education);
    add("providers", "import Ofsted's list of children's social care providers and their ratings",
        corparent::cli::add_providers);
    add("survey", "survey rounds and one-time codes (docs/survey.md)", corparent::cli::add_survey);
    add("user", "add, list, disable and enable the people who sign in", corparent::cli::add_user);
    add("serve", "run the web application", corparent::cli::add_serve);
    add("totp", "print the current code for an authenticator key (as an authenticator app would)",
        corparent::cli::add_totp);
    add("synth", "write a synthetic council's 903 returns", corparent::cli::add_synth);
    CLI11_PARSE(app, argc, argv);
    try {
        for (auto* sub : app.get_subcommands()) return commands.at(sub)();
    } catch (const std::exception& e) {
        std::cerr << "corparent: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
