#pragma once
// Environments (godwit.toml's `[env.NAME]`): which one a command works on, what it changes in
// the project (URL, protection, lint gate, lock budget thresholds, hooks, backup policy), and
// the checks a protected environment asks for (README.md, "Configuration"; docs/safety.md,
// "Environments").
//
// Choice, highest first: `--env NAME` > GODWIT_ENV > none. With none, nothing changes: godwit
// behaves as Prisma (the top-level [hooks] and [backup] still apply).
// The URL, highest first: --url > `[env.NAME].url` > prisma.config.ts > the schema >
// DATABASE_URL (project.hpp). `url = 'env("VAR")'` reads VAR from the process environment and
// the `.env` files Prisma would read; a relative SQLite path resolves against godwit.toml's
// folder.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "project/godwit_toml.hpp"

namespace godwit::project {

struct Project;

/// The settings in force: the chosen environment's merged over the file's top-level ones.
struct Environment {
  std::string name;            ///< "" when no environment is chosen
  bool named_by_flag = false;  ///< chosen with --env (GODWIT_ENV does not count as naming it)
  bool is_protected = false;
  /// `migrate deploy` archives what its migrations destroy (`--archive`) unless --no-archive:
  /// `archive` of the environment, else `protected` (docs/recovery.md).
  bool archive = false;
  /// Which lint findings stop `migrate deploy`: `lint_stops_deploy`, else kError when protected,
  /// else kNever (findings are printed and the deploy goes on).
  LintGate lint_gate = LintGate::kNever;
  Thresholds thresholds;
  Hooks hooks;          ///< [hooks] with [env.NAME.hooks]'s keys replacing them
  BackupPolicy backup;  ///< [backup] with [env.NAME.backup]'s keys replacing them
  /// The URL written in the environment (raw: literal or env("VAR")), if any.
  std::optional<std::string> url;
};

/// The environment `flag` (--env) or GODWIT_ENV names, merged with the file's defaults; an
/// unnamed Environment when neither is set. Errors: GW2501 when the name is not an `[env.X]`
/// of `config` (or there is no godwit.toml): lists the names there are.
Environment select_environment(
    const GodwitToml& config, const std::optional<std::string>& flag,
    const std::function<std::optional<std::string>(const std::string&)>& env);

/// Resolves an environment's `url` value: a literal URL as is, `env("VAR")` (or env('VAR'))
/// through `lookup`. Errors: GW2502 when VAR is not set or empty (names the environment and the
/// variable).
std::string resolve_environment_url(
    const std::string& raw, const std::string& env_name,
    const std::function<std::optional<std::string>(const std::string&)>& lookup);

/// Destructive commands (`migrate reset`, `db push --force-reset`, `--accept-data-loss`,
/// `backup restore`) call this before touching anything. On a protected environment it throws
/// GW2505 unless `yes` (--yes) was given AND the environment was named with --env on the
/// command line (GODWIT_ENV alone is not enough: a shell that exports it must not make a reset
/// of production one flag away). `action` names the command in the message, e.g.
/// "migrate reset". Other environments: returns.
void require_destructive_ok(const Project& project, std::string_view action, bool yes);

/// How a command asks the user (the CLI passes a terminal; tests pass scripted answers).
struct Prompt {
  bool interactive = false;  ///< stdin and stderr are terminals
  /// Shows `question` and returns the line typed, or nullopt at end of input.
  std::function<std::optional<std::string>(const std::string& question)> ask;
};

/// Before `migrate deploy` applies `pending` on a protected environment: with `yes`, returns;
/// interactively, shows the target (never the password) and the pending migrations and asks
/// for the environment's name to be typed. Errors: GW2503 (not interactive and no --yes: says
/// to add --yes), GW2504 (the answer was not the environment's name). Unprotected: returns.
void confirm_protected_deploy(const Project& project, const std::vector<std::string>& pending,
                              bool yes, const Prompt& prompt);

}  // namespace godwit::project
