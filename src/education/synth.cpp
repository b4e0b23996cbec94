#include "education/synth.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "care/date.h"
#include "education/academic_year.h"
#include "ssda903/csv_reader.h"

namespace corparent::education {
namespace {

// The rows of a CSV file by heading: each row a map from heading to value.
std::vector<std::map<std::string, std::string>> read_rows(const std::filesystem::path& path) {
    ssda903::MappedFile file(path);
    ssda903::CsvReader csv(file.text());
    std::vector<std::map<std::string, std::string>> out;
    if (!csv.next()) return out;
    std::vector<std::string> headings(csv.fields().begin(), csv.fields().end());
    while (csv.next()) {
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < headings.size() && i < csv.fields().size(); ++i)
            row[headings[i]] = std::string(csv.fields()[i]);
        out.push_back(std::move(row));
    }
    return out;
}

class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    double unit() { return static_cast<double>(engine_() >> 11) / static_cast<double>(1ull << 53); }
    int between(int lo, int hi) { return lo + static_cast<int>(engine_() % static_cast<std::uint64_t>(hi - lo + 1)); }

private:
    std::mt19937_64 engine_;   // its output is fixed by the standard: the same bytes everywhere
};

std::string dmy(care::Date d) { return care::to_dmy(d); }

}  // namespace

void write_education(const std::filesystem::path& returns_root, const std::filesystem::path& out_csv,
                     std::uint64_t seed) {
    std::vector<int> years;
    for (const auto& entry : std::filesystem::directory_iterator(returns_root)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && name.size() == 4 && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
            years.push_back(std::stoi(name));
    }
    std::sort(years.begin(), years.end());
    std::ofstream out(out_csv, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + out_csv.string());
    out << "CHILD,UPN,academic_year,school_urn,start_date,sessions_possible,sessions_attended,suspensions,"
           "suspension_days,permanent_exclusions,ks2_reading,ks2_writing,ks2_maths,ks4_attainment8,"
           "ks4_english_maths_4,pep_date\r\n";
    Random rnd(seed);
    for (int year : years) {
        const auto dir = returns_root / std::to_string(year);
        const care::Date census = care::year_end(year);
        std::map<std::string, bool> in_care;
        for (const auto& e : read_rows(dir / "episodes.csv")) {
            auto decom = care::parse_dmy(e.at("DECOM"));
            auto dec = care::parse_dmy(e.count("DEC") ? e.at("DEC") : "");
            if (e.count("LS") && (e.at("LS") == "V3" || e.at("LS") == "V4")) continue;
            if (decom && *decom <= census && (!dec || *dec > census)) in_care[e.at("CHILD")] = true;
        }
        for (const auto& h : read_rows(dir / "header.csv")) {
            const std::string& child = h.at("CHILD");
            auto dob = care::parse_dmy(h.at("DOB"));
            if (!in_care.count(child) || !dob) continue;
            const int age = care::age_on(*dob, care::make_date(year - 1, 8, 31));
            if (age < 5 || age > 15) continue;
            // Attendance: most near the national rate, a third in a long tail below 90%.
            const int possible = rnd.between(300, 330);
            const double rate = rnd.unit() < 0.27 ? 0.6 + 0.3 * rnd.unit() : 0.9 + 0.095 * rnd.unit();
            const int attended = static_cast<int>(possible * rate);
            const bool suspended = rnd.unit() < 0.10;
            const bool excluded = rnd.unit() < 0.005;
            const bool moved = rnd.unit() < 0.08;
            // PEPs: most in the six months to 31 March, some older.
            const care::Date pep = rnd.unit() < 0.85 ? care::make_date(year - 1, 10, 1) + std::chrono::days(rnd.between(0, 180))
                                                     : care::make_date(year - 1, 4, 1) + std::chrono::days(rnd.between(0, 180));
            std::string ks2 = ",,", a8, em4;
            if (age == 10) {
                bool all = rnd.unit() < 0.35;
                bool r = all || rnd.unit() < 0.5, w = all || rnd.unit() < 0.4, m = all || rnd.unit() < 0.45;
                if (!all && r && w && m) m = false;
                ks2 = fmt::format("{},{},{}", r ? "Y" : "N", w ? "Y" : "N", m ? "Y" : "N");
            }
            if (age == 15) {
                double score = 2.0 + 12.0 * (rnd.unit() + rnd.unit() + rnd.unit());   // mean 20
                a8 = fmt::format("{:.1f}", score);
                em4 = (score >= 31 || rnd.unit() < 0.06) ? "Y" : "N";
            }
            const std::string upn = h.count("UPN") ? h.at("UPN") : "";
            const std::string urn = std::to_string(100000 + rnd.between(0, 49999));
            auto line = [&](const std::string& school, care::Date start, int poss, int att, bool last) {
                out << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", child, upn,
                                   academic_year_label(year), school, dmy(start), poss, att,
                                   last && suspended ? std::to_string(rnd.between(1, 3)) : "0",
                                   last && suspended ? fmt::format("{:.1f}", 0.5 * rnd.between(1, 10)) : "0",
                                   last && excluded ? "1" : "0", last ? ks2 : ",,", last ? a8 : "",
                                   last ? em4 : "", last ? dmy(pep) : "");
            };
            if (moved) {
                const int first = possible * 4 / 10;
                const int first_attended = attended * 4 / 10;
                line(urn, academic_year_start(year), first, first_attended, false);
                line(std::to_string(100000 + rnd.between(50000, 99999)), care::make_date(year, 1, 6), possible - first,
                     attended - first_attended, true);
            } else {
                line(urn, academic_year_start(year), possible, attended, true);
            }
        }
    }
    if (!out) throw std::runtime_error("cannot write " + out_csv.string());
}

}  // namespace corparent::education
