#include "preflight/lint_gate.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace godwit::preflight {
namespace {

bool at_or_above_gate(lint::Severity s, project::LintGate gate) {
  switch (gate) {
    case project::LintGate::kNever:
      return false;
    case project::LintGate::kWarning:
      return s == lint::Severity::kWarning || s == lint::Severity::kError;
    case project::LintGate::kError:
      return s == lint::Severity::kError;
  }
  return false;
}

}  // namespace

LintGateResult lint_pending(const lint::Linter& linter, const lint::Config& config,
                            const std::vector<lint::Input>& inputs,
                            const std::vector<std::string>& applied, project::LintGate gate,
                            const std::set<std::string>& allow) {
  LintGateResult out;
  lint::RunOptions options;
  options.config = config;
  options.applied = applied;
  options.pending_run = true;  // `inputs` are the pending migrations, in the deploy's order
  out.report = lint::run(linter, inputs, options);
  for (const auto& f : out.report.findings) {
    if (!at_or_above_gate(f.severity, gate)) continue;
    if (allow.contains(f.code)) {
      out.allowed_used.insert(f.code);
    } else {
      out.stopping.push_back(f);
    }
  }
  return out;
}

void exempt_budgeted_timeouts(lint::Config& config, const lint::Linter& linter,
                              bool sets_lock_timeout, bool sets_statement_timeout) {
  for (const auto& rule : linter.rules()) {
    if ((sets_lock_timeout && rule.code == "missing-lock-timeout") ||
        (sets_statement_timeout && rule.code == "missing-statement-timeout")) {
      config.disabled.insert(std::string(rule.code));
    }
  }
}

void enforce_lint_gate(const LintGateResult& result, const project::Environment& env) {
  if (result.stopping.empty()) return;
  std::string list;
  std::set<std::string> codes;
  for (const auto& f : result.stopping) {
    list += fmt::format("  {} [{}] {}:{}: {}\n", f.code, lint::severity_name(f.severity), f.file,
                        f.line, f.message);
    codes.insert(f.code);
  }
  std::string flags;
  for (const auto& c : codes)
    flags += (flags.empty() ? "--allow " : " --allow ") + c;
  throw core::Error(
      "GW2506",
      fmt::format("{} lint finding{} stop{} the deploy to the environment `{}` (godwit.toml: "
                  "lint_stops_deploy = \"{}\"{}):\n{}Nothing was applied.",
                  result.stopping.size(), result.stopping.size() == 1 ? "" : "s",
                  result.stopping.size() == 1 ? "s" : "", env.name,
                  project::lint_gate_name(env.lint_gate), env.is_protected ? ", protected" : "",
                  list),
      fmt::format("Make the migration safe (the findings above give the safe SQL), or, once you "
                  "have checked that the operation is acceptable here, acknowledge it: godwit "
                  "migrate deploy --env {} {}",
                  env.name, flags));
}

}  // namespace godwit::preflight
