// "You said" items in the store: what children said, from which source, the Pledge statements it speaks
// to and the evidence it links to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct EvidenceLinkRow {
    std::string kind, ref;   // "measure" / "survey_indicator" / "document", and the id or title
};

struct YouSaidRow {
    long long id = 0;
    std::string source, source_reference, said_on, words, summary;
    bool consent = false;
    std::optional<long long> meeting_id;   // a Board consultation's meeting
    std::string recorded_by, recorded_at;
    std::vector<std::string> statements;
    std::vector<EvidenceLinkRow> evidence;
};

long long insert_you_said(Database& db, const YouSaidRow& row);   // returns the new id
std::vector<YouSaidRow> load_you_said(Database& db);               // newest first
std::optional<YouSaidRow> find_you_said(Database& db, long long id);

}  // namespace corparent::store
