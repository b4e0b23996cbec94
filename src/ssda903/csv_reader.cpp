#include "ssda903/csv_reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace corparent::ssda903 {

MappedFile::MappedFile(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(path.string() + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw std::runtime_error(path.string() + ": not a readable file");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            ::close(fd);
            throw std::runtime_error(path.string() + ": cannot read: " + std::strerror(errno));
        }
        ::madvise(p, size_, MADV_SEQUENTIAL);
        data_ = static_cast<const char*>(p);
        mapped_ = true;
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

bool MappedFile::has_bom() const { return bytes().starts_with("\xEF\xBB\xBF"); }

std::string_view MappedFile::text() const {
    auto b = bytes();
    if (has_bom()) b.remove_prefix(3);
    return b;
}

EncodingError check_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t n = text.size(), i = 0;
    auto fail = [&](const char* what) { return EncodingError{true, i, what, false}; };
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return EncodingError{true, 0, "a UTF-16 byte order mark", true};
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == 0) return fail("a NUL byte");
            ++i;
            continue;
        }
        std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + len > n) return fail("a byte that is not UTF-8");
        for (std::size_t k = 1; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return fail("a byte that is not UTF-8");
        // Overlong forms and surrogates are not UTF-8 either.
        if (len == 3 && ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0)))
            return fail("a byte that is not UTF-8");
        if (len == 4 && ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90)))
            return fail("a byte that is not UTF-8");
        i += len;
    }
    return {};
}

std::string_view trim_blanks(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string one_line(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == '\r' || c == '\n' || c == '\t') c = ' ';
    return out;
}

std::string heading_key(std::string_view s) {
    std::string out;
    for (char c : trim_blanks(s)) {
        if (c == '_' || c == '-' || c == ' ' || c == '\t' || c == '/') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        }   // other punctuation (apostrophes, question marks) goes
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

CsvPlace place_of(std::string_view text, std::size_t offset) {
    CsvReader reader(text);
    CsvPlace place;
    while (reader.next()) {
        std::string_view raw = reader.raw();
        std::size_t begin = static_cast<std::size_t>(raw.data() - text.data());
        place.row = reader.row();
        if (offset < begin) break;   // in the line break before this record
        if (offset > begin + raw.size()) continue;
        // Count the commas outside quotes before the offset.
        bool quoted = false;
        place.column = 1;
        for (std::size_t k = begin; k < offset; ++k) {
            if (text[k] == '"') quoted = !quoted;
            else if (text[k] == ',' && !quoted) ++place.column;
        }
        break;
    }
    if (reader.failed()) place.row = reader.fatal().row;
    return place;
}

bool CsvReader::next() {
    fields_.clear();
    problems_.clear();
    unescaped_.clear();
    if (failed()) return false;
    // Blank lines are skipped, but they keep their row number, as a spreadsheet shows them.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        if (pos_ < text_.size()) ++row_;
    }
    if (pos_ >= text_.size()) return false;

    ++row_;
    const char* s = text_.data();
    const std::size_t n = text_.size();
    const std::size_t start = pos_;
    // Fields that needed unescaping are recorded by index and pointed at once the record is complete,
    // because unescaped_ may reallocate while it grows.
    std::vector<std::pair<std::size_t, std::size_t>> copies;   // field index -> unescaped_ index
    std::size_t i = pos_;
    bool end_of_record = false;
    while (!end_of_record) {
        std::size_t column = fields_.size() + 1;
        if (i < n && s[i] == '"') {
            std::size_t open = i++;
            std::size_t field_start = i;
            std::string copy;
            bool needs_copy = false;
            for (;;) {
                const void* q = i < n ? std::memchr(s + i, '"', n - i) : nullptr;
                if (q == nullptr) {
                    fatal_ = {row_, column,
                              "a quote opened here is never closed (byte " + std::to_string(open - start + 1) +
                                  " of the row); the rest of the file cannot be read"};
                    pos_ = n;
                    return false;
                }
                std::size_t qi = static_cast<const char*>(q) - s;
                if (qi + 1 < n && s[qi + 1] == '"') {   // "" stands for one quote
                    copy.append(s + i, qi + 1 - i);
                    needs_copy = true;
                    i = qi + 2;
                    continue;
                }
                if (needs_copy) copy.append(s + i, qi - i);
                std::string_view value(s + field_start, qi - field_start);
                i = qi + 1;
                // Text after the closing quote is kept, as a spreadsheet would, and reported.
                std::size_t tail = i;
                while (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r') ++i;
                if (i > tail) {
                    if (!needs_copy) copy.assign(value);
                    copy.append(s + tail, i - tail);
                    needs_copy = true;
                    problems_.push_back({row_, column, "text after a closing quote"});
                }
                if (needs_copy) {
                    copies.emplace_back(fields_.size(), unescaped_.size());
                    unescaped_.push_back(std::move(copy));
                    fields_.emplace_back();
                } else {
                    fields_.push_back(value);
                }
                break;
            }
        } else {
            std::size_t field_start = i;
            while (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
                if (s[i] == '"') problems_.push_back({row_, column, "a stray quote inside a field that does not start with one"});
                ++i;
            }
            fields_.emplace_back(s + field_start, i - field_start);
        }
        if (i < n && s[i] == ',') {
            ++i;
        } else {
            end_of_record = true;
        }
    }
    raw_ = std::string_view(s + start, i - start);
    if (i < n && s[i] == '\r') ++i;
    if (i < n && s[i] == '\n') ++i;
    pos_ = i;
    for (auto [field, copy] : copies) fields_[field] = unescaped_[copy];
    return true;
}

std::optional<CsvRefusal> read_header(std::string_view text, CsvReader& csv, std::string_view empty_message) {
    if (auto enc = check_utf8(text); enc.found) {
        if (enc.utf16) return CsvRefusal{1, 0, "the file is UTF-16; save it as UTF-8 (\"CSV UTF-8\" in Excel)"};
        CsvPlace at = place_of(text, enc.offset);
        return CsvRefusal{at.row, 0,
                          "the file is not UTF-8 text (" + enc.message + ", column " + std::to_string(at.column) +
                              "); save it as CSV UTF-8"};
    }
    if (csv.next()) return std::nullopt;
    if (csv.failed()) return CsvRefusal{csv.fatal().row, csv.fatal().column, csv.fatal().message};
    return CsvRefusal{0, 0, std::string(empty_message)};
}

}  // namespace corparent::ssda903
