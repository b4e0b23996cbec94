// Reading one year's return from a folder of CSV files. A structure problem refuses the return; a bad
// value is a finding and is stored as null while the rest of its row is kept. Every finding names
// file, row (header = 1) and column and says what was expected.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "ssda903/return_reader.h"
#include "return_fixture.h"

using namespace corparent::ssda903;
using namespace corparent::test_support;

namespace {

// A 2024-25 return: three children, one episode each.
const std::string kHeaderA = "A1,M,01/06/2012,WBRI,A123456789012,,\n";
const std::string kHeaderB = "B2,F,15/02/2010,AIND,UN4,0,\n";
const std::string kHeaderC = "C3,U,29/02/2016,BAFR,UN1,,\n";
const std::string kEpisodeA = "A1,01/05/2024,S,C2,N1,U6,PR1,,,,CV1 2AB,CV3 4CD,\n";
const std::string kEpisodeB = "B2,01/06/2024,S,V2,N4,U4,PR4,01/09/2024,E13,,CV2 1AA,B12 0AB,\n";
const std::string kEpisodeC = "C3,15/07/2024,S,C1,N2,K2,PR1,,,,CV4 7AL,CV5 6PP,SC123456\n";

using Files = std::map<std::string, std::string>;   // file name -> bytes

Files valid_return() {
    return {{"header.csv", csv_903(TableId::Header, kHeaderA + kHeaderB + kHeaderC)},
            {"episodes.csv", csv_903(TableId::Episodes, kEpisodeA + kEpisodeB + kEpisodeC)}};
}

ReturnData read(const Files& files, int year = 2025) {
    ReturnFolder folder;
    for (const auto& [name, bytes] : files) folder.write(name, bytes);
    return read_return(folder.path(), year);
}

// One table's rows read alone as a file of the return for `year`: value checks only.
ReturnData read_table(TableId id, std::string_view rows, int year) {
    ReturnData out;
    out.year = year;
    read_table_text(table(id).file_name, csv_903(id, rows), year, out);
    return out;
}

// `text` with its one `from` replaced by `to`.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from << " is not in " << text;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

std::string crlf(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
}

// The stored value of `column` in row `row` (0-based) of table `id`.
std::optional<std::string> stored(const ReturnData& data, TableId id, std::size_t row, std::string_view column) {
    const ReturnTable* t = data.find(id);
    if (!t || row >= t->rows.rows()) {
        ADD_FAILURE() << "no row " << row << " in " << table(id).name;
        return std::nullopt;
    }
    int field = field_index(*t->spec, column);
    EXPECT_GE(field, 0) << column;
    auto v = t->value(row, field);
    return v ? std::optional<std::string>(*v) : std::nullopt;
}

std::size_t row_count(const ReturnData& data, TableId id) {
    const ReturnTable* t = data.find(id);
    return t ? t->rows.rows() : 0;
}

}  // namespace

// --- A valid return -------------------------------------------------------------------------------

TEST(ReturnReader, ReadsAValidReturnWithoutFindings) {
    auto data = read(valid_return());
    EXPECT_FALSE(data.refused);
    EXPECT_EQ(where(data.findings), Places{});
    EXPECT_EQ(data.year, 2025);
    ASSERT_EQ(data.tables.size(), 2u);
    EXPECT_EQ(row_count(data, TableId::Header), 3u);
    EXPECT_EQ(row_count(data, TableId::Episodes), 3u);
    EXPECT_EQ(data.find(TableId::Header)->file, "header.csv");
    EXPECT_EQ(data.find(TableId::Header)->row_of, (std::vector<std::size_t>{2, 3, 4}));
}

TEST(ReturnReader, StoresTheReturnYearTheRowAndEveryFieldInSchemaOrder) {
    auto data = read(valid_return());
    const ReturnTable* header = data.find(TableId::Header);
    ASSERT_NE(header, nullptr);
    EXPECT_EQ(header->rows.columns(),
              (std::vector<std::string>{"return_year", "row_no", "child", "sex", "dob", "ethnic", "upn", "mother", "mc_dob"}));
    EXPECT_EQ(header->rows.get(0, 0), "2025");
    EXPECT_EQ(header->rows.get(1, 1), "3");
    EXPECT_EQ(stored(data, TableId::Header, 1, "CHILD"), "B2");
    EXPECT_EQ(stored(data, TableId::Header, 1, "SEX"), "F");
    EXPECT_EQ(stored(data, TableId::Header, 1, "MOTHER"), "0");
    EXPECT_EQ(stored(data, TableId::Header, 0, "MOTHER"), std::nullopt);   // blank is null
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "DEC"), "2024-09-01");
    EXPECT_EQ(stored(data, TableId::Episodes, 2, "URN"), "SC123456");
}

