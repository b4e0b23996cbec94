// corparent.toml: every setting, each with a default, so that no file at all is a valid configuration.
#pragma once

#include <filesystem>
#include <string>

#include "accounts/accounts.h"
#include "measures/benchmarks.h"
#include "measures/choices.h"
#include "measures/disclosure.h"
#include "ssda903/stack.h"
#include "voice/concerns.h"

namespace corparent::settings {

struct Settings {
    std::string council_name = "Coventry City Council";
    std::string la_code = "331";                        // DfE's 3-digit code for the council
    measures::NeighbourModel neighbour_model = measures::NeighbourModel::May2025;
    std::filesystem::path data_dir;                     // reference data; default: the build's data/
    measures::Choices choices;
    ssda903::StackRules stacking;
    measures::DisclosureRules disclosure;
    voice::ConcernSettings concerns;   // [voice]: who survey concerns go to, the words that flag harm
    std::string survey_address;        // [voice]: the survey's address printed on code cards; "" = this server's

    struct Server {
        std::string listen = "127.0.0.1:8080";
        bool tls = false;      // served over HTTPS (by corparent's proxy): Secure cookies and HSTS
        int workers = 4;       // threads for database work, each with its own connection
        accounts::Policy sessions;
    } server;
};

// Reads `file`. A missing file gives the defaults when `required` is false; a file that is there but
// wrong is an error naming the file, the key and what it accepts (std::runtime_error).
Settings load_settings(const std::filesystem::path& file, bool required);

// The settings' defaults written out as a commented corparent.toml.
std::string default_settings_text();

}  // namespace corparent::settings
