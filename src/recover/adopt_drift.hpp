#pragma once
// `migrate adopt-drift`: drift kept instead of reset (issue 11; docs/recovery.md). When the
// live database differs from the schema its applied migrations produce (a hotfix applied by
// hand), the difference becomes a new migration that is recorded as applied: the database is
// not touched, and afterwards `migrate dev` (godwit's and Prisma's) replays the history,
// including the new migration, to the live schema and sees no drift.
//
// Two steps, so that the command can show the drift and ask for a name in between:
// capture_drift (read-only: the history checked, the applied migrations replayed on a shadow
// database by dev::check_history, the difference rendered) and adopt_drift (the folder written,
// verified on a second shadow replay, recorded as `migrate resolve --applied` records).

#include <string>
#include <vector>

#include "dev/history_check.hpp"
#include "migrate/session.hpp"
#include "recover/recorded_migration.hpp"
#include "schema/inspector.hpp"

namespace godwit::dialect {
struct Parts;
}

namespace godwit::recover {

/// The drift of a database whose history is complete.
struct Drift {
  dev::HistoryCheck check;  ///< the shadow after the applied migrations, the live database
  /// The migration's file: what `prisma migrate diff --from-migrations <migrations>
  /// --to-config-datasource --script > migration.sql` writes for this database (all of its
  /// migrations applied, so the folder replays to `check.after_applied`).
  DiffScript script;
  std::string summary;  ///< diff::summary of the drift (Prisma's migration summary)
  bool empty() const { return script.empty(); }
};

/// Checks that the history can take a migration on top (no failed or pending migration, the
/// folder and `_prisma_migrations` agree) and computes the drift. Changes nothing.
/// Errors: GW2813 (no `_prisma_migrations` table), GW2810 (a failed migration), GW2812 (edited
/// migrations, migrations missing from the folder, folders without migration.sql, a diverged
/// history), GW2811 (pending migrations); dev::check_history's (P3006 when a migration fails on
/// the shadow database, P3014, GW2009 on Ctrl-C, GW1120).
Drift capture_drift(migrate::Session& session, const dialect::Parts& parts,
                    const schema::InspectOptions& options, const migrate::RunOptions& run_options);

/// Writes `drift.script` as `<migrations>/<folder>/migration.sql`, replays the whole folder
/// (now with it) on a new shadow database and compares the result with the live database
/// read by capture_drift, then records the migration as applied. The database's schema is not
/// changed; `_prisma_migrations` gets one row.
/// Errors: GW2814 when the replay still differs from the database (the difference shown; the
/// folder is removed, nothing recorded), write_and_record's (GW1210, P3008...), the replay's
/// (P3006, P3014).
Recorded adopt_drift(migrate::Session& session, const dialect::Parts& parts,
                     const schema::InspectOptions& options, const migrate::RunOptions& run_options,
                     const Drift& drift, const std::string& folder);

}  // namespace godwit::recover
