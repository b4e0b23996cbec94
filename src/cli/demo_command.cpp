#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "accounts/accounts.h"
#include "board/demo_board.h"
#include "board/pledge.h"
#include "cli/commands.h"
#include "education/education_file.h"
#include "education/synth.h"
#include "providers/provider_file.h"
#include "providers/synth.h"
#include "cli/findings_output.h"
#include "cli/measures_output.h"
#include "measures/children.h"
#include "measures/council.h"
#include "settings/settings.h"
#include "ssda903/importer.h"
#include "ssda903/synth.h"
#include "voice/synth.h"
#include "web/server.h"

namespace corparent::cli {

Run add_demo(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string data = "demo-council";
        int children = 3000;
        std::uint64_t seed = 331;
        std::string listen = "127.0.0.1:8080";
        bool no_serve = false;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "the demo database (SQLite file), replaced")->capture_default_str();
    app.add_option("--data", o->data, "where to write the synthetic council's returns")->capture_default_str();
    app.add_option("--children", o->children, "distinct children across the five returns")->capture_default_str();
    app.add_option("--seed", o->seed, "the synthetic council's seed")->capture_default_str();
    app.add_option("--listen", o->listen, "where to serve the web application")->capture_default_str();
    app.add_flag("--no-serve", o->no_serve, "load the demo council and stop, without serving it");
    return [o] {
        auto started = std::chrono::steady_clock::now();
        auto summary = ssda903::synthesize({o->data, o->children, 2021, 2025, o->seed});
        std::cout << fmt::format("Synthetic council: {} children, {} returns, {} rows ({:.1f} MB of CSV) in {}/\n",
                                 summary.children, summary.returns, summary.rows, summary.bytes / 1e6, o->data);
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(o->db + suffix);
        auto db = store::Database::open(o->db);
        auto outcome = ssda903::import_returns(*db, ssda903::year_folders(o->data), false,
                                               settings::load_settings("corparent.toml", false).stacking);
        if (!outcome.committed) {
            print_findings_brief(std::cout, outcome.findings, true, 20);
            throw std::runtime_error("the demo council's returns were refused");
        }
        for (const auto& y : outcome.years) {
            std::string tables;
            for (const auto& [name, n] : y.rows) tables += fmt::format("{}{} {}", tables.empty() ? "" : ", ", name, n);
            std::cout << fmt::format("  {}: {}; {} errors, {} warnings\n", y.year, tables, y.errors, y.warnings);
        }
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << fmt::format("Loaded five years into {} in {:.1f} s ({} episodes closed when stacking).\n", o->db,
                                 seconds, outcome.repaired_episodes);
        // The Virtual School's records and Ofsted's ratings for the same council.
        const accounts::Actor loader{"demo", "local"};
        const auto education_csv = std::filesystem::path(o->data) / "education.csv";
        education::write_education(o->data, education_csv, o->seed);
        if (!education::import_education(*db, education_csv, loader).committed)
            throw std::runtime_error("the demo council's education records were refused");
        const auto providers_csv = std::filesystem::path(o->data) / "ofsted-providers.csv";
        providers::write_providers(o->data, providers_csv, o->seed);
        providers::import_providers(*db, providers_csv, loader);
        std::cout << "Loaded the Virtual School's education records and Ofsted's ratings of the homes used.\n";
        {
            auto file_settings = settings::load_settings("corparent.toml", false);
            long long now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
            auto survey = voice::synthesise_survey(*db, voice::question_bank(file_settings.data_dir), file_settings.concerns, o->seed,
                                                   now, loader);
            std::cout << fmt::format("Survey: {} rounds, {} responses, {} concerns.\n", survey.rounds, survey.responses, survey.concerns);
        }

        auto s = settings::load_settings("corparent.toml", false);
        auto council = measures::load_council(*db, 2025, s.choices.placements);
        auto report = measures::build_report(measures::compute_measures(council, s.choices, false), 2025,
                                             measures::BenchmarkData::load(s.data_dir / "benchmarks"), s.la_code,
                                             s.neighbour_model);
        std::cout << "\nMeasures of success for the demo council, beside DfE's published figures:\n";
        print_measures_table(std::cout, report);
        std::cout << "\nTry: build/corparent findings --db " << o->db << " --year 2025\n"
                  << "     build/corparent measures --db " << o->db << " --year 2024 --breakdowns\n";

        // One account per role. DEMO ONLY: the passwords and authenticator secrets are printed here.
        std::cout << "\nDEMO ACCOUNTS (demo only: never use these anywhere real)\n";
        const accounts::Actor demo{"demo", "local"};
        // The demo worker is the synthetic council's social worker with the most children at 31 March.
        std::map<std::string, int> caseloads;
        for (const auto& row : measures::list_children(*db, s.choices, {}).children)
            if (row.in_care_31mar && row.sw_id.starts_with("SW")) ++caseloads[row.sw_id];
        std::string busiest = "SW1001";
        for (const auto& [id, n] : caseloads)
            if (n > caseloads[busiest]) busiest = id;
        for (auto role : accounts::all_roles()) {
            std::string email = std::string(accounts::role_id(role)) + "@demo.example";
            std::string password = "demo-" + std::string(accounts::role_id(role)) + "-password";
            std::optional<std::string> sw_id;
            if (role == accounts::Role::Worker) sw_id = busiest;
            accounts::add_user(*db, email, role, password, sw_id, demo);
            std::string line = fmt::format("  {:<32} password {:<32}", email, password);
            if (accounts::needs_second_factor(role))
                line += " authenticator key " + accounts::enrol_second_factor(*db, email, demo) +
                        " (build/corparent totp KEY prints the current code)";
            std::cout << line << "\n";
        }
        // The Corporate Parenting Board: a year of meetings, members, You said items and actions.
        board::seed_pledge(*db, s.data_dir);
        board::add_demo_board(*db, care::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())});
        std::cout << "\nLoaded the Corporate Parenting Board: members, a year of meetings, You said items and actions.\n";
        if (o->no_serve) return 0;
        std::cout << "\nServing the demo council at http://" << o->listen << "/ (Ctrl-C stops it)\n" << std::flush;
        db.reset();
        return web::serve(s, o->db, o->listen);
    };
}

}  // namespace corparent::cli
