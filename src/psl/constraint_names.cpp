#include "psl/constraint_names.hpp"

namespace godwit::psl {
namespace {

std::size_t floor_char_boundary(std::string_view s, std::size_t index) {
  if (index >= s.size()) return s.size();
  while (index > 0 && (static_cast<unsigned char>(s[index]) & 0xC0) == 0x80)
    --index;
  return index;
}

/// Truncates `s` to `limit - suffix` bytes when it is at least that long, then appends suffix.
std::string truncated_with_suffix(std::string s, std::size_t limit, std::string_view suffix) {
  std::size_t room = limit > suffix.size() ? limit - suffix.size() : 0;
  if (s.size() >= room) s.resize(floor_char_boundary(s, room));
  s += suffix;
  return s;
}

std::string joined(std::string_view table, const std::vector<std::string>& columns) {
  // Sized for the name and the longest suffix ("_fkey"), so it is allocated once.
  std::size_t size = table.size() + 1 + 5;
  for (const auto& c : columns)
    size += c.size() + 1;
  std::string out;
  out.reserve(size);
  out += table;
  out += '_';
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += '_';
    out += columns[i];
  }
  return out;
}

}  // namespace

std::string primary_key_name(std::string_view table, std::size_t limit) {
  return truncated_with_suffix(std::string(table), limit, "_pkey");
}

std::string unique_index_name(std::string_view table, const std::vector<std::string>& columns,
                              std::size_t limit) {
  return truncated_with_suffix(joined(table, columns), limit, "_key");
}

std::string index_name(std::string_view table, const std::vector<std::string>& columns,
                       std::size_t limit) {
  return truncated_with_suffix(joined(table, columns), limit, "_idx");
}

std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::size_t limit) {
  return truncated_with_suffix(joined(table, columns), limit, "_fkey");
}

std::string default_constraint_name(std::string_view table, std::string_view column,
                                    std::size_t limit) {
  std::string s(table);
  s += '_';
  s += column;
  return truncated_with_suffix(std::move(s), limit, "_df");
}

}  // namespace godwit::psl
