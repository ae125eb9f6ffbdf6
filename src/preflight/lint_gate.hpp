#pragma once
// The lint gate of `migrate deploy` (docs/safety.md, "Environments"): the pending migrations
// are linted before anything is applied; the findings are printed (on stderr: stdout keeps
// Prisma's transcript); in an environment whose `lint_stops_deploy` is "error" (the default of
// a protected one) or "warning", findings of that severity or worse stop the deploy, with
// nothing applied, unless each code is acknowledged with `--allow CODE`.

#include <set>
#include <string>
#include <vector>

#include "lint/finding.hpp"
#include "lint/run.hpp"
#include "project/environment.hpp"

namespace godwit::preflight {

struct LintGateResult {
  lint::Report report;
  /// The findings that stop the deploy: at or above the gate's severity, code not allowed.
  std::vector<lint::Finding> stopping;
  /// `--allow` codes that acknowledged at least one finding at or above the gate.
  std::set<std::string> allowed_used;
};

/// Lints `inputs` (the pending migrations, in order) with `linter` and the project's [lint]
/// settings; `applied` are the names already applied (non-linear history). Does not throw for
/// findings; errors as lint::run (GW1201 for a NUL byte).
LintGateResult lint_pending(const lint::Linter& linter, const lint::Config& config,
                            const std::vector<lint::Input>& inputs,
                            const std::vector<std::string>& applied, project::LintGate gate,
                            const std::set<std::string>& allow);

/// The deploy sets lock_timeout / statement_timeout itself under its lock budget
/// (migrate/lock_budget.hpp), so the findings that a file sets neither (missing-lock-timeout,
/// missing-statement-timeout) are not true of a deploy that runs with them: they are left out
/// of `config` when the budget sets that timeout (> 0) and `linter` has the rule (a code it does
/// not know would be a configuration error, GW2403).
void exempt_budgeted_timeouts(lint::Config& config, const lint::Linter& linter,
                              bool sets_lock_timeout, bool sets_statement_timeout);

/// Throws GW2506 when `result.stopping` is not empty: names each finding (code, file:line,
/// message), the environment and its gate, says nothing was applied, and gives the `--allow`
/// flags that would acknowledge them.
void enforce_lint_gate(const LintGateResult& result, const project::Environment& env);

}  // namespace godwit::preflight
