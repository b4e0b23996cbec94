#include "voice/question_bank.h"

#include <fstream>
#include <mutex>
#include <regex>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ssda903/csv_reader.h"

namespace corparent::voice {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::filesystem::path& file, const std::string& what) {
    throw std::runtime_error(file.string() + ": " + what);
}

Text text_of(const json& j) {
    Text t;
    if (j.is_string()) t["en"] = j.get<std::string>();
    else if (j.is_object())
        for (auto& [lang, value] : j.items()) t[lang] = value.get<std::string>();
    return t;
}

std::vector<Choice> choices_of(const json& j) {
    std::vector<Choice> out;
    for (const auto& c : j) out.push_back({c.at("value").get<std::string>(), text_of(c.at("text"))});
    return out;
}

std::map<std::string, Text> wording_of(const json& j) {
    std::map<std::string, Text> out;
    for (auto& [version, text] : j.items()) out[version] = text_of(text);
    return out;
}

// The first "12%" or "2.5%" in a published value ("one in ten (10%)" gives 10).
std::optional<double> percent_in(const std::string& text) {
    static const std::regex number(R"(([0-9]+(\.[0-9]+)?)\s*%)");
    std::smatch m;
    if (!std::regex_search(text, m, number)) return std::nullopt;
    return std::stod(m[1].str());
}

struct ComparatorRow {
    std::string indicator, population, care_value, general_value, general_label, publication, date, url, verification;
};

std::vector<ComparatorRow> read_comparators(const std::filesystem::path& file) {
    ssda903::MappedFile mapped(file);
    ssda903::CsvReader reader(mapped.text());
    std::vector<ComparatorRow> rows;
    std::vector<std::string> header;
    while (reader.next()) {
        std::vector<std::string> f(reader.fields().begin(), reader.fields().end());
        if (header.empty()) {
            header = f;
            continue;
        }
        auto at = [&](const std::string& name) {
            for (std::size_t i = 0; i < header.size() && i < f.size(); ++i)
                if (header[i] == name) return f[i];
            return std::string();
        };
        rows.push_back({at("indicator"), at("population"), at("care_group_value"), at("general_population_value"),
                        at("general_population_label"), at("publication"), at("publication_date"), at("url"),
                        at("verification_status")});
    }
    return rows;
}

}  // namespace

const std::vector<Choice>& AboutQuestion::choices(const std::string& version) const {
    auto it = options_by_version.find(version);
    return it != options_by_version.end() ? it->second : options;
}

std::string in_language(const Text& text, const std::string& language) {
    auto it = text.find(language);
    if (it != text.end() && !it->second.empty()) return it->second;
    it = text.find("en");
    return it != text.end() ? it->second : std::string();
}

const Version* QuestionBank::version(const std::string& id) const {
    for (const auto& v : versions)
        if (v.id == id) return &v;
    return nullptr;
}

const Indicator* QuestionBank::indicator(const std::string& id) const {
    for (const auto& i : indicators)
        if (i.id == id) return &i;
    return nullptr;
}

const Scale& QuestionBank::scale_of(const Indicator& indicator) const { return scales.at(indicator.scale); }

const AboutQuestion* QuestionBank::about_question(const std::string& id) const {
    for (const auto& q : about)
        if (q.id == id) return &q;
    return nullptr;
}

std::vector<const Indicator*> QuestionBank::asked_in(const std::string& version) const {
    std::vector<const Indicator*> out;
    for (const auto& i : indicators)
        if (i.wording.count(version)) out.push_back(&i);
    return out;
}

bool QuestionBank::asks_about_you(const std::string& version) const {
    const Version* v = this->version(version);
    return v && v->audience != "foster_carer";
}

