#include "measures/benchmarks.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace corparent::measures {

namespace {

const char* const kFiguresFile = "dfe_cla_benchmarks_all_geographies_long.csv";
const char* const kMay2025File = "statistical_neighbours_all_las_2025model.csv";
const char* const kApril2021File = "statistical_neighbours_all_las_april2021.csv";
constexpr int kNeighbourCount = 10;

// An RFC 4180 file read whole: quoted fields may hold commas, "" and line breaks; CRLF or LF line ends.
// Rows are numbered as a spreadsheet shows them: the header is row 1, a blank line (skipped) is a row,
// a line break inside quotes is not.
class CsvFile {
public:
    explicit CsvFile(std::filesystem::path path) : path_(std::move(path)) {
        std::ifstream in(path_, std::ios::binary);
        if (!in) {
            throw std::runtime_error(fmt::format("{}: cannot open the file", path_.string()));
        }
        text_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (text_.starts_with("\xEF\xBB\xBF")) {
            pos_ = 3;
        }
        if (!next()) {
            fail("the file is empty");
        }
        header_ = fields_;
    }

    bool next() {
        for (;;) {
            if (pos_ >= text_.size()) {
                return false;
            }
            ++row_;
            if (text_[pos_] == '\n') {
                ++pos_;
            } else if (text_.compare(pos_, 2, "\r\n") == 0) {
                pos_ += 2;
            } else {
                break;
            }
        }
        fields_.clear();
        std::string field;
        bool quoted = false;
        while (pos_ < text_.size()) {
            char c = text_[pos_++];
            if (quoted) {
                if (c != '"') {
                    field += c;
                } else if (pos_ < text_.size() && text_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields_.push_back(std::move(field));
                field.clear();
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field += c;
            }
        }
        if (quoted) {
            fail("a quoted field is not closed");
        }
        fields_.push_back(std::move(field));
        if (!header_.empty() && fields_.size() != header_.size()) {
            fail(fmt::format("{} fields where the header has {}", fields_.size(), header_.size()));
        }
        return true;
    }

    // Where a named column is in each row; throws if the header lacks it.
    std::size_t column(std::string_view name) const {
        auto it = std::find(header_.begin(), header_.end(), name);
        if (it == header_.end()) {
            throw std::runtime_error(fmt::format("{}: row 1: no column '{}'", path_.string(), name));
        }
        return static_cast<std::size_t>(it - header_.begin());
    }

    const std::string& operator[](std::size_t column) const { return fields_[column]; }

    [[noreturn]] void fail(std::string_view problem) const {
        throw std::runtime_error(fmt::format("{}: row {}: {}", path_.string(), row_, problem));
    }

private:
    std::filesystem::path path_;
    std::string text_;
    std::size_t pos_ = 0;
    long row_ = 0;
    std::vector<std::string> header_, fields_;
};

int parse_int(const CsvFile& csv, const std::string& text, std::string_view column) {
    int n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        csv.fail(fmt::format("{} '{}' is not a whole number", column, text));
    }
    return n;
}

std::optional<double> parse_number(const CsvFile& csv, const std::string& text, std::string_view column) {
    if (text.empty()) {
        return std::nullopt;
    }
    double x = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(x)) {
        csv.fail(fmt::format("{} '{}' is not a number", column, text));
    }
    return x;
}

// R's default quantile (type 7), as LAIT gets it from quantile(): interpolates between the order
// statistics either side of 1 + (n - 1) p, written as R computes it so that boundaries agree exactly.
double quantile(const std::vector<double>& sorted, double p) {
    double index = (static_cast<double>(sorted.size()) - 1) * p;
    auto lo = static_cast<std::size_t>(std::floor(index));
    auto hi = static_cast<std::size_t>(std::ceil(index));
    double h = index - static_cast<double>(lo);
    if (hi == lo || sorted[hi] == sorted[lo]) {
        return sorted[lo];
    }
    return (1 - h) * sorted[lo] + h * sorted[hi];
}

