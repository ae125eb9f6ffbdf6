#pragma once
// `godwit check`: the pre-flight checks the migration guides of issue 10 run by hand before a
// deploy, as data (one line per check) for the CLI to print or render as JSON
// (docs/safety.md "Pre-flight check").
//
// The checks, in order: connection (and server version); migrations (pending, failed, edited,
// diverged: migrate::status); locks (long-running transactions holding locks on the tables the
// pending migrations change, and sessions waiting for locks on them); standbys (replay lag);
// disk (free space where a backup or the database file goes); lint (the pending migrations);
// drift (the applied migrations replayed on a shadow database against the database); backup
// (age of the last backup). A check that cannot apply is skipped, with the reason.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lint/config.hpp"
#include "project/project.hpp"

namespace godwit::dialect {
struct Parts;
}

namespace godwit::preflight {

enum class Status { kOk, kWarn, kFail, kSkip };

/// "ok", "warn", "FAIL", "skip".
std::string_view status_name(Status s);

struct CheckLine {
  std::string name;  ///< "connection", "migrations", "locks", "standbys", "disk", "lint", ...
  Status status = Status::kOk;
  std::string message;               ///< one line
  std::vector<std::string> details;  ///< what it found, one item each (may be empty)
};

struct CheckReport {
  std::vector<CheckLine> lines;
  /// 1 when any check failed, else 0 (warnings and skipped checks do not fail).
  int exit_code() const;
};

struct CheckOptions {
  /// A transaction holding a lock on a table a pending migration changes fails the check once
  /// it has been open this long (deploy's default lock budget: its first attempt would time
  /// out behind it).
  std::chrono::milliseconds long_transaction{1000};
  /// A standby whose replay lags more than this fails the check (issue 10's 30 s).
  double max_standby_lag_s = 30;
  /// Where backups go (the disk check measures its free space); nullopt: none configured, then
  /// the database file's folder for a file database, else the check is skipped.
  std::optional<std::filesystem::path> backup_dir;
  /// Whether backups are set up (backup/config.hpp: a folder); false: "not configured".
  bool backup_configured = false;
  /// The last backup of this database: its age in seconds and its file name; nullopt: none.
  std::optional<std::pair<double, std::string>> last_backup;
  /// A backup older than this warns.
  double max_backup_age_s = 24 * 3600;
  lint::Config lint;
  bool drift = true;  ///< replay the applied migrations on a shadow database and compare
};

/// Runs every check against `project`'s database with `parts`. Never throws for what a check
/// finds: a failure to connect is the connection line (the checks that need the database are
/// then skipped); a check that errors is a failed line with the error's code and message.
CheckReport run_checks(const project::Project& project, const dialect::Parts& parts,
                       const CheckOptions& options);

}  // namespace godwit::preflight
