// libFuzzer target: the CSV reader must neither crash nor loop on any bytes, and every field it returns
// must lie inside the input or its own copy.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ssda903/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)corparent::ssda903::check_utf8(text);
    corparent::ssda903::CsvReader reader(text);
    std::size_t records = 0, bytes = 0;
    while (reader.next()) {
        ++records;
        for (auto field : reader.fields()) bytes += field.size();
        if (reader.raw().size() > size || records > size + 1) __builtin_trap();
    }
    if (bytes > size * 2 + 1) __builtin_trap();
    return 0;
}
