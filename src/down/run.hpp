#pragma once
// `migrate down` (issue 11): runs the down.sql files of the last applied migrations, newest
// first, each in one transaction with its history change where the script allows one, after
// verifying every one of them on a shadow database.
//
// History: a reverted migration's rows are DELETED from `_prisma_migrations` (every row of that
// name). Prisma's status (ENG diagnose_migration_history.rs) counts a migration as applied or
// not by whether any row of its name exists, rolled back or not, so marking the row rolled
// back would leave `prisma migrate status` saying "up to date"; without a row both godwit and
// Prisma list it as not yet applied, and both deploys apply it again.
//
// Verification, before anything runs on the database: one shadow replay of the applied
// migrations, read after migration A-K..A (A applied, K to revert); the live database must
// equal the replay of A (no drift); then on the shadow, newest first: apply down.sql of N, read,
// compare with the replay to N-1. A down that fails or does not restore the earlier schema is
// refused, with the difference as SQL.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "archive/keeper.hpp"
#include "dialect/registry.hpp"
#include "migrate/session.hpp"
#include "schema/inspector.hpp"

namespace godwit::down {

struct DownOptions {
  std::optional<std::string> to;     ///< --to NAME: revert every applied migration after NAME
  std::optional<std::size_t> steps;  ///< --steps N (default 1)
  bool dry_run = false;              ///< verify and report, change nothing
  /// --no-restore: leave the archives `deploy --archive` made (archive/keeper.hpp) as they
  /// are instead of putting their data back.
  bool no_restore = false;
};

/// One migration to revert.
struct DownStep {
  std::string migration;
  std::string path;  ///< its down.sql
  std::string text;  ///< down.sql as read
  std::size_t statements = 0;
  /// The archives of this migration (`deploy --archive`) whose data goes back after down.sql,
  /// in the down's transaction, tables before columns; then they are dropped.
  std::vector<archive::ArchiveRecord> restores;
  /// Archives of objects the migration itself created (the verified down does not re-create
  /// them): nothing to put back, dropped with the down.
  std::vector<archive::ArchiveRecord> dropped;
};

struct DownReport {
  std::vector<DownStep> steps;        ///< newest first: the order they run in
  std::vector<std::string> reverted;  ///< those that ran (none on a dry run)
};

/// Called before each down.sql runs on the database.
using DownProgress = std::function<void(const DownStep&)>;

/// Verifies and (unless `options.dry_run`) runs the downs under the migrate run lock.
/// Errors (docs/error-codes.md): GW2820 (no history table or nothing applied), GW2821 (failed
/// migrations), GW2822 (the applied migrations are not the first ones of the folder, or an
/// applied one is missing locally or was edited), GW2823 (--to/--steps do not name applied
/// migrations), GW2824 (a migration has no down.sql), GW2825 (drift: the database is not what
/// the replay of its history makes), GW2826 (a down.sql fails on the shadow database), GW2827
/// (a down.sql does not restore the schema before its migration: the difference as SQL),
/// GW2891 (the shape down.sql re-creates cannot take an archive's data: a column is missing or
/// of another type; checked on the shadow database), GW2828 (a down.sql failed on the database:
/// that migration stays applied, the ones before it in this run are reverted); P1002 (lock),
/// P3006/P3014 (shadow database), GW2009.
DownReport migrate_down(migrate::Session& session, const dialect::Parts& parts,
                        const schema::InspectOptions& inspect, const migrate::RunOptions& run,
                        const DownOptions& options, const DownProgress& progress);

}  // namespace godwit::down
