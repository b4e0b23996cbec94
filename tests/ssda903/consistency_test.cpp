// Checks across rows and tables of one return, each with the DfE rule it implements. Each test starts
// from a clean 2024-25 return, breaks one rule once, and expects exactly that finding.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "ssda903/consistency.h"
#include "ssda903/return_reader.h"
#include "return_fixture.h"

using namespace corparent::ssda903;
using namespace corparent::test_support;

namespace {

using Tables = std::map<TableId, std::string>;   // table -> its rows

// A1 in care all year (a placement move on 10/09/2024), B2 a care leaver, C3 adopted in December.
Tables clean_return() {
    return {
        {TableId::Header,
         "A1,M,01/06/2012,WBRI,A123456789012,,\n"
         "B2,F,10/10/2005,BAFR,UN2,0,\n"
         "C3,F,02/02/2018,WBRI,UN1,,\n"},
        {TableId::Episodes,
         "A1,01/05/2024,S,C2,N1,U6,PR1,10/09/2024,X1,CARPL,CV1 2AB,CV3 4CD,\n"   // row 2
         "A1,10/09/2024,P,C2,N1,K2,PR4,,,,CV1 2AB,B12 0AB,SC123456\n"             // row 3
         "C3,01/04/2024,S,E1,N1,A5,PR1,20/12/2024,E11,,CV2 1AA,CV4 8UW,\n"},      // row 4
        {TableId::Reviews, "A1,01/06/2012,15/07/2024,PN1\n"},
        {TableId::Uasc, "A1,M,01/06/2012,\n"},
        {TableId::Oc2, "A1,01/06/2012,12,,0,,1,1,1,0,,\n"},
        {TableId::Oc3, "B2,10/10/2005,YES,F1,U1\n"},
        {TableId::Ad1, "C3,02/02/2018,01/05/2024,01/06/2024,1,2,MF,L11\n"},
        {TableId::PlacedAdoption, "C3,02/02/2018,01/05/2024,,\n"},
        {TableId::PrevPerm, "A1,01/06/2012,Z1,,\n"},
        {TableId::Missing, "A1,01/06/2012,M,01/08/2024,03/08/2024\n"},
        {TableId::SwEpisodes, "A1,01/06/2012,SW123,01/05/2024,,\n"},
    };
}

const std::string kEpisodeA1 = "A1,01/05/2024,S,C2,N1,U6,PR1,10/09/2024,X1,CARPL,CV1 2AB,CV3 4CD,\n";
const std::string kEpisodeA2 = "A1,10/09/2024,P,C2,N1,K2,PR4,,,,CV1 2AB,B12 0AB,SC123456\n";

// The clean return with C3's episode (row 4) replaced.
Tables with_c3_episode(std::string_view episode) {
    Tables t = clean_return();
    t[TableId::Episodes] = kEpisodeA1 + kEpisodeA2 + std::string(episode);
    return t;
}

struct Checked {
    Findings read;            // the value findings of reading the files
    Findings inconsistencies; // what check_consistency added
};

// Reads each table as its usual file of the return for `year`, then checks the return's consistency.
Checked check(const Tables& tables, int year = 2025) {
    ReturnData data;
    data.year = year;
    for (const auto& [id, rows] : tables) read_table_text(table(id).file_name, csv_903(id, rows), year, data);
    Checked out;
    out.read = data.findings;
    check_consistency(data);
    out.inconsistencies.assign(data.findings.begin() + static_cast<std::ptrdiff_t>(out.read.size()), data.findings.end());
    return out;
}

// What check_consistency finds in a return whose values are all valid.
Findings inconsistencies(const Tables& tables, int year = 2025) {
    Checked c = check(tables, year);
    EXPECT_EQ(where(c.read), Places{}) << "the test's return has bad values";
    return c.inconsistencies;
}

}  // namespace

TEST(Consistency, ACleanReturnHasNoFindings) {
    ReturnFolder folder;
    for (const auto& [id, rows] : clean_return()) folder.write(std::string(table(id).file_name), csv_903(id, rows));
    auto data = read_return(folder.path(), 2025);
    EXPECT_FALSE(data.refused);
    EXPECT_EQ(data.tables.size(), 11u);
    EXPECT_EQ(where(data.findings), Places{});
}