TEST(ReturnReader, StoresDatesAsIsoAndCodesUpperCasedAndTrimmed) {
    Files files = valid_return();
    files["header.csv"] = csv_903(TableId::Header, " a1 , m ,1/6/2012, wbri ,a123456789012,\t,\n");
    files["episodes.csv"] = csv_903(TableId::Episodes, "a1, 01/05/2024 ,s,c2,n1,u6,pr1,,,, cv1 2ab ,cv3 4cd,\n");
    auto data = read(files);
    EXPECT_EQ(where(data.findings), Places{});
    EXPECT_EQ(stored(data, TableId::Header, 0, "CHILD"), "A1");
    EXPECT_EQ(stored(data, TableId::Header, 0, "SEX"), "M");
    EXPECT_EQ(stored(data, TableId::Header, 0, "DOB"), "2012-06-01");
    EXPECT_EQ(stored(data, TableId::Header, 0, "ETHNIC"), "WBRI");
    EXPECT_EQ(stored(data, TableId::Header, 0, "UPN"), "A123456789012");
    EXPECT_EQ(stored(data, TableId::Header, 0, "MOTHER"), std::nullopt);
    EXPECT_EQ(stored(data, TableId::Episodes, 0, "DECOM"), "2024-05-01");
    EXPECT_EQ(stored(data, TableId::Episodes, 0, "PLACE"), "U6");
    EXPECT_EQ(stored(data, TableId::Episodes, 0, "HOME_POST"), "CV1 2AB");
}

TEST(ReturnReader, RecognisesATableByItsHeaderWhateverTheFileNameAndColumnOrder) {
    Files files;
    files["children in care.CSV"] = "upn,mc_dob,Dob,Child,SEX,ETHNIC,MOTHER\nA123456789012,,01/06/2012,A1,M,WBRI,\n";
    files["eps_2025.csv"] = csv_903(TableId::Episodes, kEpisodeA);
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    EXPECT_EQ(where(data.findings), Places{});
    ASSERT_NE(data.find(TableId::Header), nullptr);
    EXPECT_EQ(data.find(TableId::Header)->file, "children in care.CSV");
    EXPECT_EQ(data.find(TableId::Episodes)->file, "eps_2025.csv");
    EXPECT_EQ(stored(data, TableId::Header, 0, "CHILD"), "A1");
    EXPECT_EQ(stored(data, TableId::Header, 0, "DOB"), "2012-06-01");
    EXPECT_EQ(stored(data, TableId::Header, 0, "UPN"), "A123456789012");
}

// --- Files that refuse the return -----------------------------------------------------------------

TEST(ReturnReader, RefusesAnEmptyFile) {
    Files files = valid_return();
    files["reviews.csv"] = "";
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    EXPECT_EQ(where(data.findings), Places{"reviews.csv:0::STRUCTURE"});
    EXPECT_TRUE(says(data.findings[0].message, "the file is empty: a 903 table starts with a header row"));
}

TEST(ReturnReader, AcceptsAFileWithOnlyAHeaderWithAWarning) {
    Files files = valid_return();
    files["reviews.csv"] = csv_903(TableId::Reviews, "");
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"reviews.csv:0::EMPTY"});
    EXPECT_EQ(data.findings[0].severity, Severity::Warning);
    EXPECT_EQ(data.findings[0].table, "Reviews");
    ASSERT_NE(data.find(TableId::Reviews), nullptr);
    EXPECT_EQ(row_count(data, TableId::Reviews), 0u);
}

TEST(ReturnReader, RefusesAFileWhoseHeaderIsNoTableAndShowsTheHeader) {
    Files files = valid_return();
    files["notes.csv"] = "NAME,AGE\nBob,12\n";
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"notes.csv:1::STRUCTURE"});
    EXPECT_TRUE(says(data.findings[0].message, "the header (NAME, AGE) is not one of the 903 tables"));
}

TEST(ReturnReader, NamesTheMissingAndExtraColumnsOfAHeaderThatLooksLikeATable) {
    Files files = valid_return();
    files["episodes.csv"] = replaced(csv_903(TableId::Episodes, kEpisodeA), ",URN\n", ",NOTES\n");
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"episodes.csv:1::STRUCTURE"});
    EXPECT_TRUE(says(data.findings[0].message, "looks like Episodes (episodes.csv)"));
    EXPECT_TRUE(says(data.findings[0].message, "is missing column(s) URN"));
    EXPECT_TRUE(says(data.findings[0].message, "has column(s) it should not: NOTES"));
}

