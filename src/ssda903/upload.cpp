#include "ssda903/upload.h"

#include <zip.h>

#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

#include <fmt/chrono.h>

#include "care/date.h"
#include "ssda903/importer.h"

namespace corparent::ssda903 {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxUnzipped = 1ull << 30;   // a zip may not unpack to more than this (zip bombs)

bool ends_with_ci(std::string name, std::string_view suffix) {
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name.ends_with(suffix);
}

// Only the file's own name, so that no uploaded name can reach outside the folder.
std::string safe_name(const std::string& name, std::size_t index) {
    std::string base = fs::path(name).filename().string();
    std::string out;
    for (char c : base) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-') ? c : '_';
    if (out.empty() || out.front() == '.') out = "file";
    return std::to_string(index) + "_" + out;
}

// Every CSV in a zip archive, written into `dir`; the number written.
int unzip_csv(const UploadedFile& file, const fs::path& dir, std::size_t& index) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(file.content.data(), file.content.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) {
        if (source) zip_source_free(source);
        zip_error_fini(&error);
        throw std::invalid_argument(file.name + " is not a zip file that can be read");
    }
    int written = 0;
    std::uint64_t total = 0;
    zip_int64_t entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t st;
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
        std::string name = st.name;
        if (name.ends_with("/") || name.find("__MACOSX") != std::string::npos || !ends_with_ci(name, ".csv")) continue;
        total += st.size;
        if (total > kMaxUnzipped) {
            zip_discard(archive);
            throw std::invalid_argument(file.name + " unpacks to more than 1 GB");
        }
        zip_file_t* entry = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (!entry) continue;
        std::string bytes(static_cast<std::size_t>(st.size), '\0');
        zip_int64_t got = zip_fread(entry, bytes.data(), st.size);
        zip_fclose(entry);
        if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
            zip_discard(archive);
            throw std::invalid_argument(name + " in " + file.name + " cannot be read");
        }
        std::ofstream(dir / safe_name(name, index++), std::ios::binary) << bytes;
        ++written;
    }
    zip_discard(archive);
    return written;
}

// What each running import is doing, in this process. The store holds each job's start and end; the
// steps between are kept here, because SQLite allows no second writer while the import's transaction is
// open (and a job is seen by the server that runs it, where its page is usually asked for).
std::mutex live_lock;
std::map<std::string, std::string> live_status;

void set_live(const std::string& id, const std::optional<std::string>& status) {
    std::lock_guard guard(live_lock);
    if (status) live_status[id] = *status;
    else live_status.erase(id);
}

std::string new_job_id() {
    std::random_device random;
    return fmt::format("{:08x}{:08x}{:08x}{:08x}", random(), random(), random(), random());
}

std::string now_iso() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace

std::string start_upload(const std::string& database, int year, const std::vector<UploadedFile>& files,
                         const std::string& started_by, bool strict, const StackRules& rules) {
    if (year < 2000 || year > 2100) throw std::invalid_argument("Select the year of the return");
    std::vector<const UploadedFile*> chosen;
    for (const auto& f : files)
        if (!f.name.empty() || !f.content.empty()) chosen.push_back(&f);
    if (chosen.empty()) throw std::invalid_argument("Select the return's CSV files, or a zip file of them");
    std::string id = new_job_id();
    fs::path dir = fs::temp_directory_path() / ("corparent-upload-" + id);
    fs::create_directories(dir);
    try {
        std::size_t index = 0;
        int csv = 0;
        for (const auto* f : chosen) {
            if (ends_with_ci(f->name, ".zip")) csv += unzip_csv(*f, dir, index);
            else if (ends_with_ci(f->name, ".csv")) {
                std::ofstream(dir / safe_name(f->name, index++), std::ios::binary) << f->content;
                ++csv;
            } else {
                throw std::invalid_argument(f->name + " is not a CSV or zip file");
            }
        }
        if (csv == 0) throw std::invalid_argument("The zip file holds no CSV files");
    } catch (...) {
        fs::remove_all(dir);
        throw;
    }
    {
        auto db = store::Database::open(database);
        store::insert_import_job(*db, {id, year, started_by, now_iso(), "Waiting to start", "", false, false, 0, 0});
    }
    std::thread([database, year, id, dir, strict, rules] {
        store::ImportJobRow job{id, year, "", "", "", "", false, false, 0, 0};
        try {
            auto db = store::Database::open(database);
            auto outcome = import_returns(*db, {{year, dir}}, strict, rules,
                                          [&](const std::string& what) { set_live(id, what); });
            for (const auto& y : outcome.years) {
                job.errors += y.errors;
                job.warnings += y.warnings;
            }
            job.committed = outcome.committed;
            job.status = outcome.committed ? "Imported" : "Refused: the database is unchanged";
            if (!outcome.committed)
                for (const auto& f : outcome.findings)
                    if (f.severity == Severity::Error && (f.rule == "STRUCTURE" || f.rule == "ENCODING" || f.rule == "CSV" || f.rule == "FILE")) {
                        job.detail += (job.detail.empty() ? "" : "\n") + (f.file.empty() ? std::string("The return") : f.file) +
                                      (f.row ? " row " + std::to_string(f.row) : "") + ": " + f.message;
                    }
            job.finished = true;
            store::update_import_job(*db, job);
        } catch (const std::exception& e) {
            job.finished = true;
            job.status = "Failed: the database is unchanged";
            job.detail = e.what();
            try {
                auto db = store::Database::open(database);
                store::update_import_job(*db, job);
            } catch (...) {
            }
        }
        set_live(id, std::nullopt);
        fs::remove_all(dir);
    }).detach();
    return id;
}

std::optional<store::ImportJobRow> upload_job(store::Database& db, const std::string& id) {
    auto job = store::find_import_job(db, id);
    if (job && !job->finished) {
        std::lock_guard guard(live_lock);
        auto it = live_status.find(id);
        if (it != live_status.end()) job->status = it->second;
    }
    return job;
}

std::vector<store::ImportRow> import_history(store::Database& db) { return store::list_imports(db); }

}  // namespace corparent::ssda903
