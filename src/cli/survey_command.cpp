// corparent survey: open and close rounds, and make one-time codes (printable cards or CSV) without the
// web application, e.g. on the council's own machine.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "render/code_cards.h"
#include "render/table_export.h"
#include "settings/settings.h"
#include "voice/rounds.h"

namespace corparent::cli {
namespace {

care::Date today() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    for (char ch : text + ",") {
        if (ch == ',') {
            if (!item.empty()) out.push_back(item);
            item.clear();
        } else if (ch != ' ') {
            item += ch;
        }
    }
    return out;
}

}  // namespace

Run add_survey(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db", config = "corparent.toml";
        std::string name, opens, closes, versions = "4-7,8-10,11-18,care-leavers,foster-carers";
        long long round = 0, count = 0;
        std::string version, pdf, csv;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.add_option("--config", o->config, "settings file")->capture_default_str();
    app.require_subcommand(1);
    auto* add = app.add_subcommand("open", "open a survey round (eligible counts from the imported returns)");
    add->add_option("--name", o->name, "the round's name, like \"Annual survey 2026\"")->required();
    add->add_option("--opens", o->opens, "first day (yyyy-mm-dd)")->required();
    add->add_option("--closes", o->closes, "last day (yyyy-mm-dd)")->required();
    add->add_option("--versions", o->versions, "versions asked, comma-separated")->capture_default_str();
    auto* list = app.add_subcommand("rounds", "list the rounds with responses and response rates");
    auto* close = app.add_subcommand("close", "close a round today");
    close->add_option("--round", o->round, "the round's number")->required();
    auto* codes = app.add_subcommand("codes", "make one-time codes for one version of a round");
    codes->add_option("--round", o->round, "the round's number")->required();
    codes->add_option("--version", o->version, "the version they open: 4-7, 8-10, 11-18, care-leavers, foster-carers")->required();
    codes->add_option("--count", o->count, "how many (1 to 2,000)")->required();
    codes->add_option("--pdf", o->pdf, "write printable cards to this PDF file");
    codes->add_option("--csv", o->csv, "write the codes to this CSV file (default: print them)");
    for (auto* sub : app.get_subcommands({})) sub->fallthrough();
    return [o, add, list, close, codes] {
        auto s = settings::load_settings(o->config, o->config != "corparent.toml");
        auto db = store::Database::open(o->db);
        const auto& bank = voice::question_bank(s.data_dir);
        try {
            if (add->parsed()) {
                long long id = voice::create_round(*db, bank, {o->name, o->opens, o->closes, split(o->versions)}, cli_actor());
                auto r = voice::find_round(*db, id);
                std::cout << fmt::format("Opened round {}: {} ({} to {}).\n", id, r->name, care::to_iso(r->opens), care::to_iso(r->closes));
                for (const auto& v : r->versions)
                    std::cout << fmt::format("  {:<14} could answer: {:>6}  ({})\n", v.version,
                                             v.eligible ? std::to_string(*v.eligible) : "not known", v.eligible_source);
            } else if (list->parsed()) {
                for (const auto& r : voice::rounds(*db)) {
                    std::cout << fmt::format("{:>3}  {}  {} to {}  {}\n", r.id, r.name, care::to_iso(r.opens), care::to_iso(r.closes),
                                             r.state(today()));
                    for (const auto& v : r.versions)
                        std::cout << fmt::format("     {:<14} sent {:>5} of {:>6}  ({} started)  rate {}\n", v.version, v.submitted,
                                                 v.eligible ? std::to_string(*v.eligible) : "?", v.started,
                                                 v.response_rate ? std::to_string(*v.response_rate) + "%" : "-");
                }
            } else if (close->parsed()) {
                voice::close_round(*db, o->round, today(), cli_actor());
                std::cout << fmt::format("Closed round {}.\n", o->round);
            } else if (codes->parsed()) {
                auto made = voice::issue_codes(*db, o->round, o->version, o->count, today(), cli_actor());
                auto r = voice::find_round(*db, o->round);
                if (!o->pdf.empty()) {
                    const auto* v = bank.version(o->version);
                    std::string address = s.survey_address.empty() ? "http://" + s.server.listen + "/survey" : s.survey_address;
                    std::ofstream(o->pdf, std::ios::binary)
                        << render::code_cards_pdf(made, {s.council_name, r->name, v ? voice::in_language(v->name, "en") : o->version, address});
                }
                render::Table t{"", {"code", "round", "version"}, {}};
                for (const auto& code : made) t.rows.push_back({code, r->name, o->version});
                if (!o->csv.empty()) std::ofstream(o->csv, std::ios::binary) << render::to_csv(t);
                if (o->pdf.empty() && o->csv.empty())
                    for (const auto& code : made) std::cout << code << "\n";
                else
                    std::cerr << fmt::format("Made {} codes for {} of round {}. They are not kept: keep the file safe.\n", made.size(),
                                             o->version, o->round);
            }
        } catch (const voice::RoundError& e) {
            std::cerr << "survey: " << e.what() << "\n";
            return 1;
        }
        return 0;
    };
}

}  // namespace corparent::cli
