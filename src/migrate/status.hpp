#pragma once
// `migrate status`: compare the migrations folder with the history table
// (prisma-compat.md §5.4; Prisma's diagnoseMigrationHistory without a shadow database).

#include <optional>
#include <string>
#include <vector>

#include "migrate/session.hpp"

namespace godwit::migrate {

struct StatusReport {
  std::vector<std::string> local;  ///< migration folders, in order
  bool has_history_table = false;
  std::vector<std::string> pending;          ///< local, with no row that is not rolled back
  std::vector<HistoryRow> failed;            ///< rows started, not finished, not rolled back
  std::vector<std::string> missing_locally;  ///< in the history, not in the folder
  /// Applied migrations whose migration.sql no longer matches the stored checksum. Prisma's
  /// status is silent about these; godwit reports them (exit code unchanged unless --strict).
  std::vector<std::string> edited;
  std::vector<std::string> missing_script;  ///< folders without a readable migration.sql
  std::optional<std::string> last_common;   ///< for diverged histories

  bool diverged() const { return !pending.empty() && !missing_locally.empty(); }

  /// Prisma's exit code: 0 up to date (also with only edited or only missing-locally
  /// migrations), 1 for pending, diverged, no history table or failed migrations.
  int exit_code() const;
};

/// Reads the history without taking the migrate lock and without changing anything.
StatusReport status(Session& session, const RunOptions& options);

}  // namespace godwit::migrate
