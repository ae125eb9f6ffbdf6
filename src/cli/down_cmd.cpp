// migrate down-gen and migrate down (issue 11, docs/recovery.md "Down migrations"): thin
// wrappers that print what src/down returns.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "core/error.hpp"
#include "dialect/introspect.hpp"
#include "dialect/registry.hpp"
#include "down/generate.hpp"
#include "down/run.hpp"

namespace godwit::cli {
namespace {

// What the introspection reads, exactly as migrate dev reads it (dialect::inspect_options).
schema::InspectOptions down_inspect_options(const Loaded& l) {
  return dialect::inspect_options(l.project);
}

struct DownGenFlags {
  CommonOptions common;
  std::vector<std::string> names;
  bool force = false;
};

int run_down_gen(const DownGenFlags& f) {
  auto l = load(f.common);
  print_header(l);
  const dialect::Parts& parts = *dialect::find_parts(l.project.datasource.provider);
  const auto options = down_inspect_options(l);
  const auto folder = migrate::read_migrations_dir(l.project.migrations_dir);
  migrate::check_lock_provider(folder, l.project.datasource.provider);
  if (folder.migrations.empty()) {
    std::cout << fmt::format("No migration found in {}\n", display_path(l.project.migrations_dir));
    return 0;
  }
  // Existing down.sql files (hand-written or generated) stay unless --force.
  std::vector<std::string> names = f.names;
  std::vector<std::string> kept;
  if (!f.force) {
    std::vector<std::string> wanted;
    for (const auto& m : folder.migrations) {
      const bool asked =
          names.empty() || std::find(names.begin(), names.end(), m.name) != names.end();
      if (!asked) continue;
      if (std::filesystem::exists(down::down_path(m))) {
        kept.push_back(m.name);
      } else {
        wanted.push_back(m.name);
      }
    }
    // A name not in the folder still reaches generate_downs, which refuses it (GW2830).
    for (const auto& n : names) {
      if (std::none_of(folder.migrations.begin(), folder.migrations.end(),
                       [&](const auto& m) { return m.name == n; })) {
        wanted.push_back(n);
      }
    }
    names = std::move(wanted);
    if (names.empty()) {
      for (const auto& n : kept)
        std::cout << fmt::format("kept     {}: down.sql exists (--force replaces it)\n", n);
      std::cout << "\nNo down migration to generate.\n";
      return 0;
    }
  }
  const auto downs = down::generate_downs(parts, l.project, folder.migrations, names, options);
  std::size_t written = 0;
  std::size_t skipped = 0;
  for (const auto& m : folder.migrations) {
    if (std::find(kept.begin(), kept.end(), m.name) != kept.end()) {
      std::cout << fmt::format("kept     {}: down.sql exists (--force replaces it)\n", m.name);
      continue;
    }
    auto it = std::find_if(downs.begin(), downs.end(),
                           [&](const auto& d) { return d.migration == m.name; });
    if (it == downs.end()) continue;
    if (!it->script) {
      ++skipped;
      std::cout << fmt::format("skipped  {}: no down.sql: {}\n", m.name, it->skipped);
      continue;
    }
    down::write_down_file(down::down_path(m), it->file_text());
    ++written;
    std::cout << fmt::format(
        "written  {}/{}/down.sql ({} statement{}{})\n", display_path(l.project.migrations_dir),
        m.name, it->statements, it->statements == 1 ? "" : "s",
        it->warnings.empty() ? ""
                             : fmt::format(", {} warning{}", it->warnings.size(),
                                           it->warnings.size() == 1 ? "" : "s"));
    for (const auto& w : it->warnings)
      std::cout << "         - " << w << "\n";
  }
  std::cout << fmt::format("\n{} written, {} skipped, {} kept.\n", written, skipped, kept.size());
  return 0;
}

struct DownFlags {
  CommonOptions common;
  std::string to;
  std::size_t steps = 1;
  bool to_given = false;
  bool steps_given = false;
  bool dry_run = false;
  bool no_restore = false;
};

// What a down puts back from deploy --archive's archives (or drops: objects the migration made).
void print_restores(const down::DownStep& s, bool dry_run) {
  for (const auto& a : s.restores) {
    std::cout << fmt::format("{} {} ({} row{}, archive _godwit_archive.{})\n",
                             dry_run ? "-- would restore" : "Restored", a.object(), a.row_count,
                             a.row_count == 1 ? "" : "s", a.archive_table);
  }
  for (const auto& a : s.dropped) {
    std::cout << fmt::format(
        "{} the archive of {} (the migration created it: nothing to put back)\n",
        dry_run ? "-- would drop" : "Dropped", a.object());
  }
}

int run_down(const DownFlags& f) {
  if (f.to_given && f.steps_given) {
    throw core::Error("GW2005", "Pass either --to or --steps, not both.");
  }
  auto l = load(f.common);
  print_header(l);
  const dialect::Parts& parts = *dialect::find_parts(l.project.datasource.provider);
  const auto options = down_inspect_options(l);
  auto session = migrate::open_session(l.project, *l.dialect, /*create=*/false);
  down::DownOptions o;
  if (f.to_given) o.to = f.to;
  if (!f.to_given) o.steps = f.steps;
  o.dry_run = f.dry_run;
  o.no_restore = f.no_restore;
  auto report = down::migrate_down(
      session, parts, options, f.common.run_options(), o, [](const down::DownStep& s) {
        std::cout << "Reverting migration `" << s.migration << "`" << std::endl;
      });
  if (f.dry_run) {
    std::cout << fmt::format(
        "Dry run: {} down migration{} verified on a shadow database (each restores the schema "
        "before its migration); nothing was changed. They would run in this order, each in "
        "one transaction with the removal of its history rows where the script allows one:\n",
        report.steps.size(), report.steps.size() == 1 ? "" : "s");
    for (const auto& s : report.steps) {
      std::cout << fmt::format("\n-- {} ({}, {} statement{})\n{}", s.migration,
                               display_path(s.path), s.statements, s.statements == 1 ? "" : "s",
                               s.text);
      if (!s.text.empty() && s.text.back() != '\n') std::cout << "\n";
      print_restores(s, true);
    }
    return 0;
  }
  std::cout << "\nThe following migration(s) have been reverted:\n\n"
            << l.project.migrations_dir.filename().string() << "/\n";
  for (const auto& n : report.reverted)
    std::cout << "  └─ " << n << "/\n    └─ down.sql\n";
  for (const auto& s : report.steps) {
    if (s.restores.empty() && s.dropped.empty()) continue;
    std::cout << "\n`" << s.migration << "`: ";
    if (!s.restores.empty())
      std::cout << "data kept by deploy --archive is back:\n";
    else
      std::cout << "\n";
    print_restores(s, false);
  }
  std::cout << "\nThey are pending again: `godwit migrate deploy` (or `prisma migrate deploy`) "
               "applies them.\n";
  return 0;
}

}  // namespace

void add_migrate_down_commands(CLI::App& migrate, Action& action) {
  {
    auto f = std::make_shared<DownGenFlags>();
    auto* cmd = migrate.add_subcommand(
        "down-gen",
        "Write down.sql next to migration.sql for existing migrations (all of them without "
        "NAME): the reverse of each migration, rendered by the differ from the schema after it "
        "back to the schema before it, read from one replay of the history on a temporary "
        "shadow database. Warnings (data a down cannot restore) go into the file's header. A "
        "migration that changes data or objects the schema model does not see gets no down.sql "
        "and a line saying why. Prisma reads only migration.sql: checksums and status are "
        "unchanged. Existing down.sql files are kept unless --force.");
    add_common_options(*cmd, f->common, /*with_lock=*/false, /*with_json=*/false);
    cmd->add_option("NAME", f->names, "Migrations (folder names) to write down.sql for");
    cmd->add_flag("--force", f->force, "Replace existing down.sql files");
    cmd->callback([f, &action] { action = [f] { return run_down_gen(*f); }; });
  }
  {
    auto f = std::make_shared<DownFlags>();
    auto* cmd = migrate.add_subcommand(
        "down",
        "Revert the last applied migrations by running their down.sql files, newest first, "
        "each in one transaction with the removal of its _prisma_migrations rows (where the "
        "script can run in one), so that godwit and `prisma migrate status` show them as not "
        "yet applied and a later deploy applies them again. Every down.sql, generated or "
        "hand-written, is first verified on the shadow database (shadowDatabaseUrl, else a "
        "temporary one): the history replayed "
        "to N, down.sql applied, the result compared with the replay to N-1; a down that does "
        "not restore the earlier schema is refused with the difference as SQL (GW2827), and a "
        "database that drifted from its history is refused (GW2825). Runs under the migrate "
        "lock.");
    add_common_options(*cmd, f->common, /*with_lock=*/true, /*with_json=*/false);
    auto* to = cmd->add_option("--to", f->to,
                               "Revert every applied migration after NAME (NAME stays applied)")
                   ->type_name("NAME");
    auto* steps = cmd->add_option("--steps", f->steps,
                                  "Revert the last N applied migrations "
                                  "(default 1)")
                      ->type_name("N")
                      ->check(CLI::Range(1, 1000000));
    cmd->add_flag("--dry-run", f->dry_run,
                  "Verify the down migrations and print what would run; change nothing");
    cmd->add_flag("--no-restore", f->no_restore,
                  "Do not put back the data `migrate deploy --archive` kept for these "
                  "migrations (the archives stay; `godwit archive list`)");
    cmd->callback([f, to, steps, &action] {
      f->to_given = to->count() > 0;
      f->steps_given = steps->count() > 0;
      action = [f] { return run_down(*f); };
    });
  }
}

}  // namespace godwit::cli