QuestionBank load_question_bank(const std::filesystem::path& data_dir) {
    const auto file = data_dir / "voice" / "question_bank.json";
    std::ifstream in(file);
    if (!in) bad(file, "cannot be read");
    json j;
    try {
        j = json::parse(in);
    } catch (const json::exception& e) {
        bad(file, std::string("is not valid JSON: ") + e.what());
    }
    QuestionBank bank;
    try {
        bank.source = j.value("source", "");
        for (const auto& l : j.at("languages")) bank.languages.emplace_back(l.at("id"), l.at("name"));
        for (const auto& v : j.at("versions")) {
            Version version;
            version.id = v.at("id");
            version.name = text_of(v.at("name"));
            version.audience = v.at("audience");
            if (v.contains("min_age")) version.min_age = v["min_age"].get<int>();
            if (v.contains("max_age")) version.max_age = v["max_age"].get<int>();
            version.faces = v.value("faces", false);
            if (v.contains("intro"))
                for (auto& [lang, paragraphs] : v["intro"].items())
                    version.intro[lang] = paragraphs.get<std::vector<std::string>>();
            bank.versions.push_back(std::move(version));
        }
        for (auto& [id, s] : j.at("scales").items()) {
            Scale scale{id, {}};
            for (const auto& a : s.at("answers"))
                scale.answers.push_back({a.at("value"), text_of(a.at("text")), a.value("face", "")});
            bank.scales[id] = std::move(scale);
        }
        for (const auto& p : j.at("pages")) bank.pages.push_back({p.at("id"), text_of(p.at("title"))});
        for (const auto& i : j.at("indicators")) {
            Indicator ind;
            ind.id = i.at("id");
            ind.topic = i.at("topic");
            ind.page = i.at("page");
            ind.pledge = i.at("pledge").get<std::vector<std::string>>();
            ind.scale = i.at("scale");
            for (const auto& c : i.at("counted")) ind.counted.insert(c.get<std::string>());
            ind.counted_label = i.at("counted_label");
            ind.higher_is_better = i.at("polarity").get<std::string>() != "lower_is_better";
            ind.wording = wording_of(i.at("wording"));
            if (i.contains("comparators"))
                for (const auto& c : i["comparators"]) {
                    Comparator comp;
                    comp.versions = c.at("versions").get<std::vector<std::string>>();
                    comp.indicator = c.at("indicator");
                    comp.population = c.at("population");
                    ind.comparators.push_back(std::move(comp));
                }
            bank.indicators.push_back(std::move(ind));
        }
        for (const auto& f : j.at("free_text")) bank.free_text.push_back({f.at("id"), wording_of(f.at("wording"))});
        const auto& about = j.at("about_you");
        for (const char* id : {"age_band", "gender", "where_you_live", "ethnicity", "helped_by"}) {
            const auto& q = about.at(id);
            AboutQuestion question;
            question.id = id;
            question.question = text_of(q.at("question"));
            if (q.at("options").is_object())
                for (auto& [version, options] : q["options"].items())
                    question.options_by_version[version] = choices_of(options);
            else
                question.options = choices_of(q["options"]);
            bank.about.push_back(std::move(question));
        }
    } catch (const json::exception& e) {
        bad(file, std::string("does not follow the bank's layout: ") + e.what());
    }

    // Every reference must resolve: a wrong bank would otherwise show up in front of a child.
    std::set<std::string> page_ids;
    for (const auto& p : bank.pages) page_ids.insert(p.id);
    for (const auto& ind : bank.indicators) {
        auto scale = bank.scales.find(ind.scale);
        if (scale == bank.scales.end()) bad(file, "indicator " + ind.id + " uses the unknown scale " + ind.scale);
        if (!page_ids.count(ind.page)) bad(file, "indicator " + ind.id + " is on the unknown page " + ind.page);
        for (const auto& c : ind.counted) {
            bool found = false;
            for (const auto& a : scale->second.answers) found = found || a.value == c;
            if (!found) bad(file, "indicator " + ind.id + " counts \"" + c + "\", which its scale has not");
        }
        for (const auto& [version, text] : ind.wording) {
            const Version* v = bank.version(version);
            if (!v) bad(file, "indicator " + ind.id + " is worded for the unknown version " + version);
            if (!text.count("en")) bad(file, "indicator " + ind.id + " has no English wording for " + version);
            if (v->faces)
                for (const auto& a : scale->second.answers)
                    if (a.face.empty())
                        bad(file, "scale " + ind.scale + " is used by the " + version + " version but \"" + a.value +
                                      "\" has no face");
        }
    }
    const auto comparators_file = data_dir / "benchmarks" / "general_population_comparators.csv";
    const auto rows = read_comparators(comparators_file);
    for (auto& ind : bank.indicators)
        for (auto& comp : ind.comparators) {
            const ComparatorRow* row = nullptr;
            for (const auto& r : rows)
                if (r.indicator == comp.indicator && r.population == comp.population) row = &r;
            if (!row) bad(file, "indicator " + ind.id + " names a comparator that is not in " + comparators_file.string() +
                                    ": " + comp.indicator + " / " + comp.population);
            auto general = percent_in(row->general_value);
            if (!general) bad(file, "indicator " + ind.id + "'s comparator has no published general-population figure");
            comp.general_population_percent = *general;
            if (auto care = percent_in(row->care_value)) {
                comp.care_group_percent = *care;
                comp.has_care_group = true;
            }
            comp.general_population_label = row->general_label;
            comp.publication = row->publication;
            comp.publication_date = row->date;
            comp.url = row->url;
            comp.verification = row->verification;
        }
    return bank;
}

const QuestionBank& question_bank(const std::filesystem::path& data_dir) {
    static std::mutex lock;
    static std::map<std::string, QuestionBank> banks;
    std::lock_guard<std::mutex> guard(lock);
    auto key = data_dir.string();
    auto it = banks.find(key);
    if (it == banks.end()) it = banks.emplace(key, load_question_bank(data_dir)).first;
    return it->second;
}

}  // namespace corparent::voice
