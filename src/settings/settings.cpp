#include "settings/settings.h"

#include <cstdlib>
#include <stdexcept>

#include <toml++/toml.h>

namespace corparent::settings {
namespace {

[[noreturn]] void bad(const std::filesystem::path& file, const std::string& key, const std::string& expected) {
    throw std::runtime_error(file.string() + ": " + key + " must be " + expected);
}

std::filesystem::path default_data_dir() {
    if (const char* env = std::getenv("CORPARENT_DATA")) return env;
    return CORPARENT_DATA_DIR;
}

}  // namespace

Settings load_settings(const std::filesystem::path& file, bool required) {
    Settings s;
    s.data_dir = default_data_dir();
    if (!std::filesystem::exists(file)) {
        if (required) throw std::runtime_error(file.string() + ": no such settings file");
        return s;
    }
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw std::runtime_error(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                                 std::string(e.description()));
    }
    if (auto v = t["council"]["name"].value<std::string>()) s.council_name = *v;
    if (auto v = t["council"]["la_code"]) {
        auto code = v.value<std::string>();
        if (!code || code->size() != 3) bad(file, "council.la_code", "DfE's 3-digit LA code as text, e.g. \"331\"");
        s.la_code = *code;
    }
    if (auto v = t["benchmarks"]["neighbour_model"]) {
        auto m = v.value<std::string>();
        if (m && *m == "2025") s.neighbour_model = measures::NeighbourModel::May2025;
        else if (m && *m == "2021") s.neighbour_model = measures::NeighbourModel::April2021;
        else bad(file, "benchmarks.neighbour_model", "\"2025\" or \"2021\"");
    }
    if (auto v = t["data"]["dir"].value<std::string>()) s.data_dir = *v;

    auto& c = s.choices;
    if (auto v = t["measures"]["after_temporary"]) {
        auto m = v.value<std::string>();
        if (m && *m == "same_place_or_carer") c.placements.after_temporary = care::PlacementRules::AfterTemporary::SamePlaceOrCarer;
        else if (m && *m == "by_rne") c.placements.after_temporary = care::PlacementRules::AfterTemporary::ByRne;
        else bad(file, "measures.after_temporary", "\"same_place_or_carer\" or \"by_rne\"");
    }
    if (auto v = t["measures"]["count_zero_day_placements"]) {
        auto b = v.value<bool>();
        if (!b) bad(file, "measures.count_zero_day_placements", "true or false");
        c.placements.count_zero_day = *b;
    }
    if (auto v = t["measures"]["two_year_cohort"]) {
        auto m = v.value<std::string>();
        if (m && *m == "period_began_two_years_before") c.two_year_cohort = measures::Choices::TwoYearCohort::PeriodBeganTwoYearsBefore;
        else if (m && *m == "all_looked_after") c.two_year_cohort = measures::Choices::TwoYearCohort::AllLookedAfter;
        else bad(file, "measures.two_year_cohort", "\"period_began_two_years_before\" or \"all_looked_after\"");
    }
    if (auto v = t["measures"]["unplanned_reasons"]) {
        auto* list = v.as_array();
        if (!list) bad(file, "measures.unplanned_reasons", "a list of REASON_PLACE_CHANGE codes");
        c.unplanned_reasons.clear();
        for (auto& item : *list) {
            auto code = item.value<std::string>();
            if (!code) bad(file, "measures.unplanned_reasons", "a list of REASON_PLACE_CHANGE codes");
            c.unplanned_reasons.push_back(*code);
        }
    }
    if (auto v = t["measures"]["unknown_worker_per_episode"]) {
        auto b = v.value<bool>();
        if (!b) bad(file, "measures.unknown_worker_per_episode", "true or false");
        c.unknown_worker_per_episode = *b;
    }
    if (auto v = t["import"]["close_open_episodes"]) {
        auto b = v.value<bool>();
        if (!b) bad(file, "import.close_open_episodes", "true or false");
        s.stacking.close_open_episodes = *b;
    }
    auto positive = [&](const char* key, long long& out) {
        if (auto v = t["disclosure"][key]) {
            auto n = v.value<long long>();
            if (!n || *n < 1) bad(file, std::string("disclosure.") + key, "a whole number of at least 1");
            out = *n;
        }
    };
    if (auto v = t["server"]["listen"].value<std::string>()) s.server.listen = *v;
    if (auto v = t["server"]["tls"]) {
        auto b = v.value<bool>();
        if (!b) bad(file, "server.tls", "true or false");
        s.server.tls = *b;
    }
    auto whole = [&](const char* key, long long& out, long long scale) {
        if (auto v = t["server"][key]) {
            auto n = v.value<long long>();
            if (!n || *n < 1) bad(file, std::string("server.") + key, "a whole number of at least 1");
            out = *n * scale;
        }
    };
    long long workers = s.server.workers;
    whole("workers", workers, 1);
    s.server.workers = static_cast<int>(workers);
    whole("idle_minutes", s.server.sessions.idle_seconds, 60);
    whole("absolute_hours", s.server.sessions.absolute_seconds, 3600);
    whole("failed_sign_ins_per_account", s.server.sessions.account_failures, 1);
    whole("failed_sign_ins_per_address", s.server.sessions.address_failures, 1);
    auto contact = [&](const char* key, std::string& out) {
        if (auto v = t["voice"][key]) {
            auto text = v.value<std::string>();
            if (!text || text->empty()) bad(file, std::string("voice.") + key, "the name of a team or a person");
            out = *text;
        }
    };
    contact("participation_lead", s.concerns.participation_lead);
    contact("front_door", s.concerns.front_door);
    contact("out_of_hours", s.concerns.out_of_hours);
    contact("survey_address", s.survey_address);
    if (auto v = t["voice"]["harm_words"]) {
        auto* list = v.as_array();
        if (!list) bad(file, "voice.harm_words", "a list of words and phrases");
        s.concerns.harm_words.clear();
        for (auto& item : *list) {
            auto word = item.value<std::string>();
            if (!word) bad(file, "voice.harm_words", "a list of words and phrases");
            s.concerns.harm_words.push_back(*word);
        }
    }
    positive("smallest_count", s.disclosure.smallest_count);
    positive("smallest_denominator", s.disclosure.smallest_denominator);
    positive("smallest_survey_group", s.disclosure.smallest_survey_group);
    return s;
}