TEST(ReturnReader, RefusesAHeaderWithADuplicatedColumn) {
    Files files = valid_return();
    files["header.csv"] = replaced(csv_903(TableId::Header, kHeaderA), "MC_DOB\n", "MC_DOB,dob\n");
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"header.csv:1::STRUCTURE"});
    EXPECT_TRUE(says(data.findings[0].message, "column DOB appears more than once in the header"));
}

TEST(ReturnReader, RefusesAFileSeparatedByAnythingButCommas) {
    for (char delimiter : {';', '\t', '|'}) {
        std::string text = csv_903(TableId::Header, kHeaderA);
        for (char& c : text)
            if (c == ',') c = delimiter;
        Files files = valid_return();
        files["header.csv"] = text;
        auto data = read(files);
        EXPECT_TRUE(data.refused);
        ASSERT_EQ(where(data.findings), Places{"header.csv:1::STRUCTURE"}) << delimiter;
        EXPECT_TRUE(says(data.findings[0].message, "the columns are not separated by commas"));
        EXPECT_TRUE(says(data.findings[0].message, "save the file as CSV with commas"));
    }
}

TEST(ReturnReader, RefusesAFileThatIsNotUtf8AndNamesTheRow) {
    Files files = valid_return();
    files["header.csv"] = csv_903(TableId::Header, kHeaderA + replaced(kHeaderB, "AIND", "AIND\xE9") + kHeaderC);
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(data.findings.size(), 1u);
    const Finding& f = data.findings[0];
    EXPECT_EQ(f.file, "header.csv");
    EXPECT_EQ(f.row, 3);
    EXPECT_EQ(f.rule, "ENCODING");
    EXPECT_TRUE(says(f.message, "not UTF-8"));
    EXPECT_TRUE(says(f.message, "save it as CSV UTF-8"));
}

// "Every rejection names file, row and column": the byte is in ETHNIC.
TEST(ReturnReader, RefusesAFileThatIsNotUtf8AndNamesTheColumn) {
    Files files = valid_return();
    files["header.csv"] = csv_903(TableId::Header, kHeaderA + replaced(kHeaderB, "AIND", "AIND\xE9") + kHeaderC);
    auto data = read(files);
    EXPECT_EQ(where(data.findings), Places{"header.csv:3:ETHNIC:ENCODING"});
}

TEST(ReturnReader, RefusesAUtf16File) {
    std::string utf16 = "\xFF\xFE";
    for (char c : csv_903(TableId::Header, kHeaderA)) utf16 += std::string{c, '\0'};
    Files files = valid_return();
    files["header.csv"] = utf16;
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"header.csv:1::ENCODING"});
    EXPECT_TRUE(says(data.findings[0].message, "the file is UTF-16; save it as UTF-8"));
}

TEST(ReturnReader, RefusesAFileWithAnUnclosedQuoteAndNamesTheRow) {
    Files files = valid_return();
    files["episodes.csv"] = csv_903(TableId::Episodes, kEpisodeA + replaced(kEpisodeB, "B12 0AB", "\"B12 0AB") + kEpisodeC);
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(data.findings.size(), 1u);
    const Finding& f = data.findings[0];
    EXPECT_EQ(f.file, "episodes.csv");
    EXPECT_EQ(f.row, 3);
    EXPECT_EQ(f.rule, "CSV");
    EXPECT_TRUE(says(f.message, "a quote opened here is never closed"));
    EXPECT_EQ(data.find(TableId::Episodes), nullptr);
}

// The reader knows the column (CsvProblem::column); the finding must keep it.
TEST(ReturnReader, RefusesAFileWithAnUnclosedQuoteAndNamesTheColumn) {
    Files files = valid_return();
    files["episodes.csv"] = csv_903(TableId::Episodes, kEpisodeA + replaced(kEpisodeB, "B12 0AB", "\"B12 0AB") + kEpisodeC);
    auto data = read(files);
    EXPECT_EQ(where(data.findings), Places{"episodes.csv:3:PL_POST:CSV"});
}

TEST(ReturnReader, RefusesTwoFilesHoldingTheSameTable) {
    Files files = valid_return();
    files["header copy.csv"] = files["header.csv"];
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"header.csv:0::STRUCTURE"});
    EXPECT_TRUE(says(data.findings[0].message, "holds Header as header copy.csv does: a return has one file per table"));
}

