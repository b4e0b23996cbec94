// corparent serve: the web application on RESTinio. I/O threads only move bytes; every request that
// touches the database runs on a worker pool, each worker with its own connection. SIGTERM and SIGINT
// stop accepting, let the requests in hand finish, and return.
#pragma once

#include <string>

#include "settings/settings.h"

namespace corparent::web {

// Serves until SIGTERM or SIGINT; returns the exit code. `listen` is "host:port".
int serve(const settings::Settings& settings, const std::string& database, const std::string& listen);

}  // namespace corparent::web
