#include "recover/baseline.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "migrate/history.hpp"

namespace godwit::recover {
namespace {

// A name that makes exactly one folder directly under the migrations folder.
void check_baseline_name(const std::string& name) {
  const bool bad = name.empty() || name == "." || name == ".." ||
                   name.find_first_of(std::string_view("/\\\0", 3)) != std::string::npos;
  if (bad) {
    throw core::Error("GW2803", fmt::format("`{}` cannot be the name of a migration folder.", name),
                      "Pass a plain folder name to --name, e.g. --name 0_init.");
  }
}

}  // namespace

BaselineResult baseline(migrate::Session& session, const dialect::Parts& parts,
                        const schema::InspectOptions& options,
                        const migrate::RunOptions& run_options, const std::string& name) {
  check_baseline_name(name);
  const auto& folder = session.migrations();
  if (!folder.migrations.empty()) {
    std::string names;
    for (std::size_t i = 0; i < folder.migrations.size() && i < 5; ++i)
      names += "\n  " + folder.migrations[i].name;
    if (folder.migrations.size() > 5)
      names += fmt::format("\n  ... ({} in all)", folder.migrations.size());
    throw core::Error(
        "GW2801",
        fmt::format("The migrations folder {} already holds migrations:{}\nA baseline is the "
                    "first migration of a history; it cannot be added to an existing one.",
                    folder.path.string(), names),
        "If these migrations describe the database, record them with `godwit migrate resolve "
        "--applied <name>` (one per migration the database already has). To baseline instead, "
        "move them out of the folder first. Nothing was written or changed.");
  }
  migrate::HistoryStore store(*session.conn, session.dialect.history(), run_options.clock);
  if (auto rows = store.list_if_exists(); rows && !rows->empty()) {
    throw core::Error(
        "GW2800",
        fmt::format("The database already has a migration history: _prisma_migrations holds "
                    "{} row{} (the first: `{}`).",
                    rows->size(), rows->size() == 1 ? "" : "s", rows->front().migration_name),
        "A baseline is only for a database that was never managed by Prisma Migrate. Restore "
        "the migrations folder that made this history (e.g. from version control) and run "
        "`godwit migrate status`; for changes made by hand on top of it, `godwit migrate "
        "adopt-drift`. Nothing was written or changed.");
  }
  auto inspection = parts.inspector->inspect(*session.conn, options);
  BaselineResult result;
  result.warnings = std::move(inspection.warnings);
  auto script = database_diff_script(parts, schema::Catalog{}, std::move(inspection.catalog));
  if (script.empty()) {
    throw core::Error(
        "GW2802",
        fmt::format("The database ({}) holds no table, enum or other object a migration can "
                    "describe: there is nothing to baseline.",
                    session.dialect.describe(session.project.target)),
        "For a new database, write the schema and run `godwit migrate dev` (development) or "
        "`godwit migrate deploy` (existing migrations). Nothing was written or changed.");
  }
  result.changes = script.changes.changes.size();
  result.migration = write_and_record(session.project, session.dialect, run_options, parts.provider,
                                      name, script.text);
  return result;
}

}  // namespace godwit::recover
