#pragma once
// What `migrate deploy --dry-run` needs from a dialect (dialect::Parts::preview): the locks each
// statement of a migration would take, and the current size of the tables they lock. Both only
// read: nothing here writes to the database.

#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "sql/statement.hpp"

namespace godwit::migrate {

/// One lock a statement takes on an existing relation.
struct StatementLock {
  std::string table;   ///< the relation as written, e.g. `"public"."User"` or `"User"`
  std::string mode;    ///< e.g. "ACCESS EXCLUSIVE" (PostgreSQL), "EXCLUSIVE (whole database)"
  std::string blocks;  ///< what application traffic that lock stops while held or queued
};

struct StatementPreview {
  int line = 1;      ///< 1-based line in migration.sql
  std::string kind;  ///< e.g. "ALTER TABLE", from the runner's splitter
  std::string text;  ///< as written
  std::vector<StatementLock> locks;
};

struct ScriptPreview {
  sql::TransactionMode mode = sql::TransactionMode::kSingle;  ///< as the runner would run it
  std::vector<StatementPreview> statements;
};

/// The size of a table now. Estimates, as the catalog keeps them (PostgreSQL: pg_class.reltuples
/// and pg_total_relation_size; SQLite: count(*) and the dbstat pages when available).
struct TableSize {
  std::string table;     ///< as StatementLock::table
  bool exists = false;   ///< false: not there yet (created by an earlier statement)
  long long rows = -1;   ///< -1: unknown (PostgreSQL before the first ANALYZE)
  long long bytes = -1;  ///< table, indexes and TOAST; -1: unknown
};

class DeployPreviewer {
 public:
  virtual ~DeployPreviewer() = default;
  /// Splits `script` as the runner does and names the locks of each statement. Never throws
  /// for SQL it cannot read (such a statement has no locks listed); GW1201 for a NUL byte.
  virtual ScriptPreview preview(std::string_view script) const = 0;
  /// The sizes of `tables` (names as in StatementLock::table), read-only queries.
  /// Errors: db::DatabaseError / core::Error from the connection.
  virtual std::vector<TableSize> table_sizes(db::Connection& conn,
                                             const std::vector<std::string>& tables) const = 0;
};

}  // namespace godwit::migrate
