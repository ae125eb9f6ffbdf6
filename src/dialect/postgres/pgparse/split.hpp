#pragma once
// Splitting a PostgreSQL migration script into statements with PostgreSQL's own parser
// (libpg_query), so the runner can execute and report statement by statement.

#include <cstddef>
#include <string_view>

#include "sql/statement.hpp"

namespace godwit::postgres {

/// The size of the pieces split_script() parses at a time, two at once: the parser's memory (a
/// parse tree is ~10-50x its text; 17x for a piece of single-row INSERTs) stays near 1 MB,
/// while its per-call cost stays negligible (320 calls for a 10 MB script). 256 KB pieces
/// held 8.9 MB of parse trees at once: 30 % of a 10 MB data migration's peak memory.
inline constexpr std::size_t kParsePieceBytes = std::size_t{32} << 10;

/// Splits and classifies `script` (a whole migration.sql).
///
/// - The script is parsed in pieces of about kParsePieceBytes cut after a ';' (a piece that
///   parses on its own proves its cut), so memory follows the piece and the largest statement,
///   not the file;
///   statement bounds are pg_query_split_with_parser's, as if the whole script were parsed at
///   once. A statement is classified from its own parse tree (protobuf), parsed alone, except
///   when its first keyword settles it (INSERT, UPDATE, DELETE, COMMENT). If the script does
///   not parse, the bounds come from pg_query_split_with_scanner, which only needs the tokens,
///   and each piece is parsed on its own: the piece with the syntax error is still a statement
///   of its own (`parsed` false, kind from its leading keywords), sent to the server, which
///   reports the error with its position. If even the scanner fails (an unterminated quote or
///   comment), the whole script is one unparsed statement.
/// - `Statement::text` is what is sent to the server: leading white space and comments and
///   trailing white space trimmed, comments inside kept, no ';'; a view of `script` (or of the
///   Script's own copy when a byte order mark was blanked), which must outlive the Script.
///   `offset`/`line` point at its first token. Empty statements (stray ';', comment-only tails) are
///   dropped.
/// - A UTF-8 byte order mark at the start is skipped; CRLF line ends are kept in `text`.
/// - `Script::mode` is transaction_mode_for(statements).
///
/// Throws core::Error GW1201 if the script holds a NUL byte.
sql::Script split_script(std::string_view script);

}  // namespace godwit::postgres
