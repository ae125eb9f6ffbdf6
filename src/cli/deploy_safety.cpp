#include "cli/deploy_safety.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <iostream>

#include "dialect/registry.hpp"
#include "lint/text.hpp"
#include "migrate/status.hpp"
#include "preflight/dry_run.hpp"
#include "preflight/hooks.hpp"
#include "preflight/lint_gate.hpp"
#include "project/environment.hpp"

namespace godwit::cli {
namespace {

// Pending migrations larger than this are linted at deploy only under a lint gate (see
// DeployGuard::before).
constexpr std::size_t kDeployLintMaxBytes = std::size_t{1} << 20;

long long ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t)
      .count();
}

project::Prompt terminal_prompt() {
  project::Prompt p;
  p.interactive = isatty(STDIN_FILENO) != 0 && isatty(STDERR_FILENO) != 0;
  p.ask = [](const std::string& question) -> std::optional<std::string> {
    std::cout.flush();
    std::cerr << question << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  };
  return p;
}

}  // namespace

void add_deploy_safety_options(CLI::App& deploy, DeploySafetyFlags& flags) {
  deploy.add_flag("--yes,-y", flags.yes,
                  "Confirm a deploy to a protected environment without a prompt (CI); without a "
                  "terminal and without --yes such a deploy is refused");
  deploy
      .add_option("--allow", flags.allow,
                  "Acknowledge the lint findings of this code so that they do not stop the "
                  "deploy (environments whose godwit.toml lint_stops_deploy is \"error\", the "
                  "default of a protected one, or \"warning\"); repeatable")
      ->type_name("CODE");
  deploy.add_flag("--dry-run", flags.dry_run,
                  "Change nothing: print each pending migration's statements, transaction "
                  "mode, the locks each statement takes and on which table, those tables' "
                  "current size, the lint findings and the backup that would be taken (--json "
                  "for CI). Exit 1 when the deploy would be stopped");
  deploy.add_flag("--no-lint", flags.no_lint,
                  "Do not lint the pending migrations first (refused where the lint gate is on)");
}

void record_given_options(const CLI::App& deploy, DeploySafetyFlags& flags) {
  for (const auto* opt : deploy.get_options()) {
    if (opt->count() > 0 && !opt->get_lnames().empty()) {
      flags.given.insert("--" + opt->get_lnames().front());
    }
  }
}

void apply_threshold(const DeploySafetyFlags& flags, const char* flag,
                     const std::optional<double>& from_env, double& value) {
  if (from_env && !flags.given.contains(flag)) value = *from_env;
}

void apply_threshold(const DeploySafetyFlags& flags, const char* flag,
                     const std::optional<long long>& from_env, int& value) {
  if (from_env && !flags.given.contains(flag)) value = static_cast<int>(*from_env);
}

int run_deploy_dry_run(const Loaded& l, const CommonOptions& o, const DeploySafetyFlags& flags,
                       const migrate::LockBudget& budget) {
  if (!o.json) print_header(l);
  preflight::DryRunOptions options;
  options.allow.insert(flags.allow.begin(), flags.allow.end());
  options.lock_timeout = o.run_options().lock_timeout;
  options.sets_lock_timeout = budget.enabled && budget.lock_timeout.count() > 0;
  options.sets_statement_timeout = budget.enabled && budget.statement_timeout.count() > 0;
  options.display_path = [](const std::filesystem::path& p) { return display_path(p); };
  auto report = preflight::dry_run(l.project, options);
  if (o.json) {
    std::cout << preflight::dry_run_json(report).dump(2) << "\n";
  } else {
    std::cout << preflight::render_dry_run(report);
  }
  return report.stopping.empty() && report.failed.empty() ? 0 : 1;
}

DeployGuard::DeployGuard(const Loaded& l, const CommonOptions& o, const DeploySafetyFlags& flags)
    : l_(l), o_(o), flags_(flags), deploy_started_(std::chrono::steady_clock::now()) {}

std::string DeployGuard::hook_target() const {
  return l_.project.target.display;
}

