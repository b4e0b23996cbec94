#include "board/pledge.h"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "measures/definitions.h"
#include "store/pledge.h"

namespace corparent::board {
namespace {

Pledge from_row(const store::PledgeVersionRow& r) {
    Pledge p{r.version, r.name, r.adopted, {}};
    for (const auto& s : r.statements) p.statements.push_back({s.statement_id, s.statement, s.commitment, s.evidence});
    return p;
}

}  // namespace

std::vector<std::string> evidence_choices() {
    // The rows a statement can point at: plain measures and the care leavers' and missing groups.
    std::vector<std::string> out;
    for (const auto& d : measures::definitions()) {
        std::string id(d.id);
        if (id.starts_with("cl_")) {
            out.push_back(id + ":17-18");
            out.push_back(id + ":19-21");
        } else if (id.starts_with("missing_")) {
            out.push_back(id + ":M");
            out.push_back(id + ":A");
        } else if (id != "placement_type" && id != "sdq_band") {
            out.push_back(id);
        }
    }
    return out;
}

void seed_pledge(store::Database& db, const std::filesystem::path& data_dir) {
    if (!store::load_pledges(db).empty()) return;
    auto file = data_dir / "pledge.json";
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read the default Pledge");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
        soci::transaction tx(db.session());
        // Two servers starting together on one PostgreSQL must not both seed: the second waits here until
        // the first commits, then finds the Pledge there (the lock goes with the transaction).
        if (db.backend() == store::Backend::Postgres) {
            db.session() << "SELECT pg_advisory_xact_lock(90320002)";
            if (!store::load_pledges(db).empty()) return;
        }
        for (const auto& v : j.at("versions")) {
            store::PledgeVersionRow row{v.at("version").get<int>(), v.at("name").get<std::string>(),
                                        v.at("adopted").get<std::string>(), {}};
            for (const auto& s : v.at("statements")) {
                std::string id = s.at("id").get<std::string>();
                std::vector<std::string> evidence = v.at("evidence").value(id, std::vector<std::string>{});
                row.statements.push_back({id, s.at("statement").get<std::string>(), s.at("commitment").get<std::string>(), evidence});
            }
            store::insert_pledge(db, row);
        }
        tx.commit();
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
}

std::vector<Pledge> pledge_versions(store::Database& db) {
    std::vector<Pledge> out;
    for (const auto& r : store::load_pledges(db)) out.push_back(from_row(r));
    return out;
}

std::optional<Pledge> current_pledge(store::Database& db) {
    auto all = store::load_pledges(db);
    if (all.empty()) return std::nullopt;
    return from_row(all.back());
}

void set_evidence(store::Database& db, const std::string& statement_id, const std::vector<std::string>& measures,
                  const accounts::Actor& actor) {
    auto pledge = current_pledge(db);
    if (!pledge) throw std::invalid_argument("there is no Pledge yet");
    bool known = false;
    for (const auto& s : pledge->statements) known = known || s.id == statement_id;
    if (!known) throw std::invalid_argument("the Pledge has no statement " + statement_id);
    auto choices = evidence_choices();
    std::string list;
    for (const auto& m : measures) {
        if (std::find(choices.begin(), choices.end(), m) == choices.end())
            throw std::invalid_argument("there is no measure " + m);
        list += (list.empty() ? "" : ", ") + m;
    }
    soci::transaction tx(db.session());
    store::replace_evidence(db, pledge->version, statement_id, measures);
    accounts::audit(db, actor, "pledge.evidence", statement_id, list.empty() ? "none" : list);
    tx.commit();
}

}  // namespace corparent::board
