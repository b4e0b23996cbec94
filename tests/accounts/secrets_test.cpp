#include <gtest/gtest.h>

#include "accounts/secrets.h"

using namespace corparent::accounts;

TEST(Passwords, Argon2idHashesVerifyOnlyTheRightPassword) {
    auto hash = hash_password("correct horse battery staple");
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
    EXPECT_FALSE(verify_password(hash, "correct horse battery stapl"));
    EXPECT_NE(hash, hash_password("correct horse battery staple"));   // salted
}

TEST(Tokens, AreRandomAndStoredOnlyAsHashes) {
    auto a = random_token(), b = random_token();
    EXPECT_NE(a, b);
    EXPECT_GE(a.size(), 43u);   // 32 bytes
    EXPECT_EQ(token_hash(a).size(), 64u);
    EXPECT_EQ(token_hash(a), token_hash(a));
    EXPECT_NE(token_hash(a), token_hash(b));
}

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ).
TEST(Totp, MatchesTheRfc6238TestVectors) {
    const char* key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    EXPECT_EQ(*totp_code(key, 59 / 30), "287082");               // 94287082
    EXPECT_EQ(*totp_code(key, 1111111109 / 30), "081804");       // 07081804
    EXPECT_EQ(*totp_code(key, 1234567890 / 30), "005924");       // 89005924
    EXPECT_EQ(*totp_code(key, 2000000000 / 30), "279037");       // 69279037
}

TEST(Totp, AcceptsOneStepOfDriftEitherSideAndNoMore) {
    auto secret = new_totp_secret();
    long long now = 1'800'000'000;
    for (long long drift : {-1, 0, 1}) {
        auto code = *totp_code(secret, now / 30 + drift);
        auto step = totp_match(secret, code, now);
        ASSERT_TRUE(step) << drift;
        EXPECT_EQ(*step, now / 30 + drift);
    }
    EXPECT_FALSE(totp_match(secret, *totp_code(secret, now / 30 + 2), now));
    EXPECT_FALSE(totp_match(secret, *totp_code(secret, now / 30 - 2), now));
    EXPECT_TRUE(totp_match(secret, totp_code(secret, now / 30)->substr(0, 3) + " " + totp_code(secret, now / 30)->substr(3), now));
    EXPECT_FALSE(totp_match(secret, "12345", now));
    EXPECT_FALSE(totp_match(secret, "abcdef", now));
}

TEST(Totp, TheSetUpUriIsWhatAuthenticatorAppsRead) {
    auto uri = totp_uri("corparent Coventry City Council", "a@b.gov.uk", "ABC");
    EXPECT_EQ(uri, "otpauth://totp/corparent%20Coventry%20City%20Council:a@b.gov.uk?secret=ABC&issuer=corparent%20Coventry%20City%20Council&algorithm=SHA1&digits=6&period=30");
}
