#pragma once
// `migrate down-gen` (issue 11): a down.sql for existing migrations, rendered by the differ from
// the schema after each migration back to the schema before it, both read from ONE shadow
// replay of the history (migration by migration on one shadow database, introspected after
// the migrations that are needed), and the down of a new migration for `migrate dev`.
// down.sql sits next to migration.sql; Prisma and godwit's migrations-folder reader read only
// migration.sql (prisma-compat.md §3.3-3.4), so checksums and status are unchanged.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialect/registry.hpp"
#include "migrate/migrations_dir.hpp"
#include "plan/plan.hpp"
#include "project/target.hpp"
#include "schema/catalog.hpp"
#include "schema/inspector.hpp"

namespace godwit::down {

/// The file name of a down migration, next to migration.sql.
inline constexpr std::string_view kDownFile = "down.sql";

/// `<migrations folder>/<name>/down.sql` of a migration.
std::filesystem::path down_path(const migrate::LocalMigration& m);

/// The down of one migration.
struct GeneratedDown {
  std::string migration;
  /// down.sql's text (header comment + script); nullopt when the differ cannot express the
  /// reverse (see `skipped`).
  std::optional<std::string> text;
  /// Why there is no down: "line 12: UPDATE (a data change ...)" (down/reversible.hpp) or
  /// the inspector's note on an object the model cannot hold.
  std::string skipped;
  std::vector<std::string> warnings;  ///< Prisma's warnings and godwit's data-loss notes
  std::size_t statements = 0;         ///< statements of the down script
};

/// Generates the downs of the migrations named in `names` (all of `folder` when empty), in
/// folder order. One shadow database replays `folder` up to the last of them; the catalog is
/// read before and after each named migration. Nothing is written.
/// Errors: GW2830 for a name that is not a migration of the folder; P3015 (a folder without
/// migration.sql up to the last named one); P3006 (a migration fails on the shadow database);
/// P3014 (no shadow database); GW2009 (Ctrl-C/SIGTERM: the shadow database is dropped first).
std::vector<GeneratedDown> generate_downs(const dialect::Parts& parts,
                                          const project::DatabaseTarget& main,
                                          const std::vector<migrate::LocalMigration>& folder,
                                          const std::vector<std::string>& names,
                                          const schema::InspectOptions& options);

/// The down of a migration that goes from `before` to `after` (e.g. `migrate dev`'s new
/// migration: the shadow after every local migration, and the schema's catalog), named
/// `migration` in its header.
GeneratedDown down_between(const dialect::Parts& parts, const std::string& migration,
                           const schema::Catalog& before, const schema::Catalog& after);

/// Writes `text` to `path`. Errors: GW2831 when the file cannot be written.
void write_down_file(const std::filesystem::path& path, std::string_view text);

}  // namespace godwit::down
