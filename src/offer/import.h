// The take-up file: the local offer's take-up exported from a case-management system, one row per
// record (docs/offer.md). A CSV file (UTF-8, RFC 4180, a header row) with the columns CHILD,
// entitlement, status and date, and optionally adviser (the personal adviser's email) and note, in any
// order; headings in any case, with spaces, hyphens or underscores.
//
// A row with a bad value is not stored and a finding names the file, row, column and rule; the good
// rows are stored, all in one transaction. A bad adviser loses only the assignment, not the row. A file
// that cannot be read as a take-up file (not UTF-8, an unknown or missing heading, an unclosed quote)
// is refused whole. Re-importing: a row the store already holds (same CHILD, entitlement, status and
// date) is not stored again, so importing a file twice changes nothing; the adviser a file gives
// replaces the one held.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "care/date.h"
#include "offer/catalogue.h"
#include "ssda903/finding.h"
#include "measures/choices.h"
#include "store/database.h"

namespace corparent::offer {

struct TakeUpFileRow {
    long row = 0;                 // in the file (the header is row 1)
    std::string child, entitlement, status;   // status as an id: "taken_up"
    care::Date date;
    std::string adviser;          // "" when not given or not usable
    std::string note;
};

struct TakeUpFile {
    bool refused = false;
    std::vector<TakeUpFileRow> rows;   // the good rows, in file order
    ssda903::Findings findings;        // by row
    long rows_read = 0;
};

// Checks a file's text against the catalogue; dates after `latest` (today) are refused.
TakeUpFile read_take_up_file(std::string_view text, const std::string& file_name, const Catalogue& catalogue,
                             care::Date latest);

struct TakeUpImport {
    bool committed = false;       // false: nothing was stored
    long stored = 0;              // records added
    long held = 0;                // rows the store held already
    long advisers = 0;            // personal advisers assigned
    TakeUpFile file;
};

// Reads the file, checks each adviser is a worker who can sign in, and stores the good rows in one
// transaction, audited as import.offer. Warnings: a CHILD who is not a child in care or care leaver in
// the returns held (stored all the same), a row held already. Throws std::runtime_error when the file
// cannot be opened.
TakeUpImport import_take_up(store::Database& db, const std::filesystem::path& path, const measures::Choices& choices,
                            const accounts::Actor& actor);

}  // namespace corparent::offer
