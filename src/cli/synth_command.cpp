#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "ssda903/synth.h"

namespace corparent::cli {

Run add_synth(CLI::App& app) {
    auto o = std::make_shared<ssda903::SynthOptions>();
    auto owned = std::make_shared<std::string>();
    app.add_option("--out", *owned, "folder to write: one subfolder per return (2021/, 2022/, ...)")->required();
    app.add_option("--children", o->children, "distinct children across all the returns")->capture_default_str();
    app.add_option("--first-year", o->first_year, "first return, named by the year ending 31 March")->capture_default_str();
    app.add_option("--last-year", o->last_year, "last return")->capture_default_str();
    app.add_option("--seed", o->seed, "same seed, same files")->capture_default_str();
    return [o, owned] {
        o->out = *owned;
        auto started = std::chrono::steady_clock::now();
        auto summary = ssda903::synthesize(*o);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << fmt::format("wrote {} returns for {} children to {}: {} rows, {:.1f} MB in {:.2f} s\n",
                                 summary.returns, summary.children, o->out.string(), summary.rows,
                                 summary.bytes / 1e6, seconds);
        return 0;
    };
}

}  // namespace corparent::cli
