// The Pledge: the council's promises to its children in care and care leavers, kept as data and
// versioned (the seeds' seven statements are the current default, the earlier six promises the version
// before), with the measures that evidence each statement, which an administrator can change.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "store/database.h"

namespace corparent::board {

struct Statement {
    std::string id, statement, commitment;
    std::vector<std::string> evidence;   // measure ids: "stability_short", or with a breakdown "cl_eet:19-21"
};

struct Pledge {
    int version = 0;
    std::string name, adopted;
    std::vector<Statement> statements;
};

// Loads data/pledge.json into an empty store (nothing happens when the store has a Pledge already).
// Throws std::runtime_error naming the file and the problem.
void seed_pledge(store::Database& db, const std::filesystem::path& data_dir);

std::vector<Pledge> pledge_versions(store::Database& db);   // oldest first
std::optional<Pledge> current_pledge(store::Database& db);  // the latest version

// Replaces the measures evidencing one statement of the current Pledge. Throws std::invalid_argument for
// an unknown statement or measure.
void set_evidence(store::Database& db, const std::string& statement_id, const std::vector<std::string>& measures,
                  const accounts::Actor& actor);

// Every measure key a statement can be evidenced by ("id" or "id:breakdown"), in the measures' order.
std::vector<std::string> evidence_choices();

}  // namespace corparent::board