TEST(ReturnReader, RefusesAReturnWithoutAHeaderTable) {
    Files files = valid_return();
    files.erase("header.csv");
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(where(data.findings), Places{":0::STRUCTURE"});
    EXPECT_TRUE(says(data.findings[0].message, "the return has no Header table (header.csv)"));
}

TEST(ReturnReader, RefusesAReturnWithoutAnEpisodesTable) {
    Files files = valid_return();
    files.erase("episodes.csv");
    auto data = read(files);
    EXPECT_TRUE(data.refused);
    ASSERT_EQ(where(data.findings), Places{":0::STRUCTURE"});
    EXPECT_TRUE(says(data.findings[0].message, "the return has no Episodes table (episodes.csv)"));
}

TEST(ReturnReader, ThrowsForAFolderThatDoesNotExist) {
    EXPECT_THROW(read_return(std::filesystem::temp_directory_path() / "corparent_no_such_return", 2025),
                 std::runtime_error);
}

// --- Files that are read as they are --------------------------------------------------------------

TEST(ReturnReader, WarnsAboutAnXmlFileAndReadsTheCsvFiles) {
    Files files = valid_return();
    files["return.xml"] = "<Message><Children/></Message>";
    files["readme.txt"] = "hello";
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    ASSERT_EQ(where(data.findings), (Places{"readme.txt:0::FILE", "return.xml:0::FILE"}));
    EXPECT_EQ(data.findings[0].severity, Severity::Warning);
    EXPECT_TRUE(says(data.findings[0].message, "not a .csv file; ignored"));
    EXPECT_EQ(data.findings[1].severity, Severity::Warning);
    EXPECT_TRUE(says(data.findings[1].message, "XML returns are not read: export the return as CSV files"));
    EXPECT_EQ(data.tables.size(), 2u);
}

TEST(ReturnReader, ReadsAFileWithAUtf8ByteOrderMark) {
    Files files = valid_return();
    files["header.csv"] = "\xEF\xBB\xBF" + files["header.csv"];
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    EXPECT_EQ(where(data.findings), Places{});
    EXPECT_EQ(stored(data, TableId::Header, 0, "CHILD"), "A1");
}

TEST(ReturnReader, ReadsFilesWithCrlfLineEnds) {
    Files files = valid_return();
    for (auto& [name, text] : files) text = crlf(text);
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    EXPECT_EQ(where(data.findings), Places{});
    EXPECT_EQ(row_count(data, TableId::Episodes), 3u);
    EXPECT_EQ(stored(data, TableId::Episodes, 2, "URN"), "SC123456");
    EXPECT_EQ(stored(data, TableId::Header, 1, "MC_DOB"), std::nullopt);
}

TEST(ReturnReader, ReportsAStrayQuoteAndKeepsTheRow) {
    Files files = valid_return();
    files["episodes.csv"] = csv_903(TableId::Episodes, kEpisodeA + replaced(kEpisodeB, "B12 0AB", "B12 \"0AB") + kEpisodeC);
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    // The quote, and then the value it spoils.
    ASSERT_EQ(where(data.findings), (Places{"episodes.csv:3:PL_POST:CSV", "episodes.csv:3:PL_POST:392c"}));
    EXPECT_TRUE(says(data.findings[0].message, "stray quote"));
    EXPECT_TRUE(says(data.findings[1].message, "expected a UK postcode"));
    EXPECT_EQ(row_count(data, TableId::Episodes), 3u);
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "PL_POST"), std::nullopt);
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "HOME_POST"), "CV2 1AA");
}

TEST(ReturnReader, CountsARecordWithAnEmbeddedLineBreakAsOneRow) {
    Files files = valid_return();
    files["episodes.csv"] = csv_903(TableId::Episodes, replaced(kEpisodeA, "CV1 2AB", "\"CV1\n2AB\"") + kEpisodeB +
                                                           replaced(kEpisodeC, ",S,C1,", ",Q,C1,"));
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    ASSERT_EQ(where(data.findings), (Places{"episodes.csv:2:HOME_POST:392c", "episodes.csv:4:RNE:143"}));
    EXPECT_EQ(data.findings[0].raw, replaced(kEpisodeA.substr(0, kEpisodeA.size() - 1), "CV1 2AB", "\"CV1\n2AB\""));
    EXPECT_EQ(data.find(TableId::Episodes)->row_of, (std::vector<std::size_t>{2, 3, 4}));
}

