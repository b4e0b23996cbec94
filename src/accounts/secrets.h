// Passwords (argon2id), random tokens (stored only as hashes) and one-time codes from an authenticator
// app (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace corparent::accounts {

std::string hash_password(std::string_view password);   // argon2id, libsodium's string form
bool verify_password(std::string_view hash, std::string_view password);

std::string random_token();                 // 32 random bytes, base64url
std::string token_hash(std::string_view token);   // SHA-256, hex: what the store keeps

std::string new_totp_secret();              // 20 random bytes, base32 (what an authenticator app takes)
// The 6-digit code for a 30-second step; nullopt for a secret that is not base32.
std::optional<std::string> totp_code(std::string_view base32_secret, long long step);
// The step whose code `code` is, looking one step either side of `now` for clock drift; nullopt if none.
std::optional<long long> totp_match(std::string_view base32_secret, std::string_view code, long long now_seconds);
std::string totp_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret);

// Constant-time comparison, for tokens.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace corparent::accounts
