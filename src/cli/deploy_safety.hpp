#pragma once
// `migrate deploy`'s environment checks, lint gate, hooks and --dry-run (docs/safety.md,
// "Environments", "Hooks", "Dry run"), kept apart from migrate_cmd.cpp's runner wiring. The
// library parts are src/project/environment.hpp and src/preflight/.
//
// Output: findings, hook output and prompts go to stderr; stdout keeps Prisma's transcript, so
// scripts that parse `migrate deploy`'s stdout see the same text with or without godwit.toml.
// `--dry-run` prints its report on stdout (it replaces the transcript), `--dry-run --json` the
// JSON form.

#include <CLI/CLI.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/common_options.hpp"
#include "core/error.hpp"
#include "migrate/deploy.hpp"

namespace godwit::cli {

struct DeploySafetyFlags {
  bool yes = false;
  bool dry_run = false;
  bool no_lint = false;
  std::vector<std::string> allow;
  /// Long flags given on the command line or through their environment variable (so godwit.toml's
  /// thresholds apply only to the others), e.g. "--lock-budget".
  std::set<std::string> given;
};

/// Adds --yes, --allow, --dry-run and --no-lint to `deploy`; after parsing, `flags.given` lists
/// every option of `deploy` that was set (call record_given_options in the callback).
void add_deploy_safety_options(CLI::App& deploy, DeploySafetyFlags& flags);
void record_given_options(const CLI::App& deploy, DeploySafetyFlags& flags);

/// `value` replaced by the environment's threshold when `flag` was not given.
void apply_threshold(const DeploySafetyFlags& flags, const char* flag,
                     const std::optional<double>& from_env, double& value);
void apply_threshold(const DeploySafetyFlags& flags, const char* flag,
                     const std::optional<long long>& from_env, int& value);

/// `migrate deploy --dry-run`: prints the report; exit 0 (1 when the lint gate would stop the
/// deploy or failed migrations would, so CI can test a deploy before running it).
int run_deploy_dry_run(const Loaded& l, const CommonOptions& o, const DeploySafetyFlags& flags,
                       const migrate::LockBudget& budget);

/// The checks around one deploy run. Construct after the session is open; call `before` before
/// migrate::deploy, pass `progress` through `wrap`, then `after` on success or `failed` with
/// the error.
class DeployGuard {
 public:
  DeployGuard(const Loaded& l, const CommonOptions& o, const DeploySafetyFlags& flags);

  /// Lints the pending migrations (findings on stderr), applies the lint gate (GW2506), asks
  /// for confirmation on a protected environment (GW2503/GW2504), runs before_deploy (GW2508).
  /// Nothing has been applied when it throws.
  /// `budget`: what the deploy will run with (its timeouts exempt the findings that a file sets
  /// none: preflight::exempt_budgeted_timeouts).
  void before(migrate::Session& session, const migrate::LockBudget& budget);

  /// Runs before_migration / after_migration around each migration; refuses (GW2510) a
  /// migration that was not pending when `before` checked.
  migrate::DeployProgress wrap(migrate::DeployProgress progress);

  /// after_migration of the last one, after_deploy.
  void after(const migrate::DeployReport& report);

  /// on_failure with the error's code.
  void failed(const core::Error& e);

 private:
  std::string hook_target() const;
  void run_after(const char* name, const std::optional<std::string>& command,
                 const std::string& migration, const std::string& status, long long ms);

  const Loaded& l_;
  const CommonOptions& o_;
  const DeploySafetyFlags& flags_;
  std::set<std::string> checked_;  ///< pending names `before` linted and confirmed
  std::string current_;            ///< the migration running, "" between migrations
  std::chrono::steady_clock::time_point deploy_started_, migration_started_;
};

}  // namespace godwit::cli
