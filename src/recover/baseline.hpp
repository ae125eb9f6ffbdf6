#pragma once
// `migrate baseline`: Prisma's "Baselining a database" recipe as one command (its docs,
// https://pris.ly/d/migrate-baseline; docs/recovery.md): for a database that already has a
// schema but no migration history, write `<migrations>/<name>/migration.sql` = the difference
// from an empty database to the live one, byte for byte what
//   prisma migrate diff --from-empty --to-config-datasource --script > <name>/migration.sql
// writes, then record it as applied as `prisma migrate resolve --applied <name>` does. The
// database's schema is not changed (only `_prisma_migrations` is created and gets its row).

#include <filesystem>
#include <string>
#include <vector>

#include "migrate/dialect.hpp"
#include "migrate/session.hpp"
#include "project/project.hpp"
#include "recover/recorded_migration.hpp"
#include "schema/inspector.hpp"

namespace godwit::dialect {
struct Parts;
}

namespace godwit::recover {

/// The folder name Prisma's recipe uses.
inline constexpr std::string_view kDefaultBaselineName = "0_init";

struct BaselineResult {
  Recorded migration;
  std::size_t changes = 0;  ///< objects the script creates (tables, indexes, enums, ...)
  /// What the catalog could not hold (not in the script; said, never re-created).
  std::vector<schema::InspectWarning> warnings;
};

/// Baselines the database of `session` (opened without creating the database).
/// `name`: the folder's name, used as given (Prisma's recipe names it; no timestamp, no slug).
/// Errors: GW2803 (`name` is not a plain folder name), GW2801 (the migrations folder already
/// holds migrations), GW2800 (`_prisma_migrations` has rows), GW2802 (the database holds
/// nothing to baseline), the inspector's GW1120, write_and_record's (GW1210, P3008...).
BaselineResult baseline(migrate::Session& session, const dialect::Parts& parts,
                        const schema::InspectOptions& options,
                        const migrate::RunOptions& run_options, const std::string& name);

}  // namespace godwit::recover
