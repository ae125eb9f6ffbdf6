#pragma once
// `migrate deploy --dry-run` (docs/safety.md, "Dry run"): what a deploy would do, read without
// changing anything: no database created, no history table created, no run lock taken, no
// statement of a migration sent. Per pending migration: its statements, the transaction mode
// the runner would use, the locks each statement takes and on which table
// (dialect::Parts::preview), the current size of those tables, the lint findings and whether
// they would stop the deploy in this environment; and the backup that would be taken first.

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "lint/finding.hpp"
#include "migrate/preview.hpp"
#include "project/project.hpp"

namespace godwit::preflight {

struct DryRunMigration {
  std::string name;
  std::string file;  ///< migration.sql's path as shown
  migrate::ScriptPreview script;
  std::vector<lint::Finding> findings;
};

struct DryRunReport {
  std::string target;  ///< the URL without its password
  std::string environment;
  bool is_protected = false;
  bool database_exists = true;        ///< false: deploy would create it
  bool history_table_exists = false;  ///< false: deploy would create _prisma_migrations
  std::size_t migrations_found = 0;
  std::vector<std::string> failed;  ///< failed history rows: deploy would stop with P3009
  std::vector<DryRunMigration> pending;
  std::vector<migrate::TableSize> tables;  ///< every table a pending statement locks
  /// The lint gate: which severity stops, and the findings that would stop the deploy now.
  std::string lint_gate;
  std::vector<lint::Finding> stopping;
  std::string backup;  ///< the backup deploy would take first, or "none configured"
};

struct DryRunOptions {
  std::set<std::string> allow;  ///< --allow codes
  /// The deploy's lock budget would set these timeouts (exempt_budgeted_timeouts).
  bool sets_lock_timeout = false, sets_statement_timeout = false;
  std::chrono::milliseconds lock_timeout{10'000};
  /// Shows a migration.sql path (the CLI makes it relative to the current folder).
  std::function<std::string(const std::filesystem::path&)> display_path;
};

/// Reads the database (if it exists) and the migrations folder. Errors: as `migrate status`
/// (connection errors other than a missing database, P3019, GW2001), GW1201 (NUL byte).
DryRunReport dry_run(const project::Project& project, const DryRunOptions& options);

/// The human report (for stdout: a dry run prints nothing else there).
std::string render_dry_run(const DryRunReport& report);

/// {"command":"deploy","dryRun":true,"target","environment","protected","databaseExists",
///  "historyTableExists","migrationsFound","failed":[...],"backup","lintGate",
///  "wouldStop":[finding...],"tables":[{"table","exists","rows","bytes"}],
///  "pending":[{"name","file","transactionMode","statements":[{"line","kind","sql",
///  "locks":[{"table","mode","blocks"}]}],"findings":[finding...]}]}
/// A finding: {"code","severity","file","line","message","lock","blocks","safeSql"}; unknown
/// sizes are null.
nlohmann::json dry_run_json(const DryRunReport& report);

}  // namespace godwit::preflight
