#pragma once
// What the runner and lint need to know about one PostgreSQL statement, read from its
// libpg_query parse tree (the protobuf structs of pg_query.pb-c.h, inside classify.cpp only).

#include <optional>
#include <string>
#include <string_view>

namespace godwit::postgres {

struct Classification {
  std::string kind;  ///< short upper-case tag: "CREATE TABLE", "CREATE INDEX CONCURRENTLY", ...
  bool transaction_control = false;  ///< opens or ends the session's transaction
  bool no_transaction = false;       ///< PostgreSQL 15 refuses it inside a transaction block
};

/// Classifies one statement from its parse tree; nullopt when `statement_text` does not parse
/// as exactly one statement.
///
/// no_transaction follows PostgreSQL 15's PreventInTransactionBlock() callers that a
/// statement's text decides: CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and
/// REINDEX SCHEMA/DATABASE/SYSTEM, ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY,
/// VACUUM, CLUSTER without a table, CREATE/DROP DATABASE, ALTER DATABASE ... SET
/// TABLESPACE, CREATE/DROP TABLESPACE, ALTER SYSTEM, DISCARD ALL, COMMIT/ROLLBACK
/// PREPARED, and subscription commands that touch the publisher. Cases that depend on the
/// catalog (CLUSTER or REINDEX of a partitioned table) are not detected.
///
/// `ALTER TYPE ... ADD VALUE` runs inside a transaction block since PostgreSQL 12, so it is
/// not no_transaction; but the new value cannot be used before that transaction commits
/// ("unsafe use of new value"), which is why it gets its own kind "ALTER TYPE ADD VALUE".
std::optional<Classification> classify_sql(std::string_view statement_text);

/// classify_sql() for a statement known to parse (the splitter checked it), skipping the parse
/// when the leading keyword settles the answer (INSERT, UPDATE, DELETE, COMMENT: a data
/// migration's statements), which is what keeps splitting a large data migration cheap.
Classification classify_parsed(std::string_view statement_text);

/// Best-effort classification from the leading keywords, for a statement libpg_query
/// cannot parse (newer syntax, or a real syntax error the server will report).
Classification classify_words(std::string_view text);

}  // namespace godwit::postgres
