#include "ssda903/importer.h"

#include <algorithm>
#include <csignal>
#include <future>
#include <thread>
#include <cstdlib>
#include <stdexcept>

#include "care/date.h"
#include "ssda903/return_reader.h"
#include "ssda903/stack.h"
#include "store/bulk.h"
#include "store/returns.h"

namespace corparent::ssda903 {
namespace {

void add_findings(store::TextTable& rows, const Findings& findings) {
    for (const auto& f : findings) {
        rows.add(std::to_string(f.year));
        rows.add(f.stage);
        rows.add(f.file);
        rows.add(f.table);
        rows.add(std::to_string(f.row));
        rows.add(f.column);
        rows.add(f.rule);
        rows.add(severity_name(f.severity));
        rows.add(f.message);
        f.child.empty() ? rows.add_null() : rows.add(f.child);
        f.raw.empty() ? rows.add_null() : rows.add(f.raw);
    }
}

std::vector<std::string> field_names(const TableSpec& spec) {
    std::vector<std::string> names;
    for (const auto& f : spec.fields) {
        std::string name(f.name);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        names.push_back(name);
    }
    return names;
}

// Tests prove that a crash mid-import changes nothing by asking the process to die at this point.
void failpoint(const char* name) {
    const char* wanted = std::getenv("CORPARENT_FAILPOINT");
    if (wanted && std::string_view(wanted) == name) std::raise(SIGKILL);
}

}  // namespace

std::string_view severity_name(Severity s) { return s == Severity::Error ? "error" : "warning"; }

namespace {

// The stored rows of every stacked table for the years not in `replaced`.
std::vector<store::TextTable> stored_years(store::Database& db, const std::vector<int>& replaced) {
    std::vector<store::TextTable> loaded;
    for (TableId id : stacked_tables()) {
        const TableSpec& spec = table(id);
        loaded.push_back(store::load_return_rows(db, std::string(spec.store_name), field_names(spec), replaced));
    }
    return loaded;
}

StackedReturns stack(const std::vector<store::TextTable>& stored, const std::vector<ReturnData>& imported,
                     const StackRules& rules) {
    std::vector<RowSources> sources(stacked_tables().size());
    for (std::size_t t = 0; t < stacked_tables().size(); ++t) {
        sources[t].push_back(&stored[t]);
        for (const auto& data : imported)
            if (const ReturnTable* rt = data.find(stacked_tables()[t])) sources[t].push_back(&rt->rows);
    }
    return stack_returns(sources, rules);
}

int save_stacked(store::Database& db, const StackedReturns& stacked, Findings* findings) {
    std::vector<const store::TextTable*> tables;
    for (const auto& t : stacked.tables) tables.push_back(&t);
    store::TextTable stack_findings = store::findings_table();
    add_findings(stack_findings, stacked.findings);
    store::replace_stacked(db, tables, stack_findings);
    if (findings) findings->insert(findings->end(), stacked.findings.begin(), stacked.findings.end());
    return static_cast<int>(std::count_if(stacked.findings.begin(), stacked.findings.end(),
                                          [](const Finding& f) { return f.rule == "STACK-REPAIR"; }));
}

}  // namespace

ImportOutcome import_returns(store::Database& db, const std::vector<ImportRequest>& requests, bool strict,
                             const StackRules& rules, const std::function<void(const std::string&)>& progress) {
    auto say = [&](const std::string& what) {
        if (progress) progress(what);
    };
    say("Reading and checking the files");
    // Returns are read and checked on a second thread, each while the one before it is written.
    std::vector<std::promise<ReturnData>> promised(requests.size());
    std::vector<std::future<ReturnData>> reads;
    for (auto& p : promised) reads.push_back(p.get_future());
    std::thread reader([&] {
        for (std::size_t i = 0; i < requests.size(); ++i) {
            try {
                promised[i].set_value(read_return(requests[i].dir, requests[i].year));
            } catch (...) {
                promised[i].set_exception(std::current_exception());
            }
        }
    });
    struct JoinOnExit {
        std::thread& t;
        ~JoinOnExit() { t.join(); }
    } join{reader};

    ImportOutcome outcome;
    std::vector<int> years;
    for (const auto& r : requests) years.push_back(r.year);
    std::vector<ReturnData> returns;
    bool refuse = false;

    soci::transaction tx(db.session());
    db.claim_write_lock();   // an upload's import runs while the server writes (its audit line, sessions)
    const std::vector<store::TextTable> stored = stored_years(db, years);
    store::TextTable findings = store::findings_table();
    for (std::size_t i = 0; i < requests.size(); ++i) {
        ReturnData data = reads[i].get();
        YearImported year{data.year, data.refused, {}, 0, 0};
        long rows = 0;
        for (const auto& f : data.findings) (f.severity == Severity::Error ? year.errors : year.warnings)++;
        for (const auto& t : data.tables) {
            year.rows[std::string(t.spec->name)] = static_cast<long>(t.rows.rows());
            rows += static_cast<long>(t.rows.rows());
        }
        refuse = refuse || data.refused || (strict && year.errors > 0);
        outcome.findings.insert(outcome.findings.end(), data.findings.begin(), data.findings.end());
        if (!refuse) {   // once refused, the rest is only read, for its findings
            say("Writing the " + care::collection_year_label(data.year) + " return");
            store::delete_return(db, data.year);
            for (const auto& t : data.tables) store::insert_rows(db, t.rows);
            add_findings(findings, data.findings);
            store::record_import(db, {data.year, requests[i].dir.filename().string(),
                                      static_cast<int>(data.tables.size()), rows, year.errors, year.warnings, strict});
        }
        outcome.years.push_back(std::move(year));
        returns.push_back(std::move(data));
    }
    if (refuse) return outcome;   // the transaction rolls back

    say("Stacking the years into one history");
    // Stacking runs on the second thread while the findings are written.
    std::future<StackedReturns> stacking =
        std::async(std::launch::async, [&] { return stack(stored, returns, rules); });
    store::insert_rows(db, findings);
    failpoint("import-before-stack");
    outcome.repaired_episodes = save_stacked(db, stacking.get(), &outcome.findings);
    failpoint("import-before-commit");
    tx.commit();
    outcome.committed = true;
    return outcome;
}

std::vector<ImportRequest> year_folders(const std::filesystem::path& root) {
    if (!std::filesystem::is_directory(root)) throw std::runtime_error(root.string() + ": not a folder");
    std::vector<ImportRequest> out;
    for (const auto& entry : std::filesystem::directory_iterator(root)) {
        std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name.size() != 4 ||
            !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        out.push_back({std::stoi(name), entry.path()});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    if (out.empty()) throw std::runtime_error(root.string() + ": no year folders (such as 2025/) inside");
    return out;
}

}  // namespace corparent::ssda903