// --- Episodes -------------------------------------------------------------------------------------

TEST(Consistency, AnEpisodeCeasingBeforeItStartedBreaksRule356) {
    auto found = inconsistencies(with_c3_episode("C3,01/06/2024,S,E1,N1,A5,PR1,20/05/2024,E11,,CV2 1AA,CV4 8UW,\n"));
    ASSERT_EQ(where(found), Places{"episodes.csv:4:DEC:356"});
    EXPECT_EQ(found[0].child, "C3");
    EXPECT_EQ(found[0].table, "Episodes");
    EXPECT_TRUE(says(found[0].message, "ceased before it started"));
}

TEST(Consistency, ADateCeasedWithoutAReasonBreaksRule148) {
    auto found = inconsistencies(with_c3_episode("C3,01/04/2024,S,E1,N1,A5,PR1,20/12/2024,,,CV2 1AA,CV4 8UW,\n"));
    ASSERT_EQ(where(found), Places{"episodes.csv:4:REC:148"});
    EXPECT_TRUE(says(found[0].message, "must both be given, or both be blank"));
}

TEST(Consistency, AReasonWithoutADateCeasedBreaksRule148) {
    auto found = inconsistencies(with_c3_episode("C3,01/04/2024,S,E1,N1,A5,PR1,,E11,,CV2 1AA,CV4 8UW,\n"));
    ASSERT_EQ(where(found), Places{"episodes.csv:4:DEC:148"});
}

// A DEC that is not a date, or a REC not in the code list, is already a value finding (147, 149): the
// cell is not blank, so rule 148 is not broken (the DfE validator tests for blank, not for valid).
TEST(Consistency, AnInvalidDateCeasedOrReasonIsNotAlsoReportedAsMissing) {
    auto bad_dec = check(with_c3_episode("C3,01/04/2024,S,E1,N1,A5,PR1,31/04/2024,E11,,CV2 1AA,CV4 8UW,\n"));
    EXPECT_EQ(where(bad_dec.read), Places{"episodes.csv:4:DEC:147"});
    EXPECT_EQ(where(bad_dec.inconsistencies), Places{});
    auto bad_rec = check(with_c3_episode("C3,01/04/2024,S,E1,N1,A5,PR1,20/12/2024,E99,,CV2 1AA,CV4 8UW,\n"));
    EXPECT_EQ(where(bad_rec.read), Places{"episodes.csv:4:REC:149"});
    EXPECT_EQ(where(bad_rec.inconsistencies), Places{});
}

TEST(Consistency, ANewEpisodeWhileThePreviousIsOpenBreaksRule142) {
    Tables t = clean_return();
    t[TableId::Episodes] = "A1,01/05/2024,S,C2,N1,U6,PR1,,,,CV1 2AB,CV3 4CD,\n" + kEpisodeA2;
    auto found = inconsistencies(t);
    ASSERT_EQ(where(found), Places{"episodes.csv:2:DEC:142"});
    EXPECT_EQ(found[0].child, "A1");
    EXPECT_TRUE(says(found[0].message, "a new episode has started (row 3) but this one has not ended"));
}

TEST(Consistency, AnEpisodeStartingBeforeThePreviousEndedBreaksRule501) {
    Tables t = clean_return();
    t[TableId::Episodes] = "A1,01/05/2024,S,C2,N1,U6,PR1,15/09/2024,E13,,CV1 2AB,CV3 4CD,\n" + kEpisodeA2;
    auto found = inconsistencies(t);
    ASSERT_EQ(where(found), Places{"episodes.csv:3:DECOM:501"});
    EXPECT_TRUE(says(found[0].message, "starts before the previous episode (row 2) ended"));
}

TEST(Consistency, EpisodesAreComparedInDateOrderWhateverTheirRowOrder) {
    Tables t = clean_return();
    t[TableId::Episodes] = kEpisodeA2 + "A1,01/05/2024,S,C2,N1,U6,PR1,15/09/2024,E13,,CV1 2AB,CV3 4CD,\n";
    EXPECT_EQ(where(inconsistencies(t)), Places{"episodes.csv:2:DECOM:501"});
}

