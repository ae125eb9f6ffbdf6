#pragma once
// `migrate deploy`: apply every pending migration (prisma-compat.md §1.2, §5.3).

#include <functional>
#include <string>
#include <vector>

#include "migrate/lock_budget.hpp"
#include "migrate/session.hpp"
#include "sql/statement.hpp"

namespace godwit::migrate {

struct AppliedMigration {
  std::string name;
  std::size_t statements = 0;
  sql::TransactionMode mode = sql::TransactionMode::kSingle;
  double duration_ms = 0;
  LockStats lock;  ///< what the lock budget did (retries, waits, blockers)
};

struct DeployReport {
  std::size_t migrations_found = 0;
  std::vector<AppliedMigration> applied;
  bool created_history_table = false;
};

/// Called before each migration starts (for "Applying migration `<name>`").
using DeployProgress = std::function<void(const std::string& name)>;

/// Applies pending migrations in folder order, one history row each.
/// - A script without transaction control and without statements that cannot run in a
///   transaction runs in one transaction together with its history row's success update.
/// - Errors: P3005 (non-empty database without history), P3009 (failed migrations), P3015
///   (missing migration.sql), P3018 (a script failed: its row keeps the error in `logs`),
///   P1002 (lock), GW2301 (--wait-for-blockers ran out before a migration), connection errors.
/// - Each migration runs under `options.lock_budget` (Dialect::apply_guarded); when lock timeouts
///   were retried before it succeeded, its row's `logs` says so (finished rows keep logs NULL
///   otherwise, as Prisma writes them).
DeployReport deploy(Session& session, const RunOptions& options, const DeployProgress& progress);

/// The P3018 text for a failure (also what is written to the row's `logs`); without a
/// `migration` name (db execute) the "Migration name" line is left out.
std::string describe_failure(const std::string& migration, const ScriptFailure& failure,
                             const std::string& script_path);

}  // namespace godwit::migrate
