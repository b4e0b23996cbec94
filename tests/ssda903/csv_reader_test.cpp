// The CSV layer on its own: RFC 4180 records (CsvReader), a file's text without its byte order mark
// (MappedFile) and where a file stops being UTF-8 (check_utf8). Rows are numbered as a spreadsheet
// shows them: the first record is row 1.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include "ssda903/csv_reader.h"

using namespace corparent::ssda903;

namespace {

using Records = std::vector<std::vector<std::string>>;

// Every record of `text`, field by field, up to where the reader stops.
Records records(std::string_view text) {
    CsvReader csv(text);
    Records out;
    while (csv.next()) out.emplace_back(csv.fields().begin(), csv.fields().end());
    return out;
}

// The row number the reader gives each record of `text`.
std::vector<long> rows(std::string_view text) {
    CsvReader csv(text);
    std::vector<long> out;
    while (csv.next()) out.push_back(csv.row());
    return out;
}

// A file in the temporary folder holding `bytes`, removed when the test ends.
class TempFile {
public:
    explicit TempFile(std::string_view bytes) {
        static int n = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("corparent_csv_" + std::to_string(::getpid()) + "_" + std::to_string(n++) + ".csv");
        std::ofstream(path_, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    ~TempFile() { std::filesystem::remove(path_); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace

// --- Fields and records ---------------------------------------------------------------------------

TEST(CsvReader, SplitsRecordsIntoFieldsAtCommas) {
    EXPECT_EQ(records("CHILD,SEX\nA1,M\n"), (Records{{"CHILD", "SEX"}, {"A1", "M"}}));
}

TEST(CsvReader, KeepsEmptyFieldsIncludingATrailingOne) {
    EXPECT_EQ(records("a,,b,\n,\n"), (Records{{"a", "", "b", ""}, {"", ""}}));
}

TEST(CsvReader, QuotedFieldMayHoldACommaAQuoteAndALineBreak) {
    EXPECT_EQ(records("\"a,b\",\"say \"\"hi\"\"\",\"line 1\nline 2\"\nnext\n"),
              (Records{{"a,b", "say \"hi\"", "line 1\nline 2"}, {"next"}}));
}

TEST(CsvReader, DoubledQuoteInsideQuotesStandsForOneQuote) {
    EXPECT_EQ(records("\"\"\"\",\"\",\"a\"\"\"\"b\",\"\"\"x\"\"\"\n"), (Records{{"\"", "", "a\"\"b", "\"x\""}}));
}

TEST(CsvReader, ARecordWithAnEmbeddedLineBreakIsStillOneRow) {
    EXPECT_EQ(rows("head\n\"two\nlines\",x\nthird\n"), (std::vector<long>{1, 2, 3}));
}

TEST(CsvReader, ReadsLfCrlfAndMixedLineEndingsAlike) {
    const Records expected{{"a", "b"}, {"c", "d"}, {"e", "f"}};
    EXPECT_EQ(records("a,b\nc,d\ne,f\n"), expected);
    EXPECT_EQ(records("a,b\r\nc,d\r\ne,f\r\n"), expected);
    EXPECT_EQ(records("a,b\r\nc,d\ne,f\r\n"), expected);
    EXPECT_EQ(records("a,b\rc,d\re,f\r"), expected);   // classic Mac
    EXPECT_EQ(rows("a,b\r\nc,d\ne,f\r\n"), (std::vector<long>{1, 2, 3}));
}

TEST(CsvReader, KeepsALineBreakInsideQuotesAsItIs) {
    EXPECT_EQ(records("\"a\r\nb\",c\r\n"), (Records{{"a\r\nb", "c"}}));
}

TEST(CsvReader, ReadsALastRecordWithoutALineBreak) {
    EXPECT_EQ(records("a,b\nc,\"d\""), (Records{{"a", "b"}, {"c", "d"}}));
}

TEST(CsvReader, SkipsBlankLines) {
    EXPECT_EQ(records("\na\n\n\r\n\nb\n\n\r\n"), (Records{{"a"}, {"b"}}));
}

TEST(CsvReader, EmptyTextHasNoRecordsAndIsNoFailure) {
    for (std::string_view text : {"", "\n", "\r\n\r\n"}) {
        CsvReader csv(text);
        EXPECT_FALSE(csv.next());
        EXPECT_FALSE(csv.failed());
    }
}

// A spreadsheet shows a blank line as an empty row, so the rows after it keep the numbers a user sees.
TEST(CsvReader, RowsAfterABlankLineKeepTheNumbersASpreadsheetShows) {
    EXPECT_EQ(rows("head\nfirst\n\nthird\n"), (std::vector<long>{1, 2, 4}));
    EXPECT_EQ(rows("head\r\n\r\nsecond\r\n"), (std::vector<long>{1, 3}));
}

TEST(CsvReader, RawIsTheRecordAsItStandsInTheFileWithoutItsLineBreak) {
    CsvReader csv("head\r\n\"a,b\",\"x\"\"\ny\"\r\nc\n");
    std::vector<std::string> raw;
    while (csv.next()) raw.emplace_back(csv.raw());
    EXPECT_EQ(raw, (std::vector<std::string>{"head", "\"a,b\",\"x\"\"\ny\"", "c"}));
}

TEST(CsvReader, ReadsAOneMegabyteFieldIntact) {
    std::string plain(1 << 20, 'x');
    const std::string unquoted_text = "h1,h2\n1," + plain + ",2\n";
    CsvReader unquoted(unquoted_text);
    ASSERT_TRUE(unquoted.next());
    ASSERT_TRUE(unquoted.next());
    ASSERT_EQ(unquoted.fields().size(), 3u);
    EXPECT_EQ(unquoted.fields()[1], plain);

    // The same size with quotes, commas and line breaks in it, written quoted.
    std::string value, quoted = "\"";
    for (std::size_t i = 0; value.size() < (1u << 20); ++i) value += "ab,\"c\"\n"[i % 7];
    for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += '"';
    const std::string text = "h1,h2\n" + quoted + ",end\nnext\n";
    CsvReader csv(text);
    ASSERT_TRUE(csv.next());
    ASSERT_TRUE(csv.next());
    ASSERT_EQ(csv.fields().size(), 2u);
    EXPECT_EQ(csv.fields()[0].size(), value.size());
    EXPECT_TRUE(csv.fields()[0] == value);
    EXPECT_EQ(csv.fields()[1], "end");
    EXPECT_EQ(csv.raw(), quoted + ",end");
    EXPECT_TRUE(csv.problems().empty());
    ASSERT_TRUE(csv.next());
    EXPECT_EQ(csv.row(), 3);
}

// --- Problems -------------------------------------------------------------------------------------

TEST(CsvReader, ReportsAStrayQuoteWithRowAndColumnAndKeepsTheRecord) {
    CsvReader csv("h1,h2,h3\na,b\"c,d\ne,f,g\n");
    ASSERT_TRUE(csv.next());
    ASSERT_TRUE(csv.next());
    EXPECT_EQ(std::vector<std::string>(csv.fields().begin(), csv.fields().end()),
              (std::vector<std::string>{"a", "b\"c", "d"}));
    ASSERT_EQ(csv.problems().size(), 1u);
    EXPECT_EQ(csv.problems()[0].row, 2);
    EXPECT_EQ(csv.problems()[0].column, 2u);
    EXPECT_NE(csv.problems()[0].message.find("stray quote"), std::string::npos) << csv.problems()[0].message;
    // The next record is read as usual and has no problems.
    ASSERT_TRUE(csv.next());
    EXPECT_EQ(csv.fields()[0], "e");
    EXPECT_TRUE(csv.problems().empty());
    EXPECT_FALSE(csv.failed());
}

TEST(CsvReader, KeepsTextAfterAClosingQuoteAndReportsIt) {
    CsvReader csv("x,\"ab\"cd,e\n\"a\"\"b\"c\n");
    ASSERT_TRUE(csv.next());
    EXPECT_EQ(csv.fields()[1], "abcd");
    EXPECT_EQ(csv.fields()[2], "e");
    ASSERT_EQ(csv.problems().size(), 1u);
    EXPECT_EQ(csv.problems()[0].row, 1);
    EXPECT_EQ(csv.problems()[0].column, 2u);
    EXPECT_EQ(csv.problems()[0].message, "text after a closing quote");
    ASSERT_TRUE(csv.next());
    EXPECT_EQ(csv.fields()[0], "a\"bc");
    EXPECT_EQ(csv.problems().size(), 1u);
}

TEST(CsvReader, AnUnclosedQuoteEndsTheFileAndNamesItsRowAndColumn) {
    CsvReader csv("h1,h2\na,b\nc,\"never closed\nd,e\n");
    ASSERT_TRUE(csv.next());
    ASSERT_TRUE(csv.next());
    EXPECT_FALSE(csv.failed());
    EXPECT_FALSE(csv.next());
    ASSERT_TRUE(csv.failed());
    EXPECT_EQ(csv.fatal().row, 3);
    EXPECT_EQ(csv.fatal().column, 2u);
    EXPECT_NE(csv.fatal().message.find("never closed"), std::string::npos) << csv.fatal().message;
    EXPECT_FALSE(csv.next());   // and stays at the end
}

// --- MappedFile -----------------------------------------------------------------------------------

TEST(CsvReaderFile, TextLeavesOutAUtf8ByteOrderMark) {
    TempFile file("\xEF\xBB\xBF" "CHILD,SEX\n");
    MappedFile mapped(file.path());
    EXPECT_TRUE(mapped.has_bom());
    EXPECT_EQ(mapped.bytes().size(), 3u + 10u);
    EXPECT_EQ(mapped.text(), "CHILD,SEX\n");
}

TEST(CsvReaderFile, TextOfAFileWithoutAByteOrderMarkIsAllItsBytes) {
    TempFile file("CHILD,SEX\r\n");
    MappedFile mapped(file.path());
    EXPECT_FALSE(mapped.has_bom());
    EXPECT_EQ(mapped.text(), "CHILD,SEX\r\n");
}

TEST(CsvReaderFile, ReadsAnEmptyFile) {
    TempFile file("");
    MappedFile mapped(file.path());
    EXPECT_TRUE(mapped.text().empty());
    EXPECT_FALSE(mapped.has_bom());
}

TEST(CsvReaderFile, ThrowsNamingAFileThatCannotBeOpened) {
    auto missing = std::filesystem::temp_directory_path() / "corparent_no_such_file.csv";
    try {
        MappedFile mapped(missing);
        FAIL() << "opened a file that does not exist";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("corparent_no_such_file.csv"), std::string::npos) << e.what();
    }
}

// --- check_utf8 and place_of: where a file stops being UTF-8, as the reader numbers rows -------------
namespace {
struct Utf8Problem {
    bool found = false;
    long row = 0;
    std::size_t column = 0;
    std::string message;
};
Utf8Problem utf8_problem(std::string_view text) {
    auto e = check_utf8(text);
    if (!e.found) return {};
    auto at = place_of(text, e.offset);
    return {true, at.row, at.column, e.message};
}
}  // namespace

TEST(CsvReaderUtf8, AcceptsUtf8Text) {
    EXPECT_FALSE(utf8_problem("").found);
    EXPECT_FALSE(utf8_problem("CHILD,NAME\nA1,Zo\xC3\xAB\nB2,\xE2\x82\xAC" "5\nC3,\xF0\x9D\x84\x9E\n").found);
    EXPECT_FALSE(utf8_problem("\xEF\xBF\xBF,\xF4\x8F\xBF\xBF,\xED\x9F\xBF").found);   // U+FFFF, U+10FFFF, U+D7FF
}

TEST(CsvReaderUtf8, FindsALatin1ByteAndItsRow) {
    auto e = utf8_problem("h\na\nCaf\xE9,x\n");
    ASSERT_TRUE(e.found);
    EXPECT_EQ(e.row, 3);
    EXPECT_EQ(e.column, 1u);
}

TEST(CsvReaderUtf8, FindsOverlongForms) {
    for (std::string bad : {"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xF0\x80\x80\xAF", "\xF0\x8F\xBF\xBF"}) {
        auto e = utf8_problem("h\nx" + bad + "y\n");
        EXPECT_TRUE(e.found) << testing::PrintToString(bad);
        EXPECT_EQ(e.row, 2) << testing::PrintToString(bad);
    }
}

TEST(CsvReaderUtf8, FindsSurrogatesAndCodePointsBeyondUnicode) {
    for (std::string bad : {"\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF"}) {
        auto e = utf8_problem("h\nx" + bad + "\n");
        EXPECT_TRUE(e.found) << testing::PrintToString(bad);
        EXPECT_EQ(e.row, 2) << testing::PrintToString(bad);
    }
}

TEST(CsvReaderUtf8, FindsTruncatedSequences) {
    for (std::string text : {"h\nx\xC3", "h\nx\xE2\x82", "h\nx\xE2\x82,y\n", "h\nx\xF0\x9F\x98\n", "h\n\x80\n"}) {
        auto e = utf8_problem(text);
        EXPECT_TRUE(e.found) << testing::PrintToString(text);
        EXPECT_EQ(e.row, 2) << testing::PrintToString(text);
    }
}

TEST(CsvReaderUtf8, FindsANulByte) {
    auto e = utf8_problem(std::string_view("h\nab\0c\n", 7));
    ASSERT_TRUE(e.found);
    EXPECT_EQ(e.row, 2);
    EXPECT_NE(e.message.find("NUL"), std::string::npos) << e.message;
}

TEST(CsvReaderUtf8, RefusesUtf16ByItsByteOrderMark) {
    for (std::string_view text : {std::string_view("\xFF\xFE" "C\0H\0", 6), std::string_view("\xFE\xFF\0C\0H", 6)}) {
        auto e = utf8_problem(text);
        ASSERT_TRUE(e.found);
        EXPECT_EQ(e.row, 1);
        EXPECT_NE(e.message.find("UTF-16"), std::string::npos) << e.message;
    }
}

TEST(CsvReaderUtf8, CountsARecordWithAnEmbeddedLineBreakAsOneRow) {
    auto e = utf8_problem("h\n\"two\nlines\",x\nCaf\xE9\n");
    ASSERT_TRUE(e.found);
    EXPECT_EQ(e.row, 3);
}

TEST(CsvReaderUtf8, CountsABlankLineAsARow) {
    auto e = utf8_problem("h\nfirst\n\nCaf\xE9\n");
    ASSERT_TRUE(e.found);
    EXPECT_EQ(e.row, 4);
}

// The row of a bad byte must be the row the CsvReader gives its record, whatever came before it.
TEST(CsvReaderUtf8, RowAfterAStrayQuoteIsTheReadersRow) {
    std::string text = "h\nab\"c\nd\nCaf\xE9\n";
    ASSERT_EQ(rows(text), (std::vector<long>{1, 2, 3, 4}));
    auto e = utf8_problem(text);
    ASSERT_TRUE(e.found);
    EXPECT_EQ(e.row, 4);
}

TEST(CsvReaderUtf8, RowWithCarriageReturnLineEndingsIsTheReadersRow) {
    std::string text = "h\ra\rCaf\xE9\r";   // "CSV (Macintosh)" from Excel: CR line ends, Mac Roman bytes
    ASSERT_EQ(rows(text), (std::vector<long>{1, 2, 3}));
    auto e = utf8_problem(text);
    ASSERT_TRUE(e.found);
    EXPECT_EQ(e.row, 3);
}