// A spreadsheet shows the blank line as row 3, so B2's row is row 4 there.
TEST(ReturnReader, NamesTheRowASpreadsheetShowsAfterABlankLine) {
    Files files = valid_return();
    files["episodes.csv"] =
        csv_903(TableId::Episodes, kEpisodeA + "\n" + replaced(kEpisodeB, "01/06/2024", "31/04/2024") + kEpisodeC);
    auto data = read(files);
    EXPECT_EQ(row_count(data, TableId::Episodes), 3u);
    EXPECT_EQ(where(data.findings), Places{"episodes.csv:4:DECOM:141"});
}

// --- Values ---------------------------------------------------------------------------------------

TEST(ReturnReader, KeepsEveryValidRowOfAFileWithABadRowAndStoresTheBadValueAsNull) {
    Files files = valid_return();
    files["episodes.csv"] = csv_903(TableId::Episodes, kEpisodeA + replaced(kEpisodeB, "01/06/2024", "31/04/2024") + kEpisodeC);
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"episodes.csv:3:DECOM:141"});
    const Finding& f = data.findings[0];
    EXPECT_EQ(f.message, "DECOM '31/04/2024' is not valid; expected a real date as dd/mm/yyyy");
    EXPECT_EQ(f.table, "Episodes");
    EXPECT_EQ(f.child, "B2");
    EXPECT_EQ(f.raw, replaced(kEpisodeB.substr(0, kEpisodeB.size() - 1), "01/06/2024", "31/04/2024"));
    EXPECT_EQ(f.severity, Severity::Error);
    EXPECT_EQ(row_count(data, TableId::Episodes), 3u);
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "DECOM"), std::nullopt);
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "CHILD"), "B2");
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "LS"), "V2");
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "DEC"), "2024-09-01");
    EXPECT_EQ(stored(data, TableId::Episodes, 2, "DECOM"), "2024-07-15");
}

TEST(ReturnReader, AcceptsTheTwentyNinthOfFebruaryOfALeapYear) {
    auto data = read(valid_return());
    EXPECT_EQ(where(data.findings), Places{});
    EXPECT_EQ(stored(data, TableId::Header, 2, "DOB"), "2016-02-29");
}

TEST(ReturnReader, RefusesTheTwentyNinthOfFebruaryOfOtherYears) {
    Files files = valid_return();
    files["header.csv"] = csv_903(TableId::Header, kHeaderA + kHeaderB + replaced(kHeaderC, "29/02/2016", "29/02/2015"));
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"header.csv:4:DOB:102"});
    EXPECT_EQ(data.findings[0].message, "DOB '29/02/2015' is not valid; expected a real date as dd/mm/yyyy");
    EXPECT_EQ(stored(data, TableId::Header, 2, "DOB"), std::nullopt);
    EXPECT_EQ(stored(data, TableId::Header, 2, "SEX"), "U");
}

TEST(ReturnReader, ShowsTheStartOfAOneMegabyteBadValueAndKeepsTheRow) {
    const std::string huge(1 << 20, 'A');
    Files files = valid_return();
    files["episodes.csv"] = csv_903(TableId::Episodes, kEpisodeA + replaced(kEpisodeB, "CV2 1AA", huge) + kEpisodeC);
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"episodes.csv:3:HOME_POST:392c"});
    EXPECT_EQ(data.findings[0].message,
              "HOME_POST '" + huge.substr(0, 40) + "...' is not valid; expected a UK postcode such as CV1 2AB (or its first half)");
    EXPECT_EQ(data.findings[0].raw.size(), kEpisodeB.size() - 1 - 7 + huge.size());
    EXPECT_EQ(row_count(data, TableId::Episodes), 3u);
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "HOME_POST"), std::nullopt);
    EXPECT_EQ(stored(data, TableId::Episodes, 1, "PL_POST"), "B12 0AB");
}

TEST(ReturnReader, ReportsABlankRequiredValueButNotABlankOptionalOne) {
    auto data = read_table(TableId::Episodes, "A1,01/05/2024,,C2,N1,U6,,,,,,,\n", 2025);
    ASSERT_EQ(where(data.findings), Places{"episodes.csv:2:RNE:143"});
    EXPECT_EQ(data.findings[0].message, "RNE is blank; expected one of the 2024-25 codes: S, L, P, T, U, B");
    EXPECT_EQ(stored(data, TableId::Episodes, 0, "PLACE_PROVIDER"), std::nullopt);
}

