// The education file: a Virtual School's export, one row per child, academic year and school
// (docs/education.md). A CSV file (UTF-8, RFC 4180, a header row); headings in any case, with spaces,
// hyphens or underscores. A row with a bad value is kept: the bad field is stored as missing, the row
// verbatim beside it, and a finding names the file, row, column and rule (EDU-...). A file that cannot
// be read as an education file (not UTF-8, an unknown heading, no header) is refused whole.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "ssda903/finding.h"
#include "store/database.h"
#include "store/education.h"

namespace corparent::education {

struct EducationFile {
    bool refused = false;                        // nothing is taken from it
    std::vector<store::EducationRecord> rows;    // every data row, in file order
    ssda903::Findings findings;                  // by row
    long rows_read = 0;
};

// Checks the text of a file; the CHILD of a row that gave only a UPN is matched later (match_children).
EducationFile read_education(std::string_view text, const std::string& file_name);

// Gives each row its CHILD from the returns: a row with only a UPN takes the CHILD that UPN belongs to.
// Warnings: a row whose CHILD and UPN match no child of the returns (kept all the same), and a UPN that
// the returns give to another CHILD. `upn_to_child` maps each UPN of the stacked Header to its CHILD;
// `children` holds every CHILD of the returns. Nothing is checked when the returns hold no child.
void match_children(EducationFile& file, const std::map<std::string, std::string>& upn_to_child,
                    const std::set<std::string>& children);

struct EducationImport {
    bool committed = false;       // false: the records held are as they were
    std::set<int> years;          // the academic years replaced
    long long replaced = 0;       // records removed
    EducationFile file;
};

// Reads the file, matches its children against the stacked Header and replaces the academic years it
// holds (every row of them) in one transaction, audited as import.education. Throws std::runtime_error
// when the file cannot be opened.
EducationImport import_education(store::Database& db, const std::filesystem::path& path,
                                 const accounts::Actor& actor);

}  // namespace corparent::education
