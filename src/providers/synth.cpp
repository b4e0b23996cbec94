#include "providers/synth.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "care/date.h"
#include "providers/provider_file.h"
#include "ssda903/csv_reader.h"

namespace corparent::providers {
namespace {

// mt19937_64's output is fixed by the standard; std's distributions are not, so draws are our own.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    int between(int lo, int hi) { return lo + static_cast<int>(uniform() * (hi - lo + 1)); }

private:
    std::mt19937_64 engine_;
};

std::string_view draw_rating(Rng& rng) {
    double x = rng.uniform();
    if (x < 0.15) return kOutstanding;
    if (x < 0.75) return kGood;
    if (x < 0.95) return kRequiresImprovement;
    return kInadequate;
}

struct Used {
    std::string place;   // the first PLACE the URN was seen with
    int first_year = 0;  // the first return that placed a child there
};

// URN -> how the returns use it, for the placements Ofsted registers.
std::map<std::string, Used> used_urns(const std::filesystem::path& root) {
    std::map<std::string, Used> out;
    std::vector<std::pair<int, std::filesystem::path>> years;
    for (const auto& entry : std::filesystem::directory_iterator(root)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && name.size() == 4 && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            std::filesystem::exists(entry.path() / "episodes.csv"))
            years.emplace_back(std::stoi(name), entry.path() / "episodes.csv");
    }
    std::sort(years.begin(), years.end());
    for (const auto& [year, path] : years) {
        ssda903::MappedFile file(path);
        ssda903::CsvReader csv(file.text());
        if (!csv.next()) continue;
        std::size_t place = csv.fields().size(), urn = csv.fields().size();
        for (std::size_t i = 0; i < csv.fields().size(); ++i) {
            if (csv.fields()[i] == "PLACE") place = i;
            if (csv.fields()[i] == "URN") urn = i;
        }
        if (place == csv.fields().size() || urn == csv.fields().size())
            throw std::runtime_error(path.string() + " has no PLACE or URN column");
        while (csv.next()) {
            if (csv.fields().size() <= std::max(place, urn)) continue;
            const std::string p(csv.fields()[place]);
            if (p != "K1" && p != "K2" && p != "K3" && p != "H5") continue;
            auto u = normalise_urn(csv.fields()[urn]);
            if (!u || u->empty()) continue;
            out.try_emplace(*u, Used{p, year});
        }
    }
    return out;
}

std::string type_of(std::string_view place) {
    if (place == "K1") return "Secure children's home";
    if (place == "K2") return "Children's home";
    return "Supported accommodation";
}

// A CSV field: quoted, since provider types hold apostrophes and Ofsted's words may hold commas.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

void write_providers(const std::filesystem::path& returns_root, const std::filesystem::path& out_csv, std::uint64_t seed) {
    auto used = used_urns(returns_root);
    int last_year = 0, first_year = 9999;
    for (const auto& [urn, u] : used) {
        last_year = std::max(last_year, u.first_year);
        first_year = std::min(first_year, u.first_year);
    }
    if (used.empty()) throw std::runtime_error("no return under " + returns_root.string() + " places a child in a registered home");
    Rng rng(seed ^ 0x4F465354ULL);

    // Homes in other councils' areas that no child of ours lives in: Ofsted's list holds every provider.
    std::vector<std::pair<std::string, Used>> all(used.begin(), used.end());
    std::set<std::string> others;
    for (std::size_t i = 0; i < used.size() / 4 + 5; ++i) {
        std::string urn = "SC" + std::to_string(400000 + rng.between(0, 599999));
        if (!used.count(urn) && others.insert(urn).second) all.emplace_back(urn, Used{i % 5 == 0 ? "K3" : "K2", first_year});
    }

    std::ofstream out(out_csv, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + out_csv.string());
    out << "URN,Provider type,Overall effectiveness,Inspection date\r\n";
    const care::Date last_31mar = care::year_end(last_year);
    auto row = [&](const std::string& urn, const std::string& type, std::string_view rating,
                   std::optional<care::Date> date) {
        out << urn << ',' << quoted(type) << ',' << quoted(rating) << ',' << (date ? care::to_dmy(*date) : "") << "\r\n";
    };
    for (const auto& [urn, u] : all) {
        const std::string type = type_of(u.place);
        // Supported accommodation has been registered since 2023 and is not yet graded.
        if (u.place == "K3" || u.place == "H5") {
            row(urn, type, "Not yet inspected", std::nullopt);
            continue;
        }
        const double x = rng.uniform();
        if (x < 0.04) {   // newly registered: no inspection yet
            row(urn, type, "Not yet inspected", std::nullopt);
            continue;
        }
        if (x < 0.07) {   // first inspected after the last 31 March
            row(urn, type, draw_rating(rng), last_31mar + std::chrono::days{rng.between(10, 150)});
            continue;
        }
        // The latest full inspection in the 18 months before the last 31 March, and earlier ones about a year
        // apart back to before the home was first used (the loop runs at least once: that is years earlier);
        // each earlier rating is often the same as the next.
        std::vector<std::pair<care::Date, std::string_view>> inspections;
        care::Date day = last_31mar - std::chrono::days{rng.between(20, 540)};
        std::string_view rating = draw_rating(rng);
        const care::Date earliest = care::year_start(u.first_year) - std::chrono::days{rng.between(0, 500)};
        while (day >= earliest && inspections.size() < 6) {
            inspections.emplace_back(day, rating);
            day -= std::chrono::days{rng.between(300, 420)};
            if (rng.uniform() >= 0.65) rating = draw_rating(rng);
        }
        for (auto it = inspections.rbegin(); it != inspections.rend(); ++it) row(urn, type, it->second, it->first);
    }
    if (!out.flush()) throw std::runtime_error("cannot write " + out_csv.string());
}

}  // namespace corparent::providers
