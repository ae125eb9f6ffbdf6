#pragma once
// The one algorithm that runs a migration script, for every dialect; dialects adapt it with
// small hooks (architecture.md: one generic algorithm, small per-dialect hooks).

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "db/connection.hpp"
#include "migrate/dialect.hpp"
#include "sql/statement.hpp"

namespace godwit::migrate {

/// A group sent by execute_group holds at most this many statements and, unless one statement
/// is larger, this many bytes: the server parses a group whole before running it, so its memory
/// and the time before the first statement runs follow the group, while a round trip per 1,000
/// statements costs nothing measurable (docs/benchmarks.md, issue 8).
inline constexpr std::size_t kGroupStatements = 1000;
inline constexpr std::size_t kGroupBytes = std::size_t{1} << 20;

struct ApplyHooks {
  /// Statement that opens the script's transaction in TransactionMode::kSingle.
  std::string begin_sql = "BEGIN";
  /// kSingle only: runs before BEGIN (e.g. SQLite turns foreign keys off: that pragma is a no-op
  /// inside a transaction); `after_transaction` runs after COMMIT or ROLLBACK.
  std::function<void(const sql::Script&)> before_transaction;
  std::function<void(const sql::Script&)> after_transaction;
  /// kSingle only: statements not to send inside the transaction (they would be no-ops there).
  std::function<bool(const sql::Statement&)> skip_in_transaction;
  /// kSingle only: statements that may go to Connection::execute_group, which sends a run of
  /// them (up to kGroupStatements / kGroupBytes at a time) as one view of the script; the others
  /// go to execute() one at a time (e.g. PostgreSQL's COPY, or text the parser could not split,
  /// which may hold several commands). Unset: none.
  std::function<bool(const sql::Statement&)> batchable;
  /// kSingle only: a last check inside the transaction before the history row is written and
  /// the transaction commits; a failure rolls everything back.
  std::function<std::optional<ScriptFailure>(const sql::Script&)> before_commit;
  /// The script line an error points at, from the statement and the server's 1-based character
  /// position in it (0 = none). Default: the statement's first line.
  std::function<int(const sql::Statement&, int position)> error_line;
  /// The lock budget's retries (migrate/lock_budget.hpp): called when `failure` ended a run of
  /// the script that left nothing of it applied since the retry point; returns how long to wait
  /// before running it again, or nullopt to report the failure. `attempt` is the retry's number
  /// (1-based) for that point. What is run again: the whole transaction (kSingle: BEGIN to
  /// COMMIT, without `writes.before`, whose row is already committed); in kAutocommit /
  /// kAsWritten, the failed statement when it ran outside a transaction block, else the file's
  /// own transaction from the statement that opened it. The wait ends early on Ctrl-C/SIGTERM,
  /// and the failure is then reported. Unset: no retries.
  std::function<std::optional<std::chrono::milliseconds>(const ScriptFailure& failure, int attempt)>
      retry;
  /// kAutocommit / kAsWritten: called before each statement is sent, and after one failed (once
  /// the failure is rolled back, before a retry or the report): e.g. PostgreSQL drops the
  /// invalid index a failed CREATE INDEX CONCURRENTLY leaves behind.
  std::function<void(const sql::Statement&)> before_statement;
  std::function<void(const sql::Statement&)> after_failure;
  /// kAutocommit / kAsWritten with HistoryWrites::progress: true when a statement that runs
  /// outside a transaction block may run inside `BEGIN; <statement>; <progress>; COMMIT` (one
  /// round trip, one commit), so that a crash cannot separate the statement from its count.
  /// Statements for which it is false or unset (CREATE INDEX CONCURRENTLY, SQLite's PRAGMAs)
  /// commit first and their progress right after; a crash in between leaves the statement
  /// uncounted, and `already_done` decides on resume. Inside the file's own transaction the
  /// progress is written before each transaction-control statement, so it commits with COMMIT.
  std::function<bool(const sql::Statement&)> progress_in_transaction;
  /// Resume only (HistoryWrites::start > 0): asked once, for the statement the resumed run
  /// starts with, before before_statement. True: an earlier run already completed it (e.g. the
  /// index of a concurrent build killed after it finished exists and is valid): it is counted
  /// as committed and not sent. Also the place to undo what a killed run left half done (the
  /// invalid index of an interrupted concurrent build). Unset: the statement runs.
  std::function<bool(const sql::Statement&)> already_done;
  /// Called after each round trip that ran statements `first`..`last` (0-based, inclusive;
  /// several for a group of kSingle) with its wall-clock duration. Unset: not measured.
  std::function<void(std::size_t first, std::size_t last, std::chrono::nanoseconds took)> timed;
};

/// Runs `script` on `conn` in the mode the script needs (sql::transaction_mode_for):
/// - kSingle: `writes.before` and BEGIN (one round trip); every statement (runs of `batchable`
///   ones in groups through execute_group, one round trip per group on PostgreSQL);
///   before_commit;
///   `writes.on_success` and COMMIT (one round trip) — the changes and the history row commit
///   together, or nothing does.
/// - kAutocommit / kAsWritten: `writes.before`; statement by statement as written; then
///   `writes.on_success`. On a failure inside a transaction the script opened, that transaction
///   is rolled back.
/// Returns the failure, or nullopt. A failure of `writes.before` propagates (the script did not
/// start); connection loss propagates as core::Error.
/// After Ctrl-C/SIGTERM (db/interrupt.hpp) no further statement is sent: the script stops as if
/// the next statement had failed ("Not sent"), and a single transaction is rolled back rather
/// than committed. The statement the signal cancelled fails as the database reports it.
std::optional<ScriptFailure> apply_script(db::Connection& conn, const sql::Script& script,
                                          const HistoryWrites& writes, const ApplyHooks& hooks);

/// The database error text Prisma shows: message, then DETAIL/HINT lines when present.
std::string database_error_text(const db::DatabaseError& e);

}  // namespace godwit::migrate
