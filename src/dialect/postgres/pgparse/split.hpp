#pragma once
// Splitting a PostgreSQL migration script into statements with PostgreSQL's own parser
// (libpg_query), so the runner can execute and report statement by statement.

#include <string_view>

#include "sql/statement.hpp"

namespace godwit::postgres {

/// Splits and classifies `script` (a whole migration.sql).
///
/// - The script is parsed once; statement bounds and classification come from that parse
///   tree (the same bounds pg_query_split_with_parser gives). If it does not parse, the
///   bounds come from pg_query_split_with_scanner, which only needs the tokens, and each
///   piece is parsed on its own: the piece with the syntax error is still a statement of
///   its own (`parsed` false, kind from its leading keywords), sent to the server, which
///   reports the error with its position. If even the scanner fails (an unterminated quote
///   or comment), the whole script is one unparsed statement.
/// - `Statement::text` is what is sent to the server: leading white space and comments and
///   trailing white space trimmed, comments inside kept, no ';'. `offset`/`line` point at its
///   first token. Empty statements (stray ';', comment-only tails) are dropped.
/// - A UTF-8 byte order mark at the start is skipped; CRLF line ends are kept in `text`.
/// - `Script::mode` is transaction_mode_for(statements).
///
/// Throws core::Error GW1201 if the script holds a NUL byte.
sql::Script split_script(std::string_view script);

}  // namespace godwit::postgres
