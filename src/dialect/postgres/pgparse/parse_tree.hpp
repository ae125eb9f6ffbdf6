#pragma once
// libpg_query (PostgreSQL 15's own parser and scanner) as statement ranges and parse errors.
// This folder is the only code that includes pg_query.h (docs/architecture.md), and only its
// .cpp files do: the rest of godwit sees byte ranges, parse errors and classifications, never
// libpg_query types. Parse trees are read as libpg_query's protobuf structs (pg_query.pb-c.h),
// one statement at a time, never as its JSON.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/lex.hpp"

namespace godwit::postgres {

/// Why libpg_query rejected a text.
struct ParseError {
  std::string message;  ///< PostgreSQL's own message, e.g. `syntax error at or near "TABLEX"`
  int position = 0;     ///< 1-based character position in the parsed text; 0 when unknown
};

/// What PostgreSQL's parser makes of a text: its statements' byte ranges, or the parse error.
struct ParseOutput {
  /// One range per statement, in text order: from just after the previous statement's ';'
  /// (or the start) up to its own ';' (or the end) — pg_query_split_with_parser's bounds.
  /// Empty on error.
  std::vector<sql::RawRange> ranges;
  std::optional<ParseError> error;
};

/// Parses `sql` (any number of statements) and keeps only the statement bounds: the parse
/// tree lives only while the parser runs, so memory follows the size of `sql`, which callers
/// keep small. Never throws on bad SQL; throws core::Error GW1201 if `sql` holds a NUL byte
/// (libpg_query reads C strings).
ParseOutput parse_sql(std::string_view sql);

/// Statement ranges found by libpg_query's scanner (pg_query_split_with_scanner): splits on
/// ';' outside strings, comments and dollar quotes without needing valid SQL. Empty when
/// even the scanner fails (an unterminated quote or comment).
std::vector<sql::RawRange> scanner_ranges(std::string_view sql);

/// `sql` as a NUL-terminated string for libpg_query. Throws core::Error GW1201 (naming the
/// line) if it holds a NUL byte, which would silently cut the text.
std::string nul_terminated(std::string_view sql);

/// Throws what nul_terminated() throws, without copying `sql`.
void reject_nul(std::string_view sql);

}  // namespace godwit::postgres
