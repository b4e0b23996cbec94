// Ofsted's list of children's social care providers in the store: one row per full inspection (or one
// row for a provider not yet inspected), replaced whole by each import.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace corparent::store {

struct OfstedInspectionRow {
    std::string urn;                     // normalised: "SC123456", "1234567"
    std::string provider_type;           // as Ofsted writes it: "Children's home"; "" when not given
    std::string overall_effectiveness;   // Ofsted's words; "" when not yet inspected
    std::string inspection_date;         // ISO 8601; "" when none (stored as NULL)
};

// Replaces every row with `rows`, stamped `imported_at` (ISO 8601). Runs inside the caller's
// transaction. Returns how many rows there were before.
long long replace_ofsted_inspections(Database& db, const std::vector<OfstedInspectionRow>& rows,
                                     const std::string& imported_at);

// By URN, then inspection date (none first).
std::vector<OfstedInspectionRow> load_ofsted_inspections(Database& db);
// When the list held was imported; nullopt when none is.
std::optional<std::string> ofsted_inspections_imported_at(Database& db);

}  // namespace corparent::store
