#include "cli/commands.h"
#include "settings/settings.h"
#include "web/server.h"

namespace corparent::cli {

Run add_serve(CLI::App& app) {
    struct Options {
        std::string db = "corparent.db";
        std::string config = "corparent.toml";
        std::string listen;
    };
    auto o = std::make_shared<Options>();
    app.add_option("--db", o->db, "database: a SQLite file or a PostgreSQL connection string")->capture_default_str();
    app.add_option("--config", o->config, "settings file (optional)")->capture_default_str();
    app.add_option("--listen", o->listen, "host:port to listen on (default from settings: 127.0.0.1:8080)");
    return [o] {
        auto s = settings::load_settings(o->config, o->config != "corparent.toml");
        return web::serve(s, o->db, o->listen.empty() ? s.server.listen : o->listen);
    };
}

}  // namespace corparent::cli
