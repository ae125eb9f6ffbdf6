// migrate deploy | resolve (status: status_cmd.cpp): thin wrappers that print what
// src/migrate returns.
#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/backup_deploy.hpp"
#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/deploy_safety.hpp"
#include "cli/json_report.hpp"
#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "migrate/deploy.hpp"
#include "migrate/resolve.hpp"
#include "migrate/status.hpp"

namespace godwit::cli {
namespace {

void print_applied_tree(const Loaded& l, const migrate::DeployReport& r) {
  std::cout << "\nThe following migration(s) have been applied:\n\n"
            << l.project.migrations_dir.filename().string() << "/\n";
  for (const auto& m : r.applied) {
    std::cout << "  └─ " << m.name << "/\n    └─ migration.sql\n";
  }
}

// `migrate deploy`'s lock budget flags (migrate/lock_budget.hpp), in seconds as
// typed.
struct LockBudgetFlags {
  double lock_budget_s = 1.0;
  double statement_timeout_s = 0;
  int retries = 8;
  double wait_for_blockers_s = 0;
  double report_after_s = 0.5;
  bool off = false;

  migrate::LockBudget budget() const {
    auto ms = [](double s) {
      return std::chrono::milliseconds(static_cast<long long>(std::llround(s * 1000)));
    };
    migrate::LockBudget b;
    b.enabled = !off;
    b.lock_timeout = ms(lock_budget_s);
    b.statement_timeout = ms(statement_timeout_s);
    b.retries = retries;
    b.wait_for_blockers = ms(wait_for_blockers_s);
    b.report_after = ms(report_after_s);
    return b;
  }
};

// A finite number of seconds from 0 to one day (NaN and infinities are usage
// errors, GW2005).
CLI::Validator seconds_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const char* begin = text.c_str();
        char* end = nullptr;
        errno = 0;
        double v = std::strtod(begin, &end);
        if (end != begin && *end == '\0' && errno == 0 && std::isfinite(v) && v >= 0 &&
            v <= 86400) {
          return {};
        }
        return fmt::format("`{}` is not a number of seconds from 0 to 86400", text);
      },
      "SECONDS");
}

void print_blockers(const std::vector<migrate::Blocker>& blockers) {
  for (const auto& b : blockers)
    std::cerr << "  " << migrate::describe_blocker(b) << "\n";
}

// Lock budget events on stderr as they happen (stdout keeps Prisma's
// transcript).
void print_lock_event(const migrate::LockEvent& e, const migrate::LockBudget& budget) {
  using Kind = migrate::LockEvent::Kind;
  switch (e.kind) {
    case Kind::kWaiting:
      std::cerr << fmt::format("godwit: `{}` has waited {:.1f} s for {}{}; blocked by:\n",
                               e.migration, e.waited_s, e.mode.empty() ? "a lock" : e.mode,
                               e.relation.empty() ? "" : " on " + e.relation);
      print_blockers(e.blockers);
      break;
    case Kind::kTimedOut:
      std::cerr << fmt::format(
          "godwit: lock timeout (SQLSTATE 55P03) in `{}`, "
          "{}: the lock was not granted within "
          "{} ms{}\n",
          e.migration, e.detail, budget.lock_timeout.count(),
          e.blockers.empty() ? "" : "; blocked by:");
      print_blockers(e.blockers);
      break;
    case Kind::kRetrying:
      std::cerr << fmt::format("godwit: retry {} of {} in {:.1f} s: {}\n", e.attempt,
                               budget.retries, static_cast<double>(e.delay.count()) / 1000.0,
                               e.detail);
      break;
    case Kind::kPrecheck:
      std::cerr << fmt::format(
          "godwit: before `{}`: these sessions hold locks "
          "on its tables in transactions open "
          "longer than the lock timeout:\n",
          e.migration);
      print_blockers(e.blockers);
      std::cerr << (e.delay.count() > 0
                        ? fmt::format("  waiting up to {:.1f} s for them to end "
                                      "(--wait-for-blockers)\n",
                                      static_cast<double>(e.delay.count()) / 1000.0)
                        : std::string("  going on: each statement waits at most the lock "
                                      "budget for a lock, then retries\n"));
      break;
    case Kind::kLongRunning:
      std::cerr << fmt::format("godwit: `{}` has been running for {:.0f} s: {}\n", e.migration,
                               e.waited_s, e.detail);
      print_blockers(e.blockers);
      break;
    case Kind::kStandbyLag:
      std::cerr << fmt::format(
          "godwit: `{}` waits ({:.0f} s so far) for the standbys to catch up, {}\n", e.migration,
          e.waited_s, e.detail);
      break;
    case Kind::kOwnTimeout:
      // Informational only (deploy --json reports it): Prisma's transcript stays
      // as it is.
      break;
  }
  std::cerr.flush();
}

