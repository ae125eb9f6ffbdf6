// migrate baseline | adopt-drift: a history started from a live database, and drift kept as a
// migration instead of a reset (src/recover/, docs/recovery.md). Thin: flags, the header,
// the question for a name, and what the library returns, printed.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/confirm.hpp"
#include "core/error.hpp"
#include "dev/migration_name.hpp"
#include "dialect/introspect.hpp"
#include "dialect/registry.hpp"
#include "recover/adopt_drift.hpp"
#include "recover/baseline.hpp"

namespace godwit::cli {
namespace {

struct RecoverFlags {
  CommonOptions common;
  std::string name;
  bool name_given = false;
};

// What the inspector reads, exactly as `migrate dev` and `migrate diff --to-config-datasource`
// read it (dialect::inspect_options), so that adopted drift is no drift for them.
schema::InspectOptions recover_inspect_options(const Loaded& l) {
  return dialect::inspect_options(l.project);
}

// Prisma's tree of one migration folder.
std::string recover_tree(const Loaded& l, const std::string& folder) {
  return fmt::format("{}/\n  └─ {}/\n    └─ migration.sql\n",
                     display_path(l.project.migrations_dir), folder);
}

int run_baseline(const RecoverFlags& f) {
  auto l = load(f.common);
  print_header(l);
  const dialect::Parts& parts = *dialect::find_parts(l.project.datasource.provider);
  const auto options = recover_inspect_options(l);
  // As `migrate resolve`: never creates a database (a missing one is P1003).
  auto session = migrate::open_session(l.project, *l.dialect, /*create=*/false);
  const std::string name = f.name_given ? f.name : std::string(recover::kDefaultBaselineName);
  auto result = recover::baseline(session, parts, options, f.common.run_options(), name);
  std::cerr << schema::format_warnings(result.warnings);
  std::cout << fmt::format(
      "The database's schema ({}) was written to a baseline migration and recorded as applied "
      "in _prisma_migrations; the database's schema was not changed:\n\n{}\n"
      "Migrations created from now on build on it; `godwit migrate status` reports the "
      "database up to date.\n",
      count_noun(result.changes, "change"), recover_tree(l, result.migration.folder));
  return 0;
}

int run_adopt_drift(const RecoverFlags& f) {
  // Refused before any work: the migration is recorded in the history at once, and there is
  // no one to ask for its name (`migrate dev`'s GW1213, also in CI).
  if (!f.name_given && !can_prompt()) {
    throw core::Error("GW2815",
                      "`godwit migrate adopt-drift` needs a name for the migration it writes, "
                      "and there is no terminal to ask for one.",
                      "Add --name <name> (e.g. --name hotfix_user_email_index); nothing was "
                      "written or changed.");
  }
  auto l = load(f.common);
  print_header(l);
  const dialect::Parts& parts = *dialect::find_parts(l.project.datasource.provider);
  const auto options = recover_inspect_options(l);
  auto session = migrate::open_session(l.project, *l.dialect, /*create=*/false);
  const auto run_options = f.common.run_options();
  auto drift = recover::capture_drift(session, parts, options, run_options);
  std::cerr << schema::format_warnings(drift.check.warnings);
  if (drift.empty()) {
    std::cout << "No drift: the database's schema is the one its applied migrations produce. "
                 "Nothing was written.\n";
    return 0;
  }
  std::cout << "Drift detected: the database's schema differs from the one its applied "
               "migrations produce:\n\n"
            << drift.summary << "\n";
  std::string slug;
  if (f.name_given) {
    slug = dev::slugify_migration_name(f.name);
  } else {
    auto answer = ask("Enter a name for the migration that adopts the drift:");
    if (!answer) {
      std::cout << "Canceled by user.\n";
      return 130;
    }
    slug = dev::slugify_migration_name(*answer);
  }
  const std::string folder = dev::migration_folder_name(run_options.clock(), slug);
  auto recorded = recover::adopt_drift(session, parts, options, run_options, drift, folder);
  std::cout << fmt::format(
      "\nThe drift was written to a new migration, checked to replay to the database's schema "
      "on a shadow database, and recorded as applied in _prisma_migrations; the database's "
      "schema was not changed:\n\n{}\n"
      "`godwit migrate dev` and `prisma migrate dev` no longer report drift. Put the change in "
      "the Prisma schema too, or the next `migrate dev` writes a migration that undoes it.\n",
      recover_tree(l, recorded.folder));
  return 0;
}

}  // namespace

void add_migrate_recover_commands(CLI::App& migrate, Action& action) {
  {
    auto f = std::make_shared<RecoverFlags>();
    auto* cmd = migrate.add_subcommand(
        "baseline",
        "Start the migration history of a database that already has a schema (Prisma's "
        "\"baselining\" recipe as one command, docs/recovery.md): writes "
        "<migrations>/<name>/migration.sql with the database's whole schema, byte for byte what "
        "`prisma migrate diff --from-empty --to-config-datasource --script` prints, and records "
        "it as applied as `migrate resolve --applied` does. The schema is not changed; only "
        "_prisma_migrations is created. Refused when _prisma_migrations has rows or the "
        "migrations folder holds migrations.");
    add_common_options(*cmd, f->common, /*with_lock=*/true, /*with_json=*/false);
    auto* name = cmd->add_option("-n,--name", f->name,
                                 "The migration folder's name, used as given (default: 0_init)")
                     ->type_name("NAME");
    cmd->callback([f, name, &action] {
      f->name_given = name->count() > 0;
      action = [f] { return run_baseline(*f); };
    });
  }
  {
    auto f = std::make_shared<RecoverFlags>();
    auto* cmd = migrate.add_subcommand(
        "adopt-drift",
        "Keep changes made to the database outside the migrations (a hotfix by hand) instead "
        "of resetting it (docs/recovery.md): replays the applied migrations on a temporary "
        "shadow database, writes the difference to the live database as a new migration "
        "(what `prisma migrate diff --from-migrations <migrations> --to-config-datasource "
        "--script` prints), checks on a second shadow replay that the history with it "
        "reproduces the database, and records it as applied as `migrate resolve --applied` "
        "does. The database is not changed. Refused while migrations are pending or failed, "
        "or when the folder and _prisma_migrations disagree; without drift it writes nothing. "
        "Without a terminal --name is required.");
    add_common_options(*cmd, f->common, /*with_lock=*/true, /*with_json=*/false);
    auto* name = cmd->add_option("-n,--name", f->name,
                                 "Name the migration (made into a folder name as `migrate dev` "
                                 "does: <timestamp>_<slug>)")
                     ->type_name("NAME");
    cmd->callback([f, name, &action] {
      f->name_given = name->count() > 0;
      action = [f] { return run_adopt_drift(*f); };
    });
  }
}

}  // namespace godwit::cli
