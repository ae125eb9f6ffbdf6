#pragma once
// `migrate dev`'s first step (prisma-compat.md §5.2 steps 2-3; ENG
// diagnose_migration_history_cli.rs and dev_diagnostic_cli.rs): compare the migrations folder
// with `_prisma_migrations`, replay the folder on a shadow database, and decide whether the
// database can take a new migration or would need a reset. godwit never resets by itself: the
// caller explains the reasons and stops.

#include <filesystem>
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
  /// The shadow catalogs came from the shadow cache (dev/shadow_cache.hpp): nothing replayed.
  bool shadow_from_cache = false;
  /// Lines for stderr about the shadow cache (a file that could not be read or written).
  std::vector<std::string> notes;

  /// Prisma's reason to reset (dev_diagnostic_cli.rs `check_for_reset_conditions`, its exact
  /// text: one reason alone, several as a "- " list); nullopt when the database can go on.
  /// `drift_summary`: diff::summary of `drift` (Prisma's migration_summary).
  std::optional<std::string> reset_reason(const std::string& drift_summary) const;
};

/// Where the migrations are replayed, and whether a stored result may stand in for the replay.
struct ShadowSettings {
  /// `shadowDatabaseUrl`: replay there (reset first) instead of on a temporary database
  /// (dialect::open_shadow).
  std::optional<std::string> url;
  /// The shadow cache's file (dev/shadow_cache.hpp); nullopt: always replay, store nothing.
  std::optional<std::filesystem::path> cache_file;
  /// godwit's identity for the cache key (dev::executable_identity).
  std::string godwit;
  /// More of what the replay's reading depends on, for the key: the schema's preview features
  /// (they switch parts of introspection on), beyond the InspectOptions.
  std::string context;
};

/// Reads the history (no lock taken, nothing written), replays the local migrations on a
/// temporary shadow database (migrate::Dialect::create_shadow: PostgreSQL
/// `prisma_migrate_shadow_db_<uuid>` on the project database's server, SQLite in memory;
/// dropped when this returns, throws or is interrupted), or on `shadow.url` (emptied first,
/// kept), and reads the live database. With
/// `shadow.cache_file`, a stored replay of exactly these migrations on this server by this godwit
/// is used instead (HistoryCheck::shadow_from_cache), and a new replay is stored.
/// Errors: GW1244 (`shadow.url` is the main database), P3015 (a folder without migration.sql),
/// P3006 (a migration fails on the shadow database, applied or not, as Prisma checks both), P3014
/// (no shadow database), db::Interrupted (GW2009, Ctrl-C/SIGTERM: the shadow database is dropped
/// first), the inspector's GW1120.
HistoryCheck check_history(migrate::Session& session, const dialect::Parts& parts,
                           const schema::InspectOptions& options,
                           const ShadowSettings& shadow = {});

}  // namespace godwit::dev
