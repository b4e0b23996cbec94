// Reading a zip file in a test (an XLSX download is one): its parts by name, inflated.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <map>
#include <string>

namespace corparent::test_support {

inline std::uint32_t little_endian(const std::string& bytes, std::size_t at, int size) {
    std::uint32_t v = 0;
    for (int i = size - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(bytes.at(at + static_cast<std::size_t>(i)));
    return v;
}

// The parts of a zip file by name, read through its central directory and inflated: xlsx parts are
// deflate-compressed, so their text cannot be searched in the raw bytes.
inline std::map<std::string, std::string> unzip(const std::string& zip) {
    std::map<std::string, std::string> parts;
    const auto end = zip.rfind("PK\x05\x06");
    if (end == std::string::npos) return parts;
    const std::uint32_t entries = little_endian(zip, end + 10, 2);
    std::size_t at = little_endian(zip, end + 16, 4);
    for (std::uint32_t e = 0; e < entries; ++e) {
        if (zip.compare(at, 4, "PK\x01\x02") != 0) break;
        const auto method = little_endian(zip, at + 10, 2);
        const auto compressed = little_endian(zip, at + 20, 4), size = little_endian(zip, at + 24, 4);
        const auto name_length = little_endian(zip, at + 28, 2);
        const auto local = little_endian(zip, at + 42, 4);
        const std::string name = zip.substr(at + 46, name_length);
        at += 46 + name_length + little_endian(zip, at + 30, 2) + little_endian(zip, at + 32, 2);

        const std::size_t data = local + 30 + little_endian(zip, local + 26, 2) + little_endian(zip, local + 28, 2);
        if (method == 0) {
            parts[name] = zip.substr(data, compressed);
            continue;
        }
        std::string out(size, '\0');
        z_stream s{};
        s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
        s.avail_in = compressed;
        s.next_out = reinterpret_cast<Bytef*>(out.data());
        s.avail_out = size;
        if (inflateInit2(&s, -MAX_WBITS) != Z_OK) continue;
        const int result = inflate(&s, Z_FINISH);
        inflateEnd(&s);
        if (result == Z_STREAM_END) parts[name] = out;
    }
    return parts;
}

}  // namespace corparent::test_support
