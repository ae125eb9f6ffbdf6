#pragma once
// Whether the differ can express a migration's reverse (issue 11, "Down migrations"): a down
// migration is the diff from the schema after the migration back to the schema before it, so
// it can only undo what the schema model holds (tables, columns, indexes, foreign keys, enums,
// sequences, namespaces; extensions with the postgresqlExtensions preview feature). A migration
// that also changes data or objects the model does not see gets no down.sql: one line says why.

#include <optional>
#include <string>

#include "sql/statement.hpp"

namespace godwit::down {

/// Why `script`'s reverse cannot be rendered by the differ, naming the first statement that
/// stops it (its line and kind), or nullopt when every statement changes only what the model
/// holds. Accepted: CREATE/ALTER/DROP of tables, indexes, sequences and schemas; CREATE TYPE
/// ... AS ENUM, ALTER/DROP TYPE; ALTER INDEX; extensions when `extensions_modelled`; PRAGMA
/// and transaction control (a SQLite table redefinition); SET/RESET; and INSERT into a table
/// the same script created (a redefinition's copy, or rows of a table the down drops again).
/// Refused: other data statements (UPDATE, DELETE, INSERT into an existing table, COPY, ...),
/// and everything else (functions, triggers, views, policies, grants, comments, DO blocks).
std::optional<std::string> why_not_reversible(const sql::Script& script, bool extensions_modelled);

}  // namespace godwit::down
