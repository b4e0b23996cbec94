#include "voice/synth.h"

#include <random>

#include <fmt/format.h>

#include "store/survey.h"
#include "voice/codes.h"
#include "voice/rounds.h"
#include "voice/themes.h"

namespace corparent::voice {
namespace {

struct Said {
    const char* text;
    const char* theme;
};

// What children and young people write, in their words; each with the theme staff would give it.
const std::vector<Said> kChildren = {
    {"I want to see my brother more. We only see each other once a month.", "Seeing family"},
    {"More time with my mum please", "Seeing family"},
    {"I would like my own bedroom because I share with two others", "Bedrooms"},
    {"Let me paint my room the colour I want", "Bedrooms"},
    {"I have had 3 social workers this year and I have to tell my story again every time", "Changing social workers"},
    {"My social worker never rings back", "Changing social workers"},
    {"More trips in the holidays", "Things to do"},
    {"I want to go to football club but nobody can take me", "Things to do"},
    {"The wifi in my house is rubbish and I can't do my homework", "Internet"},
    {"People at school know I am in care and it is embarrassing when my social worker comes to school", "Being treated differently"},
    {"Nothing, I am happy where I live", "Happy as things are"},
    {"I like my foster carers they are kind", "Happy as things are"},
    {"Getting pocket money on time", "Money"},
    {"Sleepovers at my friends house without needing a police check", "Being treated differently"},
};
const std::vector<Said> kCareLeavers = {
    {"Help with budgeting when I first moved into my flat. I got into debt with my gas bill.", "Money"},
    {"My PA is great but I wish I could see her more than once every two months", "Personal adviser"},
    {"More help finding somewhere to live near my college", "Housing"},
    {"I felt really lonely in my first year on my own", "Loneliness"},
    {"Council tax exemption helped a lot, thank you", "Happy as things are"},
    {"I didn't know about the leisure pass until a friend told me", "Knowing what we are entitled to"},
    {"Apprenticeships that pay enough to live on", "Work and training"},
    {"Keep the drop-in open in the evenings", "Personal adviser"},
};
const std::vector<Said> kFosterCarers = {
    {"Out of hours support when a placement is struggling", "Support for carers"},
    {"More notice of review meetings", "Support for carers"},
    {"Training on helping children with their feelings was very good", "Training"},
};

const Choice* pick(const std::vector<Choice>& choices, std::mt19937_64& rng) {
    if (choices.empty()) return nullptr;
    return &choices[std::uniform_int_distribution<std::size_t>(0, choices.size() - 1)(rng)];
}

// A weighted pick among values; weights need not add to 1.
std::string weighted(const std::vector<std::pair<std::string, double>>& options, std::mt19937_64& rng) {
    double total = 0;
    for (const auto& o : options) total += o.second;
    double x = std::uniform_real_distribution<double>(0, total)(rng);
    for (const auto& o : options) {
        if (x < o.second) return o.first;
        x -= o.second;
    }
    return options.back().first;
}

// How likely a counted answer is, from the published figure for children in care where there is one.
double counted_share(const Indicator& ind, double year_shift) {
    for (const auto& c : ind.comparators)
        if (c.has_care_group) return std::clamp(c.care_group_percent / 100.0 + year_shift, 0.02, 0.98);
    return std::clamp((ind.higher_is_better ? 0.78 : 0.2) + (ind.higher_is_better ? year_shift : -year_shift), 0.02, 0.98);
}

std::string answer_for(const QuestionBank& bank, const Indicator& ind, double share, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    if (u(rng) < 0.04) return kRatherNotSay;
    const auto& answers = bank.scale_of(ind).answers;
    std::vector<std::string> counted, other;
    for (const auto& a : answers) (ind.counted.count(a.value) ? counted : other).push_back(a.value);
    const auto& from = (u(rng) < share || other.empty()) ? counted : other;
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}

std::string place_for(const Version& v, std::mt19937_64& rng) {
    if (v.audience == "care_leaver")
        return weighted({{"on-my-own", 50}, {"with-family", 12}, {"foster-family", 10}, {"somewhere-else", 23}, {kRatherNotSay, 5}}, rng);
    return weighted({{"foster-family", 72}, {"childrens-home", 12}, {"with-family", 9}, {"somewhere-else", 4}, {kRatherNotSay, 3}}, rng);
}

struct RoundPlan {
    std::string name;
    care::Date opens, closes;
    double year_shift;     // this year a little better than last
    bool tag_themes;
};

}  // namespace

SynthSummary synthesise_survey(store::Database& db, const QuestionBank& bank, const ConcernSettings& settings, std::uint64_t seed,
                               long long now, const accounts::Actor& actor) {
    std::mt19937_64 rng(seed * 7919 + 17);
    std::uniform_real_distribution<double> u(0, 1);
    const care::Date today = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{now}});
    const auto& year = std::chrono::year_month_day{today}.year();
    const std::vector<RoundPlan> plans = {
        {fmt::format("Annual survey {}", static_cast<int>(year) - 1), today - std::chrono::days(420), today - std::chrono::days(370), -0.03, false},
        {fmt::format("Annual survey {}", static_cast<int>(year)), today - std::chrono::days(55), today - std::chrono::days(4), 0.0, true},
    };
    std::vector<std::string> all_versions;
    for (const auto& v : bank.versions) all_versions.push_back(v.id);
    SynthSummary summary;
    long long last_response = 0, last_round = 0;
    for (const auto& plan : plans) {
        long long round_id = create_round(db, bank, {plan.name, care::to_iso(plan.opens), care::to_iso(plan.closes), all_versions}, actor);
        ++summary.rounds;
        last_round = round_id;
        set_eligible(db, round_id, "foster-carers", 186, actor);
        auto round = *find_round(db, round_id);
        for (const auto& rv : round.versions) {
            const Version& version = *bank.version(rv.version);
            long long eligible = rv.eligible.value_or(0);
            long long responding = static_cast<long long>(static_cast<double>(eligible) * (0.52 + 0.12 * u(rng)));
            if (responding == 0) continue;
            // Codes for everyone who could answer, as a participation officer would print them.
            std::vector<std::string> hashes;
            for (long long i = 0; i < eligible; ++i) hashes.push_back(code_hash(*normalised_code(new_code())));
            store::insert_survey_codes(db, round_id, rv.version, hashes, care::to_iso(plan.opens) + "T09:00:00Z", actor.who);
            const auto& said = version.audience == "care_leaver" ? kCareLeavers : version.audience == "foster_carer" ? kFosterCarers : kChildren;
            auto asked = bank.asked_in(rv.version);
            for (long long i = 0; i < responding; ++i) {
                care::Date started = plan.opens + std::chrono::days(std::uniform_int_distribution<int>(0, 40)(rng));
                long long id = store::open_survey_response(db, hashes[static_cast<std::size_t>(i)], round_id, rv.version,
                                                           u(rng) < 0.1 ? "en-easy" : "en", care::to_iso(started));
                std::vector<std::pair<std::string, std::string>> answers;
                for (const auto* ind : asked)
                    if (u(rng) > 0.03) answers.emplace_back(ind->id, answer_for(bank, *ind, counted_share(*ind, plan.year_shift), rng));
                store::save_survey_answers(db, id, answers);
                if (bank.asks_about_you(rv.version)) {
                    store::SurveyResponseRow about;
                    about.id = id;
                    auto choice = [&](const char* q) {
                        if (u(rng) < 0.06) return std::string(kRatherNotSay);
                        const auto* c = pick(bank.about_question(q)->choices(rv.version), rng);
                        return c ? c->value : std::string();
                    };
                    about.age_band = choice("age_band");
                    about.gender = u(rng) < 0.05 ? std::string(kRatherNotSay) : weighted({{"boy", 52}, {"girl", 45}, {"other", 3}}, rng);
                    about.where_you_live = place_for(version, rng);
                    about.ethnicity = weighted({{"white", 68}, {"mixed", 11}, {"asian", 8}, {"black", 9}, {"other", 2}, {kRatherNotSay, 2}}, rng);
                    about.helped_by = version.faces ? weighted({{"carer", 70}, {"worker", 15}, {"other-adult", 15}}, rng)
                                                    : weighted({{"no-one", 62}, {"carer", 22}, {"worker", 8}, {"other-adult", 8}}, rng);
                    store::save_survey_about(db, about);
                }
                if (u(rng) < 0.45) {
                    const auto& s = said[std::uniform_int_distribution<std::size_t>(0, said.size() - 1)(rng)];
                    store::save_survey_comments(db, id, {{u(rng) < 0.6 ? "make-better" : "anything-else", s.text}});
                }
                if (u(rng) < 0.93) store::submit_survey_response(db, id, care::to_iso(started));
                last_response = id;
                ++summary.responses;
            }
        }
        if (plan.tag_themes)
            for (const auto& c : comments(db, round, today, actor)) {
                for (const auto* list : {&kChildren, &kCareLeavers, &kFosterCarers})
                    for (const auto& s : *list)
                        if (c.text == s.text) set_comment_themes(db, round_id, c.id, s.theme, actor);
            }
    }
    // A few concerns, as children raise them: one naming harm (worked and closed), one asking to talk with
    // contact details (closed), one asking to talk (still open, two days on: it stands out).
    auto raise = [&](long long response, const Shared& shared, long long at) {
        ++summary.concerns;
        return raise_concern(db, last_round, response, shared, at, settings);
    };
    Shared harm;
    harm.words = {"My foster carer's boyfriend hits me when she is at work"};
    harm.harm_words = harm_words_in(harm.words[0], settings.harm_words);
    long long k1 = raise(last_response, harm, now - 20 * 86400);
    store::add_survey_concern_note(db, k1, now - 20 * 86400 + 3600, "participation@demo.example",
                                   "Referred to the children's front door by phone the same afternoon (ref MASH-2231).");
    store::close_survey_concern(db, k1, now - 19 * 86400, "participation@demo.example",
                                "Front door visited with the police the same evening; the child is safe and the household is being assessed.");
    Shared talk;
    talk.asked_to_talk = true;
    talk.talk_about = "I want to know why I can't see my dad";
    talk.contact = "Jay, text me on the number my social worker has";
    long long k2 = raise(last_response - 1, talk, now - 9 * 86400);
    store::close_survey_concern(db, k2, now - 8 * 86400, "participation@demo.example",
                                "Social worker told the same day; she met Jay after school and explained the contact plan. Jay is happy with that.");
    Shared open;
    open.asked_to_talk = true;
    open.asked_about = {"Where you live: Do you feel settled where you live? Sometimes"};
    raise(last_response - 2, open, now - 2 * 86400);
    return summary;
}

}  // namespace corparent::voice
