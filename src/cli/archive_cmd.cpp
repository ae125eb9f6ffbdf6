// archive list | drop: the archives `migrate deploy --archive` keeps (archive/keeper.hpp,
// docs/recovery.md "Keeping data across a down").
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "archive/manage.hpp"
#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/confirm.hpp"
#include "core/error.hpp"
#include "db/interrupt.hpp"
#include "dialect/registry.hpp"
#include "project/environment.hpp"

namespace godwit::cli {
namespace {

struct ArchiveFlags {
  CommonOptions common;
  std::string migration;
  bool all = false;
  double older_than_days = -1;
  bool yes = false;
};

std::string archive_size_text(const std::optional<std::int64_t>& bytes) {
  if (!bytes) return "?";
  const double b = static_cast<double>(*bytes);
  if (b < 1024) return fmt::format("{} B", *bytes);
  if (b < 1024 * 1024) return fmt::format("{:.1f} KB", b / 1024);
  if (b < 1024.0 * 1024 * 1024) return fmt::format("{:.1f} MB", b / (1024 * 1024));
  return fmt::format("{:.2f} GB", b / (1024.0 * 1024 * 1024));
}

std::string archive_age_text(double days) {
  if (days < 1.0 / 24) return fmt::format("{} min", static_cast<long long>(days * 24 * 60));
  if (days < 1) return fmt::format("{:.1f} h", days * 24);
  return fmt::format("{:.1f} d", days);
}

struct OpenArchives {
  Loaded loaded;
  const archive::Keeper* keeper = nullptr;
  std::unique_ptr<db::Connection> conn;
  std::vector<archive::ArchiveRecord> records;
};

OpenArchives open_archives(const CommonOptions& o) {
  OpenArchives a{load(o), nullptr, nullptr, {}};
  const auto* parts = dialect::find_parts(a.loaded.dialect->provider());
  a.keeper = parts ? parts->keeper : nullptr;
  if (!a.keeper) {
    throw core::Error("GW2002", fmt::format("Archives are not supported for `{}`.",
                                            a.loaded.dialect->provider()));
  }
  a.conn = a.loaded.dialect->connect(a.loaded.project.target, /*create=*/false);
  a.records = a.keeper->list(*a.conn);
  return a;
}

int run_archive_list(const ArchiveFlags& f) {
  auto a = open_archives(f.common);
  if (f.common.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : a.records) {
      out.push_back({{"id", r.id},
                     {"migration", r.migration},
                     {"kind", r.kind},
                     {"schema", r.schema},
                     {"table", r.table},
                     {"column", r.kind == "column" ? nlohmann::json(r.column) : nullptr},
                     {"archiveTable", r.archive_table},
                     {"keyColumns", r.key_columns},
                     {"rows", r.row_count},
                     {"sizeBytes", r.size_bytes ? nlohmann::json(*r.size_bytes) : nullptr},
                     {"createdAt", r.created_at},
                     {"ageDays", r.age_days}});
    }
    std::cout << nlohmann::json{{"command", "archive list"}, {"archives", out}}.dump(2) << "\n";
    return 0;
  }
  if (a.records.empty()) {
    std::cout << "No archives (`godwit migrate deploy --archive` makes them).\n";
    return 0;
  }
  std::cout << fmt::format("{:<40} {:<40} {:>10} {:>10} {:>8}\n", "MIGRATION", "OBJECT", "ROWS",
                           "SIZE", "AGE");
  for (const auto& r : a.records) {
    const std::string object = r.kind == "column"
                                   ? fmt::format("{}.{}.{}", r.schema, r.table, r.column)
                                   : fmt::format("{}.{}", r.schema, r.table);
    std::cout << fmt::format("{:<40} {:<40} {:>10} {:>10} {:>8}\n", r.migration,
                             (r.kind == "column" ? "column " : "table ") + object, r.row_count,
                             archive_size_text(r.size_bytes), archive_age_text(r.age_days));
  }
  return 0;
}

int run_archive_drop(const ArchiveFlags& f) {
  archive::DropFilter filter;
  if (!f.migration.empty()) filter.migration = f.migration;
  filter.all = f.all;
  if (f.older_than_days >= 0) filter.older_than_days = f.older_than_days;
  auto a = open_archives(f.common);
  project::require_destructive_ok(a.loaded.project, "archive drop", f.yes);
  const auto chosen = archive::select_archives(a.records, filter);
  if (chosen.empty()) {
    std::cout << "No archive to drop.\n";
    return 0;
  }
  for (const auto& r : chosen)
    std::cout << fmt::format("  {} of `{}` ({} rows)\n", r.object(), r.migration, r.row_count);
  if (!f.yes) {
    if (!can_prompt()) {
      throw core::Error(
          "GW2896",
          fmt::format("`godwit archive drop` would drop {} archive(s), and this is not an "
                      "interactive terminal to confirm it.",
                      chosen.size()),
          "Add --yes to drop them (a `migrate down` of their migrations then cannot put their "
          "data back).");
    }
    if (!confirm(fmt::format("Drop these {} archive(s)? A `migrate down` can then not put "
                             "their data back",
                             chosen.size()))) {
      std::cout << "Nothing was dropped.\n";
      return db::kInterruptedExitCode;
    }
  }
  archive::drop_archives(*a.conn, *a.keeper, chosen);
  std::cout << fmt::format("Dropped {} archive(s).\n", chosen.size());
  return 0;
}

}  // namespace

void add_archive_commands(CLI::App& archive_cmd, Action& action) {
  {
    auto f = std::make_shared<ArchiveFlags>();
    auto* cmd = archive_cmd.add_subcommand(
        "list",
        "List the archives `migrate deploy --archive` made: migration, object, rows, size, age");
    add_common_options(*cmd, f->common, /*with_lock=*/false, /*with_json=*/true);
    cmd->callback([f, &action] { action = [f] { return run_archive_list(*f); }; });
  }
  {
    auto f = std::make_shared<ArchiveFlags>();
    auto* cmd = archive_cmd.add_subcommand(
        "drop",
        "Drop archives (their data can then not come back with `migrate down`); asks on a "
        "terminal, needs --yes otherwise");
    add_common_options(*cmd, f->common, /*with_lock=*/false, /*with_json=*/false);
    cmd->add_option("--migration", f->migration, "Drop the archives of this migration")
        ->type_name("NAME");
    cmd->add_flag("--all", f->all, "Drop every archive");
    cmd->add_option("--older-than", f->older_than_days, "Drop the archives older than DAYS")
        ->type_name("DAYS")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--yes", f->yes, "Do not ask (needed when not on a terminal)");
    cmd->callback([f, &action] { action = [f] { return run_archive_drop(*f); }; });
  }
}

}  // namespace godwit::cli
