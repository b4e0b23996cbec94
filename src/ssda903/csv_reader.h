// RFC 4180 CSV over a file in memory: quoted fields may hold commas, quotes ("") and line breaks.
// Reports where a problem is (row, column); rows are numbered as a spreadsheet shows them, the header
// being row 1.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corparent::ssda903 {

// A whole file, memory-mapped; text() skips a UTF-8 byte order mark.
class MappedFile {
public:
    // Throws std::runtime_error naming the file when it cannot be opened or read.
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view bytes() const { return {data_, size_}; }
    std::string_view text() const;
    bool has_bom() const;

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
};

// Where the text stops being UTF-8, if it does: the byte offset and what was found there.
struct EncodingError {
    bool found = false;
    std::size_t offset = 0;
    std::string message;
    bool utf16 = false;     // the whole file is UTF-16 (it starts with a UTF-16 byte order mark)
};
EncodingError check_utf8(std::string_view text);

struct CsvProblem {
    long row = 0;
    std::size_t column = 0;   // 1-based; 0 means the whole row
    std::string message;
};

class CsvReader {
public:
    explicit CsvReader(std::string_view text) : text_(text) {}

    // Reads the next record; false at the end of the text or on a fatal problem (see fatal()).
    // Blank lines are skipped. Problems that leave the record readable go to problems().
    bool next();

    long row() const { return row_; }
    const std::vector<std::string_view>& fields() const { return fields_; }
    std::string_view raw() const { return raw_; }   // the record's bytes as they stand in the file

    // A record that cannot be read at all ends the file: an unclosed quote.
    bool failed() const { return !fatal_.message.empty(); }
    const CsvProblem& fatal() const { return fatal_; }
    // Problems found in the last record read.
    const std::vector<CsvProblem>& problems() const { return problems_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    long row_ = 0;
    std::string_view raw_;
    std::vector<std::string_view> fields_;
    std::vector<std::string> unescaped_;   // fields that held "" need a copy
    std::vector<CsvProblem> problems_;
    CsvProblem fatal_;
};

// For any CSV file's headings and values: blanks (spaces, tabs, line breaks) off both ends; ASCII letters
// upper-cased; a heading as a key to match on ("Date_of latest-full inspection?" -> "date of latest full
// inspection": separators become one space, other punctuation goes).
std::string_view trim_blanks(std::string_view s);
std::string upper_ascii(std::string_view s);
std::string heading_key(std::string_view s);
// A field as one line, for a message or a store that keeps lines: line breaks and tabs inside a quoted
// field become spaces.
std::string one_line(std::string_view s);

// The row and column (1-based; 0 when unknown) that a byte offset of `text` falls in, as CsvReader
// numbers them.
struct CsvPlace {
    long row = 0;
    std::size_t column = 0;
};
CsvPlace place_of(std::string_view text, std::size_t offset);

// Reads a small CSV file's header row into `csv`. When the file cannot be read that far (not UTF-8, an
// unclosed quote, nothing in it), says where and why; `empty_message` is what to say of an empty file.
struct CsvRefusal {
    long row = 0;
    std::size_t column = 0;   // 1-based; 0 when unknown
    std::string message;
};
std::optional<CsvRefusal> read_header(std::string_view text, CsvReader& csv, std::string_view empty_message);

}  // namespace corparent::ssda903
