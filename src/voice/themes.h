// What children wrote in their own words, themed by staff: each comment can carry several themes; theme
// counts show what comes up most; a theme can become a "You said" item for the Board.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "care/date.h"
#include "store/database.h"
#include "voice/rounds.h"

namespace corparent::voice {

struct Comment {
    long long id = 0;
    std::string version, question, text;
    std::vector<std::string> themes;
};

struct Theme {
    long long id = 0;
    std::string name;
    long long comments = 0;
    std::optional<long long> you_said_id;
};

// The free-text comments of a round (once it has closed, unfinished responses' too). Reading them is
// audited ("view.comments"): they are children's own words.
std::vector<Comment> comments(store::Database& db, const Round& round, care::Date today, const accounts::Actor& actor);
std::vector<Theme> themes(store::Database& db, long long round_id);

// Sets a comment's themes from what staff typed ("bedrooms, pocket money"): names trimmed, empty ones
// dropped, each at most 60 characters (std::invalid_argument otherwise). Audited ("survey.theme").
void set_comment_themes(store::Database& db, long long round_id, long long comment_id, const std::string& typed,
                        const accounts::Actor& actor);

// Remembers that a theme became a "You said" item.
void link_theme_to_you_said(store::Database& db, long long theme_id, long long you_said_id);

}  // namespace corparent::voice
