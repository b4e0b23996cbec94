// The public "You said, We did" log: what children said and what the council did about it, grouped by
// Pledge promise, for anyone to read. Only actions a Board officer published appear, with what was said
// quoted only when the child agreed (else the staff summary), the kind of source and the month: never a
// name, an exact day, the source's details, an owner or anything else that could point to a child.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::board {

struct PublicEntry {
    std::string said;                  // the words when quoted, else the summary
    bool quoted = false;
    std::string source, month;         // "Care Leavers Forum", "May 2026"
    std::vector<std::string> we_did;   // the published sentences, oldest action first
};

struct PublicStatement {
    std::string id, statement;
    std::vector<PublicEntry> entries;  // newest first
};

// Every statement of the current Pledge in order, each with its entries (possibly none).
std::vector<PublicStatement> you_said_we_did(store::Database& db);

}  // namespace corparent::board
