// Building 903 returns in tests: the tables' exact column lists (spec/ssda903.md section 1), a
// temporary folder to hold a return's files, and a short form of a finding's place to compare.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "ssda903/finding.h"
#include "ssda903/schema.h"

namespace corparent::test_support {

// Written out here rather than taken from schema.cpp, so that the tests also check the schema.
inline std::string columns_903(ssda903::TableId id) {
    using ssda903::TableId;
    switch (id) {
    case TableId::Header: return "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
    case TableId::Episodes:
        return "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    case TableId::Reviews: return "CHILD,DOB,REVIEW,REVIEW_CODE";
    case TableId::Uasc: return "CHILD,SEX,DOB,DUC";
    case TableId::Oc2:
        return "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
               "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED";
    case TableId::Oc3: return "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM";
    case TableId::Ad1: return "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR";
    case TableId::PlacedAdoption: return "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED";
    case TableId::PrevPerm: return "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM";
    case TableId::Missing: return "CHILD,DOB,MISSING,MIS_START,MIS_END";
    case TableId::SwEpisodes: return "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON";
    case TableId::DoLo: return "CHILD,DOB,DOLO_START,DOLO_END";
    }
    return {};
}

// A table's file: the header line, then `rows` (each ending in a line break).
inline std::string csv_903(ssda903::TableId id, std::string_view rows) {
    return columns_903(id) + "\n" + std::string(rows);
}

// A folder for one return's files, removed with everything in it when the test ends.
class ReturnFolder {
public:
    ReturnFolder() {
        static int n = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("corparent_903_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ReturnFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ReturnFolder(const ReturnFolder&) = delete;
    ReturnFolder& operator=(const ReturnFolder&) = delete;

    const ReturnFolder& write(const std::string& name, std::string_view bytes) const {
        std::ofstream(path_ / name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return *this;
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// "file:row:column:rule", the place and rule of a finding in one string that gtest prints well.
inline std::string where(const ssda903::Finding& f) {
    return f.file + ":" + std::to_string(f.row) + ":" + f.column + ":" + f.rule;
}
inline std::vector<std::string> where(const ssda903::Findings& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(where(f));
    return out;
}
using Places = std::vector<std::string>;

// For EXPECT_TRUE(says(message, "...")): the message holds the text.
inline testing::AssertionResult says(const std::string& message, std::string_view text) {
    if (message.find(text) != std::string::npos) return testing::AssertionSuccess();
    return testing::AssertionFailure() << "the message \"" << message << "\" does not say \"" << text << "\"";
}

}  // namespace corparent::test_support
