#pragma once
// Splitting a SQLite migration script into statements the way the sqlite3 shell does
// (sqlite3_complete), so the runner can execute and report statement by statement.

#include <string>
#include <string_view>

#include "sql/statement.hpp"

namespace godwit::sqlite {

/// Splits and classifies `script` (a whole migration.sql).
///
/// - A statement ends at a ';' for which sqlite3_complete() says the text so far is complete:
///   ';' inside strings, quoted identifiers, comments and CREATE TRIGGER ... BEGIN ... END
///   bodies do not end it. Text after the last such ';' is a final statement if it holds
///   more than white space and comments (sqlite3_exec runs it too).
/// - `text`/`offset`/`line` as for PostgreSQL: leading white space and comments and trailing
///   white space trimmed, no ';', a UTF-8 byte order mark at the start skipped; empty
///   statements dropped.
/// - transaction_control: BEGIN, COMMIT/END, ROLLBACK, SAVEPOINT, RELEASE.
/// - no_transaction: VACUUM, and PRAGMAs that do not take effect inside a transaction when
///   they set a value: journal_mode (silently ignored), synchronous (an error), temp_store,
///   wal_checkpoint, and foreign_keys, which is a silent no-op inside a transaction: Prisma's
///   table redefinition (prisma-compat.md §7.8) relies on `PRAGMA foreign_keys=OFF` taking
///   effect, or DROP TABLE of a parent runs ON DELETE CASCADE on its children (§4.2: Prisma
///   runs SQLite scripts in autocommit).
/// - kind: "CREATE TABLE", "CREATE INDEX", "INSERT", ..., and for pragmas "PRAGMA <name>"
///   with the name lower-cased ("PRAGMA foreign_keys", "PRAGMA defer_foreign_keys",
///   "PRAGMA foreign_key_check"); pragma_value() reads the value.
/// - `Script::mode` is transaction_mode_for(statements).
/// - Statement texts are views of `script`, which must outlive the Script.
///
/// Throws core::Error GW1201 if the script holds a NUL byte.
sql::Script split_script(std::string_view script);

/// A `PRAGMA` statement's value: after '=' or inside '(...)', unquoted, case as written ("OFF"
/// for `PRAGMA foreign_keys=OFF`, "T" for `PRAGMA foreign_key_check("T")`); empty for the query
/// form (`PRAGMA foreign_keys`) and for every other statement. Read from the text on demand,
/// so that statements stay small (sql::Statement).
std::string pragma_value(const sql::Statement& statement);

}  // namespace godwit::sqlite
