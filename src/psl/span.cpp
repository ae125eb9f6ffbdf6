#include "psl/span.hpp"

#include <algorithm>

namespace godwit::psl {

LineCol line_col(std::string_view text, std::uint32_t offset) {
  std::size_t end = std::min<std::size_t>(offset, text.size());
  LineCol lc;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  lc.column = static_cast<int>(end - line_start) + 1;
  return lc;
}

std::string_view span_text(std::string_view text, Span span) {
  if (span.start > span.end || span.end > text.size()) return {};
  return text.substr(span.start, span.end - span.start);
}

}  // namespace godwit::psl
