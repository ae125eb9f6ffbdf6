#include "schema/naming.hpp"

namespace godwit::schema {

namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

std::string join_cols(std::string_view table, const std::vector<std::string>& columns) {
  // Sized for the name and the longest suffix ("_fkey"), so it is allocated once.
  std::size_t size = table.size() + 1 + 5;
  for (const auto& c : columns)
    size += c.size() + 1;
  std::string out;
  out.reserve(size);
  out += table;
  out += '_';
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += '_';
    out += columns[i];
  }
  return out;
}

// Prisma cuts when the joined text is *at least* the room left (`>=`), which only matters for
// the boundary back-off: a string of exactly that length is kept whole either way.
std::string cut_then_suffix(std::string joined, std::size_t room, std::string_view suffix) {
  if (joined.size() >= room) joined = std::string(truncate_utf8(joined, room));
  joined += suffix;
  return joined;
}

}  // namespace

std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && is_continuation(static_cast<unsigned char>(s[cut])))
    --cut;
  return s.substr(0, cut);
}

std::string_view truncate_chars(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(s[i]))) continue;
    if (chars == max_chars) return s.substr(0, i);
    ++chars;
  }
  return s;
}

std::string primary_key_name(std::string_view table, std::size_t limit) {
  return cut_then_suffix(std::string(table), limit - 5, "_pkey");
}

std::string unique_index_name(std::string_view table, const std::vector<std::string>& columns,
                              std::size_t limit) {
  return cut_then_suffix(join_cols(table, columns), limit - 4, "_key");
}

std::string index_name(std::string_view table, const std::vector<std::string>& columns,
                       std::size_t limit) {
  return cut_then_suffix(join_cols(table, columns), limit - 4, "_idx");
}

std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::size_t limit) {
  return cut_then_suffix(join_cols(table, columns), limit - 5, "_fkey");
}

}  // namespace godwit::schema