// DfE LAIT's calculate_quartile_band (R/fn_analysis.R in dfe-analytical-services/
// local-authority-interactive-tool): with Q1, Q2, Q3 the quartiles of every LA's value that year,
// value <= Q1 is the lowest band, <= Q2 the next, <= Q3 the next, above Q3 the highest. Low-is-good
// names them A, B, C, D; high-is-good D, C, B, A, so a high-is-good value exactly on Q3 is B, not A.
// LAIT answers "Error" outside [min, max]; it only bands an LA's published value, which is always
// inside. Ours is the council's own computed value, which need not be, so the end bands are open.
std::optional<char> quartile_band(const std::vector<double>& sorted, double value, Polarity polarity) {
    if (polarity == Polarity::None || sorted.empty()) {
        return std::nullopt;
    }
    int lowest = value <= quantile(sorted, 0.25)   ? 0
                 : value <= quantile(sorted, 0.5)  ? 1
                 : value <= quantile(sorted, 0.75) ? 2
                                                   : 3;
    return polarity == Polarity::LowIsGood ? static_cast<char>('A' + lowest) : static_cast<char>('D' - lowest);
}

}  // namespace

BenchmarkData BenchmarkData::load(const std::filesystem::path& data_dir) {
    BenchmarkData data;

    CsvFile csv(data_dir / kFiguresFile);
    const std::size_t measure_col = csv.column("measure_id"), year_col = csv.column("time_period"),
                      level_col = csv.column("geographic_level"), region_code_col = csv.column("region_code"),
                      region_name_col = csv.column("region_name"), la_code_col = csv.column("old_la_code"),
                      la_name_col = csv.column("la_name"), value_col = csv.column("value"),
                      numeric_col = csv.column("value_numeric");
    std::map<std::string, int, std::less<>> place_year;   // the year each LA's name and region came from
    while (csv.next()) {
        const std::string& measure = csv[measure_col];
        if (measure.empty()) {
            csv.fail("measure_id is empty");
        }
        int year = parse_int(csv, csv[year_col], "time_period");
        PublishedValue published{csv[value_col], parse_number(csv, csv[numeric_col], "value_numeric")};
        Figures& figures = data.figures_[measure][year];
        const std::string& level = csv[level_col];

        auto put = [&](PublishedValue& slot, std::string_view geography) {
            if (!slot.shown.empty()) {
                csv.fail(fmt::format("a second row for {} {} {}", measure, year, geography));
            }
            if (published.shown.empty()) {
                csv.fail("value is empty");
            }
            slot = published;
        };
        if (level == "National") {
            put(figures.england, "England");
        } else if (level == "Regional") {
            const std::string& code = csv[region_code_col];
            if (code.empty()) {
                csv.fail("region_code is empty on a Regional row");
            }
            put(figures.regions[code], code);
        } else if (level == "Local authority") {
            const std::string& code = csv[la_code_col];
            if (code.empty()) {
                csv.fail("old_la_code is empty on a Local authority row");
            }
            put(figures.las[code], code);
            if (published.value) {
                figures.la_values.push_back(*published.value);
            }
            // The latest year names the LA: spellings of a region changed between editions.
            auto [it, first] = place_year.try_emplace(code, year);
            if (first || year >= it->second) {
                it->second = year;
                data.places_[code] = {csv[la_name_col], csv[region_code_col], csv[region_name_col]};
            }
        } else {
            csv.fail(fmt::format("geographic_level '{}' is not National, Regional or Local authority", level));
        }
    }
    for (auto& [measure, by_year] : data.figures_) {
        for (auto& [year, figures] : by_year) {
            std::sort(figures.la_values.begin(), figures.la_values.end());
        }
    }

    auto load_neighbours = [&](const char* file, std::map<std::string, std::vector<Neighbour>, std::less<>>& model) {
        CsvFile sn(data_dir / file);
        const std::size_t la_col = sn.column("la_old_code"), rank_col = sn.column("sn_rank"),
                          code_col = sn.column("sn_old_code"), name_col = sn.column("sn_name");
        while (sn.next()) {
            int rank = parse_int(sn, sn[rank_col], "sn_rank");
            if (rank < 1 || rank > kNeighbourCount) {
                sn.fail(fmt::format("sn_rank {} is not 1 to {}", rank, kNeighbourCount));
            }
            if (sn[la_col].empty() || sn[code_col].empty()) {
                sn.fail("la_old_code or sn_old_code is empty");
            }
            auto& list = model[sn[la_col]];
            list.resize(kNeighbourCount);
            Neighbour& slot = list[static_cast<std::size_t>(rank - 1)];
            if (!slot.la_code.empty()) {
                sn.fail(fmt::format("a second neighbour of rank {} for {}", rank, sn[la_col]));
            }
            slot = {sn[code_col], sn[name_col]};
        }
        for (const auto& [la, list] : model) {
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (list[i].la_code.empty()) {
                    throw std::runtime_error(fmt::format("{}: {} has no neighbour of rank {}",
                                                         (data_dir / file).string(), la, i + 1));
                }
            }
        }
    };
    load_neighbours(kMay2025File, data.may2025_);
    load_neighbours(kApril2021File, data.april2021_);
    return data;
}

