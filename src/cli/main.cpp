#include "cli/main.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "cli/app.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "db/connection.hpp"
#include "db/interrupt.hpp"

namespace godwit::cli {
namespace {

// A usage error (unknown command or flag, missing or invalid value): exit 1 as Prisma's CLI
// does, never CLI11's own codes (105, 106, 109...), with the error on one line, a one-line
// hint, and the usage of the command that was being parsed.
int usage_error(CLI::App& app, const CLI::ParseError& e) {
  CLI::App* target = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (auto* sub : target->get_subcommands([](CLI::App* s) { return s->parsed(); })) {
      target = sub;
      deeper = true;
      break;
    }
  }
  std::string command = "godwit";
  std::vector<std::string> names;
  for (auto* at = target; at != nullptr && at != &app; at = at->get_parent())
    names.insert(names.begin(), at->get_name());
  for (const auto& n : names)
    command += " " + n;
  std::string message = e.what();
  // An unknown command or option is left over in remaining() (CLI11 then reports "The
  // following argument was not expected" or "A subcommand is required").
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr ||
      dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    auto rest = target->remaining();
    if (!rest.empty()) {
      message = rest.front().starts_with("-")
                    ? fmt::format("Unknown option `{}` for `{}`.", rest.front(), command)
                    : fmt::format("Unknown command `{}` for `{}`.", rest.front(), command);
    }
  }
  std::cout.flush();
  core::Error error("GW2005", message,
                    fmt::format("Run `{} --help` for its commands and options.", command));
  std::cerr << error.render() << "\n" << target->help();
  return 1;
}

}  // namespace

std::string_view version() {
  return GODWIT_VERSION;
}

void build_app(CLI::App& app, Action& action) {
  app.description("godwit: a Prisma Migrate-compatible, safety-first schema migration engine");
  app.set_version_flag("--version,-v", std::string("godwit ") + GODWIT_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  auto* migrate = app.add_subcommand("migrate", "Apply and inspect migrations (Prisma Migrate)");
  migrate->require_subcommand(1);
  add_migrate_commands(*migrate, action);
  add_migrate_diff_command(*migrate, action);
  add_migrate_lint_command(*migrate, action);
  add_migrate_dev_command(*migrate, action);
  add_migrate_down_commands(*migrate, action);
  add_migrate_recover_commands(*migrate, action);
  add_migrate_squash_command(*migrate, action);
  add_migrate_repair_command(*migrate, action);
  add_migrate_reset_command(*migrate, action);
  auto* db = app.add_subcommand("db", "Work with the database directly");
  db->require_subcommand(1);
  add_db_commands(*db, action);
  add_db_push_command(*db, action);
  auto* backup = app.add_subcommand(
      "backup", "Back up, list, verify and restore the database (docs/safety.md, \"Backups\")");
  backup->require_subcommand(1);
  add_backup_commands(*backup, action);
  auto* archive = app.add_subcommand(
      "archive",
      "List and drop the data `migrate deploy --archive` kept (docs/recovery.md, \"Keeping data "
      "across a down\")");
  archive->require_subcommand(1);
  add_archive_commands(*archive, action);
  add_schema_commands(app, action);
  add_check_command(app, action);
  auto* help = app.add_subcommand("help", "Show help for godwit or one of its commands");
  help->allow_extras();
}

int run(int argc, char** argv) {
  Action action;
  CLI::App app;
  build_app(app, action);
  auto* help = app.get_subcommand("help");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(app, e);
  }
  if (help->parsed()) {
    // `godwit help migrate deploy` == `godwit migrate deploy --help`
    CLI::App* target = &app;
    for (const auto& word : help->remaining()) {
      auto subs = target->get_subcommands([&](CLI::App* s) { return s->get_name() == word; });
      if (subs.empty()) break;
      target = subs.front();
    }
    std::cout << target->help();
    return 0;
  }
  if (!action) {
    std::cerr << app.help();
    return 1;
  }
  // Ctrl-C and SIGTERM cancel the running statement before godwit stops (db/interrupt.hpp).
  db::install_interrupt_handlers();
  // After one, the command ends with 130 whatever its last error was (a cancelled statement).
  auto exit_code = [](int code) {
    return db::interrupt_signal() != 0 ? db::kInterruptedExitCode : code;
  };
  try {
    return exit_code(action());
  } catch (const core::Error& e) {
    std::cout.flush();
    std::cerr << e.render();
    return exit_code(e.exit_code());
  } catch (const db::DatabaseError& e) {
    std::cout.flush();
    core::Error wrapped("GW2008",
                        fmt::format("The database refused a statement: {} (code {})", e.message(),
                                    e.code().empty() ? "none" : e.code()),
                        e.detail().empty() ? e.hint() : e.detail());
    std::cerr << wrapped.render();
    return exit_code(1);
  } catch (const std::exception& e) {
    std::cout.flush();
    core::Error wrapped("GW0001", fmt::format("Internal error: {}", e.what()),
                        "This is a bug in godwit; please report it with the command you ran.");
    std::cerr << wrapped.render();
    return 1;
  }
}

}  // namespace godwit::cli
