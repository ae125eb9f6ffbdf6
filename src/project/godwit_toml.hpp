#pragma once
// godwit.toml: godwit's own project settings, in the current folder (next to where the
// commands run, as `migrate lint` has always read it). Prisma has no such file, so a project
// without one behaves exactly as with Prisma. Every key is checked: an unknown key is an
// error, so a misspelt setting cannot silently do nothing (README.md, "Configuration").
//
//   [lint]                          # lint rules: lint/config.hpp (GW2403 for its errors)
//   [hooks]                         # shell commands around `migrate deploy`
//   before_deploy = "./notify.sh start"
//   after_deploy, before_migration, after_migration, on_failure = "..."
//   [backup]                        # the backup policy (filled by src/backup/)
//   before_deploy = true
//
//   [env.prod]                      # an environment, chosen with --env prod or GODWIT_ENV
//   url = 'env("PROD_DATABASE_URL")'  # or a literal URL; overrides config/schema/DATABASE_URL
//   protected = true                # confirmation before deploy; destructive commands refuse
//   lint_stops_deploy = "error"     # "error" | "warning" | "never" (default: "error" when
//                                   # protected, else "never")
//   lock_budget = 2.0               # seconds: defaults for deploy's flags of the same name
//   lock_retries = 8
//   statement_timeout = 0
//   wait_for_blockers = 0
//   long_running = 300              # seconds: deploy's --long-running alert threshold
//   max_standby_lag = 30            # seconds: deploy's --max-standby-lag
//   [env.prod.hooks]                # replaces the same keys of [hooks] in this environment
//   [env.prod.backup]               # replaces the same keys of [backup]
//
// Errors: GW2500 (not TOML, a wrong type, an unknown key: names the key and the file), GW2403
// for `[lint]` as before.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "lint/config.hpp"
#include "lint/finding.hpp"

namespace godwit::project {

/// Shell commands run around `migrate deploy` (hooks.hpp says how they run). An empty
/// optional: no hook.
struct Hooks {
  std::optional<std::string> before_deploy, after_deploy;
  std::optional<std::string> before_migration, after_migration;
  std::optional<std::string> on_failure;
  bool any() const {
    return before_deploy || after_deploy || before_migration || after_migration || on_failure;
  }
};

/// The backup policy: `[backup]` and `[env.X.backup]`. The backup commands (src/backup/) own
/// its meaning; this reader only checks types. Units: days, a count, a folder relative to the
/// godwit.toml folder.
struct BackupPolicy {
  std::optional<bool> before_deploy;  ///< take a backup before a deploy that applies something
  std::optional<std::filesystem::path> dir;  ///< where backups go (absolute once read)
  std::optional<long long> keep;             ///< retention: how many to keep
  std::optional<double> max_age_days;        ///< retention: delete older ones
};

/// Which lint severity stops a deploy in an environment (`lint_stops_deploy`).
enum class LintGate { kNever, kWarning, kError };

/// Lock budget thresholds: defaults for `migrate deploy`'s flags (seconds / a count).
struct Thresholds {
  std::optional<double> lock_budget, statement_timeout, wait_for_blockers, report_blockers_after;
  std::optional<double> long_running, max_standby_lag;  ///< deploy's flags of the same name
  std::optional<long long> lock_retries;
};

/// One `[env.NAME]` table, as written.
struct EnvironmentConfig {
  std::string name;
  std::optional<std::string> url;  ///< literal URL or `env("VAR")`
  bool is_protected = false;
  std::optional<bool> archive;  ///< `archive = true|false` (deploy --archive by default)
  std::optional<LintGate> lint_gate;
  Thresholds thresholds;
  Hooks hooks;          ///< [env.NAME.hooks]
  BackupPolicy backup;  ///< [env.NAME.backup]
};

/// The whole file.
struct GodwitToml {
  std::optional<std::filesystem::path> file;  ///< the file read; empty when there is none
  lint::Config lint;
  Hooks hooks;
  BackupPolicy backup;
  std::map<std::string, EnvironmentConfig> envs;
};

/// Parses a godwit.toml text; `file` names it in errors and relative paths resolve against its
/// folder. Errors: GW2500, GW2403.
GodwitToml parse_godwit_toml(std::string_view text, const std::filesystem::path& file);

/// Reads `dir/godwit.toml`; an empty GodwitToml when there is none. Errors: as parse.
GodwitToml read_godwit_toml(const std::filesystem::path& dir);

/// "never", "warning", "error".
std::string_view lint_gate_name(LintGate g);

}  // namespace godwit::project