TEST(Consistency, AnEpisodeStartingAfterTheCollectionYearBreaksRule354) {
    auto found = inconsistencies(with_c3_episode("C3,01/04/2025,S,E1,N1,A5,PR1,,,,CV2 1AA,CV4 8UW,\n"));
    EXPECT_EQ(where(found), Places{"episodes.csv:4:DECOM:354"});
}

TEST(Consistency, AnEpisodeCeasingAfterTheCollectionYearBreaksRule385) {
    auto found = inconsistencies(with_c3_episode("C3,01/04/2024,S,E1,N1,A5,PR1,01/04/2025,E11,,CV2 1AA,CV4 8UW,\n"));
    EXPECT_EQ(where(found), Places{"episodes.csv:4:DEC:385"});
}

TEST(Consistency, TheLastDayOfTheCollectionYearIsInsideIt) {
    auto found = inconsistencies(with_c3_episode("C3,31/03/2025,S,E1,N1,A5,PR1,31/03/2025,E11,,CV2 1AA,CV4 8UW,\n"));
    EXPECT_EQ(where(found), Places{});
}

// --- Missing --------------------------------------------------------------------------------------

TEST(Consistency, GoingMissingAfterTheCollectionYearBreaksRule570) {
    Tables t = clean_return();
    t[TableId::Missing] = "A1,01/06/2012,M,01/04/2025,\n";
    EXPECT_EQ(where(inconsistencies(t)), Places{"missing.csv:2:MIS_START:570"});
}

TEST(Consistency, ComingBackOutsideTheCollectionYearBreaksRule571) {
    Tables after = clean_return();
    after[TableId::Missing] = "A1,01/06/2012,M,30/03/2025,01/04/2025\n";
    EXPECT_EQ(where(inconsistencies(after)), Places{"missing.csv:2:MIS_END:571"});
    Tables before = clean_return();
    before[TableId::Missing] = "A1,01/06/2012,A,01/03/2024,05/03/2024\n";
    EXPECT_EQ(where(inconsistencies(before)), Places{"missing.csv:2:MIS_END:571"});
}

// --- Child-level tables against Header ------------------------------------------------------------

TEST(Consistency, AChildWithNoHeaderRowBreaksTheTablesIntRule) {
    const std::map<TableId, std::pair<std::string, std::string>> cases = {
        {TableId::Ad1, {"Z9,02/02/2018,01/05/2024,01/06/2024,1,2,MF,L11\n", "INT01"}},
        {TableId::PlacedAdoption, {"Z9,02/02/2018,01/05/2024,,\n", "INT02"}},
        {TableId::Episodes, {"Z9,01/05/2024,S,C2,N1,U6,PR1,,,,CV1 2AB,CV3 4CD,\n", "INT03"}},
        {TableId::Missing, {"Z9,01/06/2012,M,01/08/2024,03/08/2024\n", "INT04"}},
        {TableId::Oc2, {"Z9,01/06/2012,12,,0,,1,1,1,0,,\n", "INT05"}},
        {TableId::Oc3, {"Z9,10/10/2005,YES,F1,U1\n", "INT06"}},
        {TableId::PrevPerm, {"Z9,01/06/2012,Z1,,\n", "INT07"}},
        {TableId::Reviews, {"Z9,01/06/2012,15/07/2024,PN1\n", "INT08"}},
        {TableId::Uasc, {"Z9,M,01/06/2012,\n", "INT09"}},
    };
    for (const auto& [id, row_and_rule] : cases) {
        SCOPED_TRACE(std::string(table(id).name));
        Tables t = clean_return();
        t[id] = row_and_rule.first;
        auto found = inconsistencies(t);
        ASSERT_EQ(where(found), Places{std::string(table(id).file_name) + ":2:CHILD:" + row_and_rule.second});
        EXPECT_EQ(found[0].child, "Z9");
        EXPECT_TRUE(says(found[0].message, "child Z9 has no row in the Header table"));
    }
}

