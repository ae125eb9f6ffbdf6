// backup create | list | restore | verify: thin wrappers that print what src/backup returns.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "backup/config.hpp"
#include "backup/operations.hpp"
#include "backup/store.hpp"
#include "cli/backup_deploy.hpp"
#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/json_report.hpp"
#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "project/environment.hpp"
#include "project/project.hpp"

namespace godwit::cli {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

struct BackupFlags {
  std::string dir;  ///< --dir: overrides `[backup] dir`
  std::string which = "latest";
  bool force = false;
  bool yes = false;
  std::string env;  ///< backup list's --env (the others take it from CommonOptions)
};

backup::Policy with_dir_flag(backup::Policy p, const BackupFlags& f) {
  if (!f.dir.empty()) p.dir = fs::absolute(f.dir).lexically_normal();
  return p;
}

// backup list needs no schema or database: only godwit.toml's policy.
backup::Policy list_policy(const BackupFlags& f) {
  auto config = project::read_godwit_toml(fs::current_path());
  auto environment = project::select_environment(
      config, f.env.empty() ? std::nullopt : std::optional<std::string>(f.env),
      project::process_env());
  return with_dir_flag(
      backup::make_policy(environment.backup, environment.is_protected, fs::current_path()), f);
}

std::string human_size(std::uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024);
  if (bytes < 1024ull * 1024 * 1024)
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024 * 1024));
  return fmt::format("{:.2f} GB", static_cast<double>(bytes) / (1024.0 * 1024 * 1024));
}

long long total_rows(const backup::Manifest& m) {
  long long n = 0;
  for (const auto& t : m.tables)
    n += t.rows;
  return n;
}

json entry_json(const backup::Entry& e) {
  return json{{"file", e.file.string()},
              {"manifest", e.manifest_file.string()},
              {"createdAt", e.manifest.created_at},
              {"provider", e.manifest.provider},
              {"database", e.manifest.database},
              {"lastMigration", e.manifest.last_migration()},
              {"migrations", e.manifest.migrations.size()},
              {"tables", e.manifest.tables.size()},
              {"rows", total_rows(e.manifest)},
              {"sizeBytes", e.manifest.size_bytes}};
}

// The project's database name, for `latest` (the newest backup of this database).
std::string database_of(const Loaded& l) {
  const auto* parts = dialect::find_parts(l.project.target.provider);
  return parts && parts->archiver ? parts->archiver->database_name(l.project.target) : "";
}

int run_create(const CommonOptions& o, const BackupFlags& f) {
  auto l = load(o);
  auto policy = with_dir_flag(backup::project_policy(l.project), f);
  try {
    auto r = backup::create_backup(l.project, policy, core::system_now);
    const auto& m = r.backup.manifest;
    if (o.json) {
      json removed = json::array();
      for (const auto& e : r.removed)
        removed.push_back(e.file.string());
      auto j = entry_json(r.backup);
      j["removedByRetention"] = removed;
      std::cout << j.dump(2) << "\n";
      return 0;
    }
    std::cout << fmt::format(
        "Backup of {} written to {} ({}; {} tables, {} rows; last migration: {}).\n",
        l.project.target.display, display_path(r.backup.file), human_size(m.size_bytes),
        m.tables.size(), total_rows(m), m.last_migration().empty() ? "none" : m.last_migration());
    for (const auto& e : r.removed)
      std::cout << fmt::format("Removed by retention: {}\n", display_path(e.file));
    return 0;
  } catch (const core::Error& e) {
    if (o.json) std::cout << error_json(e).dump(2) << "\n";
    throw;
  }
}

int run_list(const BackupFlags& f, bool as_json) {
  auto policy = list_policy(f);
  std::vector<fs::path> skipped;
  auto entries = backup::list_backups(policy.dir, &skipped);
  if (as_json) {
    json arr = json::array();
    for (const auto& e : entries)
      arr.push_back(entry_json(e));
    std::cout << json{{"dir", policy.dir.string()}, {"backups", arr}}.dump(2) << "\n";
  } else if (entries.empty()) {
    std::cout << fmt::format("No backups in {}.\n", display_path(policy.dir));
  } else {
    std::cout << fmt::format("{:<24}  {:<10}  {:<16}  {:>10}  {:>12}  {}\n", "CREATED (UTC)",
                             "PROVIDER", "DATABASE", "SIZE", "ROWS", "LAST MIGRATION / FILE");
    for (const auto& e : entries) {
      const auto& m = e.manifest;
      std::cout << fmt::format("{:<24}  {:<10}  {:<16}  {:>10}  {:>12}  {}\n    {}\n", m.created_at,
                               m.provider, m.database, human_size(m.size_bytes), total_rows(m),
                               m.last_migration().empty() ? "(none)" : m.last_migration(),
                               display_path(e.file));
    }
  }
  for (const auto& s : skipped)
    std::cerr << fmt::format("godwit: skipped {}: not a readable backup manifest\n",
                             display_path(s));
  return 0;
}

