// The returns: what has been imported, each year's findings (filtered), and uploading a year's return in
// the browser, with its progress while it imports.
#include <fmt/format.h>

#include <chrono>
#include <set>

#include "care/date.h"
#include "render/page.h"
#include "ssda903/stored_findings.h"
#include "ssda903/upload.h"
#include "web/context.h"
#include "web/multipart.h"

namespace corparent::web {
namespace {

constexpr int kPageSize = 100;

Response upload_form(Context& c, const std::string& year, const std::string& error, int status) {
    auto v = c.view("Upload a return", "/data");
    nlohmann::json years = nlohmann::json::array();
    // From next year's return (being prepared) back to 2018-19.
    auto today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    int latest = static_cast<int>(today.year()) + 1;
    for (int y = latest; y >= 2019; --y)
        years.push_back({{"value", std::to_string(y)}, {"label", care::collection_year_label(y) + " (the year to 31 March " + std::to_string(y) + ")"},
                         {"selected", std::to_string(y) == year}});
    v["years"] = years;
    if (!error.empty()) {
        v["files_error"] = error;
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", {{"errors", {{{"field", "files"}, {"message", error}}}}});
    }
    return c.page("data_upload", v, status);
}

}  // namespace

Response data_index(Context& c) {
    auto v = c.view("Returns", "/data");
    nlohmann::json imports = nlohmann::json::array();
    std::set<int> years;
    for (const auto& i : ssda903::import_history(c.db)) {
        imports.push_back({{"year", care::collection_year_label(i.return_year)}, {"year_value", std::to_string(i.return_year)},
                           {"at", i.imported_at}, {"source", i.source}, {"files", std::to_string(i.files)},
                           {"rows", std::to_string(i.rows)}, {"errors", std::to_string(i.errors)},
                           {"warnings", std::to_string(i.warnings)}, {"latest", years.insert(i.return_year).second}});
    }
    v["imports"] = imports;
    v["has_imports"] = !imports.empty();
    return c.page("data", v);
}

Response data_findings(Context& c) {
    int year = 0;
    try {
        year = std::stoi(c.request.path.substr(std::string("/data/").size()));
    } catch (const std::exception&) {
        return error_page(c, 404);
    }
    std::string table = c.request.query_value("table"), rule = c.request.query_value("rule"),
                severity = c.request.query_value("severity");
    auto all = ssda903::stored_findings(c.db, year);
    std::set<std::string> tables, rules;
    std::vector<const ssda903::Finding*> shown;
    for (const auto& f : all) {
        if (!f.table.empty()) tables.insert(f.table);
        rules.insert(f.rule);
        if ((table.empty() || f.table == table) && (rule.empty() || f.rule == rule) &&
            (severity.empty() || ssda903::severity_name(f.severity) == severity))
            shown.push_back(&f);
    }
    // Findings name children (CHILD ids, raw rows): every look is audited.
    accounts::audit(c.db, c.actor(), "view.findings", "return " + std::to_string(year),
                    fmt::format("table={} rule={} severity={}", table, rule, severity));
    int page = 1;
    try {
        page = std::max(1, std::stoi(c.request.query_value("page")));
    } catch (const std::exception&) {
    }
    auto v = c.view("Findings, " + care::collection_year_label(year), "/data");
    v["year_label"] = care::collection_year_label(year);
    v["year"] = std::to_string(year);
    auto options = [](const std::set<std::string>& values, const std::string& selected) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& value : values) out.push_back({{"value", value}, {"selected", value == selected}});
        return out;
    };
    v["tables"] = options(tables, table);
    v["rules"] = options(rules, rule);
    v["severities"] = options({"error", "warning"}, severity);
    v["count"] = std::to_string(shown.size());
    v["count_label"] = shown.size() == 1 ? "finding" : "findings";
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = static_cast<std::size_t>(page - 1) * kPageSize; i < shown.size() && rows.size() < kPageSize; ++i) {
        const auto& f = *shown[i];
        rows.push_back({{"file", f.file.empty() ? "(the return)" : f.file}, {"row", f.row ? std::to_string(f.row) : ""},
                        {"column", f.column}, {"rule", f.rule}, {"severity", std::string(ssda903::severity_name(f.severity))},
                        {"error", f.severity == ssda903::Severity::Error}, {"message", f.message}});
    }
    v["findings"] = rows;
    auto link = [&](int p) {
        return fmt::format("/data/{}?table={}&rule={}&severity={}&page={}", year, url_encode(table), url_encode(rule),
                           url_encode(severity), p);
    };
    if (page > 1 || static_cast<std::size_t>(page) * kPageSize < shown.size()) {
        nlohmann::json pages = nlohmann::json::object();
        if (page > 1) pages["previous"] = link(page - 1);
        if (static_cast<std::size_t>(page) * kPageSize < shown.size()) pages["next"] = link(page + 1);
        v["pages"] = pages;
    }
    return c.page("data_findings", v);
}

Response data_upload_form(Context& c) { return upload_form(c, "", "", 200); }

Response data_upload(Context& c) {
    auto parts = parse_multipart(c.request.content_type, c.request.body);
    if (!parts) return upload_form(c, "", "Select the return's CSV files, or a zip file of them", 400);
    std::vector<ssda903::UploadedFile> files;
    std::string year;
    bool strict = false;
    for (auto& p : *parts) {
        if (p.name == "files") files.push_back({p.filename, std::move(p.content)});
        else if (p.name == "year") year = p.content;
        else if (p.name == "strict") strict = p.content == "yes";
    }
    int y = 0;
    try {
        y = std::stoi(year);
    } catch (const std::exception&) {
    }
    try {
        std::string id = ssda903::start_upload(c.database, y, files, c.session->user.email, strict, c.settings.stacking);
        accounts::audit(c.db, c.actor(), "import.upload", "return " + year, std::to_string(files.size()) + " files");
        return Response::redirect("/data/jobs/" + id);
    } catch (const std::invalid_argument& e) {
        return upload_form(c, year, e.what(), 400);
    }
}

Response data_job(Context& c) {
    std::string rest = c.request.path.substr(std::string("/data/jobs/").size());
    bool json = rest.ends_with(".json");
    std::string id = json ? rest.substr(0, rest.size() - 5) : rest;
    auto job = ssda903::upload_job(c.db, id);
    if (!job) return error_page(c, 404);
    if (json) {
        Response r;
        r.content_type = "application/json";
        r.body = nlohmann::json{{"status", job->status}, {"finished", job->finished}}.dump();
        return r;
    }
    auto v = c.view("Importing the " + care::collection_year_label(job->return_year) + " return", "/data");
    v["id"] = id;
    v["year_label"] = care::collection_year_label(job->return_year);
    v["year"] = std::to_string(job->return_year);
    v["status"] = job->status;
    v["finished"] = job->finished;
    v["committed"] = job->committed;
    v["errors"] = std::to_string(job->errors);
    v["warnings"] = std::to_string(job->warnings);
    nlohmann::json details = nlohmann::json::array();
    std::size_t p = 0;
    while (p < job->detail.size()) {
        std::size_t n = job->detail.find('\n', p);
        details.push_back(job->detail.substr(p, n == std::string::npos ? std::string::npos : n - p));
        p = n == std::string::npos ? job->detail.size() : n + 1;
    }
    v["details"] = details;
    return c.page("data_job", v);
}

}  // namespace corparent::web
