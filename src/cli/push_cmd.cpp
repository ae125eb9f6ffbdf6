// db push | migrate reset: thin wrappers over src/push (push.hpp, reset.hpp) that print Prisma
// 7.10.1's texts (its CLI's DbPush and MigrateReset) byte for byte, and ask as Prisma asks.
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/confirm.hpp"
#include "cli/seed_report.hpp"
#include "core/error.hpp"
#include "db/interrupt.hpp"
#include "dialect/registry.hpp"
#include "migrate/seed.hpp"
#include "project/environment.hpp"
#include "push/push.hpp"
#include "push/reset.hpp"

namespace godwit::cli {
namespace {

const dialect::Parts& parts_of(const Loaded& l) {
  const auto* parts = dialect::find_parts(l.project.datasource.provider);
  // load() already refused providers godwit does not support (GW2002).
  return *parts;
}

// Prisma's `formatms`: "850ms" under a second, else seconds with two decimals ("1.19s").
std::string format_duration(std::chrono::steady_clock::duration d) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  if (ms < 1000) return fmt::format("{}ms", ms);
  return fmt::format("{:.2f}s", static_cast<double>(ms) / 1000.0);
}

std::string bullet_list(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += "  \u2022 " + item;
  }
  return out;
}

int run_push(const CommonOptions& o, bool accept_data_loss, bool force_reset, bool yes) {
  auto l = load(o);
  print_header(l);
  // A protected godwit.toml environment (docs/safety.md) needs --env NAME --yes for these.
  if (force_reset || accept_data_loss) {
    project::require_destructive_ok(
        l.project, force_reset ? "db push --force-reset" : "db push --accept-data-loss", yes);
  }
  const auto& parts = parts_of(l);
  const auto& target = l.project.target;
  // As Prisma's `ensureDatabaseExists`: a missing database is created, whatever follows.
  bool created = false;
  auto conn = parts.runner->connect(target, /*create=*/true, &created);
  if (created) std::cout << parts.runner->created_message(target) << "\n\n";
  db::CancelOnSignal cancel_on_signal(conn->canceller());
  // godwit holds the migrate lock during a push (Prisma takes none), so a `migrate deploy`
  // running at the same time cannot interleave with it.
  std::unique_ptr<migrate::RunLock> lock;
  if (migrate::run_lock_enabled()) lock = parts.runner->lock(*conn, o.run_options().lock_timeout);

  if (force_reset) {
    parts.resetter->reset(*conn, target, l.project.datasource.schemas);
    std::cout << parts.resetter->reset_message(target, l.project.datasource.schemas) << "\n\n";
  }
  const auto started = std::chrono::steady_clock::now();
  auto p = push::plan_push(*conn, l.project, parts);
  std::cerr << schema::format_warnings(p.inspect_warnings);
  if (!p.unexecutable.empty()) {
    throw core::Error("GW1231",
                      "\u26a0\ufe0f We found changes that cannot be executed:\n\n" +
                          bullet_list(p.unexecutable, "\n"),
                      "You may use the --force-reset flag to drop the database before push like "
                      "godwit db push --force-reset\nAll data will be lost.");
  }
  if (!p.warnings.empty()) {
    std::cout << "\u26a0\ufe0f  There might be data loss when applying the changes:\n\n"
              << bullet_list(p.warnings, "\n\n") << "\n\n\n";
    if (!accept_data_loss) {
      if (!can_prompt()) {
        throw core::Error("GW1230",
                          "Use the --accept-data-loss flag to ignore the data loss warnings like "
                          "godwit db push --accept-data-loss");
      }
      std::cout << "\n";
      if (!confirm("Do you want to ignore the warning(s)?")) {
        std::cout << "Push cancelled.\n";
        return db::kInterruptedExitCode;
      }
    }
  }
  {
    db::InterruptibleSection section;
    push::apply_push(*conn, parts, p.plan);
  }
  // Prisma starts each block of its output with a line break; the header's blank line stands
  // for the first one, so only a block after the warnings needs its own.
  if (!p.warnings.empty()) std::cout << "\n";
  if (!force_reset && p.warnings.empty() && p.plan.empty()) {
    std::cout << "The database is already in sync with the Prisma schema.\n\n";
  } else {
    std::cout << "\U0001f680  Your database is now in sync with your Prisma schema. Done in "
              << format_duration(std::chrono::steady_clock::now() - started) << "\n\n";
  }
  return 0;
}

// The seed after a reset (`--seed`): Prisma 6 ran it by default; Prisma 7 never does.
int run_seed_after_reset(const Loaded& l) {
  if (!l.project.seed) {
    throw core::Error("GW1237", "--seed was given, but no seed command is configured.",
                      "Add `migrations.seed` to prisma.config.ts (or `prisma.seed` to "
                      "package.json), or leave --seed out.");
  }
  const std::string command = migrate::seed_command_line(*l.project.seed, {});
  return run_seed_and_report(command, l.project.dotenv);
}

