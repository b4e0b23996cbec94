#include "accounts/secrets.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace corparent::accounts {
namespace {

void init_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium could not start");
}

const char* kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string base32(const unsigned char* data, std::size_t n) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < n; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 5) {
            out += kBase32[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::vector<unsigned char>> unbase32(std::string_view text) {
    std::vector<unsigned char> out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=' || c == ' ') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const char* p = std::char_traits<char>::find(kBase32, 32, c);
        if (!p) return std::nullopt;
        buffer = (buffer << 5) | static_cast<unsigned>(p - kBase32);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<unsigned char>((buffer >> (bits - 8)) & 0xFF));
            bits -= 8;
        }
    }
    return out;
}

std::string percent_encode(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') out += static_cast<char>(c);
        else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace

std::string hash_password(std::string_view password) {
    init_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory hashing a password");
    return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
    init_sodium();
    std::string h(hash);   // needs a terminated string
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
    init_sodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string token_hash(std::string_view token) {
    init_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string new_totp_secret() {
    init_sodium();
    unsigned char bytes[20];
    randombytes_buf(bytes, sizeof bytes);
    return base32(bytes, sizeof bytes);
}

std::optional<std::string> totp_code(std::string_view base32_secret, long long step) {
    auto key = unbase32(base32_secret);
    if (!key || key->empty()) return std::nullopt;
    unsigned char counter[8];
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<unsigned char>(step & 0xFF);
        step >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    HMAC(EVP_sha1(), key->data(), static_cast<int>(key->size()), counter, sizeof counter, mac, &mac_len);
    int offset = mac[mac_len - 1] & 0x0F;
    unsigned binary = ((mac[offset] & 0x7Fu) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
    char code[8];
    std::snprintf(code, sizeof code, "%06u", binary % 1000000u);
    return std::string(code);
}

std::optional<long long> totp_match(std::string_view base32_secret, std::string_view code, long long now_seconds) {
    std::string digits;
    for (char c : code)
        if (c >= '0' && c <= '9') digits += c;
        else if (c != ' ' && c != '-') return std::nullopt;
    if (digits.size() != 6) return std::nullopt;
    long long step = now_seconds / 30;
    for (long long s : {step, step - 1, step + 1}) {
        auto expected = totp_code(base32_secret, s);
        if (expected && same_secret(*expected, digits)) return s;
    }
    return std::nullopt;
}

std::string totp_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret) {
    return "otpauth://totp/" + percent_encode(issuer) + ":" + percent_encode(account) + "?secret=" +
           std::string(base32_secret) + "&issuer=" + percent_encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

bool same_secret(std::string_view a, std::string_view b) {
    init_sodium();
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace corparent::accounts
