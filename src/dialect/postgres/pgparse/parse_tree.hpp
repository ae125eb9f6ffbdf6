#pragma once
// libpg_query (PostgreSQL 15's own parser) seen through JSON. This folder is the only code
// that includes pg_query.h (docs/architecture.md); the rest of godwit sees nlohmann::json
// trees and byte ranges, never libpg_query types.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sql/lex.hpp"

namespace godwit::postgres {

/// Why libpg_query rejected a text.
struct ParseError {
  std::string message;  ///< PostgreSQL's own message, e.g. `syntax error at or near "TABLEX"`
  int position = 0;     ///< 1-based character position in the parsed text; 0 when unknown
};

/// The parse tree of `sql` as libpg_query prints it, or the parse error.
/// Tree shape: {"version":150001,"stmts":[{"stmt":{"<NodeType>":{...}},
///   "stmt_location":<byte offset, absent = 0>,"stmt_len":<bytes, absent = to the end>}]};
/// fields holding false/0/empty are left out. Node locations are byte offsets into `sql`.
struct ParseOutput {
  nlohmann::json tree;  ///< null on error
  std::optional<ParseError> error;
};

/// `object[key]` without copying it; a null JSON value when `object` is no object or has no
/// such member (libpg_query leaves out false/0/empty fields).
const nlohmann::json& member(const nlohmann::json& object, std::string_view key);

/// Parses `sql` (any number of statements). Never throws on bad SQL; throws core::Error
/// GW1201 if `sql` holds a NUL byte (libpg_query reads C strings).
ParseOutput parse_sql(std::string_view sql);

/// The statement node of a single statement, e.g. {"IndexStmt":{...}}: what lint rules
/// walk. Null JSON when `statement_text` does not parse or holds no statement; the first
/// statement if it holds several.
nlohmann::json statement_tree(std::string_view statement_text);

/// Statement ranges found by libpg_query's scanner (pg_query_split_with_scanner): splits on
/// ';' outside strings, comments and dollar quotes without needing valid SQL. Empty when
/// even the scanner fails (an unterminated quote or comment).
std::vector<sql::RawRange> scanner_ranges(std::string_view sql);

/// Statement ranges of a parse tree from parse_sql (`script_size` resolves an absent
/// stmt_len, which means "to the end").
std::vector<sql::RawRange> tree_ranges(const nlohmann::json& tree, std::size_t script_size);

}  // namespace godwit::postgres