std::string default_settings_text() {
    return R"toml(# corparent.toml: every setting is optional; these are the defaults.

[council]
name = "Coventry City Council"
la_code = "331"                 # DfE's 3-digit code: picks the region, neighbours and published figures

[benchmarks]
neighbour_model = "2025"        # DfE's statistical neighbours: "2025" (May 2025) or "2021" (April 2021)

[import]
close_open_episodes = true      # an open episode followed by a later one ends when it begins (REC X1)

[measures]
after_temporary = "same_place_or_carer"      # or "by_rne": how the episode after a temporary stay counts
count_zero_day_placements = false            # a placement ending the day it starts is not a placement
two_year_cohort = "period_began_two_years_before"   # or "all_looked_after" (stability_short_2y)
unplanned_reasons = ["CREQB", "CREQO", "ALLEG", "STAND", "APPRR", "CLOSE", "CHILD"]
unknown_worker_per_episode = true            # an SW_ID starting XX counts once per episode

[server]
listen = "127.0.0.1:8080"
tls = false                     # true when users reach corparent over HTTPS: Secure cookies and HSTS
workers = 4                     # threads for database work
idle_minutes = 30               # a session unused this long ends
absolute_hours = 12             # no session lasts longer
failed_sign_ins_per_account = 5 # within 15 minutes, then sign-in is refused for a while
failed_sign_ins_per_address = 20

[disclosure]
smallest_count = 5              # counts 1 to 4 are shown as c
smallest_denominator = 10       # a percentage of fewer than 10 is shown as c
smallest_survey_group = 5       # survey groups of fewer than 5 respondents are c

[voice]
# Who a concern raised through the survey goes to. Every concern goes to the participation lead; one
# whose words name harm to the children's front door too, flagged for referral; one raised outside
# 09:00-17:00 Monday to Friday to the out-of-hours duty team as well.
participation_lead = "Participation lead"
front_door = "Children's front door (MASH)"
out_of_hours = "Emergency duty team (out of hours)"
# survey_address = "https://council.example/survey"   # printed on code cards; default: this server's /survey
# harm_words = ["hurt me", "hit me", ...]   # replaces the built-in list (see docs/survey.md)
)toml";
}

}  // namespace corparent::settings
