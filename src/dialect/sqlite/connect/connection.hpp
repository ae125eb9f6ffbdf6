#pragma once
// A SQLite connection behind the db::Connection seam.
//
// Scripts run statement after statement in autocommit mode, as Prisma's `execute_batch`
// (prisma-compat.md §4.2); errors carry SQLite's extended result code in decimal, which is
// what Prisma prints in P3018.

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>

#include "db/connection.hpp"
#include "dialect/sqlite/connect/url.hpp"

namespace godwit::sqlite {

struct OpenOptions {
  /// How long a statement waits for a lock held by another connection before failing with
  /// SQLITE_BUSY (code "5").
  std::chrono::milliseconds busy_timeout{5000};
};

class SqliteConnection final : public db::Connection {
 public:
  /// Opens `file` for reading and writing, with foreign keys enforced.
  /// - `create`: a missing file is created (and missing parent directories, as Prisma's
  ///   `create_database`); created() then says so, for "SQLite database dev.db created at ...".
  /// - ":memory:" opens a private in-memory database (Prisma's SQLite shadow database).
  /// Errors: P1003 "Database dev.db does not exist at /abs/dev.db" (Prisma's wording) when the
  /// file is missing and `create` is false; GW1302 when SQLite cannot open it; GW1303 when
  /// the parent directory cannot be created.
  static std::unique_ptr<SqliteConnection> open(const std::filesystem::path& file, bool create,
                                                const OpenOptions& options = {});
  /// The same, with the URL's busy timeout.
  static std::unique_ptr<SqliteConnection> open(const SqliteTarget& target, bool create);

  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  /// Runs every statement of `sql` in order, each to completion (rows are discarded), in
  /// autocommit mode unless the script opens its own transaction. Stops at the first error:
  /// db::DatabaseError with the extended result code in decimal (e.g. "1", "787", "2067"),
  /// sqlite3_errmsg, and for syntax errors the 1-based character position in `sql`.
  void execute(std::string_view sql) override;

  /// One statement; `$1`, `$2`, ... are bound by name to params[0], params[1], ...
  /// Integers come back in decimal, reals in SQLite's text form, NULL as nullopt.
  /// Errors: db::DatabaseError; code "25" (SQLITE_RANGE) when the statement uses a parameter
  /// other than $1..$n or leaves one of params unused, "21" (SQLITE_MISUSE) for more than
  /// one statement.
  db::Rows query(std::string_view sql, std::span<const db::Value> params = {}) override;

  /// !sqlite3_get_autocommit: an explicit BEGIN is open.
  bool in_transaction() override;

  /// '...' with quotes doubled (SQLite has no backslash escapes).
  std::string quote_literal(std::string_view text) override;

  /// sqlite3_interrupt on this connection: the running statement fails with SQLITE_INTERRUPT
  /// (code "9"); an INSERT/UPDATE/DELETE inside a transaction rolls that transaction back.
  std::unique_ptr<db::Canceller> canceller() override;

  /// True when open() created the file.
  bool created() const { return created_; }
  const std::filesystem::path& file() const { return file_; }

  std::chrono::milliseconds busy_timeout() const { return busy_timeout_; }
  void set_busy_timeout(std::chrono::milliseconds timeout);

  /// The migration lock (prisma-compat.md §4.3, SQLite): `PRAGMA main.locking_mode=EXCLUSIVE`
  /// as Prisma, then an empty `BEGIN EXCLUSIVE` / `COMMIT` so the exclusive file lock is taken
  /// now and kept until release or close; the pragma alone would take it only at the first
  /// write, in the middle of a migration. Another process (godwit, Prisma, an application)
  /// then waits its busy timeout and gets SQLITE_BUSY ("database is locked"); nothing is
  /// written by a second writer, so the file cannot be corrupted.
  /// Returns false, without locking, when PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK disables the
  /// lock (same rule as postgres::advisory_lock_disabled). Call outside a transaction.
  /// Errors: P1002 after `timeout` when another connection holds a lock on the file.
  bool acquire_exclusive_lock(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  /// Back to `locking_mode=NORMAL`, and a read so SQLite actually drops the file lock.
  void release_exclusive_lock();

 private:
  SqliteConnection(sqlite3* db, std::filesystem::path file, bool created);
  [[noreturn]] void throw_error(std::string_view sql, int byte_position);

  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db_;
  std::filesystem::path file_;
  bool created_ = false;
  std::chrono::milliseconds busy_timeout_{0};
};

}  // namespace godwit::sqlite
