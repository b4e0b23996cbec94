// The demo council's survey: two closed annual rounds (last year's and this year's) with realistic
// answers, comments themed by staff, and a few concerns (one still open for more than a day), made
// deterministically from a seed.
#pragma once

#include <cstdint>
#include <string>

#include "accounts/accounts.h"
#include "care/date.h"
#include "store/database.h"
#include "voice/concerns.h"
#include "voice/question_bank.h"

namespace corparent::voice {

struct SynthSummary {
    long long rounds = 0, responses = 0, concerns = 0;
};

// `now` in seconds since the epoch: this year's round closed a few days before it.
SynthSummary synthesise_survey(store::Database& db, const QuestionBank& bank, const ConcernSettings& settings, std::uint64_t seed,
                               long long now, const accounts::Actor& actor);

}  // namespace corparent::voice