// `migrate deploy`'s --resume and timing flags (migrate::DeployOptions).
struct ResumeFlags {
  bool resume = false;
  double long_running_s = 300;
  double max_standby_lag_s = 30;
  double max_standby_wait_s = 600;
  bool timings = false;
  bool archive = false;     // --archive
  bool no_archive = false;  // --no-archive
};

// Resume and timing reports on stderr (stdout keeps Prisma's transcript).
void print_resume(const migrate::ResumePoint& p) {
  if (p.committed == 0) {
    std::cerr << fmt::format(
        "godwit: resuming `{}` (failed in the run started at {}): none of its "
        "statements was "
        "committed, so it runs from its first statement.\n",
        p.migration, p.started_at);
    return;
  }
  std::cerr << fmt::format(
      "godwit: resuming `{}` at statement {} of {}: statements 1-{} were "
      "committed by the run "
      "started at {} and are not run again{}.\n",
      p.migration, p.committed + 1, p.total, p.committed, p.started_at,
      p.edited_after ? " (migration.sql was edited after them)" : "");
}

// What godwit did on its own while resuming (dropped an invalid index, skipped a finished
// build), always shown.
void print_notes(const migrate::DeployReport& r) {
  for (const auto& m : r.applied) {
    for (const auto& n : m.lock.notes)
      std::cerr << "godwit: `" << m.name << "`: " << n << "\n";
  }
}

void print_timings(const migrate::DeployReport& r) {
  for (const auto& m : r.applied) {
    if (m.slowest.empty()) continue;
    std::cerr << fmt::format("godwit: `{}` took {:.1f} ms; slowest:\n", m.name, m.duration_ms);
    for (const auto& t : m.slowest) {
      std::cerr << fmt::format("  {:>10.1f} ms  {} (line {}): {}\n", t.ms,
                               t.first == t.last ? fmt::format("statement {}", t.first + 1)
                                                 : fmt::format("statements {}-{} (sent together)",
                                                               t.first + 1, t.last + 1),
                               t.line, t.excerpt);
    }
  }
}

