#include "voice/themes.h"

#include <stdexcept>

#include "store/survey.h"

namespace corparent::voice {

std::vector<Comment> comments(store::Database& db, const Round& round, care::Date today, const accounts::Actor& actor) {
    std::vector<Comment> out;
    for (const auto& c : store::survey_comments(db, round.id, round.has_closed(today)))
        if (c.question != "talk-about" && c.question != "contact")   // those go to the concern, not to themes
            out.push_back({c.id, c.version, c.question, c.text, c.themes});
    accounts::audit(db, actor, "view.comments", std::to_string(round.id));
    return out;
}

std::vector<Theme> themes(store::Database& db, long long round_id) {
    std::vector<Theme> out;
    for (const auto& t : store::survey_themes(db, round_id)) out.push_back({t.id, t.name, t.comments, t.you_said_id});
    return out;
}

void set_comment_themes(store::Database& db, long long round_id, long long comment_id, const std::string& typed,
                        const accounts::Actor& actor) {
    std::vector<std::string> names;
    std::string current;
    auto flush = [&] {
        auto first = current.find_first_not_of(" \t\r\n");
        if (first != std::string::npos) {
            auto name = current.substr(first, current.find_last_not_of(" \t\r\n") + 1 - first);
            if (name.size() > 60) throw std::invalid_argument("A theme must be 60 characters or fewer: " + name.substr(0, 60) + "...");
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
        current.clear();
    };
    for (char ch : typed) {
        if (ch == ',' || ch == ';' || ch == '\n') flush();
        else current += ch;
    }
    flush();
    bool found = false;
    for (const auto& c : store::survey_comments(db, round_id, true)) found = found || c.id == comment_id;
    if (!found) throw std::invalid_argument("There is no such comment in this round");
    auto& sql = db.session();
    soci::transaction tr(sql);
    std::vector<long long> ids;
    for (const auto& n : names) ids.push_back(store::survey_theme_id(db, round_id, n));
    store::set_survey_comment_themes(db, comment_id, ids);
    tr.commit();
    accounts::audit(db, actor, "survey.theme", std::to_string(comment_id));
}

void link_theme_to_you_said(store::Database& db, long long theme_id, long long you_said_id) {
    store::set_survey_theme_you_said(db, theme_id, you_said_id);
}

}  // namespace corparent::voice
