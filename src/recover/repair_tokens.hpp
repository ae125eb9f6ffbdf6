#pragma once
// `migrate repair`: is an edit of an applied migration only white space or SQL comments?
// (docs/recovery.md, "godwit migrate repair"). Both texts are split into statements by the
// dialect's own splitter (migrate::Dialect::split: libpg_query's for PostgreSQL, sqlite3_complete
// for SQLite), which drops empty statements and the comments and white space around each one;
// each statement is then read as a stream of tokens (words, numbers, quoted strings and
// identifiers kept byte for byte, operator runs, single punctuation), without the comments and
// white space inside it. Two scripts with equal statement token streams run the same SQL.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/dialect.hpp"

namespace godwit::recover {

/// The tokens of one statement's text (as the splitter returns it), comments and white space
/// left out; quoted runs ('...', E'...' with backslash escapes, "...", `...`, [...],
/// $tag$...$tag$) are one token each, as written. nullopt when the text cannot be read with
/// certainty: an unterminated quote or comment, or a block comment holding "/*" (PostgreSQL
/// nests such comments, SQLite does not); callers then treat the edit as a real one.
std::optional<std::vector<std::string>> statement_tokens(std::string_view text);

/// Where two scripts first differ, when they do.
struct TokenDifference {
  std::size_t statement = 0;  ///< 1-based statement number in the edited script
  std::string original;       ///< that statement in the original ("" when it has none)
  std::string edited;         ///< that statement in the edited script ("" when it has none)
};

/// nullopt when `original` and `edited` hold the same statements token for token (they differ
/// at most in white space and comments); else the first statement that differs. A statement
/// that cannot be read with certainty (statement_tokens) counts as different.
/// Errors: the splitter's (GW1201 for a NUL byte).
std::optional<TokenDifference> first_token_difference(const migrate::Dialect& dialect,
                                                      std::string_view original,
                                                      std::string_view edited);

}  // namespace godwit::recover
