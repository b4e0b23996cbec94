// Education records in the store: a Virtual School's per-child rows (attendance, suspensions and
// exclusions, key stage results, personal education plans), one academic year or more per import.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "care/date.h"
#include "store/database.h"

namespace corparent::store {

struct EducationRecord {
    std::optional<int> academic_year;     // the year ending in August: 2025 = 2024/25; none when unreadable
    std::string child;                    // CHILD as the 903 has it; "" when neither CHILD nor UPN matched
    std::string upn;
    std::string school_urn;
    std::optional<care::Date> start_date; // when the child began at this school, if given
    std::optional<int> sessions_possible, sessions_attended;
    std::optional<int> suspensions;
    std::optional<int> suspension_days_tenths;   // days of suspension, in tenths of a day (half days exist)
    std::optional<int> permanent_exclusions;
    std::optional<bool> ks2_reading, ks2_writing, ks2_maths;   // the expected standard met
    std::optional<int> ks4_attainment8_tenths;                 // Attainment 8, in tenths of a point
    std::optional<bool> ks4_english_maths_4;                   // grade 4 or above in English and maths
    std::optional<care::Date> pep_date;                        // the latest personal education plan
    std::string source;                   // the file's name
    long row = 0;                         // its row in the file (the header is row 1)
    std::string raw;                      // the row verbatim
};

struct EducationFinding {
    std::string file;
    long row = 0;
    std::string column, rule, severity, message, child, raw;
};

// Replaces the records of every academic year in `years`, and the rows of `source` whose year could not
// be read, with `records`; and the findings of `source` with `findings`. Runs inside the caller's
// transaction. Returns how many records were removed.
long long replace_education(Database& db, const std::set<int>& years, const std::string& source,
                            const std::vector<EducationRecord>& records, const std::vector<EducationFinding>& findings,
                            const std::string& imported_at);

// Every record, by academic year, source and row.
std::vector<EducationRecord> load_education(Database& db);
// The academic years held, oldest first.
std::vector<int> education_years(Database& db);

}  // namespace corparent::store
