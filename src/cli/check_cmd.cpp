// godwit check: the pre-flight checks (preflight/check.hpp), one line each, exit 0 / 1.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "backup/config.hpp"
#include "backup/store.hpp"
#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "preflight/check.hpp"

namespace godwit::cli {
namespace {

struct CheckFlags {
  CommonOptions common;
  double long_transaction_s = 1.0;
  double max_lag_s = 30;
  bool no_drift = false;
};

nlohmann::json check_json(const preflight::CheckReport& r) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& l : r.lines) {
    std::string status(preflight::status_name(l.status));
    for (auto& c : status)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    checks.push_back(
        {{"name", l.name}, {"status", status}, {"message", l.message}, {"details", l.details}});
  }
  return {{"command", "check"},
          {"ok", r.exit_code() == 0},
          {"exitCode", r.exit_code()},
          {"checks", checks}};
}

int run_check(const CheckFlags& f) {
  auto l = load(f.common);
  const dialect::Parts* parts = dialect::find_parts(l.project.target.provider);
  if (!parts) {
    throw core::Error("GW2002", fmt::format("godwit does not support the provider `{}`.",
                                            l.project.target.provider));
  }
  preflight::CheckOptions options;
  options.long_transaction = std::chrono::milliseconds(std::llround(f.long_transaction_s * 1000));
  options.max_standby_lag_s = f.max_lag_s;
  options.drift = !f.no_drift;
  options.lint = l.project.godwit.lint;
  // Backups (backup/): where they go (the disk check measures that folder) and the newest of
  // this database's.
  const auto policy = backup::project_policy(l.project);
  options.backup_dir = policy.dir;
  options.backup_configured = true;
  const std::string database =
      parts->archiver ? parts->archiver->database_name(l.project.target) : "";
  for (const auto& e : backup::list_backups(policy.dir)) {
    if (!database.empty() && e.manifest.database != database) continue;
    if (auto when = backup::parse_iso_utc(e.manifest.created_at)) {
      const double age_s = std::chrono::duration<double>(core::system_now() - *when).count();
      options.last_backup = std::make_pair(age_s, e.file.filename().string());
    }
    break;  // newest first
  }
  const auto report = preflight::run_checks(l.project, *parts, options);
  if (f.common.json) {
    std::cout << check_json(report).dump(2) << "\n";
    return report.exit_code();
  }
  for (const auto& c : report.lines) {
    std::cout << fmt::format("{:<5} {:<11} {}\n", preflight::status_name(c.status), c.name,
                             c.message);
    for (const auto& d : c.details)
      std::cout << "                  " << d << "\n";
  }
  std::cout << (report.exit_code() == 0 ? "\nReady to deploy.\n"
                                        : "\nNot ready to deploy: fix the FAIL lines first.\n");
  return report.exit_code();
}

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
  auto f = std::make_shared<CheckFlags>();
  auto* cmd = app.add_subcommand(
      "check",
      "Pre-flight checks before a deploy, one line each (docs/safety.md, \"Pre-flight check\"): "
      "connection and server version; pending, failed and edited migrations; long-running "
      "transactions and waiting locks on the tables the pending migrations change; standby "
      "replay lag; free disk; lint of the pending migrations; drift (the applied migrations "
      "replayed on a shadow database); age of the last backup. Exit 0 when no check fails, 1 "
      "otherwise; warnings do not fail");
  add_common_options(*cmd, f->common, /*with_lock=*/false, /*with_json=*/true);
  cmd->add_option("--long-transaction", f->long_transaction_s,
                  "A transaction holding a lock on a table a pending migration changes fails "
                  "the check once open this long (deploy's lock budget)")
      ->type_name("SECONDS")
      ->default_val(1.0)
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_option("--max-standby-lag", f->max_lag_s,
                  "PostgreSQL: a standby whose replay lags more than this fails the check")
      ->type_name("SECONDS")
      ->default_val(30.0)
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_flag("--no-drift", f->no_drift,
                "Skip the drift check (it needs a shadow database: PostgreSQL creates one on "
                "the server)");
  cmd->callback([f, &action] { action = [f] { return run_check(*f); }; });
}

}  // namespace godwit::cli
