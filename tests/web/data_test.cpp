// Returns in the browser: the imports, each year's findings, and uploading a return (CSV files or a zip)
// that imports in the background with its progress.
#include <gtest/gtest.h>
#include <zip.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "ssda903/synth.h"
#include "web/multipart.h"
#include "web_fixture.h"

using namespace corparent;
using accounts::Role;
namespace fs = std::filesystem;

namespace {

const char* kBoundary = "----corparentTestBoundary";

std::string multipart(const std::vector<web::Part>& parts) {
    std::string body;
    for (const auto& p : parts) {
        body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
        if (!p.filename.empty()) body += "; filename=\"" + p.filename + "\"\r\nContent-Type: application/octet-stream";
        body += "\r\n\r\n" + p.content + "\r\n";
    }
    return body + "--" + kBoundary + "--\r\n";
}

web::Response upload(test_support::WebFixture& w, const std::string& token, const std::vector<web::Part>& parts) {
    web::Request r;
    r.method = "POST";
    r.path = "/data/upload";
    r.content_type = std::string("multipart/form-data; boundary=") + kBoundary;
    r.body = multipart(parts);
    r.cookies["corparent_session"] = token;
    r.address = w.address;
    return w.app.handle(r, *w.db, w.now);
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Waits for the background import and returns its finished page.
web::Response finished_job(test_support::WebFixture& w, const std::string& token, const std::string& location) {
    for (int i = 0; i < 200; ++i) {
        auto json = w.get(location + ".json", token);
        if (json.body.find("\"finished\":true") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return w.get(location, token);
}

class DataPages : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("corparent_data_" + std::to_string(::getpid()));
        ssda903::synthesize({dir_, 200, 2025, 2025, 3});
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }
    std::vector<web::Part> return_parts(const std::string& csrf) {
        std::vector<web::Part> parts{{"csrf", "", csrf}, {"year", "", "2025"}};
        for (const auto& e : fs::directory_iterator(dir_ / "2025"))
            parts.push_back({"files", "", ""}), parts.back().filename = e.path().filename().string(), parts.back().content = read(e.path());
        return parts;
    }
    static fs::path dir_;
    test_support::WebFixture w;
};
fs::path DataPages::dir_;

}  // namespace

TEST(Multipart, ReadsFieldsAndFiles) {
    auto parts = web::parse_multipart(std::string("multipart/form-data; boundary=") + kBoundary,
                                      multipart({{"year", "", "2025"}, {"files", "a.csv", "x,y\r\n1,2\r\n"}}));
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ((*parts)[0].name, "year");
    EXPECT_EQ((*parts)[0].content, "2025");
    EXPECT_EQ((*parts)[1].filename, "a.csv");
    EXPECT_EQ((*parts)[1].content, "x,y\r\n1,2\r\n");
    EXPECT_FALSE(web::parse_multipart("multipart/form-data; boundary=other", multipart({{"a", "", "b"}})));
    EXPECT_FALSE(web::parse_multipart("text/plain", "anything"));
    EXPECT_FALSE(web::parse_multipart(std::string("multipart/form-data; boundary=") + kBoundary, "--" + std::string(kBoundary) + "\r\nno end"));
}

TEST_F(DataPages, AnAnalystUploadsAReturnAndReadsItsFindings) {
    std::string token = w.signed_in(Role::Analyst);
    auto res = upload(w, token, return_parts(w.csrf(token)));
    ASSERT_EQ(res.status, 303) << res.body.substr(0, 2000);
    std::string location = test_support::header(res, "Location");
    ASSERT_TRUE(location.starts_with("/data/jobs/"));
    auto done = finished_job(w, token, location);
    EXPECT_NE(done.body.find("Imported"), std::string::npos) << done.body.substr(done.body.find("<main"), 1500);
    auto index = w.get("/data", token);
    EXPECT_NE(index.body.find("href=\"/data/2025\""), std::string::npos);
    auto findings = w.get("/data/2025?severity=warning", token);
    EXPECT_EQ(findings.status, 200);
    store::AuditFilter f;
    f.action = "import.upload";
    EXPECT_EQ(store::count_audit(*w.db, f), 1);
    f.action = "view.findings";
    EXPECT_EQ(store::count_audit(*w.db, f), 1);
}

TEST_F(DataPages, AZipOfTheFilesWorksToo) {
    std::string token = w.signed_in(Role::Admin);
    fs::path zip_path = fs::temp_directory_path() / ("corparent_upload_" + std::to_string(::getpid()) + ".zip");
    int error = 0;
    zip_t* z = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_TRUE(z);
    std::vector<std::string> contents;
    for (const auto& e : fs::directory_iterator(dir_ / "2025")) contents.push_back(read(e.path()));
    std::size_t i = 0;
    for (const auto& e : fs::directory_iterator(dir_ / "2025")) {
        zip_source_t* src = zip_source_buffer(z, contents[i].data(), contents[i].size(), 0);
        zip_file_add(z, ("return/" + e.path().filename().string()).c_str(), src, ZIP_FL_OVERWRITE);
        ++i;
    }
    ASSERT_EQ(zip_close(z), 0);
    auto res = upload(w, token, {{"csrf", "", w.csrf(token)}, {"year", "", "2025"}, {"files", "return.zip", read(zip_path)}});
    fs::remove(zip_path);
    ASSERT_EQ(res.status, 303);
    auto done = finished_job(w, token, test_support::header(res, "Location"));
    EXPECT_NE(done.body.find("Imported"), std::string::npos);
}

TEST_F(DataPages, AFileThatIsNoReturnIsRefusedWithAClearMessage) {
    std::string token = w.signed_in(Role::Analyst);
    auto none = upload(w, token, {{"csrf", "", w.csrf(token)}, {"year", "", "2025"}});
    EXPECT_EQ(none.status, 400);
    EXPECT_NE(none.body.find("Select the return&apos;s CSV files, or a zip file of them"), std::string::npos);
    auto text = upload(w, token, {{"csrf", "", w.csrf(token)}, {"year", "", "2025"}, {"files", "notes.txt", "hello"}});
    EXPECT_EQ(text.status, 400);
    EXPECT_NE(text.body.find("notes.txt is not a CSV or zip file"), std::string::npos);
    // A CSV the importer cannot read: the job says why, and nothing changes.
    auto bad = upload(w, token, {{"csrf", "", w.csrf(token)}, {"year", "", "2025"}, {"files", "odd.csv", "A;B\n1;2\n"}});
    ASSERT_EQ(bad.status, 303);
    auto done = finished_job(w, token, test_support::header(bad, "Location"));
    EXPECT_NE(done.body.find("Refused: the database is unchanged"), std::string::npos);
    EXPECT_NE(done.body.find("not separated by commas"), std::string::npos);
}

TEST_F(DataPages, WithoutTheFormsTokenNothingIsUploaded) {
    std::string token = w.signed_in(Role::Analyst);
    auto parts = return_parts("not-the-token");
    EXPECT_EQ(upload(w, token, parts).status, 403);
    EXPECT_EQ(w.get("/data/jobs/unknown", token).status, 404);
    EXPECT_EQ(w.get("/data", w.signed_in(Role::Worker)).status, 403);
}