int run_deploy(bool backup, const CommonOptions& o, LockBudgetFlags flags, ResumeFlags rf,
               const DeploySafetyFlags& sf) {
  auto l = load(o);
  // godwit.toml's environment thresholds stand in for the flags that were not given.
  const auto& t = l.project.environment.thresholds;
  apply_threshold(sf, "--lock-budget", t.lock_budget, flags.lock_budget_s);
  apply_threshold(sf, "--statement-timeout", t.statement_timeout, flags.statement_timeout_s);
  apply_threshold(sf, "--wait-for-blockers", t.wait_for_blockers, flags.wait_for_blockers_s);
  apply_threshold(sf, "--report-blockers-after", t.report_blockers_after, flags.report_after_s);
  apply_threshold(sf, "--lock-retries", t.lock_retries, flags.retries);
  apply_threshold(sf, "--long-running", t.long_running, rf.long_running_s);
  apply_threshold(sf, "--max-standby-lag", t.max_standby_lag, rf.max_standby_lag_s);
  if (sf.dry_run) return run_deploy_dry_run(l, o, sf, flags.budget());
  if (!o.json) print_header(l);
  DeployGuard guard(l, o, sf);
  try {
    auto session = migrate::open_session(l.project, *l.dialect, /*create=*/true);
    const auto found = session.migrations().migrations.size();
    if (!o.json && session.created_database) {
      std::cout << l.dialect->created_message(l.project.target) << "\n\n";
    }
    if (!o.json) {
      std::cout << (found == 0 ? fmt::format("No migration found in {}\n\n", migrations_label(l))
                               : fmt::format("{} found in {}\n\n", count_noun(found, "migration"),
                                             migrations_label(l)));
    }
    // The lint gate, the confirmation and before_deploy: nothing is applied yet.
    guard.before(session, flags.budget());
    backup_before_deploy(l, backup);  // after the checks, before anything is applied
    auto progress = guard.wrap([&](const std::string& name) {
      if (!o.json) std::cout << "Applying migration `" << name << "`" << std::endl;
    });
    auto options = o.run_options();
    options.lock_budget = flags.budget();
    options.lock_budget.long_running =
        std::chrono::milliseconds(std::llround(rf.long_running_s * 1000));
    options.lock_budget.max_standby_lag =
        std::chrono::milliseconds(std::llround(rf.max_standby_lag_s * 1000));
    options.lock_budget.max_standby_wait =
        std::chrono::milliseconds(std::llround(rf.max_standby_wait_s * 1000));
    options.on_lock_event = [budget = options.lock_budget](const migrate::LockEvent& e) {
      print_lock_event(e, budget);
    };
    migrate::DeployOptions deploy_options;
    deploy_options.resume = rf.resume;
    // --archive, else the environment's `archive` (default: its `protected`); --no-archive wins.
    if (!rf.no_archive && (rf.archive || l.project.environment.archive)) {
      const auto* parts = dialect::find_parts(l.dialect->provider());
      deploy_options.keeper = parts ? parts->keeper : nullptr;
    }
    deploy_options.on_resume = [&o](const migrate::ResumePoint& p) {
      if (!o.json) print_resume(p);
    };
    auto report = migrate::deploy(session, options, progress, deploy_options);
    if (!o.json) print_notes(report);
    if (!o.json) {
      for (const auto& m : report.applied) {
        for (const auto& a : m.archived)
          std::cerr << "godwit: `" << m.name << "`: archived " << a
                    << " before dropping it (restored by `godwit migrate down`).\n";
      }
    }
    if (!o.json && rf.timings) print_timings(report);
    if (o.json) {
      std::cout << deploy_json(report).dump(2) << "\n";
    } else if (report.applied.empty()) {
      std::cout << "\nNo pending migrations to apply.\n";
    } else {
      print_applied_tree(l, report);
      std::cout << "\nAll migrations have been successfully applied.\n";
    }
    guard.after(report);
    return 0;
  } catch (const core::Error& e) {
    guard.failed(e);
    if (o.json) std::cout << error_json(e).dump(2) << "\n";
    throw;
  }
}

int run_resolve(const CommonOptions& o, const std::string& applied, const std::string& rolled_back,
                bool applied_given, bool rolled_back_given) {
  if (applied_given && rolled_back_given) {
    throw core::Error("GW2005", "Pass either --applied or --rolled-back, not both.");
  }
  if (!applied_given && !rolled_back_given) {
    throw core::Error("GW2005", "--applied or --rolled-back must be part of the command",
                      "e.g. godwit migrate resolve --applied "
                      "\"20201231000000_add_users_table\"");
  }
  const auto& name = applied_given ? applied : rolled_back;
  if (name.empty()) {
    throw core::Error(
        "GW2005", fmt::format("--{} cannot be empty.", applied_given ? "applied" : "rolled-back"));
  }
  auto l = load(o);
  print_header(l);
  // As Prisma: resolve never creates a database; a missing one is P1003.
  auto session = migrate::open_session(l.project, *l.dialect, /*create=*/false);
  if (applied_given) {
    migrate::resolve_applied(session, o.run_options(), name);
    std::cout << fmt::format("Migration {} marked as applied.\n", name);
  } else {
    migrate::resolve_rolled_back(session, o.run_options(), name);
    std::cout << fmt::format("Migration {} marked as rolled back.\n", name);
  }
  return 0;
}

}  // namespace

