#pragma once
// `migrate deploy`: apply every pending migration (prisma-compat.md §1.2, §5.3).

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "archive/keeper.hpp"
#include "migrate/lock_budget.hpp"
#include "migrate/session.hpp"
#include "sql/statement.hpp"

namespace godwit::migrate {

/// One round trip of a migration's statements and how long it took: one statement, or (in a
/// single-transaction migration on PostgreSQL) a group sent together, whose statements the
/// server does not time one by one.
struct StatementTime {
  std::size_t first = 0;  ///< 0-based index of its first statement
  std::size_t last = 0;   ///< 0-based index of its last statement (== first: one statement)
  int line = 0;           ///< the first statement's line in migration.sql
  std::string excerpt;    ///< the first statement's start, on one line (at most 80 bytes)
  double ms = 0;
};

/// Where `deploy --resume` continued a failed migration (migrate/progress.hpp).
struct ResumePoint {
  std::string migration;
  std::size_t committed = 0;  ///< statements the failed run(s) committed; run from the next
  std::size_t total = 0;      ///< statements of the migration
  std::string started_at;     ///< when the failed row was started (display form)
  bool edited_after = false;  ///< migration.sql changed after the committed statements
};

struct AppliedMigration {
  std::string name;
  std::size_t statements = 0;
  sql::TransactionMode mode = sql::TransactionMode::kSingle;
  double duration_ms = 0;
  LockStats lock;  ///< what the lock budget did (retries, waits, blockers)
  /// The slowest round trips, slowest first (at most kSlowestShown).
  std::vector<StatementTime> slowest;
  std::optional<ResumePoint> resumed;  ///< set when --resume continued this migration
  /// `--archive`: what was set to be archived before it was destroyed, e.g. "column
  /// "public"."User"."email"" (archive/keeper.hpp); empty when nothing was.
  std::vector<std::string> archived;
};

inline constexpr std::size_t kSlowestShown = 3;

struct DeployReport {
  std::size_t migrations_found = 0;
  std::vector<AppliedMigration> applied;
  bool created_history_table = false;
};

/// Called before each migration starts (for "Applying migration `<name>`").
using DeployProgress = std::function<void(const std::string& name)>;

/// Deploy's godwit-only settings (the shared ones are RunOptions).
struct DeployOptions {
  /// `--resume`: a failed migration that godwit ran is continued at the statement after the
  /// ones its row records as committed, on the same row, instead of stopping with P3009.
  bool resume = false;
  /// Called when a migration is resumed, before its "Applying migration" progress.
  std::function<void(const ResumePoint&)> on_resume;
  /// `--archive` (docs/recovery.md, "Keeping data across a down"): before each statement that
  /// destroys data, the keeper's SQL copies that data into the archive, in the migration's
  /// transaction (right before the statement when the migration does not run in one). nullptr:
  /// nothing is archived. Errors: GW2890 (a dropped column's table has no key), GW2892 (no
  /// place for an archive: an in-memory SQLite database).
  const archive::Keeper* keeper = nullptr;
};

/// Applies pending migrations in folder order, one history row each.
/// - A script without transaction control and without statements that cannot run in a
///   transaction runs in one transaction together with its history row's success update.
/// - Errors: P3005 (non-empty database without history), P3009 (failed migrations), P3015
///   (missing migration.sql), P3018 (a script failed: its row keeps the error in `logs`),
///   P1002 (lock), GW2301 (--wait-for-blockers ran out before a migration), connection errors.
/// - Each migration runs under `options.lock_budget` (Dialect::apply_guarded); when lock timeouts
///   were retried before it succeeded, its row's `logs` says so (finished rows keep logs NULL
///   otherwise, as Prisma writes them).
/// - `deploy_options.resume`: P3009 only when more than one migration failed (GW2701);
///   GW2702-GW2705 when the failed one cannot be resumed safely (docs/error-codes.md).
DeployReport deploy(Session& session, const RunOptions& options, const DeployProgress& progress,
                    const DeployOptions& deploy_options = {});

/// The P3018 text for a failure (also what is written to the row's `logs`); without a
/// `migration` name (db execute) the "Migration name" line is left out.
std::string describe_failure(const std::string& migration, const ScriptFailure& failure,
                             const std::string& script_path);

}  // namespace godwit::migrate
