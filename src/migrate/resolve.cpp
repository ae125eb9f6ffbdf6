#include "migrate/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/uuid.hpp"

namespace godwit::migrate {

void resolve_applied(Session& s, const RunOptions& options, const std::string& name) {
  std::unique_ptr<RunLock> lock;
  if (run_lock_enabled()) lock = s.dialect.lock(*s.conn, options.lock_timeout);
  const auto& ms = s.migrations().migrations;
  auto it = std::find_if(ms.begin(), ms.end(), [&](const auto& m) { return m.name == name; });
  if (it == ms.end() || !it->script) {
    throw core::Error(
        "P3017",
        fmt::format("The migration {} could not be found. Please make sure that the migration "
                    "exists, and that you included the whole name of the directory. (example: "
                    "\"20201207184859_initial_migration\")",
                    name),
        it == ms.end() ? fmt::format("The migrations folder is {}.", s.migrations().path.string())
                       : it->read_error);
  }
  HistoryStore history(*s.conn, s.dialect.history(), options.clock);
  if (!history.exists()) history.create();
  auto rows = history.list();
  for (const auto& r : rows) {
    if (r.migration_name == name && r.finished_at) {
      throw core::Error(
          "P3008",
          fmt::format("The migration `{}` is already recorded as applied in the database.", name));
    }
  }
  history.mark_failed_rows_rolled_back(name);
  history.insert_resolved_applied(core::uuid_v4(), name, it->checksum);
}

void resolve_rolled_back(Session& s, const RunOptions& options, const std::string& name) {
  s.migrations();  // not needed for the rows, but a folder for another provider fails (P3019)
  std::unique_ptr<RunLock> lock;
  if (run_lock_enabled()) lock = s.dialect.lock(*s.conn, options.lock_timeout);
  HistoryStore history(*s.conn, s.dialect.history(), options.clock);
  if (!history.exists()) {
    throw core::Error("GW2003",
                      "The database has no _prisma_migrations table, so no migration can be "
                      "marked rolled back.",
                      "Run `godwit migrate status` to see the state of the database.");
  }
  auto rows = history.list();
  bool any = false;
  bool any_failed = false;
  for (const auto& r : rows) {
    if (r.migration_name != name) continue;
    any = true;
    any_failed = any_failed || r.failed();
  }
  if (!any) {
    throw core::Error("P3011", fmt::format("Migration `{}` cannot be rolled back because it was "
                                           "never applied to the database. Hint: did you pass "
                                           "the right migration name?",
                                           name));
  }
  if (!any_failed) {
    throw core::Error("P3012", fmt::format("Migration `{}` cannot be rolled back because it is "
                                           "not in a failed state.",
                                           name));
  }
  history.mark_failed_rows_rolled_back(name);
}

}  // namespace godwit::migrate