void DeployGuard::before(migrate::Session& session, const migrate::LockBudget& budget) {
  const auto& env = l_.project.environment;
  if (flags_.no_lint && env.lint_gate != project::LintGate::kNever) {
    throw core::Error("GW2507",
                      fmt::format("--no-lint cannot be used in the environment `{}`: its lint "
                                  "gate (lint_stops_deploy = \"{}\") needs the findings.",
                                  env.name, project::lint_gate_name(env.lint_gate)),
                      "Acknowledge the findings that are acceptable with --allow CODE instead.");
  }
  auto status = migrate::status(session, o_.run_options());
  checked_.insert(status.pending.begin(), status.pending.end());
  for (const auto& f : status.failed)
    checked_.insert(f.migration_name);  // `--resume` may run a failed migration again

  std::vector<lint::Input> inputs;
  std::vector<std::string> applied;
  for (const auto& m : session.migrations().migrations) {
    bool pending =
        std::find(status.pending.begin(), status.pending.end(), m.name) != status.pending.end();
    if (!pending) {
      applied.push_back(m.name);
    } else if (m.script) {
      // A script with a NUL byte is refused by deploy itself, naming the migration (GW1201);
      // the linter's splitter would refuse it first without the name.
      if (m.script->find('\0') != std::string::npos) continue;
      // A large data migration (100,000 INSERTs, 10 MB) would take longer to lint than to run
      // and hold its parse trees in memory (issue 8's budget: 3x the file). Such a file is
      // linted at deploy only where a lint gate needs its findings; elsewhere it is said.
      if (m.script->size() > kDeployLintMaxBytes && env.lint_gate == project::LintGate::kNever) {
        std::cerr << fmt::format(
            "godwit: {} is not linted before deploy: it is over {} MiB (run `godwit migrate "
            "lint {}` to lint it).\n",
            display_path(m.script_path()), kDeployLintMaxBytes >> 20,
            display_path(m.script_path()));
        continue;
      }
      inputs.push_back({display_path(m.script_path()), m.name, *m.script, {}});
    }
  }
  const auto* parts = dialect::find_parts(l_.project.datasource.provider);
  if (!flags_.no_lint && !inputs.empty() && parts != nullptr && parts->linter != nullptr) {
    std::set<std::string> allow(flags_.allow.begin(), flags_.allow.end());
    lint::Config config = l_.project.godwit.lint;
    preflight::exempt_budgeted_timeouts(config, *parts->linter,
                                        budget.enabled && budget.lock_timeout.count() > 0,
                                        budget.enabled && budget.statement_timeout.count() > 0);
    auto gate =
        preflight::lint_pending(*parts->linter, config, inputs, applied, env.lint_gate, allow);
    if (!gate.report.findings.empty()) {
      std::cout.flush();
      std::cerr << "godwit: lint findings in the pending migrations (docs/lint.md):\n\n"
                << lint::render_text(gate.report) << "\n";
    }
    for (const auto& a : allow) {
      if (!gate.allowed_used.contains(a)) {
        std::cerr << fmt::format("godwit: warning: --allow {} acknowledged no finding.\n", a);
      }
    }
    preflight::enforce_lint_gate(gate, env);
  }
  project::confirm_protected_deploy(l_.project, status.pending, flags_.yes, terminal_prompt());
  if (l_.project.environment.hooks.before_deploy) {
    std::cout.flush();
    preflight::run_before_hook(
        {"before_deploy", *env.hooks.before_deploy, "", "pending", hook_target(), env.name, "", 0},
        "No migration was applied.");
  }
}

void DeployGuard::run_after(const char* name, const std::optional<std::string>& command,
                            const std::string& migration, const std::string& status, long long ms) {
  if (!command) return;
  std::cout.flush();
  const auto& env = l_.project.environment;
  auto warning = preflight::run_after_hook(
      {name, *command, migration, status, hook_target(), env.name, "", ms});
  if (!warning.empty()) std::cerr << warning << "\n";
}

migrate::DeployProgress DeployGuard::wrap(migrate::DeployProgress progress) {
  return [this, progress = std::move(progress)](const std::string& name) {
    const auto& env = l_.project.environment;
    if (!current_.empty()) {
      run_after("after_migration", env.hooks.after_migration, current_, "applied",
                ms_since(migration_started_));
    }
    current_ = name;
    migration_started_ = std::chrono::steady_clock::now();
    if (!checked_.contains(name)) {
      throw core::Error("GW2510",
                        fmt::format("The migration `{}` became pending after godwit checked the "
                                    "pending migrations (another process changed the history?): "
                                    "it was not linted or confirmed, so it is not applied.",
                                    name),
                        "Run `godwit migrate deploy` again.");
    }
    if (env.hooks.before_migration) {
      std::cout.flush();
      preflight::run_before_hook(
          {"before_migration", *env.hooks.before_migration, name, "pending", hook_target(),
           env.name, "", 0},
          "This migration and the ones after it were not started; those before it are applied.");
    }
    if (progress) progress(name);
  };
}

void DeployGuard::after(const migrate::DeployReport& report) {
  (void)report;
  const auto& env = l_.project.environment;
  if (!current_.empty()) {
    run_after("after_migration", env.hooks.after_migration, current_, "applied",
              ms_since(migration_started_));
    current_.clear();
  }
  run_after("after_deploy", env.hooks.after_deploy, "", "success", ms_since(deploy_started_));
}

void DeployGuard::failed(const core::Error& e) {
  const auto& env = l_.project.environment;
  if (!env.hooks.on_failure) return;
  std::cout.flush();
  auto warning =
      preflight::run_after_hook({"on_failure", *env.hooks.on_failure, current_, "failed",
                                 hook_target(), env.name, e.code(), ms_since(deploy_started_)});
  if (!warning.empty()) std::cerr << warning << "\n";
}

}  // namespace godwit::cli
