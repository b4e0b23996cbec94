#include "voice/codes.h"

#include <stdexcept>

#include <sodium.h>

#include "accounts/secrets.h"

namespace corparent::voice {

std::string new_code() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    std::string code;
    for (int i = 0; i < kCodeLength; ++i)
        code += kCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kCodeAlphabet.size()))];
    return printed_code(code);
}

std::optional<std::string> normalised_code(std::string_view typed) {
    std::string code;
    for (char ch : typed) {
        if (ch == ' ' || ch == '-' || ch == '\t') continue;
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        code += ch;
    }
    if (code.size() != static_cast<std::size_t>(kCodeLength)) return std::nullopt;
    for (char ch : code)
        if (kCodeAlphabet.find(ch) == std::string_view::npos) return std::nullopt;
    return code;
}

std::string code_hash(std::string_view canonical) { return accounts::token_hash(canonical); }

std::string printed_code(std::string_view canonical) {
    std::string out;
    for (std::size_t i = 0; i < canonical.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += '-';
        out += canonical[i];
    }
    return out;
}

}  // namespace corparent::voice
