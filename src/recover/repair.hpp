#pragma once
// `migrate repair` (issue 11; docs/recovery.md, "godwit migrate repair"): Flyway's `repair`,
// which Prisma lacks. It brings `_prisma_migrations` back in line with the migrations folder
// and the live database, after checking each change against the database, without touching
// the database's schema or rows:
// 1. failed migrations (a row started, not finished, not rolled back: Prisma's P3009 state) are
//    marked rolled back, as `migrate resolve --rolled-back` marks them, when the live database
//    equals the shadow replay of its applied migrations (the failed one left nothing behind);
//    otherwise refused with what it left, as SQL;
// 2. applied migrations whose migration.sql was edited only in white space or SQL comments
//    (the original text found in git, compared statement token by statement token:
//    repair_tokens.hpp) get the file's checksum; other edits only when named in
//    `accept_edits`, after the schema difference between the edited history's replay and the
//    database is shown; rolled-back rows of a migration whose applied row matches get the
//    file's checksum too (Prisma compares the first row of a name: ENG
//    diagnose_migration_history.rs);
// 3. an applied migration missing from the folder is written again from the live database
//    (the differ's script from the replay of the folder's applied migrations to the live
//    database: what it did, verified to replay to the database) and its rows get the new
//    file's checksum; refused when it is not the last applied one, or not the only one missing.
// Everything is checked first; a refusal changes nothing. Each change is reported through the
// progress callback before it is made.

#include <functional>
#include <string>
#include <vector>

#include "dialect/registry.hpp"
#include "migrate/session.hpp"
#include "schema/inspector.hpp"

namespace godwit::recover {

struct RepairOptions {
  bool dry_run = false;                   ///< report the changes, make none (no run lock)
  std::vector<std::string> accept_edits;  ///< --accept-edits: migrations whose edits to accept
};

/// One change to `_prisma_migrations` (or, for kFolderRecreated, also to the folder).
struct RepairChange {
  enum class Kind {
    kRolledBack,         ///< the failed rows of `migration` marked rolled back
    kChecksumRealigned,  ///< edit in white space/comments only, or a stale rolled-back row
    kEditAccepted,       ///< a real edit accepted by --accept-edits: the checksum realigned
    kFolderRecreated,    ///< <migrations>/<migration>/migration.sql written, checksum realigned
  };
  Kind kind = Kind::kRolledBack;
  std::string migration;
  std::string reason;            ///< one line: why the change is safe
  std::vector<std::string> ids;  ///< the rows it updates
  std::string checksum;          ///< the checksum the rows get (not for kRolledBack)
  /// kEditAccepted: SQL that turns the replay of the edited history into the live database
  /// (empty: the edit makes no difference to the schema). kFolderRecreated: the file's text.
  std::string sql;
};

struct RepairReport {
  std::vector<RepairChange> changes;  ///< in the order they are made (or would be)
  bool nothing_to_repair() const { return changes.empty(); }
};

/// Called with each change right before it is made (also on a dry run, where none is made).
using RepairProgress = std::function<void(const RepairChange&)>;

/// Checks and (unless `options.dry_run`) makes the repairs, under the migrate run lock
/// (PostgreSQL advisory lock 72707369, SQLite an exclusive lock) as deploy takes it.
/// Errors (docs/error-codes.md): GW2850 (a failed migration left objects in the database: they
/// are listed as SQL, with the ways out), GW2851 (an applied migration was edited beyond white
/// space and comments, or its original text is not in git, and it is not named in
/// --accept-edits), GW2852 (a migration missing from the folder cannot be written again: it
/// is not the last applied one, several are missing, or its folder exists without
/// migration.sql), GW2853 (--accept-edits names a migration that is not an edited applied
/// one), GW2854 (the migration written again does not replay to the database: the folder is
/// removed); P1002 (lock), P3006/P3014 (shadow database), GW2009 (Ctrl-C), GW1120.
RepairReport repair(migrate::Session& session, const dialect::Parts& parts,
                    const schema::InspectOptions& inspect, const migrate::RunOptions& run,
                    const RepairOptions& options, const RepairProgress& progress);

}  // namespace godwit::recover
