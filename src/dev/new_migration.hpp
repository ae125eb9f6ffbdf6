#pragma once
// The migration `migrate dev` writes (prisma-compat.md §5.2 steps 5-7; ENG
// evaluate_data_loss.rs and create_migration.rs): diff(the schema the migrations folder
// produces, the Prisma schema) -> Prisma's script, with the warnings Prisma writes into the
// file (its `pure_check`: no database), and the warnings and unexecutable steps the live
// database gives (with row counts) for the command to show and ask about.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "dialect/registry.hpp"
#include "diff/change_set.hpp"
#include "down/generate.hpp"
#include "plan/plan.hpp"
#include "schema/catalog.hpp"

namespace godwit::dev {

struct NewMigration {
  diff::ChangeSet changes;
  /// The statements; its `warnings`/`unexecutable` are the file's (counted on nothing).
  plan::Plan plan;
  /// On the live database (rows counted there): what `migrate dev` asks about before writing
  /// (warnings) or refuses to apply (unexecutable steps), Prisma's evaluateDataLoss.
  std::vector<plan::Warning> live_warnings;
  std::vector<plan::Warning> live_unexecutable;
  bool empty() const { return changes.empty(); }
  /// down.sql (issue 11): the way back from the schema to the shadow's (down/generate.hpp),
  /// written next to migration.sql by write_new_migration.
  down::GeneratedDown down;
  /// migration.sql as Prisma writes it: the script, "-- This is an empty migration." when there
  /// is no change (written only with --create-only).
  std::string file_text() const;
};

/// Plans the migration from `from` (the shadow after every local migration) to `to` (the
/// schema's catalog); counts rows through `live` (the development database, at the state
/// `from` describes). `renames`: the rename changes `--rename` asked for (dev/rename_flags.hpp;
/// diff/renames.hpp), rendered first, their objects paired instead of dropped and created.
/// Errors: the renderer's (GW0001).
NewMigration plan_new_migration(const dialect::Parts& parts, const schema::Catalog& from,
                                const schema::Catalog& to, db::Connection& live,
                                const std::vector<diff::Change>& renames = {});

/// Writes `<migrations_dir>/<folder>/migration.sql` and, when missing, `migration_lock.toml`
/// for `provider` as Prisma writes them (ENG migrations_directory.rs). Returns the script's
/// path. Errors: GW1210 when the folder exists already or a file cannot be written. With
/// `down` (its script set), also `<folder>/down.sql` named after the folder (GW2831).
std::filesystem::path write_new_migration(const std::filesystem::path& migrations_dir,
                                          const std::string& folder, std::string_view text,
                                          std::string_view provider,
                                          const down::GeneratedDown* down = nullptr);

}  // namespace godwit::dev
