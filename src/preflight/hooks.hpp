#pragma once
// godwit.toml's hooks around `migrate deploy` (README.md, "Configuration"; docs/safety.md,
// "Hooks"). Each hook is a shell command run as `/bin/sh -c COMMAND` in the current folder, its
// standard input closed and its standard output sent to godwit's standard error (stdout keeps
// Prisma's transcript, which scripts parse), with the process environment plus:
//   GODWIT_HOOK         before_deploy | after_deploy | before_migration | after_migration |
//                       on_failure
//   GODWIT_MIGRATION    the migration's folder name ("" for the deploy hooks; on_failure: the
//                       migration that failed, "" when the deploy failed before one started)
//   GODWIT_STATUS       pending (before_*), applied (after_migration), success (after_deploy),
//                       failed (on_failure)
//   GODWIT_DURATION_MS  whole milliseconds: of the migration (after_migration), of the deploy
//                       so far (after_deploy, on_failure); 0 for before_* hooks
//   GODWIT_TARGET       the database URL with its password replaced by ****
//   GODWIT_ENV          the environment's name ("" when none is chosen)
//   GODWIT_ERROR        on_failure only: the error's code (P3018, GW2508, ...)
// A before_* hook that exits non-zero stops the deploy before the next step (GW2508): nothing
// of the deploy (before_deploy) or of that migration (before_migration) is applied. An after_*
// or on_failure hook that fails is reported as a warning and changes nothing.

#include <map>
#include <string>

namespace godwit::preflight {

struct HookRun {
  std::string name;     ///< e.g. "before_deploy"
  std::string command;  ///< as written in godwit.toml
  std::string migration, status, target, env, error;
  long long duration_ms = 0;
};

struct HookOutcome {
  int exit_code = 0;  ///< 128 + signal when a signal ended it
};

/// Runs the hook and waits for it. Errors: GW2509 when /bin/sh cannot be started.
HookOutcome run_hook(const HookRun& hook);

/// run_hook for a before_* hook: throws GW2508 when it exits non-zero, naming the hook, its
/// command and exit status, and what was (not) applied (`stopped_before`, e.g. "No migration
/// was applied.").
void run_before_hook(const HookRun& hook, const std::string& stopped_before);

/// run_hook for an after_* or on_failure hook: returns a warning line for a non-zero exit or a
/// command that cannot start, "" when it succeeded.
std::string run_after_hook(const HookRun& hook);

}  // namespace godwit::preflight
