// migrate repair (issue 11, docs/recovery.md "godwit migrate repair"): a thin wrapper that
// prints each change src/recover/repair returns before it is made, and asks first on a
// terminal unless --yes.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/confirm.hpp"
#include "dialect/introspect.hpp"
#include "dialect/registry.hpp"
#include "recover/repair.hpp"

namespace godwit::cli {
namespace {

struct RepairFlags {
  CommonOptions common;
  std::vector<std::string> accept_edits;
  bool dry_run = false;
  bool yes = false;
};

std::string repair_cmd_indent(const std::string& text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n'))
    out.pop_back();
  return out + "\n";
}

void print_repair_change(const recover::RepairChange& c, const std::string& migrations) {
  using Kind = recover::RepairChange::Kind;
  switch (c.kind) {
    case Kind::kRolledBack:
      std::cout << fmt::format(
          "- {}: mark the failed migration rolled back (as `migrate resolve --rolled-back`): "
          "{}.\n",
          c.migration, c.reason);
      break;
    case Kind::kChecksumRealigned:
      std::cout << fmt::format("- {}: set the recorded checksum to migration.sql's ({}): {}.\n",
                               c.migration, c.checksum, c.reason);
      break;
    case Kind::kEditAccepted:
      std::cout << fmt::format("- {}: set the recorded checksum to migration.sql's ({}), {}.\n",
                               c.migration, c.checksum, c.reason);
      if (c.sql.empty()) {
        std::cout << "  The history with the edited file replays to the database's schema: the "
                     "edit makes no difference to the schema.\n";
      } else {
        std::cout << "  The history with the edited file replays to a schema that differs from "
                     "the database; this SQL turns the replay into the database:\n\n"
                  << repair_cmd_indent(c.sql) << "\n";
      }
      break;
    case Kind::kFolderRecreated:
      std::cout << fmt::format(
          "- {}: write {}/{}/migration.sql and set the recorded checksum to its ({}): {}:\n\n{}\n",
          c.migration, migrations, c.migration, c.checksum, c.reason, repair_cmd_indent(c.sql));
      break;
  }
  std::cout.flush();
}

int run_repair(const RepairFlags& f) {
  auto l = load(f.common);
  print_header(l);
  const dialect::Parts& parts = *dialect::find_parts(l.project.datasource.provider);
  const auto inspect = dialect::inspect_options(l.project);
  const std::string migrations = display_path(l.project.migrations_dir);
  const auto run = f.common.run_options();
  recover::RepairOptions o;
  o.accept_edits = f.accept_edits;
  // On a terminal the changes are shown and confirmed first (a dry run), unless --yes.
  const bool ask_first = !f.dry_run && !f.yes && can_prompt();
  o.dry_run = f.dry_run || ask_first;
  auto session = migrate::open_session(l.project, *l.dialect, /*create=*/false);
  auto printer = [&](const recover::RepairChange& c) { print_repair_change(c, migrations); };
  auto report = recover::repair(session, parts, inspect, run, o, printer);
  if (report.nothing_to_repair()) {
    std::cout << "Nothing to repair: no failed migration, no applied migration edited after it "
                 "was applied, and none missing from the migrations folder.\n";
    return 0;
  }
  const std::size_t n = report.changes.size();
  if (f.dry_run) {
    std::cout << fmt::format("\nDry run: {} change{} checked; nothing was changed.\n", n,
                             n == 1 ? "" : "s");
    return 0;
  }
  if (ask_first) {
    if (!confirm(fmt::format("Make {} change{} to _prisma_migrations?", n, n == 1 ? "" : "s"))) {
      std::cout << "Canceled by user; nothing was changed.\n";
      return 130;
    }
    o.dry_run = false;
    std::cout << "\n";
    report = recover::repair(session, parts, inspect, run, o, printer);
  }
  std::cout << fmt::format(
      "\n{} change{} made. The database's schema and rows were not changed; `godwit migrate "
      "status` and `prisma migrate status` read the repaired history.\n",
      report.changes.size(), report.changes.size() == 1 ? "" : "s");
  return 0;
}

}  // namespace

void add_migrate_repair_command(CLI::App& migrate, Action& action) {
  auto f = std::make_shared<RepairFlags>();
  auto* cmd = migrate.add_subcommand(
      "repair",
      "Repair _prisma_migrations without touching the database's schema (Flyway's `repair`, "
      "docs/recovery.md): failed migrations that left nothing behind (the live database equals "
      "the shadow replay of the applied migrations) are marked rolled back as `migrate resolve "
      "--rolled-back` does, else refused with what they left as SQL (GW2850); applied "
      "migrations edited only in white space or comments (compared token by token with the "
      "applied version found in git) get the file's checksum; other edits only with "
      "--accept-edits, after the schema difference is shown (GW2851); an applied migration "
      "missing from the folder is written again from the database when it is the last one "
      "(GW2852). Each change is printed before it is made; a refusal changes nothing. Runs "
      "under the migrate lock.");
  add_common_options(*cmd, f->common, /*with_lock=*/true, /*with_json=*/false);
  cmd->add_flag("--dry-run", f->dry_run, "Check and print the changes; make none");
  cmd->add_option("--accept-edits", f->accept_edits,
                  "Accept these edited applied migrations (folder names): show what the edit "
                  "changes, then record the file's checksum")
      ->type_name("NAME");
  cmd->add_flag("-y,--yes", f->yes, "Make the changes without asking on a terminal");
  cmd->callback([f, &action] { action = [f] { return run_repair(*f); }; });
}

}  // namespace godwit::cli
