// migrate squash: migrations A..B replaced by one, verified on shadow replays first
// (src/recover/squash.hpp, docs/recovery.md). Thin: flags, the plan printed, the question, the
// library's result.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/confirm.hpp"
#include "core/error.hpp"
#include "dialect/introspect.hpp"
#include "dialect/registry.hpp"
#include "recover/squash.hpp"

namespace godwit::cli {
namespace {

struct SquashFlags {
  CommonOptions common;
  recover::SquashOptions options;
  bool dry_run = false;
  bool yes = false;
};

std::string squash_list(const std::vector<recover::SquashStatement>& list) {
  std::string out;
  for (const auto& s : list)
    out += fmt::format("  {} line {}: {}\n", s.migration, s.line, s.kind);
  return out;
}

std::string squash_history_line(const recover::SquashPlan& p) {
  switch (p.history) {
    case recover::SquashHistory::kAllApplied:
      return fmt::format(
          "The database has all {} applied: `{}` is recorded as applied in _prisma_migrations "
          "(as `migrate resolve --applied` records it) and their rows are removed, in one "
          "transaction. The database's schema is not changed.",
          count_noun(p.replaced.size(), "migration"), p.folder);
    case recover::SquashHistory::kNoneApplied:
      return "The database has none of them applied: only the migrations folder changes; "
             "`migrate deploy` will apply the squashed migration.";
    case recover::SquashHistory::kNoHistory:
      break;
  }
  return "The database has no _prisma_migrations table: only the migrations folder changes.";
}

void print_squash_plan(const Loaded& l, const recover::SquashPlan& p) {
  std::cout << fmt::format(
      "{} ({} .. {}) squashed into `{}`, checked on two shadow replays: "
      "the folder with it replays to the same schema as before.\n\n",
      count_noun(p.replaced.size(), "migration"), p.replaced.front(), p.replaced.back(), p.folder);
  if (!p.summary.empty()) std::cout << p.summary << "\n";
  if (!p.carried.empty()) {
    std::cout << "Carried verbatim after the differ's script (objects the schema model does "
                 "not hold):\n"
              << squash_list(p.carried) << "\n";
  }
  if (!p.dropped.empty()) {
    std::cout << "Left out (--drop-data-statements; row statements):\n"
              << squash_list(p.dropped) << "\n";
  }
  std::cout << squash_history_line(p) << "\n";
  std::cout << fmt::format(
      "The folders of the {} are deleted from {} (version control keeps "
      "them).\n",
      count_noun(p.replaced.size(), "migration"), display_path(l.project.migrations_dir));
}

int run_squash(const SquashFlags& f) {
  // Refused before any work: the change is not one to make without a look.
  if (!f.dry_run && !f.yes && !can_prompt()) {
    throw core::Error("GW2877",
                      "`godwit migrate squash` replaces migrations and may rewrite "
                      "_prisma_migrations, and there is no terminal to ask for a yes.",
                      "Look first with --dry-run, then add --yes; nothing was changed.");
  }
  auto l = load(f.common);
  print_header(l);
  const dialect::Parts& parts = *dialect::find_parts(l.project.datasource.provider);
  const auto inspect = dialect::inspect_options(l.project);
  auto session = migrate::open_session(l.project, *l.dialect, /*create=*/false);
  const auto run = f.common.run_options();
  const auto plan = recover::plan_squash(session, parts, inspect, run, f.options);
  print_squash_plan(l, plan);
  if (f.dry_run) {
    std::cout << fmt::format("\n{}/migration.sql:\n\n{}\nDry run: nothing was changed.\n",
                             plan.folder, plan.text);
    return 0;
  }
  if (!f.yes && !confirm("Squash them?")) {
    std::cout << "Canceled by user. Nothing was changed.\n";
    return 130;
  }
  recover::apply_squash(session, parts, run, plan);
  std::cout << fmt::format(
      "\nThe migrations were squashed:\n\n{}/\n  └─ {}/\n    └─ migration.sql\n",
      display_path(l.project.migrations_dir), plan.folder);
  return 0;
}

}  // namespace

void add_migrate_squash_command(CLI::App& migrate, Action& action) {
  auto f = std::make_shared<SquashFlags>();
  auto* cmd = migrate.add_subcommand(
      "squash",
      "Replace the migrations --from A --to B (folder names, contiguous in folder order) by one "
      "migration (docs/recovery.md): its migration.sql is the differ's script from the shadow "
      "replay before A to the replay after B, as `migrate dev` renders a migration; objects "
      "the schema model does not hold (views, functions, triggers) are carried verbatim; row "
      "statements are refused unless --drop-data-statements. Verified before anything "
      "changes: the folder with it replays on a second shadow database to the same schema. "
      "A database that had all of A..B applied gets the squashed migration recorded as "
      "applied and loses A..B's rows; one with none applied only sees the folder change; one "
      "with part applied is refused. The new folder is <A's timestamp>_<name>; the old ones "
      "are deleted.");
  add_common_options(*cmd, f->common, /*with_lock=*/true, /*with_json=*/false);
  cmd->add_option("--from", f->options.from, "The first migration to squash (its folder name)")
      ->required()
      ->type_name("NAME");
  cmd->add_option("--to", f->options.to, "The last migration to squash (its folder name)")
      ->required()
      ->type_name("NAME");
  cmd->add_option("-n,--name", f->options.name,
                  "Name the squashed migration (a slug as `migrate dev` makes: the folder is "
                  "<A's timestamp>_<slug>)")
      ->required()
      ->type_name("NAME");
  cmd->add_flag("--dry-run", f->dry_run,
                "Check and print the squashed migration and what would change; change nothing");
  cmd->add_flag("--yes", f->yes, "Do not ask before changing the folder and the history");
  cmd->add_flag("--drop-data-statements", f->options.drop_data_statements,
                "Leave the row statements (INSERT, UPDATE, DELETE...) of A..B out instead of "
                "refusing: for databases that have A..B applied and for empty ones");
  cmd->callback([f, &action] { action = [f] { return run_squash(*f); }; });
}

}  // namespace godwit::cli
