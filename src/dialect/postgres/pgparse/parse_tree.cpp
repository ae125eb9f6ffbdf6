#include "dialect/postgres/pgparse/parse_tree.hpp"

#include <pg_query.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "core/text.hpp"

namespace godwit::postgres {
namespace {

// RAII owner for a libpg_query split result.
struct SplitResultOwner {
  PgQuerySplitResult r;
  ~SplitResultOwner() { pg_query_free_split_result(r); }
};

// `zero_is_rest`: the parser's length 0 means "to the end of the text" (the last statement,
// no ';'); the scanner always gives the length.
std::vector<sql::RawRange> ranges_of(const PgQuerySplitResult& r, std::size_t size,
                                     bool zero_is_rest) {
  std::vector<sql::RawRange> out;
  out.reserve(static_cast<std::size_t>(r.n_stmts));
  for (int i = 0; i < r.n_stmts; ++i) {
    auto begin = std::min(static_cast<std::size_t>(r.stmts[i]->stmt_location), size);
    auto len = static_cast<std::size_t>(r.stmts[i]->stmt_len);
    out.push_back({begin, len == 0 && zero_is_rest ? size : std::min(begin + len, size)});
  }
  return out;
}

}  // namespace

void reject_nul(std::string_view sql) {
  const void* nul = std::memchr(sql.data(), '\0', sql.size());
  if (nul != nullptr) {
    auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - sql.data());
    throw core::Error("GW1201",
                      "The migration script contains a NUL byte (line " +
                          std::to_string(core::line_of_offset(sql, at)) +
                          "), which PostgreSQL does not accept in SQL text.",
                      "Remove the NUL byte; the file may have been saved as UTF-16.");
  }
}

std::string nul_terminated(std::string_view sql) {
  reject_nul(sql);
  return std::string(sql);
}

ParseOutput parse_sql(std::string_view sql) {
  std::string input = nul_terminated(sql);
  SplitResultOwner owner{pg_query_split_with_parser(input.c_str())};
  ParseOutput out;
  if (owner.r.error != nullptr) {
    out.error = ParseError{owner.r.error->message ? owner.r.error->message : "parse error",
                           owner.r.error->cursorpos};
    return out;
  }
  out.ranges = ranges_of(owner.r, sql.size(), true);
  return out;
}

std::vector<sql::RawRange> scanner_ranges(std::string_view sql) {
  std::string input = nul_terminated(sql);
  SplitResultOwner owner{pg_query_split_with_scanner(input.c_str())};
  if (owner.r.error != nullptr) return {};
  return ranges_of(owner.r, sql.size(), false);
}

}  // namespace godwit::postgres
