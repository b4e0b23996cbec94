// One-time survey codes: random, long enough that guessing is hopeless (12 characters from 31 = about 59
// bits, and wrong attempts are throttled), easy to read aloud and type (no 0/O, 1/I/L), printed in groups
// of four. The store keeps only a code's hash; nothing links a code to a child.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace corparent::voice {

inline constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr int kCodeLength = 12;

// A fresh code as it is printed: "K7QM-3RTA-W9ZP".
std::string new_code();

// What someone typed, made canonical: spaces and dashes dropped, letters upper-cased. nullopt when it
// cannot be a code (wrong length, or a character that is never printed, such as O or 1).
std::optional<std::string> normalised_code(std::string_view typed);

// The hash the store keeps (SHA-256 of the canonical code, hex).
std::string code_hash(std::string_view canonical);

// A canonical code printed in groups of four.
std::string printed_code(std::string_view canonical);

}  // namespace corparent::voice
