#pragma once
// Source positions in a (possibly multi-file) schema.

#include <cstdint>
#include <string_view>

namespace godwit::psl {

/// A byte range [start, end) in file `file` (an index into SchemaSource::files).
struct Span {
  std::uint32_t file = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;

  bool empty() const { return start == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// 1-based line and column (the column counts bytes).
struct LineCol {
  int line = 1;
  int column = 1;
};

/// Line and column of byte `offset` in `text` (clamped to the end of `text`).
LineCol line_col(std::string_view text, std::uint32_t offset);

/// The source text a span covers (empty when out of range).
std::string_view span_text(std::string_view text, Span span);

}  // namespace godwit::psl
