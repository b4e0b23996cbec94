#include "cli/findings_output.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/table_export.h"

namespace corparent::cli {
namespace {

std::string where(const ssda903::Finding& f) {
    std::string w = f.file.empty() ? "(return)" : f.file;
    if (f.row) w += fmt::format(" row {}", f.row);
    if (!f.column.empty()) w += " " + f.column;
    return w;
}

}  // namespace

void print_findings_table(std::ostream& out, const ssda903::Findings& findings) {
    std::size_t w = 5;
    for (const auto& f : findings) w = std::max(w, where(f).size());
    w = std::min<std::size_t>(w, 48);
    out << fmt::format("{:<{}}  {:<10}  {:<8}  {}\n", "where", w, "rule", "severity", "message");
    for (const auto& f : findings)
        out << fmt::format("{:<{}}  {:<10}  {:<8}  {}\n", where(f), w, f.rule, ssda903::severity_name(f.severity),
                           f.message);
    out << findings.size() << " findings\n";
}

void print_findings_csv(std::ostream& out, const ssda903::Findings& findings) {
    out << "year,stage,file,table,row,column,rule,severity,message,child\n";
    for (const auto& f : findings)
        out << f.year << ',' << f.stage << ',' << render::csv_text(f.file) << ',' << render::csv_text(f.table) << ',' << f.row << ','
            << render::csv_text(f.column) << ',' << render::csv_text(f.rule) << ',' << ssda903::severity_name(f.severity) << ','
            << render::csv_text(f.message) << ',' << render::csv_text(f.child) << '\n';
}

void print_findings_json(std::ostream& out, const ssda903::Findings& findings) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& f : findings)
        all.push_back({{"year", f.year}, {"stage", f.stage}, {"file", f.file}, {"table", f.table}, {"row", f.row},
                       {"column", f.column}, {"rule", f.rule}, {"severity", ssda903::severity_name(f.severity)},
                       {"message", f.message}, {"child", f.child}});
    out << all.dump(1) << '\n';
}

void print_import_findings(std::ostream& out, const ssda903::Findings& findings, std::string_view errors_meant) {
    long errors = 0, warnings = 0;
    for (const auto& f : findings) (f.severity == ssda903::Severity::Error ? errors : warnings) += 1;
    if (!errors && !warnings) return;
    out << fmt::format("{} error{} ({}) and {} warning{}:\n", errors, errors == 1 ? "" : "s", errors_meant, warnings,
                       warnings == 1 ? "" : "s");
    print_findings_table(out, findings);
}

void print_findings_brief(std::ostream& out, const ssda903::Findings& findings, bool errors_only, int show) {
    std::map<std::pair<std::string, std::string>, int> by_rule;
    for (const auto& f : findings) by_rule[{f.rule, std::string(ssda903::severity_name(f.severity))}]++;
    if (!by_rule.empty()) {
        out << "Findings by rule:";
        for (const auto& [k, n] : by_rule) out << fmt::format(" {} ({}) {};", k.first, k.second, n);
        out << '\n';
    }
    ssda903::Findings shown;
    for (const auto& f : findings)
        if (f.severity == ssda903::Severity::Error) shown.push_back(f);
    if (!errors_only)
        for (const auto& f : findings)
            if (f.severity != ssda903::Severity::Error) shown.push_back(f);
    std::size_t total = shown.size();
    if (shown.size() > static_cast<std::size_t>(std::max(show, 0))) shown.resize(static_cast<std::size_t>(std::max(show, 0)));
    if (shown.empty()) return;
    for (const auto& f : shown)
        out << fmt::format("  {}: [{} {}] {}\n", where(f), f.rule, ssda903::severity_name(f.severity), f.message);
    if (total > shown.size()) out << "  ... and " << total - shown.size() << " more\n";
}

}  // namespace corparent::cli
