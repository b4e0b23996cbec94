// DfE's published figures to set beside a council's own measures: England, the council's region, its
// 10 statistical neighbours and the council's own published figure, read from data/benchmarks (see the
// README there for what each file is and where it came from).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corparent::measures {

enum class Polarity { LowIsGood, HighIsGood, None };

// DfE's statistical neighbour models: "2025" (the default) and "2021" in configuration.
enum class NeighbourModel { May2025, April2021 };

struct PublishedValue {
    std::string shown;             // exactly as DfE published it: "10", "14.9", "c", "k", "x", "z"; empty: no row
    std::optional<double> value;   // DfE's value_numeric; none where shown is a code
};

struct NeighbourFigure {
    std::string la_code, la_name;
    PublishedValue published;
};

struct Benchmarks {
    std::string dfe_measure_id;
    int year = 0;   // year ending 31 March
    PublishedValue england;
    std::string region_name;
    PublishedValue region;
    std::vector<NeighbourFigure> neighbours;   // all 10, in rank order, even when unpublished
    int neighbours_with_value = 0;             // how many had a numeric value
    // Over the neighbours with a value: LAIT shows the mean, DfE's outcomes dashboard the median.
    std::optional<double> neighbours_mean, neighbours_median;
    PublishedValue council;   // the council's own published figure that year
    // Quartile band of the given value among all LAs' values that year, 'A' best by polarity;
    // none for Polarity::None or without a value.
    std::optional<char> band;
};

class BenchmarkData {
public:
    // Reads the CSVs under data_dir (e.g. <repo>/data/benchmarks); throws std::runtime_error naming the
    // file, row and problem if a file is missing or malformed.
    static BenchmarkData load(const std::filesystem::path& data_dir);

    // Figures for DfE's measure_id in `year` for the council `la_code` (3-digit old LA code, "331"), or
    // nullopt if DfE published nothing for that measure and year. `value` is the council's computed
    // value (percent or mean), used for the band. An unknown la_code gives no region or neighbours.
    std::optional<Benchmarks> lookup(std::string_view dfe_measure_id, int year, std::string_view la_code,
                                     NeighbourModel model, std::optional<double> value,
                                     Polarity polarity) const;

    std::vector<int> years(std::string_view dfe_measure_id) const;   // ascending; empty if unknown

    // Empty strings for an unknown code.
    std::string la_name(std::string_view la_code) const;
    std::string region_name(std::string_view la_code) const;
    std::vector<std::string> neighbours(std::string_view la_code, NeighbourModel model) const;   // rank order

private:
    struct Place {
        std::string la_name, region_code, region_name;
    };
    struct Neighbour {
        std::string la_code, la_name;
    };
    // Every geography's published figure for one measure and year.
    struct Figures {
        PublishedValue england;
        std::map<std::string, PublishedValue, std::less<>> regions;   // by region_code
        std::map<std::string, PublishedValue, std::less<>> las;       // by old LA code
        std::vector<double> la_values;                                // numeric LA values, sorted
    };

    std::map<std::string, std::map<int, Figures>, std::less<>> figures_;   // measure_id -> year
    std::map<std::string, Place, std::less<>> places_;                     // old LA code
    std::map<std::string, std::vector<Neighbour>, std::less<>> may2025_, april2021_;
};

}  // namespace corparent::measures
