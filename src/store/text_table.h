// Rows of text cells bound for one store table: what a reader hands to the store in bulk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corparent::store {

class TextTable {
public:
    TextTable(std::string name, std::vector<std::string> columns)
        : name_(std::move(name)), columns_(std::move(columns)) {}

    const std::string& name() const { return name_; }
    const std::vector<std::string>& columns() const { return columns_; }
    std::size_t rows() const { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }

    // Cells are added left to right; a row is complete after columns().size() cells.
    void add(std::string_view value) {
        cells_.push_back({static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(value.size())});
        arena_.append(value);
    }
    void add_null() { cells_.push_back({0, kNull}); }
    void set(std::size_t row, std::size_t column, std::optional<std::string_view> value) {
        Cell& c = cells_[row * columns_.size() + column];
        if (!value) { c.len = kNull; return; }
        c = {static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(value->size())};
        arena_.append(*value);
    }
    std::optional<std::string_view> get(std::size_t row, std::size_t column) const {
        const Cell& c = cells_[row * columns_.size() + column];
        if (c.len == kNull) return std::nullopt;
        return std::string_view(arena_).substr(c.off, c.len);
    }
    void reserve(std::size_t rows, std::size_t bytes) {
        cells_.reserve(rows * columns_.size());
        arena_.reserve(bytes);
    }

private:
    static constexpr std::uint32_t kNull = 0xFFFFFFFF;
    struct Cell { std::uint32_t off, len; };
    std::string name_;
    std::vector<std::string> columns_;
    std::vector<Cell> cells_;
    std::string arena_;
};

}  // namespace corparent::store
