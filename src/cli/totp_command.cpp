#include <chrono>
#include <iostream>

#include "accounts/secrets.h"
#include "cli/commands.h"

namespace corparent::cli {

Run add_totp(CLI::App& app) {
    auto secret = std::make_shared<std::string>();
    app.add_option("KEY", *secret, "the base32 key an authenticator app would take")->required();
    return [secret] {
        long long now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
        auto code = accounts::totp_code(*secret, now / 30);
        if (!code) throw std::invalid_argument("the key is not base32 (letters A-Z and digits 2-7)");
        std::cout << *code << "  (valid for " << 30 - now % 30 << " more seconds)\n";
        return 0;
    };
}

}  // namespace corparent::cli