std::optional<Benchmarks> BenchmarkData::lookup(std::string_view dfe_measure_id, int year,
                                                std::string_view la_code, NeighbourModel model,
                                                std::optional<double> value, Polarity polarity) const {
    auto measure = figures_.find(dfe_measure_id);
    if (measure == figures_.end()) {
        return std::nullopt;
    }
    auto found = measure->second.find(year);
    if (found == measure->second.end()) {
        return std::nullopt;
    }
    const Figures& figures = found->second;
    auto figure = [](const auto& by_code, std::string_view code) {
        auto it = by_code.find(code);
        return it == by_code.end() ? PublishedValue{} : it->second;
    };

    Benchmarks b;
    b.dfe_measure_id = dfe_measure_id;
    b.year = year;
    b.england = figures.england;
    b.council = figure(figures.las, la_code);
    if (auto place = places_.find(la_code); place != places_.end()) {
        b.region_name = place->second.region_name;
        b.region = figure(figures.regions, place->second.region_code);
    }

    const auto& table = model == NeighbourModel::May2025 ? may2025_ : april2021_;
    std::vector<double> values;
    if (auto list = table.find(la_code); list != table.end()) {
        for (const Neighbour& n : list->second) {
            b.neighbours.push_back({n.la_code, n.la_name, figure(figures.las, n.la_code)});
            if (b.neighbours.back().published.value) {
                values.push_back(*b.neighbours.back().published.value);
            }
        }
    }
    b.neighbours_with_value = static_cast<int>(values.size());
    if (!values.empty()) {
        std::sort(values.begin(), values.end());
        b.neighbours_mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
        b.neighbours_median = quantile(values, 0.5);   // the mean of the middle two for an even count
    }

    if (value && std::isfinite(*value)) {
        b.band = quartile_band(figures.la_values, *value, polarity);
    }
    return b;
}

std::vector<int> BenchmarkData::years(std::string_view dfe_measure_id) const {
    std::vector<int> out;
    if (auto measure = figures_.find(dfe_measure_id); measure != figures_.end()) {
        for (const auto& [year, figures] : measure->second) {
            out.push_back(year);
        }
    }
    return out;
}

std::string BenchmarkData::la_name(std::string_view la_code) const {
    auto place = places_.find(la_code);
    return place == places_.end() ? std::string() : place->second.la_name;
}

std::string BenchmarkData::region_name(std::string_view la_code) const {
    auto place = places_.find(la_code);
    return place == places_.end() ? std::string() : place->second.region_name;
}

std::vector<std::string> BenchmarkData::neighbours(std::string_view la_code, NeighbourModel model) const {
    const auto& table = model == NeighbourModel::May2025 ? may2025_ : april2021_;
    std::vector<std::string> codes;
    if (auto list = table.find(la_code); list != table.end()) {
        for (const Neighbour& n : list->second) {
            codes.push_back(n.la_code);
        }
    }
    return codes;
}

}  // namespace corparent::measures