int run_restore(const CommonOptions& o, const BackupFlags& f) {
  auto l = load(o);
  project::require_destructive_ok(l.project, "backup restore", f.yes);
  auto policy = with_dir_flag(backup::project_policy(l.project), f);
  auto entry = backup::find_backup(policy.dir, f.which, database_of(l));
  std::cerr << fmt::format(
      "Restoring {} (taken {}, last migration: {}) over {}.\n", display_path(entry.file),
      entry.manifest.created_at,
      entry.manifest.last_migration().empty() ? "none" : entry.manifest.last_migration(),
      l.project.target.display);
  auto r = backup::restore_backup(l.project, entry, f.force);
  if (!r.newer.empty()) {
    std::cerr << fmt::format("Undone by --force: {}\n", fmt::join(r.newer, ", "));
  }
  std::cout << fmt::format("Restored {} into {}.\n", display_path(entry.file),
                           l.project.target.display);
  return 0;
}

int run_verify(const CommonOptions& o, const BackupFlags& f) {
  auto l = load(o);
  auto policy = with_dir_flag(backup::project_policy(l.project), f);
  try {
    auto entry = backup::find_backup(policy.dir, f.which, database_of(l));
    auto r = backup::verify_backup(l.project, entry);
    if (o.json) {
      json rows = json::array();
      for (const auto& m : r.rows)
        rows.push_back({{"table", m.table},
                        {"expected", m.expected ? json(*m.expected) : json(nullptr)},
                        {"actual", m.actual ? json(*m.actual) : json(nullptr)}});
      std::cout << json{{"ok", r.ok()},         {"file", entry.file.string()},
                        {"scratch", r.scratch}, {"schemaMatches", r.schema_matches},
                        {"tables", r.tables},   {"rows", r.total_rows},
                        {"rowMismatches", rows}}
                       .dump(2)
                << "\n";
    } else if (r.ok()) {
      std::cout << fmt::format(
          "Backup {} verified: restored into a {} (removed again), its schema and the row "
          "counts of its {} tables ({} rows) equal the manifest's.\n",
          display_path(entry.file), r.scratch, r.tables, r.total_rows);
    }
    if (r.ok()) return 0;
    std::string what;
    if (!r.schema_matches) {
      what += fmt::format(
          "\nThe restored schema differs from the manifest's:\n  manifest: {}\n  "
          "restored: {}",
          r.schema_expected_line, r.schema_actual_line);
    }
    for (const auto& m : r.rows) {
      what += fmt::format("\nTable {}: {} rows in the manifest, {} restored", m.table,
                          m.expected ? std::to_string(*m.expected) : "no",
                          m.actual ? std::to_string(*m.actual) : "none");
    }
    throw core::Error("GW2612",
                      fmt::format("The backup {} does not restore to what it recorded:{}",
                                  display_path(entry.file), what),
                      "Do not rely on this backup: take a new one with `godwit backup create`.");
  } catch (const core::Error& e) {
    if (o.json) std::cout << error_json(e).dump(2) << "\n";
    throw;
  }
}

void add_dir_option(CLI::App& cmd, BackupFlags& f) {
  cmd.add_option("--dir", f.dir,
                 "Backup folder (default: godwit.toml's `[backup] dir`, else .godwit/backups)")
      ->type_name("DIR");
}

}  // namespace

void add_deploy_backup_option(CLI::App& deploy, bool& flag) {
  deploy.add_flag("--backup", flag,
                  "Back up the database before applying anything when migrations are pending "
                  "(as `godwit backup create`; on by default in protected environments and with "
                  "godwit.toml's `[backup] before_deploy = true`). A failed backup stops the "
                  "deploy with nothing applied (GW2613)");
}