TEST(Consistency, ADateOfBirthDifferentFromTheHeadersBreaksTheTablesIntRule) {
    const std::map<TableId, std::pair<std::string, std::string>> cases = {
        {TableId::Ad1, {"C3,03/02/2018,01/05/2024,01/06/2024,1,2,MF,L11\n", "INT11"}},
        {TableId::PlacedAdoption, {"C3,03/02/2018,01/05/2024,,\n", "INT12"}},
        {TableId::Missing, {"A1,02/06/2012,M,01/08/2024,03/08/2024\n", "INT13"}},
        {TableId::Oc2, {"A1,02/06/2012,12,,0,,1,1,1,0,,\n", "INT14"}},
        {TableId::Oc3, {"B2,11/10/2005,YES,F1,U1\n", "INT15"}},
        {TableId::PrevPerm, {"A1,02/06/2012,Z1,,\n", "INT16"}},
        {TableId::Reviews, {"A1,02/06/2012,15/07/2024,PN1\n", "INT17"}},
        {TableId::Uasc, {"A1,M,02/06/2012,\n", "INT18"}},
    };
    for (const auto& [id, row_and_rule] : cases) {
        SCOPED_TRACE(std::string(table(id).name));
        Tables t = clean_return();
        t[id] = row_and_rule.first;
        auto found = inconsistencies(t);
        ASSERT_EQ(where(found), Places{std::string(table(id).file_name) + ":2:DOB:" + row_and_rule.second});
        EXPECT_TRUE(says(found[0].message, "date of birth differs from the Header's (row "));
    }
}

TEST(Consistency, AChildTwiceInATableOfOneRowPerChildBreaksTheTablesIntRule) {
    Tables header = clean_return();
    header[TableId::Header] += "A1,M,01/06/2012,WBRI,A123456789012,,\n";
    auto found = inconsistencies(header);
    ASSERT_EQ(where(found), Places{"header.csv:5:CHILD:INT32"});
    EXPECT_TRUE(says(found[0].message, "child A1 has more than one Header row"));

    for (auto [id, rule] : {std::pair{TableId::Ad1, "INT31"}, std::pair{TableId::Oc2, "INT33"},
                            std::pair{TableId::Oc3, "INT34"}, std::pair{TableId::PrevPerm, "INT35"},
                            std::pair{TableId::Uasc, "INT36"}}) {
        SCOPED_TRACE(std::string(table(id).name));
        Tables t = clean_return();
        t[id] += t[id];
        EXPECT_EQ(where(inconsistencies(t)), Places{std::string(table(id).file_name) + ":3:CHILD:" + rule});
    }
}

// --- The return as a whole ------------------------------------------------------------------------

TEST(Consistency, ATableOutsideTheYearsItIsCollectedIsAWarningNotARefusal) {
    ReturnFolder folder;
    folder.write("header.csv", csv_903(TableId::Header, "A1,1,01/06/2012,WBRI,A123456789012,,\n"))
        .write("episodes.csv", csv_903(TableId::Episodes, "A1,01/05/2022,S,C2,N1,U6,PR1,,,,CV1 2AB,CV3 4CD,\n"))
        .write("sw_episodes.csv", csv_903(TableId::SwEpisodes, "A1,01/06/2012,SW123,01/05/2022,,\n"));
    auto data = read_return(folder.path(), 2023);
    EXPECT_FALSE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"sw_episodes.csv:0::TABLE-YEAR"});
    EXPECT_EQ(data.findings[0].severity, Severity::Warning);
    EXPECT_TRUE(says(data.findings[0].message, "SWEpisodes is collected from 2023-24"));
    ASSERT_NE(data.find(TableId::SwEpisodes), nullptr);
    EXPECT_EQ(data.find(TableId::SwEpisodes)->rows.rows(), 1u);
}

TEST(Consistency, IsNotCheckedWhenTheReturnIsRefused) {
    ReturnFolder folder;
    folder.write("header.csv", csv_903(TableId::Header, "A1,M,01/06/2012,WBRI,A123456789012,,\n"))
        .write("episodes.csv", csv_903(TableId::Episodes, "Z9,01/05/2024,S,C2,N1,U6,PR1,,,,CV1 2AB,CV3 4CD,\n"))
        .write("notes.csv", "NAME,AGE\n");
    auto data = read_return(folder.path(), 2025);
    EXPECT_TRUE(data.refused);
    EXPECT_EQ(where(data.findings), Places{"notes.csv:1::STRUCTURE"});
}
