// Education: the file's checks, the academic year's boundaries, every measure on a hand-made council
// (numerators and denominators worked in the comments from docs/education.md, not from running the code),
// re-import, and the page for an analyst and a Board member.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../measures/council_fixture.h"
#include "../web/web_fixture.h"
#include "education/academic_year.h"
#include "education/education_file.h"
#include "education/measures.h"
#include "education/synth.h"
#include "ssda903/importer.h"
#include "ssda903/synth.h"

using namespace corparent;
using namespace council_fixture;

namespace {

constexpr const char* kHeader =
    "CHILD,UPN,academic_year,school_urn,start_date,sessions_possible,sessions_attended,suspensions,suspension_days,"
    "permanent_exclusions,ks2_reading,ks2_writing,ks2_maths,ks4_attainment8,ks4_english_maths_4,pep_date\n";

education::EducationFile read(const std::string& rows) { return education::read_education(kHeader + rows, "edu.csv"); }

bool has_finding(const education::EducationFile& f, long row, const std::string& column, const std::string& rule) {
    for (const auto& x : f.findings)
        if (x.row == row && x.column == column && x.rule == rule) return true;
    return false;
}

bool is(const education::EducationMeasures& m, const std::string& id, const std::string& breakdown, long long num,
        long long den) {
    const auto* f = education::find_figure(m, id, breakdown);
    if (!f) return false;
    EXPECT_EQ(f->row.numerator, num) << id << " " << breakdown;
    EXPECT_EQ(f->row.denominator, den) << id << " " << breakdown;
    return f->row.numerator == num && f->row.denominator == den;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
TEST(EducationAcademicYear, RunsFromSeptemberToAugustAndPairsWithThe903YearEndingInIt) {
    EXPECT_EQ(education::academic_year_of(d("31/08/2024")), 2024);   // 2023/24's last day
    EXPECT_EQ(education::academic_year_of(d("01/09/2024")), 2025);   // 2024/25's first
    EXPECT_EQ(education::parse_academic_year("2024/25"), 2025);
    EXPECT_EQ(education::parse_academic_year("2024-25"), 2025);
    EXPECT_FALSE(education::parse_academic_year("2024/26"));
    EXPECT_FALSE(education::parse_academic_year("24/25"));
    EXPECT_EQ(education::academic_year_label(2025), "2024/25");
    // 31 March 2025, the 903 year 2025's last day, falls in academic year 2025.
    EXPECT_EQ(education::academic_year_of(care::year_end(2025)), 2025);
    EXPECT_EQ(education::pep_census(2025), d("31/03/2025"));
}

TEST(EducationFile, ARecordDatedOutsideItsAcademicYearIsFlagged) {
    // Row 2 starts on 31/08/2024: academic year 2023/24, not the 2024/25 it claims; row 3 on 01/09/2024: fine.
    auto f = read("A1,,2024/25,100001,31/08/2024,10,10,,,,,,,,,\n"
                  "A1,,2024/25,100001,01/09/2024,10,10,,,,,,,,,\n");
    ASSERT_FALSE(f.refused);
    EXPECT_TRUE(has_finding(f, 2, "start_date", "EDU-YEAR-DATE"));
    EXPECT_FALSE(has_finding(f, 3, "start_date", "EDU-YEAR-DATE"));
    EXPECT_EQ(f.rows.size(), 2u);
}

TEST(EducationFile, BadValuesAreFindingsAndTheRowIsKept) {
    auto f = read("A1,,2024/26,100001,,300,280,,,,,,,,,\n"          // row 2: bad year
                  "A2,,2024-25,100001,,three hundred,280,1,1.5,0,Y,N,maybe,,,01/02/2025\n"   // row 3
                  ",,2024/25,100001,,300,280,,,,,,,,,\n"            // row 4: neither CHILD nor UPN
                  "A4,,2024/25,100001,,300,310,,,,,,,95,,31/02/2025\n");   // row 5
    ASSERT_FALSE(f.refused);
    ASSERT_EQ(f.rows.size(), 4u);   // nothing lost
    EXPECT_TRUE(has_finding(f, 2, "academic_year", "EDU-YEAR"));
    EXPECT_FALSE(f.rows[0].academic_year);
    EXPECT_EQ(f.rows[0].sessions_attended, 280);   // its good fields kept
    EXPECT_TRUE(has_finding(f, 3, "sessions_possible", "EDU-NUMBER"));
    EXPECT_FALSE(f.rows[1].sessions_possible);
    EXPECT_EQ(f.rows[1].sessions_attended, 280);
    EXPECT_EQ(f.rows[1].suspension_days_tenths, 15);
    EXPECT_TRUE(has_finding(f, 3, "ks2_maths", "EDU-FLAG"));
    EXPECT_EQ(f.rows[1].raw, "A2,,2024-25,100001,,three hundred,280,1,1.5,0,Y,N,maybe,,,01/02/2025");
    EXPECT_TRUE(has_finding(f, 4, "CHILD", "EDU-CHILD"));
    EXPECT_TRUE(has_finding(f, 5, "sessions_attended", "EDU-SESSIONS"));   // 310 of 300
    EXPECT_TRUE(has_finding(f, 5, "ks4_attainment8", "EDU-A8"));
    EXPECT_TRUE(has_finding(f, 5, "pep_date", "EDU-DATE"));
    for (const auto& x : f.findings) EXPECT_EQ(x.file, "edu.csv");
}

TEST(EducationFile, AnUnknownHeadingRefusesTheFile) {
    auto f = education::read_education("child,upn,academic year,school urn,favourite colour\nA1,,2024/25,1,blue\n", "e.csv");
    EXPECT_TRUE(f.refused);
    EXPECT_TRUE(f.rows.empty());
    ASSERT_EQ(f.findings.size(), 1u);
    EXPECT_EQ(f.findings[0].rule, "EDU-FILE");
    EXPECT_EQ(f.findings[0].column, "column 5");
    // Headings in any case, with spaces or hyphens, are known; without CHILD or UPN the file is refused.
    EXPECT_FALSE(education::read_education("Child,Academic-Year,SCHOOL URN\nA1,2024/25,1\n", "e.csv").refused);
    EXPECT_TRUE(education::read_education("academic_year,school_urn\n2024/25,1\n", "e.csv").refused);
    EXPECT_TRUE(education::read_education(std::string("CHILD,academic_year,school_urn\nA\xff,2024/25,1\n"), "e.csv").refused);
}

TEST(EducationFile, AUpnFindsItsChildInTheReturns) {
    auto f = read(",A123456789012,2024/25,1,,,,,,,,,,,,\n"      // row 2: UPN only, known -> CHILD E
                  "Z9,,2024/25,1,,,,,,,,,,,,\n"                 // row 3: unknown CHILD: kept, warned
                  "B,A123456789012,2024/25,1,,,,,,,,,,,,\n");   // row 4: the UPN is E's, CHILD says B
    education::match_children(f, {{"A123456789012", "E"}}, {"B", "E"});
    EXPECT_EQ(f.rows[0].child, "E");
    EXPECT_TRUE(has_finding(f, 3, "CHILD", "EDU-CHILD-UNKNOWN"));
    EXPECT_EQ(f.rows[1].child, "Z9");
    EXPECT_TRUE(has_finding(f, 4, "UPN", "EDU-UPN-CHILD"));
    EXPECT_EQ(f.rows[2].child, "B");
}

// ---------------------------------------------------------------------------------------------------
// Academic year 2025 (2024/25), 903 year 2025 (to 31/03/2025). Ages for the year group at 31/08/2024.
TEST(EducationMeasures, EveryMeasureByHand) {
    std::vector<ChildSpec> kids = {
        child("A", "01/06/2012", in_care_since("01/01/2020", "U4")),   // 12; 10-15 at 31 March; foster
        child("B", "01/06/2012", in_care_since("01/01/2020", "K2")),   // 12; children's home
        child("C", "01/06/2012", in_care_since("01/01/2020", "U4")),   // 12
        child("D", "15/05/2014", in_care_since("01/01/2019", "U4")),   // 10: year 6
        child("E", "01/01/2014", in_care_since("01/01/2019", "U4")),   // 10: year 6
        child("F", "01/03/2009", in_care_since("01/01/2019", "U4")),   // 15: year 11; 16 at 31 March
        child("G", "01/03/2009", in_care_since("01/06/2024", "U4")),   // 15, in care under 12 months
        child("H", "01/06/2012", in_care_since("01/01/2020", "U4")),   // a record for 2023/24 only
    };
    auto council = build_council(kids, {}, 2025, {});
    auto f = read(
        "A,,2024/25,100001,01/09/2024,300,290,1,2,0,,,,,,15/01/2025\n"
        // B: two schools: 80 of 100, then 170 of 200 from January: 250 of 300, moved mid-year.
        "B,,2024/25,100001,01/09/2024,100,80,0,0,1,,,,,,\n"
        "B,,2024/25,100002,06/01/2025,200,170,0,0,0,,,,,,10/09/2024\n"
        "C,,2024/25,100003,,,,,,,,,,,,31/03/2025\n"                   // no sessions recorded
        "D,,2024/25,100004,,300,300,,,,Y,Y,N,,,\n"
        ",A123456789012,2024/25,100004,,300,270,,,,Y,Y,Y,,,\n"        // E by UPN: exactly 90%
        "F,,2024/25,100005,,300,240,,,,,,,25.5,Y,\n"
        "G,,2024/25,100005,,300,100,,,,,,,14,N,01/11/2024\n"
        "H,,2023/24,100001,,300,100,3,,,,,,,,01/03/2024\n");
    education::match_children(f, {{"A123456789012", "E"}}, {"A", "B", "C", "D", "E", "F", "G", "H"});
    auto m = education::compute_education(council, {}, f.rows, 2025);
    // Cohort (12 months at 31/03/2025, school age, a 2024/25 record): A B C D E F. G began 01/06/2024; H has
    // no 2024/25 record.
    // Attendance: A 290/300, B 250/300, D 300/300, E 270/300, F 240/300 (C none) = 1350 / 1500 = 90.0%.
    EXPECT_TRUE(is(m, "edu_attendance", "", 1350, 1500));
    EXPECT_EQ(education::value_of(*education::find_figure(m, "edu_attendance")), 90.0);
    EXPECT_EQ(education::find_figure(m, "edu_attendance")->children, 5);
    // Persistent absence, below 90%: B 83.3%, F 80%; E at exactly 90% is not: 2 of 5.
    EXPECT_TRUE(is(m, "edu_persistent_absence", "", 2, 5));
    // Suspended: A: 1 of 6 (C with no figures counts as none).
    EXPECT_TRUE(is(m, "edu_suspension", "", 1, 6));
    // Permanently excluded: B: 1 of 6.
    EXPECT_TRUE(is(m, "edu_permanent_exclusion", "", 1, 6));
    // Changed school between September and July: B: 1 of 6.
    EXPECT_TRUE(is(m, "edu_school_moves", "", 1, 6));
    // PEP (any length of care at 31/03/2025: adds G): 7; dated 01/10/2024..31/03/2025: A, C, G = 3.
    // B's 10/09/2024 is too old.
    EXPECT_TRUE(is(m, "edu_pep", "", 3, 7));
    // KS2 (year 6: D, E): E met all three: 1 of 2.
    EXPECT_TRUE(is(m, "edu_ks2_rwm", "", 1, 2));
    // KS4 (year 11, 12 months: F alone): Attainment 8 25.5 = 255 tenths over 10; grade 4+: 1 of 1.
    EXPECT_TRUE(is(m, "edu_ks4_attainment8", "", 255, 10));
    EXPECT_EQ(education::value_of(*education::find_figure(m, "edu_ks4_attainment8")), 25.5);
    EXPECT_TRUE(is(m, "edu_ks4_em4", "", 1, 1));
    // Breakdowns at 31 March: suspension's A B C D E are 10-15, F is 16; B is in a children's home.
    EXPECT_TRUE(is(m, "edu_suspension", "age:10-15", 1, 5));
    EXPECT_TRUE(is(m, "edu_suspension", "age:16 and over", 0, 1));
    EXPECT_TRUE(is(m, "edu_suspension", "placement:foster", 1, 5));
    EXPECT_TRUE(is(m, "edu_suspension", "placement:childrens_homes", 0, 1));
    // 2023/24: H alone is in care then with a record; school age 11: attendance 100/300.
    auto before = education::compute_education(council, {}, f.rows, 2024);
    EXPECT_TRUE(is(before, "edu_attendance", "", 100, 300));
    EXPECT_TRUE(is(before, "edu_suspension", "", 1, 1));
}

TEST(EducationMeasures, AMoveInAugustIsNotMidYear) {
    std::vector<ChildSpec> kids = {child("A", "01/06/2012", in_care_since("01/01/2020"))};
    auto council = build_council(kids, {}, 2025, {});
    auto f = read("A,,2024/25,100001,01/09/2024,300,290,,,,,,,,,\n"
                  "A,,2024/25,100002,15/08/2025,0,0,,,,,,,,,\n");
    auto m = education::compute_education(council, {}, f.rows, 2025);
    EXPECT_TRUE(is(m, "edu_school_moves", "", 0, 1));
}

TEST(EducationMeasures, DisclosureCountsChildrenNotSessions) {
    std::vector<ChildSpec> kids = {child("A", "01/06/2012", in_care_since("01/01/2020"))};
    auto council = build_council(kids, {}, 2025, {});
    auto m = education::compute_education(council, {}, read("A,,2024/25,1,,300,290,,,,,,,,,\n").rows, 2025);
    education::control_disclosure(m, {});
    // One child: 290 of 300 sessions, but about one child: c.
    EXPECT_TRUE(education::find_figure(m, "edu_attendance")->suppressed);
    EXPECT_FALSE(education::value_of(*education::find_figure(m, "edu_attendance")));
}

// ---------------------------------------------------------------------------------------------------
TEST(EducationImport, ReimportingAYearReplacesIt) {
    test_support::WebFixture w;
    auto path = std::filesystem::temp_directory_path() / ("corparent_edu_" + std::to_string(::getpid()) + ".csv");
    auto write = [&](const std::string& rows) { std::ofstream(path) << kHeader << rows; };
    write("A,,2024/25,1,,300,290,,,,,,,,,\nB,,2024/25,1,,300,290,,,,,,,,,\nC,,2023/24,1,,300,290,,,,,,,,,\n");
    auto first = education::import_education(*w.db, path, {"test", "local"});
    ASSERT_TRUE(first.committed);
    EXPECT_EQ(store::load_education(*w.db).size(), 3u);
    write("A,,2024/25,2,,300,200,,,,,,,,,\n");
    auto second = education::import_education(*w.db, path, {"test", "local"});
    ASSERT_TRUE(second.committed);
    EXPECT_EQ(second.replaced, 2);   // 2024/25's two rows; 2023/24 untouched
    auto held = store::load_education(*w.db);
    ASSERT_EQ(held.size(), 2u);
    EXPECT_EQ(held[0].academic_year, 2024);
    EXPECT_EQ(held[1].sessions_attended, 200);
    // A refused file changes nothing.
    std::ofstream(path) << "CHILD,colour\nA,blue\n";
    EXPECT_FALSE(education::import_education(*w.db, path, {"test", "local"}).committed);
    EXPECT_EQ(store::load_education(*w.db).size(), 2u);
    std::filesystem::remove(path);
}

TEST(EducationPage, AnAnalystSeesTheFiguresAndABoardMemberSeesCForSmallGroups) {
    test_support::WebFixture w;
    auto dir = std::filesystem::temp_directory_path() / ("corparent_edu_page_" + std::to_string(::getpid()));
    ssda903::synthesize({dir, 400, 2023, 2025, 7});
    ASSERT_TRUE(ssda903::import_returns(*w.db, ssda903::year_folders(dir), false).committed);
    education::write_education(dir, dir / "education.csv", 7);
    auto imported = education::import_education(*w.db, dir / "education.csv", {"test", "local"});
    ASSERT_TRUE(imported.committed);
    EXPECT_EQ(imported.years, (std::set<int>{2023, 2024, 2025}));

    auto analyst = w.get("/education", w.signed_in(accounts::Role::Analyst));
    EXPECT_EQ(analyst.status, 200);
    EXPECT_NE(analyst.body.find("School attendance"), std::string::npos);
    EXPECT_NE(analyst.body.find("2024/25"), std::string::npos);
    EXPECT_NE(analyst.body.find("role=\"img\""), std::string::npos);
    EXPECT_EQ(analyst.body.find(">c<"), std::string::npos);
    EXPECT_EQ(analyst.body.find("style="), std::string::npos);
    auto board = w.get("/education?year=2024", w.signed_in(accounts::Role::BoardMember));
    EXPECT_EQ(board.status, 200);
    EXPECT_NE(board.body.find("2023/24"), std::string::npos);
    EXPECT_NE(board.body.find(">c<"), std::string::npos);   // small groups, e.g. year 6 in a children's home
    EXPECT_EQ(w.get("/education?year=1999", w.signed_in(accounts::Role::Analyst)).status, 404);
    std::filesystem::remove_all(dir);
}
