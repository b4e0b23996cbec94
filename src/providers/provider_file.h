// Ofsted's list of children's social care providers and their inspections, as a CSV file: which
// children's homes (and other settings) are rated Outstanding, Good, Requires improvement to be good or
// Inadequate, and when the full inspection that gave the rating took place.
//
// Columns are found by heading, in any order and any case, with spaces, hyphens or underscores; the
// names Ofsted's own files use are accepted (docs/providers.md lists them): URN, provider type, overall
// effectiveness and the date of the full inspection. Other columns (name, local authority, places...)
// are ignored. A provider may have several rows, one per full inspection. Findings name a file, row and
// column with corparent's rules PROV-URN, PROV-RATING, PROV-DATE and PROV-TYPE.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "ssda903/finding.h"
#include "store/database.h"
#include "store/providers.h"

namespace corparent::providers {

// Ofsted's judgements, in the words Ofsted uses; "" for a provider not yet inspected.
inline constexpr std::string_view kOutstanding = "Outstanding";
inline constexpr std::string_view kGood = "Good";
inline constexpr std::string_view kRequiresImprovement = "Requires improvement to be good";
inline constexpr std::string_view kInadequate = "Inadequate";

// A URN as the 903 and Ofsted write it, trimmed, upper-cased and without spaces: "SC123456" or
// "1234567" (up to two letters, then six or seven digits). nullopt when it is not one; "" when blank.
std::optional<std::string> normalise_urn(std::string_view text);

// Ofsted's judgement in Ofsted's words ("requires improvement", "RI", or grades 1-4 too); "" for not yet
// inspected ("", "Not yet inspected", "N/A", "-"); nullopt for anything else.
std::optional<std::string> normalise_rating(std::string_view text);

struct ProviderFile {
    bool refused = false;                          // not readable as Ofsted's list: nothing is taken from it
    std::vector<store::OfstedInspectionRow> rows;  // the good rows, in file order, each inspection once
    ssda903::Findings findings;                    // errors: rows not taken, or why the file was refused; warnings
    long rows_read = 0;                            // data rows, the header not counted
};

// Checks the list's text. A row without a valid URN, with a rating that is not Ofsted's, or with a date
// that is not a day (or no date for a rating) is not taken; nor are two rows for one URN and one day with
// different judgements (which is right is not known).
ProviderFile read_providers(std::string_view text, const std::string& file_name);

struct ProvidersImport {
    bool committed = false;                        // false: the list held is as it was
    long long replaced = 0;                        // how many rows were held before
    ProviderFile file;
};

// Reads the file and, unless it is refused or has no good row, replaces the list held with its good
// rows in one transaction, audited as import.providers. Throws std::runtime_error when the file
// cannot be read.
ProvidersImport import_providers(store::Database& db, const std::filesystem::path& path, const accounts::Actor& actor);

}  // namespace corparent::providers
