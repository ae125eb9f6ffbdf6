#pragma once
// `godwit backup create | restore | verify` and the backup before `migrate deploy`, written
// once over the dialects' archivers (backup/archiver.hpp, dialect::Parts::archiver).

#include <optional>
#include <string>
#include <vector>

#include "backup/config.hpp"
#include "backup/store.hpp"
#include "core/clock.hpp"
#include "project/project.hpp"

namespace godwit::db {
class Connection;
}
namespace godwit::schema {
struct Catalog;
}

namespace godwit::backup {

struct CreateResult {
  Entry backup;
  std::vector<Entry> removed;  ///< by retention
};

/// Backs up the project's database into `policy.dir`: the file (0600) written under a
/// `.partial` name and renamed when complete, then its manifest; then retention. Nothing is
/// left behind on failure. Errors: the archiver's (P1003 for a missing database, GW2600,
/// GW2601, GW2602, GW2605), GW2604 (folder or files), GW2002 (provider without backups).
CreateResult create_backup(const project::Project& project, const Policy& policy,
                           const core::Clock& clock);

/// What a restore did.
struct RestoreResult {
  Entry backup;
  /// Migrations recorded in the database but not in the backup, overridden with `force`.
  std::vector<std::string> newer;
};

/// Restores `backup` over the project's database. Refuses (GW2610, nothing changed) when the
/// database's history holds migrations the backup's manifest does not, unless `force`.
/// Errors: GW2611 (a backup of another provider), GW2609 (the file changed since it was
/// written), the archiver's (GW2600, GW2603), connection errors.
RestoreResult restore_backup(const project::Project& project, const Entry& backup, bool force);

/// One table whose row count differs.
struct RowMismatch {
  std::string table;
  std::optional<long long> expected;  ///< nullopt: not in the manifest
  std::optional<long long> actual;    ///< nullopt: not in the restored copy
};

struct VerifyResult {
  Entry backup;
  std::string scratch;          ///< where it was restored (already removed)
  bool schema_matches = false;  ///< the restored catalog's dump equals the manifest's
  /// The first differing line of the two schema dumps (manifest, restored), when they differ.
  std::string schema_expected_line, schema_actual_line;
  std::vector<RowMismatch> rows;  ///< tables whose counts differ
  std::size_t tables = 0;
  long long total_rows = 0;
  bool ok() const { return schema_matches && rows.empty(); }
};

/// Restores `backup` into a scratch database next to the project's (always removed again),
/// introspects it and counts its rows, and compares both with the manifest. The file's digest
/// is checked first (GW2609). Errors: the archiver's (GW2600, GW2603, GW2604).
VerifyResult verify_backup(const project::Project& project, const Entry& backup);

/// `migrate deploy --backup` / `[backup] before_deploy`: backs up when the database exists,
/// has a history table and migrations of the folder are pending. nullopt (with `reason`
/// saying why) when there is nothing to back up. Errors: GW2613 wrapping any failure, so
/// the deploy stops before anything is applied.
std::optional<CreateResult> backup_before_deploy(const project::Project& project,
                                                 const Policy& policy, const core::Clock& clock,
                                                 std::string* reason);

/// Exact row counts of every table of `catalog` ("<namespace>.<name>"), in catalog order, in
/// one query.
std::vector<TableRows> count_rows(db::Connection& conn, const schema::Catalog& catalog);

}  // namespace godwit::backup