void backup_before_deploy(const Loaded& l, bool requested) {
  auto policy = backup::project_policy(l.project);
  if (!requested && !policy.before_deploy) return;
  std::string reason;
  auto r = backup::backup_before_deploy(l.project, policy, core::system_now, &reason);
  // stderr: stdout keeps Prisma's transcript.
  if (!r) {
    std::cerr << fmt::format("godwit: no backup before deploy: {}.\n", reason);
    return;
  }
  const auto& m = r->backup.manifest;
  std::cerr << fmt::format("godwit: backup before deploy written to {} ({}; {} tables, {} rows)\n",
                           display_path(r->backup.file), human_size(m.size_bytes), m.tables.size(),
                           total_rows(m));
  for (const auto& e : r->removed)
    std::cerr << fmt::format("godwit: removed by retention: {}\n", display_path(e.file));
}

void add_backup_commands(CLI::App& backup_cmd, Action& action) {
  {
    auto o = std::make_shared<CommonOptions>();
    auto f = std::make_shared<BackupFlags>();
    auto* cmd = backup_cmd.add_subcommand(
        "create",
        "Back up the project's database into the backup folder: PostgreSQL with pg_dump "
        "--format=custom (the datasource's schemas, in one snapshot with the manifest), SQLite "
        "with its online backup API. The file is owner-only (0600), named with the UTC time, "
        "the database and the last applied migration, with a JSON manifest beside it (applied "
        "migrations, row counts per table, the schema). Then the oldest backups beyond "
        "`[backup] keep` / `max_age_days` are removed.");
    add_common_options(*cmd, *o, /*with_lock=*/false, /*with_json=*/true);
    add_dir_option(*cmd, *f);
    cmd->callback([o, f, &action] { action = [o, f] { return run_create(*o, *f); }; });
  }
  {
    auto f = std::make_shared<BackupFlags>();
    auto as_json = std::make_shared<bool>(false);
    auto* cmd = backup_cmd.add_subcommand(
        "list", "List the backups in the backup folder, newest first (every database's)");
    add_dir_option(*cmd, *f);
    cmd->add_option("--env", f->env,
                    "Environment of godwit.toml whose `[env.NAME.backup] dir` to list (default: "
                    "GODWIT_ENV, else none)")
        ->type_name("NAME");
    cmd->add_flag("--json", *as_json, "Print a machine-readable JSON report on stdout");
    cmd->callback(
        [f, as_json, &action] { action = [f, as_json] { return run_list(*f, *as_json); }; });
  }
  {
    auto o = std::make_shared<CommonOptions>();
    auto f = std::make_shared<BackupFlags>();
    auto* cmd = backup_cmd.add_subcommand(
        "restore",
        "Replace the project's database with a backup: PostgreSQL drops the backup's schemas "
        "(CASCADE) and runs pg_restore in one transaction, under the migrate lock; SQLite copies "
        "the backup's pages over the file. Refuses (GW2610, nothing changed) when the database "
        "has applied migrations the backup does not have, unless --force.");
    add_common_options(*cmd, *o, /*with_lock=*/false, /*with_json=*/false);
    add_dir_option(*cmd, *f);
    cmd->add_option("backup", f->which,
                    "A backup file (or its .json manifest), or `latest`: the newest backup of "
                    "the project's database")
        ->type_name("FILE|latest")
        ->required();
    cmd->add_flag("--force", f->force,
                  "Restore even over migrations applied after the backup was taken");
    cmd->add_flag("--yes", f->yes,
                  "Confirm a restore into a protected environment (it also needs --env naming "
                  "that environment)");
    cmd->callback([o, f, &action] { action = [o, f] { return run_restore(*o, *f); }; });
  }
  {
    auto o = std::make_shared<CommonOptions>();
    auto f = std::make_shared<BackupFlags>();
    auto* cmd = backup_cmd.add_subcommand(
        "verify",
        "Prove that a backup restores: check its SHA-256, restore it into a scratch database "
        "(PostgreSQL: a temporary database on the project database's server, always dropped; "
        "SQLite: a temporary file) and compare its schema and per-table row counts with the "
        "manifest. Exit 0 when they are equal, 1 (GW2612) otherwise.");
    add_common_options(*cmd, *o, /*with_lock=*/false, /*with_json=*/true);
    add_dir_option(*cmd, *f);
    cmd->add_option("backup", f->which,
                    "A backup file (or its .json manifest), or `latest` (the default): the "
                    "newest backup of the project's database")
        ->type_name("FILE|latest");
    cmd->callback([o, f, &action] { action = [o, f] { return run_verify(*o, *f); }; });
  }
}

}  // namespace godwit::cli
