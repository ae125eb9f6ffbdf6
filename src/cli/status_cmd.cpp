// migrate status: the folder against the database's history, printed as Prisma prints it
// (prisma-compat.md §5.4), with godwit's extra lines for edited and missing migrations.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/json_report.hpp"
#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "migrate/status.hpp"

namespace godwit::cli {
namespace {

void print_status(const Loaded& l, const migrate::StatusReport& r) {
  auto names = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& n : v)
      out += n + "\n";
    return out;
  };
  auto s = [](std::size_t n) { return n > 1 ? "s" : ""; };
  const auto label = migrations_label(l);
  std::cout << (r.local.empty() ? fmt::format("No migration found in {}\n", label)
                                : fmt::format("{} found in {}\n",
                                              count_noun(r.local.size(), "migration"), label));
  // godwit's additions first (Prisma stays silent about them), as warnings on
  // stderr.
  if (!r.edited.empty()) {
    std::cerr << fmt::format(
        "\nWarning: the following migration{} changed after {} applied (the "
        "checksum of "
        "migration.sql differs from the one in _prisma_migrations):\n{}",
        s(r.edited.size()), r.edited.size() > 1 ? "they were" : "it was", names(r.edited));
  }
  if (!r.missing_script.empty()) {
    std::cerr << fmt::format(
        "\nWarning: these migration folders have no "
        "readable migration.sql:\n{}",
        names(r.missing_script));
  }
  if (!r.missing_locally.empty() && !r.diverged()) {
    std::cerr << fmt::format(
        "\nWarning: the following migration{} {} applied "
        "to the database but missing from the "
        "local migrations folder {}:\n{}",
        s(r.missing_locally.size()), r.missing_locally.size() > 1 ? "are" : "is", label,
        names(r.missing_locally));
  }
  // Prisma 7.10.1's order (its CLI's MigrateStatus): pending -> diverged -> no
  // table -> failed
  // -> up to date; it stops at the first that applies. A database without a
  // history table has every local migration pending, so "not managed" is
  // printed only when there are none (the oracle shows this; prisma-compat.md
  // §5.4 lists the baseline advice for that case too, which Prisma's engine
  // never reaches). godwit also names failed migrations when some are pending
  // (Prisma then never mentions the failed one). Blank lines as Prisma prints
  // them.
  const bool failed = !r.failed.empty() && r.has_history_table;
  if (r.diverged()) {
    std::cerr << fmt::format(
        "Your local migration history and the migrations table from your "
        "database are "
        "different:\n\nThe last common migration is: {}\n\nThe migration{} "
        "have not yet been "
        "applied:\n{}\nThe migration{} from the database are not found locally "
        "in {}:\n{}",
        r.last_common.value_or("(none)"), s(r.pending.size()), names(r.pending),
        s(r.missing_locally.size()), label, names(r.missing_locally));
  } else if (!r.pending.empty()) {
    std::cout << fmt::format(
        "Following migration{} have not yet been "
        "applied:\n{}\nTo apply migrations in "
        "development run godwit migrate dev (or prisma "
        "migrate dev).\nTo apply migrations in "
        "production run godwit migrate deploy.\n",
        s(r.pending.size()), names(r.pending));
    if (failed) std::cout << "\n";
  } else if (!r.has_history_table) {
    if (r.local.empty()) {
      std::cerr << "The current database is not managed by Prisma "
                   "Migrate.\n\nRead more about how "
                   "to baseline an existing production "
                   "database:\nhttps://pris.ly/d/migrate-baseline\n";
    } else {
      std::cerr << fmt::format(
          "The current database is not managed by Prisma Migrate.\n\nIf you "
          "want to keep the "
          "current database structure and data and create new migrations, "
          "baseline this "
          "database with the migration \"{0}\":\ngodwit migrate resolve "
          "--applied \"{0}\"\n\nRead "
          "more about how to baseline an existing production "
          "database:\nhttps://pris.ly/d/migrate-baseline\n",
          r.local.front());
    }
    return;
  }
  if (failed) {
    std::vector<std::string> names_failed;
    for (const auto& f : r.failed)
      names_failed.push_back(f.migration_name);
    std::cout.flush();
    std::cerr << fmt::format(
        "Following migration{} have failed:\n{}\nDuring "
        "development if the failed migration(s) "
        "have not been deployed to a production database "
        "you can then fix the migration(s) and "
        "run godwit migrate dev.\n\n",
        s(names_failed.size()), names(names_failed));
    std::cerr << fmt::format(
        "The failed migration(s) can be marked as rolled "
        "back or applied:\n\n- If you rolled "
        "back the migration(s) manually:\ngodwit migrate "
        "resolve --rolled-back \"{0}\"\n\n- If "
        "you fixed the database manually "
        "(hotfix):\ngodwit migrate resolve --applied "
        "\"{0}\"\n\nRead more about how to resolve "
        "migration issues in a production "
        "database:\nhttps://pris.ly/d/migrate-resolve\n",
        names_failed.front());
  } else if (r.pending.empty() && !r.diverged()) {
    std::cout << "\nDatabase schema is up to date!\n";
  }
}

int run_status(const CommonOptions& o, bool strict) {
  auto l = load(o);
  if (!o.json) print_header(l);
  try {
    auto session = migrate::open_session(l.project, *l.dialect, /*create=*/false);
    auto report = migrate::status(session, o.run_options());
    int code = report.exit_code();
    if (strict && (!report.edited.empty() || !report.missing_locally.empty() ||
                   !report.missing_script.empty())) {
      code = 1;
    }
    if (o.json) {
      std::cout << status_json(report, code).dump(2) << "\n";
    } else {
      print_status(l, report);
    }
    return code;
  } catch (const core::Error& e) {
    if (o.json) std::cout << error_json(e).dump(2) << "\n";
    throw;
  }
}

}  // namespace

void add_migrate_status_command(CLI::App& migrate, Action& action) {
  {
    auto o = std::make_shared<CommonOptions>();
    auto strict = std::make_shared<bool>(false);
    auto* cmd = migrate.add_subcommand(
        "status",
        "Compare the migrations folder with the database's history. Exit 0 "
        "when up to date; 1 "
        "for pending, failed or diverged migrations or an unmanaged database "
        "(as Prisma). Also "
        "reports, unlike Prisma, migrations edited after they were applied and "
        "migrations "
        "applied but missing locally (exit 1 for those only with --strict).");
    add_common_options(*cmd, *o, /*with_lock=*/false, /*with_json=*/true);
    cmd->add_flag("--strict", *strict,
                  "Also exit 1 for edited migrations, migrations missing "
                  "locally, and folders "
                  "without migration.sql");
    cmd->callback(
        [o, strict, &action] { action = [o, strict] { return run_status(*o, *strict); }; });
  }
}

}  // namespace godwit::cli
