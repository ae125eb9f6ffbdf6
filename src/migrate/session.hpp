#pragma once
// What every migrate command starts with: the project, its dialect, an open connection and the
// migrations folder.

#include <chrono>
#include <memory>

#include "core/clock.hpp"
#include "db/connection.hpp"
#include "migrate/dialect.hpp"
#include "migrate/migrations_dir.hpp"
#include "project/project.hpp"

namespace godwit::migrate {

/// Settings shared by the commands.
struct RunOptions {
  /// How long to wait for another migrate process's lock (prisma-compat.md §4.3: 10 s).
  std::chrono::milliseconds lock_timeout{10'000};
  core::Clock clock = core::system_now;
};

/// True unless PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK is set to something other than "" or "0"
/// (prisma-compat.md §4.3).
bool run_lock_enabled();

struct Session {
  const project::Project& project;
  const Dialect& dialect;
  std::unique_ptr<db::Connection> conn;
  MigrationsDir migrations;
};

/// Opens a session: reads the migrations folder, checks the lock file's provider (P3019) and
/// connects (`create`: make a missing database).
Session open_session(const project::Project& project, const Dialect& dialect, bool create);

}  // namespace godwit::migrate