void add_migrate_commands(CLI::App& migrate, Action& action) {
  {
    auto o = std::make_shared<CommonOptions>();
    auto* cmd =
        migrate.add_subcommand("deploy",
                               "Apply pending migrations (Prisma's `migrate deploy`). Safer "
                               "than Prisma in two ways: "
                               "each migration runs in one transaction with its history row "
                               "unless it has its own "
                               "BEGIN/COMMIT or statements that cannot run in a transaction "
                               "(e.g. CREATE INDEX "
                               "CONCURRENTLY), and on SQLite a failing migration is rolled "
                               "back instead of left half "
                               "applied. Ctrl-C or SIGTERM cancels the statement running on "
                               "the database, rolls back the "
                               "migration's transaction, records it as failed "
                               "(\"interrupted by signal\" in its logs) "
                               "and exits 130; a second Ctrl-C exits at once. On PostgreSQL "
                               "every statement runs under a "
                               "lock budget (docs/safety.md): it waits at most "
                               "--lock-budget (1 s) for a table lock, so "
                               "the application's queries never queue behind it longer; "
                               "lock timeouts are retried with "
                               "backoff, and godwit names the sessions that block it.");
    add_common_options(*cmd, *o, /*with_lock=*/true, /*with_json=*/true);
    auto f = std::make_shared<LockBudgetFlags>();
    auto backup_flag = std::make_shared<bool>(false);
    add_deploy_backup_option(*cmd, *backup_flag);
    cmd->add_option("--lock-budget", f->lock_budget_s,
                    "PostgreSQL: lock_timeout for every statement of a "
                    "migration: how long it may "
                    "wait for a table lock (and so hold up the queries queued "
                    "behind it) before "
                    "it fails with 55P03 and is retried; 0 leaves the server's "
                    "setting. Not "
                    "--lock-timeout, which is the wait for another migrate "
                    "process's run lock")
        ->type_name("SECONDS")
        ->default_val(1.0)
        ->envname("GODWIT_LOCK_BUDGET")
        ->check(seconds_check());
    cmd->add_option("--lock-retries", f->retries,
                    "PostgreSQL: how many times a lock timeout is retried, with "
                    "exponential "
                    "backoff (0.5 s doubling up to 30 s) and jitter: the whole "
                    "transaction of a "
                    "transactional migration, only the failed statement otherwise")
        ->type_name("N")
        ->default_val(8)
        ->envname("GODWIT_LOCK_RETRIES")
        ->check(CLI::Range(0, 1000));
    cmd->add_option("--statement-timeout", f->statement_timeout_s,
                    "PostgreSQL: statement_timeout for every statement of a "
                    "migration; 0 (the "
                    "default) leaves the server's setting, so long data "
                    "migrations and index "
                    "builds are not cut short")
        ->type_name("SECONDS")
        ->default_val(0.0)
        ->envname("GODWIT_STATEMENT_TIMEOUT")
        ->check(seconds_check());
    cmd->add_option("--wait-for-blockers", f->wait_for_blockers_s,
                    "PostgreSQL: before each migration, wait up to this long "
                    "for transactions "
                    "that hold locks on its tables (open longer than the lock "
                    "budget) to end, "
                    "and stop with GW2301 before taking any lock if they do "
                    "not; 0 lists them "
                    "and goes on")
        ->type_name("SECONDS")
        ->default_val(0.0)
        ->envname("GODWIT_WAIT_FOR_BLOCKERS")
        ->check(seconds_check());
    cmd->add_option("--report-blockers-after", f->report_after_s,
                    "PostgreSQL: report who blocks a statement (pid, application, "
                    "state, age of "
                    "its transaction, query) once it has waited this long for a lock")
        ->type_name("SECONDS")
        ->default_val(0.5)
        ->envname("GODWIT_REPORT_BLOCKERS_AFTER")
        ->check(seconds_check());
    cmd->add_flag("--no-lock-budget", f->off,
                  "PostgreSQL: run migrations as Prisma does: no lock_timeout or "
                  "statement_timeout set, no retries, no blocker report or pre-check")
        ->envname("GODWIT_NO_LOCK_BUDGET");
    auto rf = std::make_shared<ResumeFlags>();
    cmd->add_flag("--resume", rf->resume,
                  "Continue a failed migration that runs statement by "
                  "statement (CREATE INDEX "
                  "CONCURRENTLY & co., or its own BEGIN/COMMIT) at the "
                  "statement after those its "
                  "row records as committed, on the same history row; nothing "
                  "runs twice. A "
                  "failed single-transaction migration runs again from its "
                  "start. Without it a "
                  "failed migration stops the deploy with P3009, as in Prisma");
    cmd->add_option("--long-running", rf->long_running_s,
                    "PostgreSQL: warn on stderr, with what it is doing and "
                    "waits on, when a "
                    "migration has run this long (and again each time as long "
                    "again); 0: never")
        ->type_name("SECONDS")
        ->default_val(300.0)
        ->envname("GODWIT_LONG_RUNNING")
        ->check(seconds_check());
    cmd->add_option("--max-standby-lag", rf->max_standby_lag_s,
                    "PostgreSQL: between migrations, and between the statements of a "
                    "migration that runs statement by statement, wait while a standby's "
                    "replay lag exceeds this (at most --max-standby-wait, then stop with "
                    "GW2710); 0: never")
        ->type_name("SECONDS")
        ->default_val(30.0)
        ->envname("GODWIT_MAX_STANDBY_LAG")
        ->check(seconds_check());
    cmd->add_option("--max-standby-wait", rf->max_standby_wait_s,
                    "PostgreSQL: how long one wait for the standbys may last before godwit "
                    "gives up with GW2710 (the next migration is not started)")
        ->type_name("SECONDS")
        ->default_val(600.0)
        ->envname("GODWIT_MAX_STANDBY_WAIT")
        ->check(seconds_check());
    cmd->add_flag("--archive", rf->archive,
                  "Before a statement drops a table or a column (or SQLite's table redefinition "
                  "leaves columns out), copy its rows or values into the archive, in the "
                  "migration's transaction; `godwit migrate down` puts them back "
                  "(docs/recovery.md). Default: godwit.toml's `[env.NAME] archive`, which "
                  "defaults to the environment's `protected`");
    cmd->add_flag("--no-archive", rf->no_archive,
                  "Archive nothing, also where the environment asks for --archive");
    cmd->add_flag("--timings", rf->timings,
                  "Print each applied migration's duration and its slowest "
                  "statements on stderr "
                  "(--json always includes them)");
    auto sf = std::make_shared<DeploySafetyFlags>();
    add_deploy_safety_options(*cmd, *sf);
    cmd->callback([o, f, backup_flag, rf, sf, cmd, &action] {
      record_given_options(*cmd, *sf);
      action = [o, f, backup_flag, rf, sf] { return run_deploy(*backup_flag, *o, *f, *rf, *sf); };
    });
  }
  add_migrate_status_command(migrate, action);
  {
    auto o = std::make_shared<CommonOptions>();
    auto applied = std::make_shared<std::string>();
    auto rolled_back = std::make_shared<std::string>();
    auto* cmd = migrate.add_subcommand("resolve",
                                       "Record a migration as applied (baselining, or a fix done "
                                       "by hand) or mark a failed "
                                       "migration rolled back, without running anything");
    add_common_options(*cmd, *o, /*with_lock=*/true, /*with_json=*/false);
    auto* a = cmd->add_option("--applied", *applied, "Record this migration as applied")
                  ->type_name("NAME");
    auto* r =
        cmd->add_option("--rolled-back", *rolled_back, "Mark this failed migration rolled back")
            ->type_name("NAME");
    cmd->callback([=, &action] {
      bool ag = a->count() > 0;
      bool rg = r->count() > 0;
      action = [=] { return run_resolve(*o, *applied, *rolled_back, ag, rg); };
    });
  }
}

}  // namespace godwit::cli