TEST(ReturnReader, ReportsARowWithTheWrongNumberOfFieldsAndDoesNotStoreIt) {
    Files files = valid_return();
    files["episodes.csv"] = csv_903(TableId::Episodes, kEpisodeA + replaced(kEpisodeB, ",,CV2 1AA", ",CV2 1AA") + kEpisodeC);
    auto data = read(files);
    EXPECT_FALSE(data.refused);
    ASSERT_EQ(where(data.findings), Places{"episodes.csv:3::CSV"});
    EXPECT_TRUE(says(data.findings[0].message, "the row has 12 fields; the header has 13"));
    EXPECT_EQ(data.findings[0].child, "B2");
    EXPECT_EQ(data.find(TableId::Episodes)->row_of, (std::vector<std::size_t>{2, 4}));
}

TEST(ReturnReader, SexIsOneOrTwoUpTo2023To24) {
    EXPECT_EQ(where(read_table(TableId::Header, "A1,1,01/06/2012,WBRI,UN1,,\nB2,2,01/06/2012,WBRI,UN1,,\n", 2024).findings),
              Places{});
    auto data = read_table(TableId::Header, "A1,M,01/06/2012,WBRI,UN1,,\n", 2024);
    ASSERT_EQ(where(data.findings), Places{"header.csv:2:SEX:101"});
    EXPECT_EQ(data.findings[0].message, "SEX 'M' is not valid; expected one of the 2023-24 codes: 1, 2");
}

TEST(ReturnReader, SexIsMFOrUFrom2024To25) {
    EXPECT_EQ(where(read_table(TableId::Header,
                               "A1,M,01/06/2012,WBRI,UN1,,\nB2,f,01/06/2012,WBRI,UN1,,\nC3,U,01/06/2012,WBRI,UN1,,\n", 2025)
                        .findings),
              Places{});
    auto data = read_table(TableId::Header, "A1,1,01/06/2012,WBRI,UN1,,\n", 2025);
    ASSERT_EQ(where(data.findings), Places{"header.csv:2:SEX:101"});
    EXPECT_EQ(data.findings[0].message, "SEX '1' is not valid; expected one of the 2024-25 codes: M, F, U");
}

TEST(ReturnReader, PlacementCodesFollowTheReturnYear) {
    auto place = [](std::string_view code, int year) {
        auto data = read_table(TableId::Episodes, "A1,01/05/2024,S,C2,N1," + std::string(code) + ",,,,,,,\n", year);
        return where(data.findings);
    };
    const Places ok{}, refused{"episodes.csv:2:PLACE:146"};
    EXPECT_EQ(place("K3", 2024), refused);
    EXPECT_EQ(place("K3", 2025), ok);
    for (std::string_view code : {"Z11", "Z12", "Z13", "Z14"}) {
        EXPECT_EQ(place(code, 2025), refused) << code;
        EXPECT_EQ(place(code, 2026), ok) << code;
    }
    for (std::string_view code : {"H5", "P2", "Z1"}) {
        EXPECT_EQ(place(code, 2024), ok) << code;
        EXPECT_EQ(place(code, 2025), ok) << code;
        EXPECT_EQ(place(code, 2026), refused) << code;
    }
    auto data = read_table(TableId::Episodes, "A1,01/05/2025,S,C2,N1,H5,,,,,,,\n", 2026);
    ASSERT_EQ(data.findings.size(), 1u);
    EXPECT_TRUE(says(data.findings[0].message, "PLACE 'H5' is not valid; expected one of the 2025-26 codes: A3,"));
    EXPECT_TRUE(says(data.findings[0].message, "Z11, Z12, Z13, Z14"));
}

TEST(ReturnReader, RefusesTextInANumber) {
    auto data = read_table(TableId::Oc2, "A1,01/06/2012,abc,,,,,,,,,\nB2,01/06/2012,41,,,,,,,,,\nC3,01/06/2012,07,,,,,,,,,\n", 2025);
    ASSERT_EQ(where(data.findings), (Places{"oc2.csv:2:SDQ_SCORE:180", "oc2.csv:3:SDQ_SCORE:180"}));
    EXPECT_EQ(data.findings[0].message, "SDQ_SCORE 'ABC' is not valid; expected a whole number from 0 to 40");
    EXPECT_EQ(stored(data, TableId::Oc2, 0, "SDQ_SCORE"), std::nullopt);
    EXPECT_EQ(stored(data, TableId::Oc2, 2, "SDQ_SCORE"), "7");
}
