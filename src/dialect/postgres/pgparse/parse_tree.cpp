#include "dialect/postgres/pgparse/parse_tree.hpp"

#include <pg_query.h>

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "core/text.hpp"

namespace godwit::postgres {
namespace {

// RAII owners for libpg_query results.
struct ParseResultOwner {
  PgQueryParseResult r;
  ~ParseResultOwner() { pg_query_free_parse_result(r); }
};
struct SplitResultOwner {
  PgQuerySplitResult r;
  ~SplitResultOwner() { pg_query_free_split_result(r); }
};

// libpg_query reads NUL-terminated strings: a NUL inside the script would silently cut it.
std::string c_string(std::string_view sql) {
  auto nul = sql.find('\0');
  if (nul != std::string_view::npos) {
    throw core::Error("GW1201",
                      "The migration script contains a NUL byte (line " +
                          std::to_string(core::line_of_offset(sql, nul)) +
                          "), which PostgreSQL does not accept in SQL text.",
                      "Remove the NUL byte; the file may have been saved as UTF-16.");
  }
  return std::string(sql);
}

}  // namespace

const nlohmann::json& member(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it != object.end() ? *it : kNull;
}

ParseOutput parse_sql(std::string_view sql) {
  std::string input = c_string(sql);
  ParseResultOwner owner{pg_query_parse(input.c_str())};
  ParseOutput out;
  if (owner.r.error != nullptr) {
    out.error = ParseError{owner.r.error->message ? owner.r.error->message : "parse error",
                           owner.r.error->cursorpos};
    return out;
  }
  out.tree = nlohmann::json::parse(owner.r.parse_tree);
  return out;
}

nlohmann::json statement_tree(std::string_view statement_text) {
  ParseOutput parsed = parse_sql(statement_text);
  if (parsed.error) return nullptr;
  const auto& stmts = member(parsed.tree, "stmts");
  if (!stmts.is_array() || stmts.empty()) return nullptr;
  return member(stmts[0], "stmt");
}

std::vector<sql::RawRange> scanner_ranges(std::string_view sql) {
  std::string input = c_string(sql);
  SplitResultOwner owner{pg_query_split_with_scanner(input.c_str())};
  std::vector<sql::RawRange> out;
  if (owner.r.error != nullptr) return out;
  out.reserve(static_cast<std::size_t>(owner.r.n_stmts));
  for (int i = 0; i < owner.r.n_stmts; ++i) {
    auto begin = static_cast<std::size_t>(owner.r.stmts[i]->stmt_location);
    auto len = static_cast<std::size_t>(owner.r.stmts[i]->stmt_len);
    out.push_back({begin, std::min(begin + len, sql.size())});
  }
  return out;
}

std::vector<sql::RawRange> tree_ranges(const nlohmann::json& tree, std::size_t script_size) {
  std::vector<sql::RawRange> out;
  const auto& stmts = member(tree, "stmts");
  if (!stmts.is_array()) return out;
  for (const auto& s : stmts) {
    auto begin = s.value("stmt_location", std::size_t{0});
    auto len = s.value("stmt_len", std::size_t{0});
    // stmt_len 0 means "to the end of the text" (the last statement, no ';').
    auto end = len == 0 ? script_size : std::min(begin + len, script_size);
    out.push_back({std::min(begin, script_size), end});
  }
  return out;
}

}  // namespace godwit::postgres
