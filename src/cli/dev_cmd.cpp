// migrate dev: the library's steps (src/dev/) in Prisma 7.10.1's order and words
// (prisma-compat.md §5.2; its CLI's MigrateDev.ts), with godwit's differences: it never resets,
// runs without a terminal when the answers are flags (--name, --accept-data-loss) and refuses
// with the flag to add instead of waiting for input, and shows drift as SQL and the lint
// findings of the migration it writes.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/app.hpp"
#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/confirm.hpp"
#include "core/error.hpp"
#include "dev/history_check.hpp"
#include "dev/migration_name.hpp"
#include "dev/new_migration.hpp"
#include "dev/rename_flags.hpp"
#include "dev/shadow_cache.hpp"
#include "dialect/introspect.hpp"
#include "dialect/registry.hpp"
#include "diff/renames.hpp"
#include "diff/summary.hpp"
#include "lint/run.hpp"
#include "lint/text.hpp"
#include "migrate/deploy.hpp"
#include "plan/make_plan.hpp"
#include "psl/catalog_builder.hpp"
#include "psl/validate.hpp"

namespace godwit::cli {
namespace {

struct DevFlags {
  CommonOptions common;
  std::string name;
  bool name_given = false;
  bool create_only = false;
  bool accept_data_loss = false;
  std::vector<std::string> renames;  ///< --rename, as written (dev/rename_flags.hpp)
};

// Prisma's tree of migration folders: "<label>/\n  └─ <name>/\n    └─ migration.sql" (no
// newline after the last line).
std::string dev_migration_tree(const std::string& label, const std::vector<std::string>& names) {
  std::string out = label + "/";
  for (const auto& n : names)
    out += "\n  └─ " + n + "/\n    └─ migration.sql";
  return out;
}

// Prisma's line naming what a reset would drop: a schema on PostgreSQL, the database
// otherwise (its datasource info: a schema when the provider has one). Made from the dialect's
// own description (`PostgreSQL database "app", schema "public" at "host:5432"`).
std::string dev_reset_target_line(const Loaded& l) {
  const std::string d = l.dialect->describe(l.project.target);
  const auto at = d.rfind(" at \"");
  const std::string location = at == std::string::npos ? "" : d.substr(at);
  for (std::string_view key : {", schemas \"", ", schema \""}) {
    const auto s = d.find(key);
    if (s == std::string::npos) continue;
    const auto begin = s + key.size();
    const auto end = d.find('"', begin);
    const std::string names = d.substr(begin, end - begin);
    return key == ", schemas \""
               ? fmt::format("We need to reset the following schemas: \"{}\"{}", names, location)
               : fmt::format("We need to reset the \"{}\" schema{}", names, location);
  }
  return "We need to reset the " + d;
}

// What godwit adds to Prisma's reset message (on stderr): the way out of each reason that
// does not drop the database, and the drift as SQL.
void dev_explain_reset(const Loaded& l, const dialect::Parts& parts, const dev::HistoryCheck& c) {
  const std::string dir = display_path(l.project.migrations_dir);
  std::cerr << "\ngodwit never resets the database by itself. Ways out without losing data:\n";
  for (const auto& name : c.failed) {
    std::cerr << fmt::format(
        "- `{0}` failed: undo what it did by hand and run `godwit migrate resolve --rolled-back "
        "\"{0}\"`, or finish it by hand and run `godwit migrate resolve --applied \"{0}\"`; "
        "then run `godwit migrate dev` again.\n",
        name);
  }
  for (const auto& name : c.edited) {
    std::cerr << fmt::format(
        "- `{0}` was edited after it was applied: restore {1}/{0}/migration.sql as it was "
        "applied (e.g. from version control) and put the change in a new migration.\n",
        name, dir);
  }
  if (!c.missing_locally.empty()) {
    std::cerr << "- migrations recorded in the database are missing from " << dir
              << ": restore their folders (e.g. from version control).\n";
  }
  if (!c.drift.empty()) {
    const auto script = plan::make_plan(c.drift, c.after_applied, c.live, *parts.renderer).script();
    std::cerr << fmt::format(
        "- drift: the database was changed outside the migrations. This SQL makes the "
        "migrations' schema into the database's (`godwit migrate diff --from-migrations {0} "
        "--to-config-datasource --script` prints it too, when no migration is pending); to "
        "keep the change, run `godwit migrate adopt-drift --name <name>`: it writes the "
        "difference as a new migration in {0} and records it as applied without changing the "
        "database (docs/recovery.md):\n\n{1}\n",
        dir, script);
  }
  std::cerr << "To start over instead (all data is lost): `godwit migrate reset`.\n";
}

// The lint findings of the migration just written (issue 10), on stderr; never fails the
// command (the migration is already written).
void dev_show_lint(const Loaded& l, const dialect::Parts& parts, const std::string& folder,
                   const std::filesystem::path& script, const std::string& text) {
  if (!parts.linter) return;
  lint::Input input;
  input.file = display_path(script);
  input.migration = folder;
  input.text = text;
  lint::RunOptions options;
  options.config = l.project.godwit.lint;
  const auto report = lint::run(*parts.linter, {input}, options);
  if (report.findings.empty()) return;
  std::cerr << "\ngodwit migrate lint findings for the new migration:\n\n"
            << lint::render_text(report);
}

int run_dev(const DevFlags& f) {
  auto l = load(f.common);
  print_header(l);
  const dialect::Parts& parts = *dialect::find_parts(l.project.datasource.provider);
  const psl::Schema& model = *l.project.model;
  const schema::Catalog desired = psl::build_catalog(model, *parts.psl);

  std::optional<migrate::Session> session;
  session.emplace(migrate::open_session(l.project, *l.dialect, /*create=*/true));
  if (session->created_database) {
    std::cout << l.dialect->created_message(l.project.target) << "\n\n";
  }
  const schema::InspectOptions options = dialect::inspect_options(l.project);
  dev::ShadowSettings shadow;
  shadow.url = l.project.shadow_database_url;
  shadow.cache_file = dev::shadow_cache_file(l.project.migrations_dir, project::process_env());
  shadow.godwit = dev::executable_identity(version());
  for (const auto& feature : model.preview_features)
    shadow.context += feature + ",";
  auto check = dev::check_history(*session, parts, options, shadow);
  for (const auto& note : check.notes)
    std::cerr << "godwit: " << note << "\n";
  if (check.shadow_from_cache) {
    std::cerr << fmt::format(
        "godwit: re-used the shadow replay of {} migration(s) stored in {} (the migrations, the "
        "server and godwit are unchanged since)\n",
        session->migrations().migrations.size(), display_path(*shadow.cache_file));
  }
  std::cerr << schema::format_warnings(check.warnings);
  const auto summary = diff::summary(check.drift, check.after_applied, check.live);
  if (auto reason = check.reset_reason(summary)) {
    std::cout << *reason << "\n"
              << dev_reset_target_line(l) << "\n"
              << "\nYou may use godwit migrate reset to drop the development database.\n"
              << "All data will be lost.\n";
    std::cout.flush();
    dev_explain_reset(l, parts, check);
    return 130;
  }

  auto run_options = f.common.run_options();
  std::vector<std::string> applied_before;
  if (!check.pending.empty()) {
    auto report = migrate::deploy(*session, run_options, {});
    for (const auto& m : report.applied)
      applied_before.push_back(m.name);
    if (!applied_before.empty()) {
      std::cout << "\nThe following migration(s) have been applied:\n\n"
                << dev_migration_tree(l.project.migrations_dir.filename().string(), applied_before)
                << "\n";
    }
  }

  const auto renames = dev::resolve_renames(f.renames, &model, check.after_all, desired);
  auto next = dev::plan_new_migration(parts, check.after_all, desired, *session->conn, renames);
  {
    // What looks like a rename among the changes not renamed already (godwit only).
    const schema::Catalog& before =
        next.changes.renamed_from ? *next.changes.renamed_from : check.after_all;
    std::cerr << dev::rename_suggestions(
        diff::rename_candidates(next.changes, before, desired, *parts.diff_policy), &model, before,
        desired);
  }
  if (!next.live_unexecutable.empty()) {
    std::string steps;
    for (const auto& u : next.live_unexecutable)
      steps += fmt::format("\n  • Step {} {}", u.change, u.message);
    std::cout << "\n";
    const std::string list = "\n⚠️ We found changes that cannot be executed:\n" + steps;
    if (!f.create_only) {
      throw core::Error("GW1211",
                        list +
                            "\n\nYou can use godwit migrate dev --create-only to create the "
                            "migration file, and manually modify it to address the "
                            "underlying issue(s).\nThen run godwit migrate dev to apply it "
                            "and verify it works.",
                        "Run `godwit migrate dev --create-only`, edit the migration, then "
                        "`godwit migrate dev`.");
    }
    std::cerr << list << "\n\n";
  }
  if (!next.live_warnings.empty()) {
    std::cout << "\n⚠️  Warnings for the current datasource:\n\n";
    for (const auto& w : next.live_warnings)
      std::cout << "  • " << w.message << "\n";
    std::cout << "\n";
    if (!f.accept_data_loss) {
      if (!can_prompt()) {
        throw core::Error(
            "GW1212",
            "Prisma Migrate has detected that the environment is non-interactive, which is "
            "not supported.\n\n`godwit migrate dev` is an interactive command designed to "
            "create new migrations and evolve the database in development.\nTo apply existing "
            "migrations in deployments, use godwit migrate deploy.\nSee "
            "https://pris.ly/d/migrate-deploy",
            "The warnings above ask for a confirmation: add --accept-data-loss to accept them "
            "without a terminal (nothing was written or changed).");
      }
      auto answer = ask(f.create_only ? "Are you sure you want to create this migration?"
                                      : "Are you sure you want to create and apply this "
                                        "migration?");
      if (!answer || (*answer != "y" && *answer != "Y" && *answer != "yes")) {
        std::cout << "Migration cancelled.\n";
        return 130;
      }
    }
  }

  if (next.empty() && !f.create_only) {
    if (!applied_before.empty()) {
      std::cout << "\nYour database is now in sync with your schema.\n\n";
    } else {
      std::cout << "Already in sync, no schema change or pending migration was found.\n\n";
    }
    return 0;
  }

  std::string slug;
  if (f.name_given) {
    slug = dev::slugify_migration_name(f.name);
  } else if (can_prompt()) {
    auto answer = ask("Enter a name for the new migration:");
    if (!answer) {
      std::cout << "Canceled by user.\n";
      return 130;
    }
    slug = dev::slugify_migration_name(*answer);
  } else if (!ci_detected()) {
    // Prisma waits for an answer on a stdin that is no terminal (its check is inverted); in CI
    // it names the migration by its timestamp alone, which godwit does too.
    throw core::Error("GW1213",
                      "`godwit migrate dev` needs a name for the new migration, and there is no "
                      "terminal to ask for one.",
                      "Add --name <name> (e.g. --name add_user_email); nothing was written or "
                      "changed.");
  }
  const std::string folder = dev::migration_folder_name(run_options.clock(), slug);
  const std::string text = next.file_text();
  const auto script =
      dev::write_new_migration(l.project.migrations_dir, folder, text, parts.provider, &next.down);
  dev_show_lint(l, parts, folder, script, text);

  if (f.create_only) {
    std::cout << fmt::format(
        "Prisma Migrate created the following migration without applying it {}\n\nYou can "
        "now edit it and apply it by running godwit migrate dev.\n",
        folder);
    return 0;
  }
  // A new session reads the folder again, now with the new migration.
  session.reset();
  session.emplace(migrate::open_session(l.project, *l.dialect, /*create=*/false));
  auto report = migrate::deploy(*session, run_options, {});
  std::vector<std::string> created;
  for (const auto& m : report.applied)
    created.push_back(m.name);
  if (!applied_before.empty()) std::cout << "\n";
  std::cout << "\nThe following migration(s) have been created and applied from new schema "
               "changes:\n\n"
            << dev_migration_tree(display_path(l.project.migrations_dir), created)
            << "\n\nYour database is now in sync with your schema.\n\n";
  return 0;
}

}  // namespace

void add_migrate_dev_command(CLI::App& migrate, Action& action) {
  auto f = std::make_shared<DevFlags>();
  auto* cmd = migrate.add_subcommand(
      "dev",
      "Create a migration from changes in the Prisma schema and apply it to the development "
      "database (Prisma's `migrate dev`). The migrations folder is replayed on a temporary "
      "shadow database (PostgreSQL: dropped afterwards, also on error or Ctrl-C, or "
      "shadowDatabaseUrl, emptied first; SQLite: in memory); a run with nothing changed since "
      "re-uses the last replay (~/.cache/godwit). Unlike Prisma it never resets the database: "
      "failed, edited or missing "
      "migrations and drift are explained (drift as SQL) with the ways out, and it exits 130 "
      "as Prisma 7 does. Without a terminal it runs when --name and, for data-loss warnings, "
      "--accept-data-loss are given, and otherwise stops with the flag to add instead of "
      "waiting for input. Shows the lint findings of the migration it writes.");
  add_common_options(*cmd, f->common, /*with_lock=*/true, /*with_json=*/false);
  auto* name = cmd->add_option("-n,--name", f->name, "Name the migration")->type_name("NAME");
  cmd->add_flag("--create-only", f->create_only,
                "Create a new migration but do not apply it (an empty one when the schema has "
                "no change)");
  cmd->add_flag("--accept-data-loss", f->accept_data_loss,
                "Go on without asking when the migration may lose data (the warnings are still "
                "printed)");
  cmd->add_option("--rename", f->renames,
                  "Rename instead of dropping and creating, keeping the data (godwit only; "
                  "repeatable): Model.old=new for a field, Old=New for a model or an enum, "
                  "Enum.OLD=NEW for an enum value. New names are the schema's, old ones the "
                  "database's; migrate dev suggests the flag when a change looks like a rename")
      ->type_name("FROM=TO")
      ->allow_extra_args(false);
  cmd->callback([f, name, &action] {
    f->name_given = name->count() > 0;
    action = [f] { return run_dev(*f); };
  });
}

}  // namespace godwit::cli