int run_reset(const CommonOptions& o, bool force, bool seed, bool yes) {
  auto l = load(o);
  print_header(l);
  project::require_destructive_ok(l.project, "migrate reset", yes);
  const auto& parts = parts_of(l);
  // As Prisma: the database is created when missing, before the confirmation.
  auto session = migrate::open_session(l.project, *l.dialect, /*create=*/true);
  if (session.created_database) {
    std::cout << l.dialect->created_message(l.project.target) << "\n\n";
  }
  if (!force) {
    if (!can_prompt()) {
      throw core::Error("GW1236",
                        "Prisma Migrate has detected that the environment is non-interactive. It "
                        "is recommended to run this command in an interactive environment.\n\n"
                        "Use --force to run this command without user interaction.\n"
                        "See https://pris.ly/d/migrate-reset");
    }
    bool yes = confirm("Are you sure you want to reset your database? All data will be lost.");
    std::cout << "\n";
    if (!yes) {
      std::cout << "Reset cancelled.\n";
      return db::kInterruptedExitCode;
    }
  }
  auto report = push::reset_and_deploy(session, *parts.resetter, l.project.datasource.schemas,
                                       o.run_options());
  if (report.applied.empty()) {
    std::cout << "Database reset successful\n\n\n";
  } else {
    // Prisma names the tree's root "migrations" whatever the folder is called.
    std::cout << "\nDatabase reset successful\n\nThe following migration(s) have been "
                 "applied:\n\nmigrations/\n";
    for (const auto& m : report.applied) {
      std::cout << "  \u2514\u2500 " << m.name << "/\n    \u2514\u2500 migration.sql\n";
    }
    std::cout << "\n";
  }
  std::cout.flush();
  return seed ? run_seed_after_reset(l) : 0;
}

}  // namespace

void add_db_push_command(CLI::App& db, Action& action) {
  auto o = std::make_shared<CommonOptions>();
  auto accept = std::make_shared<bool>(false);
  auto force_reset = std::make_shared<bool>(false);
  auto* cmd = db.add_subcommand(
      "push",
      "Make the database match the Prisma schema without a migration (Prisma's `db push`): "
      "the database is read, compared with the schema, and the difference applied. "
      "_prisma_migrations and the migrations folder are not touched. Changes that may lose "
      "data need --accept-data-loss (or a yes when asked on a terminal); changes that cannot "
      "run on the current rows need --force-reset. Unlike Prisma, the changes run in one "
      "transaction (PostgreSQL, and SQLite), so a failing statement leaves nothing half "
      "applied, and godwit takes the migrate lock while it pushes.");
  add_common_options(*cmd, *o, /*with_lock=*/true, /*with_json=*/false);
  cmd->add_flag("--accept-data-loss", *accept, "Ignore data loss warnings");
  cmd->add_flag("--force-reset", *force_reset,
                "Force a reset of the database before push (drops all its data)");
  auto yes = std::make_shared<bool>(false);
  cmd->add_flag("--yes", *yes,
                "With --env NAME: allow --force-reset / --accept-data-loss on an environment "
                "godwit.toml marks protected");
  cmd->callback(
      [=, &action] { action = [=] { return run_push(*o, *accept, *force_reset, *yes); }; });
}

void add_migrate_reset_command(CLI::App& migrate, Action& action) {
  auto o = std::make_shared<CommonOptions>();
  auto force = std::make_shared<bool>(false);
  auto seed = std::make_shared<bool>(false);
  auto skip_seed = std::make_shared<bool>(false);
  auto* cmd = migrate.add_subcommand(
      "reset",
      "Reset the database and apply all migrations; all data will be lost (Prisma's `migrate "
      "reset`). Asks first on a terminal; elsewhere --force is required. PostgreSQL: the "
      "schema (or the datasource's `schemas`) is dropped and re-created in one transaction; "
      "SQLite: every table and view is dropped. As Prisma 7, the seed does not run unless "
      "--seed is given.");
  add_common_options(*cmd, *o, /*with_lock=*/true, /*with_json=*/false);
  cmd->add_flag("-f,--force", *force, "Skip the confirmation prompt");
  cmd->add_flag("--seed", *seed,
                "Run the seed command after the migrations (what Prisma 6 did by default)");
  cmd->add_flag("--skip-seed", *skip_seed,
                "Accepted for Prisma 6 scripts and ignored: no seed runs without --seed");
  auto yes = std::make_shared<bool>(false);
  cmd->add_flag("--yes", *yes,
                "With --env NAME: allow the reset on an environment godwit.toml marks protected");
  cmd->callback([=, &action] { action = [=] { return run_reset(*o, *force, *seed, *yes); }; });
}

}  // namespace godwit::cli
