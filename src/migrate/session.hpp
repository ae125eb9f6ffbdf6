#pragma once
// What every migrate command starts with: the project, its dialect, an open connection and the
// migrations folder.

#include <chrono>
#include <future>
#include <memory>

#include "core/clock.hpp"
#include "db/connection.hpp"
#include "db/interrupt.hpp"
#include "migrate/dialect.hpp"
#include "migrate/lock_budget.hpp"
#include "migrate/migrations_dir.hpp"
#include "project/project.hpp"

namespace godwit::migrate {

/// Settings shared by the commands.
struct RunOptions {
  /// How long to wait for another migrate process's lock (prisma-compat.md §4.3: 10 s).
  std::chrono::milliseconds lock_timeout{10'000};
  core::Clock clock = core::system_now;
  /// `migrate deploy`: the lock timeout, retries and blocker report each migration runs with
  /// (PostgreSQL; migrate/lock_budget.hpp). Not the run lock's wait above.
  LockBudget lock_budget;
  /// Where deploy reports lock waits, timeouts, retries and blockers as they happen (may be
  /// called from a second thread, never at the same time as itself). Empty: not reported.
  LockEventSink on_lock_event;
};

/// True unless PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK is set to something other than "" or "0"
/// (prisma-compat.md §4.3).
bool run_lock_enabled();

/// An open migrate session. The migrations folder is read (and its scripts hashed) on a second
/// thread while the command talks to the database: on a long history these are the two big
/// costs of `migrate status`, and they do not depend on each other.
class Session {
 public:
  /// `folder`: the folder being read, its lock file already checked (see open_session).
  Session(const project::Project& project, const Dialect& dialect,
          std::unique_ptr<db::Connection> conn, std::shared_future<MigrationsDir> folder);
  Session(Session&&) = default;
  ~Session();

  /// The migrations folder, its lock file checked against the schema's provider. Waits for the
  /// folder to be read; throws (on every call) what reading it threw: GW2001 or P3019.
  const MigrationsDir& migrations() const { return folder_.get(); }

  const project::Project& project;
  const Dialect& dialect;
  std::unique_ptr<db::Connection> conn;
  /// Ctrl-C/SIGTERM cancel `conn`'s running statement (db/interrupt.hpp); declared after
  /// `conn` so that it is destroyed first.
  std::unique_ptr<db::CancelOnSignal> cancel_on_signal;
  bool created_database = false;  ///< connecting created the database (deploy)

 private:
  std::shared_future<MigrationsDir> folder_;
};

/// While alive, Ctrl-C/SIGTERM may cancel another connection (a shadow database's, registered
/// after this object): the session's registration is given up here and taken again when this
/// object dies (db/interrupt.hpp: one registration at a time). Create it before the other
/// registration, so that it is destroyed after it.
class SessionCancelPause {
 public:
  explicit SessionCancelPause(Session& session) : session_(session) {
    session_.cancel_on_signal.reset();
  }
  ~SessionCancelPause() {
    session_.cancel_on_signal = std::make_unique<db::CancelOnSignal>(session_.conn->canceller());
  }
  SessionCancelPause(const SessionCancelPause&) = delete;
  SessionCancelPause& operator=(const SessionCancelPause&) = delete;

 private:
  Session& session_;
};

/// Opens a session: starts reading the migrations folder and connects (`create`: make a missing
/// database; then the folder is read and checked first, so a bad folder creates nothing).
Session open_session(const project::Project& project, const Dialect& dialect, bool create);

}  // namespace godwit::migrate
