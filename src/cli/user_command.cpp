#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "accounts/accounts.h"
#include "cli/commands.h"

namespace corparent::cli {
namespace {

// The password comes from CORPARENT_PASSWORD or a prompt, never from the command line (where other users
// and the shell's history would see it).
std::string read_password() {
    if (const char* env = std::getenv("CORPARENT_PASSWORD")) return env;
    std::string first, second;
    bool tty = ::isatty(STDIN_FILENO);
    termios old {};
    if (tty) {
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        std::cerr << "Password (at least 12 characters): ";
    }
    std::getline(std::cin, first);
    if (tty) {
        std::cerr << "\nThe same password again: ";
        std::getline(std::cin, second);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << "\n";
        if (first != second) throw std::invalid_argument("the two passwords differ");
    }
    return first;
}

}  // namespace

accounts::Actor cli_actor() {
    const passwd* pw = ::getpwuid(::geteuid());
    return {std::string("cli:") + (pw ? pw->pw_name : std::to_string(::geteuid())), "local"};
}

Run add_user(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string email, role, sw_id;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.require_subcommand(1);
    std::string roles;
    for (auto r : accounts::all_roles()) roles += (roles.empty() ? "" : ", ") + std::string(accounts::role_id(r));
    auto* add = app.add_subcommand("add", "add a user (password from CORPARENT_PASSWORD or a prompt)");
    add->add_option("--email", o->email, "their email address, which is how they sign in")->required();
    add->add_option("--role", o->role, "one of: " + roles)->required();
    add->add_option("--sw-id", o->sw_id, "a worker's SW_ID, as in the 903 (how their caseload is known)");
    app.add_subcommand("list", "list the users");
    auto* disable = app.add_subcommand("disable", "disable a user: they are signed out at once");
    disable->add_option("--email", o->email)->required();
    auto* enable = app.add_subcommand("enable", "enable a disabled user");
    enable->add_option("--email", o->email)->required();
    auto* reset = app.add_subcommand("reset-second-factor", "make a user set up their authenticator app again");
    reset->add_option("--email", o->email)->required();
    auto* sw = app.add_subcommand("set-sw-id", "set (or with no --sw-id, clear) a worker's SW_ID");
    sw->add_option("--email", o->email)->required();
    sw->add_option("--sw-id", o->sw_id);
    // `corparent user add --db X ...` as well as `corparent user --db X add ...`.
    for (auto* sub : app.get_subcommands({})) sub->fallthrough();
    return [o, &app] {
        auto db = store::Database::open(o->db);
        const std::string chosen = app.get_subcommands().front()->get_name();
        std::optional<std::string> sw_id = o->sw_id.empty() ? std::nullopt : std::optional(o->sw_id);
        if (chosen == "add") {
            auto role = accounts::parse_role(o->role);
            if (!role) throw std::invalid_argument("unknown role " + o->role);
            auto user = accounts::add_user(*db, o->email, *role, read_password(), sw_id, cli_actor());
            std::cout << fmt::format("Added {} as {}.{}\n", user.email, accounts::role_name(user.role),
                                     accounts::needs_second_factor(user.role)
                                         ? " They set up an authenticator app when they first sign in."
                                         : "");
        } else if (chosen == "list") {
            std::cout << fmt::format("{:<40} {:<14} {:<10} {:<14} {}\n", "email", "role", "SW_ID", "second factor", "status");
            for (const auto& u : accounts::list_users(*db))
                std::cout << fmt::format("{:<40} {:<14} {:<10} {:<14} {}\n", u.email, accounts::role_id(u.role),
                                         u.sw_id.value_or("-"),
                                         !accounts::needs_second_factor(u.role) ? "not needed"
                                         : u.second_factor_set_up               ? "set up"
                                                                                : "not yet",
                                         u.disabled ? "disabled" : "active");
        } else if (chosen == "disable" || chosen == "enable") {
            accounts::set_disabled(*db, o->email, chosen == "disable", cli_actor());
            std::cout << fmt::format("{} is {}.\n", o->email, chosen == "disable" ? "disabled and signed out" : "enabled");
        } else if (chosen == "reset-second-factor") {
            accounts::reset_second_factor(*db, o->email, cli_actor());
            std::cout << o->email << " sets up an authenticator app again at their next sign-in.\n";
        } else {
            accounts::set_sw_id(*db, o->email, sw_id, cli_actor());
            std::cout << o->email << ": SW_ID " << sw_id.value_or("cleared") << "\n";
        }
        return 0;
    };
}

}  // namespace corparent::cli
