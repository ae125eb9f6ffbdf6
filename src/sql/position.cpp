#include "sql/position.hpp"

#include <algorithm>

namespace godwit::sql {

std::size_t byte_offset_of_char(std::string_view text, int position) {
  std::size_t pos = 0;
  for (int ch = 1; ch < position && pos < text.size(); ++ch) {
    auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    // A truncated or malformed sequence advances over its lead byte and its valid
    // continuation bytes only, so a stray byte never swallows the next character.
    std::size_t step = 1;
    while (step < len && pos + step < text.size() &&
           (static_cast<unsigned char>(text[pos + step]) & 0xC0) == 0x80) {
      ++step;
    }
    pos += step;
  }
  return std::min(pos, text.size());
}

int script_line_at(const Statement& statement, int position) {
  if (position <= 0) return statement.line;
  std::size_t in_text = byte_offset_of_char(statement.text, position);
  // A position just past the end would sit on the ';' or the next line: clamp it to the
  // statement's last character.
  if (in_text >= statement.text.size() && !statement.text.empty()) {
    in_text = statement.text.size() - 1;
  }
  return statement.line + static_cast<int>(std::count(statement.text.begin(),
                                                      statement.text.begin() + in_text, '\n'));
}

}  // namespace godwit::sql
