// The survey's question bank (data/voice/question_bank.json): indicators with stable ids, the Pledge
// statements they evidence, their polarity and the answers that count, worded per version (4-7, 8-10,
// 11-18, care leavers, foster carers) and per language; the free-text questions; the "about you" questions
// results are broken down by; and the published general-population comparators they line up with.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace corparent::voice {

// Wording keyed by language id ("en", "en-easy"). English is always there.
using Text = std::map<std::string, std::string>;

struct Answer {
    std::string value;
    Text text;
    std::string face;   // "happy", "middle", "sad" for the 4-7 version's pictures; "" when none
};

struct Scale {
    std::string id;
    std::vector<Answer> answers;
};

struct Version {
    std::string id;          // "4-7", "8-10", "11-18", "care-leavers", "foster-carers"
    Text name;
    std::string audience;    // "child", "care_leaver", "foster_carer"
    std::optional<int> min_age, max_age;
    bool faces = false;      // answers shown with faces (read with an adult)
    std::map<std::string, std::vector<std::string>> intro;   // language -> paragraphs before the first question
};

// A published figure for a group like the respondents, from data/benchmarks/general_population_comparators.csv.
struct Comparator {
    std::vector<std::string> versions;   // the versions whose respondents it compares with
    std::string indicator, population;   // the CSV row, verbatim
    double care_group_percent = 0;       // as published, for children in care elsewhere (0 when none)
    bool has_care_group = false;
    double general_population_percent = 0;
    std::string general_population_label, publication, publication_date, url, verification;
};

struct Indicator {
    std::string id, topic, page;
    std::vector<std::string> pledge;     // current Pledge statement ids
    std::string scale;
    std::set<std::string> counted;       // the answers whose share is the figure
    std::string counted_label;           // "always feel safe"
    bool higher_is_better = true;
    std::map<std::string, Text> wording; // version id -> wording
    std::vector<Comparator> comparators;
};

struct FreeTextQuestion {
    std::string id;                      // "make-better", "anything-else"
    std::map<std::string, Text> wording; // version id -> wording
};

struct Choice {
    std::string value;
    Text text;
};

// Age band, gender, where the child lives, ethnicity, whether an adult helped: each optional.
struct AboutQuestion {
    std::string id;                      // "age_band", "gender", "where_you_live", "ethnicity", "helped_by"
    Text question;
    std::vector<Choice> options;         // the same for every version...
    std::map<std::string, std::vector<Choice>> options_by_version;   // ...or per version (age bands)
    const std::vector<Choice>& choices(const std::string& version) const;
};

struct Page {
    std::string id;
    Text title;
};

struct QuestionBank {
    std::string source;
    std::vector<std::pair<std::string, std::string>> languages;   // id, name
    std::vector<Version> versions;
    std::map<std::string, Scale> scales;
    std::vector<Page> pages;
    std::vector<Indicator> indicators;
    std::vector<FreeTextQuestion> free_text;
    std::vector<AboutQuestion> about;    // in the order the form asks them

    const Version* version(const std::string& id) const;
    const Indicator* indicator(const std::string& id) const;
    const Scale& scale_of(const Indicator& indicator) const;
    const AboutQuestion* about_question(const std::string& id) const;
    // The indicators a version asks, in the bank's order.
    std::vector<const Indicator*> asked_in(const std::string& version) const;
    // Whether the version asks the "about you" questions (foster carers are not asked them).
    bool asks_about_you(const std::string& version) const;
};

// `text` in `language`, else in English.
std::string in_language(const Text& text, const std::string& language);

// The "I'd rather not say" answer every question has, and its wording.
inline constexpr const char* kRatherNotSay = "rather-not-say";

// Reads data/voice/question_bank.json and the comparators it names. Throws std::runtime_error naming the
// file and what is wrong (an unknown scale, a counted answer not in its scale, a comparator row that is
// not in the CSV or has no published general-population figure, a face missing on the faces version).
QuestionBank load_question_bank(const std::filesystem::path& data_dir);

// The bank, read once per data folder for the process.
const QuestionBank& question_bank(const std::filesystem::path& data_dir);

}  // namespace corparent::voice
