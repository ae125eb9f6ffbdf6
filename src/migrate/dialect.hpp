#pragma once
// What the migration runner needs from one kind of database. Each dialect folder
// (src/dialect/<name>/) implements it; src/dialect/registry.hpp lists them explicitly.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "db/connection.hpp"
#include "migrate/history.hpp"
#include "migrate/lock_budget.hpp"
#include "project/target.hpp"
#include "sql/statement.hpp"

namespace godwit::migrate {

/// Held for a whole command; released when destroyed.
class RunLock {
 public:
  virtual ~RunLock() = default;
};

/// Why a migration script failed.
struct ScriptFailure {
  std::size_t statement_index = 0;  ///< 0-based index into the script's statements
  std::size_t statement_count = 0;
  int line = 0;            ///< 1-based line of the statement (or of the error position)
  std::string statement;   ///< its text
  std::string db_code;     ///< SQLSTATE / SQLite extended result code; "none" if unknown
  std::string db_message;  ///< the database's message (with detail and hint lines)
  /// Statements before the failing one that stay committed (autocommit / as-written scripts).
  /// 0 when the whole script was rolled back.
  std::size_t statements_kept = 0;
  bool rolled_back = true;  ///< nothing of the script is left applied
};

/// The history-table writes that go with one script, as SQL, so the runner can send them in the
/// same round trips as the script's BEGIN and COMMIT.
struct HistoryWrites {
  /// Runs (and commits) before the script: the `started` row. Empty: nothing.
  std::string before;
  /// Runs when every statement succeeded: inside the script's transaction, just before its
  /// COMMIT, when the script runs in one (so the row and the changes commit together), else
  /// right after the last statement. Empty: nothing.
  std::string on_success;
  /// kAutocommit / kAsWritten only: the statements an earlier run of this script committed
  /// (`migrate deploy --resume`, migrate/progress.hpp); the runner starts after them.
  std::size_t start = 0;
  /// kAutocommit / kAsWritten only: SQL recording that the script's first `committed`
  /// statements are committed (HistoryStore::progress_sql), run in the same transaction as the
  /// last of them where the dialect allows (ApplyHooks::progress_in_transaction). Unset: no
  /// progress is recorded.
  std::function<std::string(std::size_t committed)> progress;
};

/// A throwaway database that migrations are replayed on, to learn the schema a migrations
/// folder produces (prisma-compat.md §5.2, "Shadow database"). Destroying it removes it.
class ShadowDatabase {
 public:
  virtual ~ShadowDatabase() = default;
  virtual db::Connection& connection() = 0;
  /// A second connection to the same database, for reading its catalog on two connections at
  /// once (schema::InspectOptions::second_connection); null where there is none (SQLite's
  /// in-memory shadow). The caller closes it before the shadow is destroyed. Errors: as
  /// connecting (P1001, ...).
  virtual std::unique_ptr<db::Connection> open_second() { return nullptr; }
};

class Dialect {
 public:
  virtual ~Dialect() = default;

  /// "postgresql" or "sqlite" (the datasource provider and migration_lock.toml value).
  virtual std::string_view provider() const = 0;

  /// Opens the target. `create`: make the database when it does not exist, as Prisma's deploy
  /// does; `*created` (if given) then says whether it did. Errors: P1000-P1017 (core::Error).
  virtual std::unique_ptr<db::Connection> connect(const project::DatabaseTarget& target,
                                                  bool create, bool* created = nullptr) const = 0;

  /// Prisma's line when deploy created the database, e.g. `PostgreSQL database app created at
  /// localhost:5432` or `SQLite database dev.db created at file:./dev.db`.
  virtual std::string created_message(const project::DatabaseTarget& target) const = 0;

  /// True when merely opening a missing database creates it, as opening a SQLite file does:
  /// Prisma's `db execute` then creates the file, while a missing PostgreSQL database is P1003.
  virtual bool opening_creates_database() const = 0;

  /// Human description, e.g. `PostgreSQL database "app", schema "public" at "127.0.0.1:5432"`.
  virtual std::string describe(const project::DatabaseTarget& target) const = 0;

  /// Splits a migration script with the dialect's own parser. The statements are views of
  /// `script` (sql::Statement::text), which must outlive the returned Script.
  virtual sql::Script split(std::string_view script) const = 0;

  /// A new, empty shadow database for the project whose database is `main`, as Prisma makes
  /// one: PostgreSQL creates `prisma_migrate_shadow_db_<uuid v4>` on `main`'s server (with its
  /// schema when that is not "public") and drops it when the object is destroyed, also after
  /// an error or Ctrl-C; SQLite opens a private in-memory database. Errors: P3014 when the
  /// database cannot be created (permissions), with the server's message.
  virtual std::unique_ptr<ShadowDatabase> create_shadow(
      const project::DatabaseTarget& main) const = 0;

  /// The history table's DDL and value encodings.
  virtual const HistoryFlavor& history() const = 0;

  /// Names of the objects that make the database "not empty" for P3005: Prisma's rule, tables
  /// in the target schema other than the history table (views and enums do not count).
  virtual std::vector<std::string> existing_objects(db::Connection& conn) const = 0;

  /// Takes the run lock (PostgreSQL: advisory lock 72707369 via a try-lock loop; SQLite: an
  /// exclusive lock). Errors: P1002 after `timeout`.
  virtual std::unique_ptr<RunLock> lock(db::Connection& conn,
                                        std::chrono::milliseconds timeout) const = 0;

  /// The error to report instead of `e` when a read outside the run lock failed because
  /// another connection holds the database's lock, as a running SQLite deploy does for its whole
  /// run (SQLITE_BUSY): "a migration is in progress", naming the holding process where the
  /// system says which it is. nullopt for any other error, which the caller rethrows.
  virtual std::optional<core::Error> lock_conflict(db::Connection& conn,
                                                   const db::DatabaseError& e) const {
    (void)conn;
    (void)e;
    return std::nullopt;
  }
  /// Runs `script` with the history writes around it (see HistoryWrites). Returns the failure,
  /// if any; on failure `on_success` has not run and nothing of a single-transaction script is
  /// left applied.
  virtual std::optional<ScriptFailure> apply(db::Connection& conn, const sql::Script& script,
                                             const HistoryWrites& writes) const = 0;

  /// apply() under a lock budget (migrate/lock_budget.hpp): timeouts, retries of lock timeouts,
  /// blocker reports, the pre-check of long-running transactions. May throw core::Error GW2301
  /// before anything of the migration ran (blockers did not end within
  /// LockBudget::wait_for_blockers). Default: apply(), for databases without a lock queue.
  virtual std::optional<ScriptFailure> apply_guarded(db::Connection& conn,
                                                     const sql::Script& script,
                                                     const HistoryWrites& writes,
                                                     const ApplyContext& context) const {
    (void)context;
    return apply(conn, script, writes);
  }
};

}  // namespace godwit::migrate
