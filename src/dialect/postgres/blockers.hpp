#pragma once
// Who blocks a migration on PostgreSQL, read from pg_locks, pg_blocking_pids() and
// pg_stat_activity (PostgreSQL 15 "Viewing Locks", §28.2 "pg_stat_activity"), so that nobody
// needs the `SELECT * FROM pg_locks WHERE NOT granted` of the migration guides again.
//
// The waiting session cannot ask while it waits: BlockerMonitor samples it from a second
// connection on its own thread.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "dialect/postgres/connection.hpp"
#include "migrate/lock_budget.hpp"

namespace godwit::postgres {

/// One session's wait for a lock, and the sessions that block it.
struct LockWait {
  double waited_s = 0;   ///< since pg_locks.waitstart (0 in the first instants of a wait)
  std::string relation;  ///< the table waited for (regclass text), empty for other lock types
  std::string mode;      ///< e.g. "AccessExclusiveLock"
  std::vector<migrate::Blocker> blockers;  ///< from pg_blocking_pids(), ordered by pid
};

/// The lock `pid` waits for now, or nullopt when it waits for none. One query on `conn`, which
/// must be another session than `pid`'s.
std::optional<LockWait> lock_wait_of(PgConnection& conn, int pid);

/// Sessions other than `except_pid` (and the one asking) whose transaction has been open at
/// least `min_age` and that hold a granted lock on one of `relations` (names as SQL text, e.g.
/// `"public"."User"` or `"User"`, resolved with to_regclass on `conn`'s search path; names that
/// do not exist are skipped). One row per session and table, ordered by pid.
std::vector<migrate::Blocker> lock_holders(PgConnection& conn,
                                           const std::vector<std::string>& relations,
                                           std::chrono::milliseconds min_age, int except_pid);

/// Samples the lock waits of one session (every 100 ms, on a second connection opened on its
/// own thread with application_name "godwit-monitor") while a migration runs: reports a wait
/// longer than `report_after` through `on_event` (kWaiting, again every 10 s while it lasts)
/// and keeps the blockers it saw for the report of a lock timeout. If the second connection
/// cannot be opened, it reports nothing (the migration itself is not affected).
class BlockerMonitor {
 public:
  BlockerMonitor(const ConnectionTarget& target, int pid, std::chrono::milliseconds report_after,
                 std::string migration, migrate::LockEventSink on_event);
  ~BlockerMonitor();
  BlockerMonitor(const BlockerMonitor&) = delete;
  BlockerMonitor& operator=(const BlockerMonitor&) = delete;

  /// The last wait sampled since the previous call (then forgotten), or nullopt.
  std::optional<LockWait> take_last_wait();
  /// The longest wait seen, in seconds.
  double longest_wait_s();
  /// Every session seen blocking, one per pid, in the order first seen.
  std::vector<migrate::Blocker> seen_blockers();
  /// Stops sampling and closes the second connection (also done by the destructor).
  void stop();

 private:
  void run(ConnectionTarget target);
  void sample(PgConnection& conn);

  int pid_;
  std::chrono::milliseconds report_after_;
  std::string migration_;
  migrate::LockEventSink on_event_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::optional<LockWait> last_wait_;
  double longest_wait_s_ = 0;
  std::vector<migrate::Blocker> seen_;
  double reported_at_s_ = -1;  // the wait (seconds) at the last report of the current wait
  std::thread thread_;
};

}  // namespace godwit::postgres
