#pragma once
// `migrate dev`'s first step (prisma-compat.md §5.2 steps 2-3; ENG
// diagnose_migration_history_cli.rs and dev_diagnostic_cli.rs): compare the migrations folder
// with `_prisma_migrations`, replay the folder on a shadow database, and decide whether the
// database can take a new migration or would need a reset. godwit never resets by itself: the
// caller explains the reasons and stops.

#include <optional>
#include <string>
#include <vector>

#include "dialect/registry.hpp"
#include "diff/change_set.hpp"
#include "migrate/session.hpp"
#include "schema/catalog.hpp"
#include "schema/inspector.hpp"

namespace godwit::dev {

/// What the history and the shadow replay showed.
struct HistoryCheck {
  bool has_history_table = false;
  std::vector<std::string> applied;  ///< local migrations with a finished, not rolled back row
  std::vector<std::string> pending;  ///< local migrations without any row (Prisma's rule)
  std::vector<std::string> failed;   ///< rows started, not finished, not rolled back
  std::vector<std::string> edited;   ///< local migrations whose first row's checksum differs
  /// Rows whose migration is not in the folder (Prisma's MigrationsDirectoryIsBehind, or part
  /// of HistoriesDiverge when some local migrations are not in the database either).
  std::vector<std::string> missing_locally;
  std::optional<std::string> last_common;  ///< the last migration both sides share (diverged)
  bool diverged() const { return !pending.empty() && !missing_locally.empty(); }

  /// Drift: the changes from the schema the applied migrations produce (on the shadow
  /// database) to the live database's; empty when there is none.
  diff::ChangeSet drift;
  schema::Catalog after_applied;  ///< the shadow after the applied migrations
  schema::Catalog live;           ///< the live database as read
  /// The shadow after every local migration: what the next migration is diffed from.
  schema::Catalog after_all;
  /// What the catalogs could not hold (said, never re-created).
  std::vector<schema::InspectWarning> warnings;

  /// Prisma's reason to reset (dev_diagnostic_cli.rs `check_for_reset_conditions`, its exact
  /// text: one reason alone, several as a "- " list); nullopt when the database can go on.
  /// `drift_summary`: diff::summary of `drift` (Prisma's migration_summary).
  std::optional<std::string> reset_reason(const std::string& drift_summary) const;
};

/// Reads the history (no lock taken, nothing written), replays the local migrations on a
/// temporary shadow database (migrate::Dialect::create_shadow: PostgreSQL
/// `prisma_migrate_shadow_db_<uuid>` on the project database's server, SQLite in memory;
/// dropped when this returns, throws or is interrupted) and reads the live database.
/// Errors: P3015 (a folder without migration.sql), P3006 (a migration fails on the shadow
/// database, applied or not, as Prisma checks both), P3014 (no shadow database),
/// db::Interrupted (GW2009, Ctrl-C/SIGTERM: the shadow database is dropped first), the
/// inspector's GW1120.
HistoryCheck check_history(migrate::Session& session, const dialect::Parts& parts,
                           const schema::InspectOptions& options);

}  // namespace godwit::dev
