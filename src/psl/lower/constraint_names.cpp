#include "psl/constraint_names.hpp"

namespace godwit::psl {

std::string default_constraint_name(std::string_view table, std::string_view column,
                                    std::size_t limit) {
  std::string s(table);
  s += '_';
  s += column;
  constexpr std::string_view kSuffix = "_df";
  const std::size_t room = limit > kSuffix.size() ? limit - kSuffix.size() : 0;
  if (s.size() >= room) s = std::string(schema::truncate_utf8(s, room));
  s += kSuffix;
  return s;
}

}  // namespace godwit::psl
