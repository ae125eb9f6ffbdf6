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

#include "dialect/postgres/connect/connection.hpp"
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

/// Sessions other than `except_pid` (and the one asking) waiting for a lock (not granted) on
/// one of `relations` (as lock_holders), for `godwit check`: one row per session and table,
/// ordered by pid; transaction_age_s as there.
std::vector<migrate::Blocker> lock_waiters(PgConnection& conn,
                                           const std::vector<std::string>& relations,
                                           int except_pid);

/// Samples the lock waits of one session (every 100 ms, on a second connection with
/// application_name "godwit-monitor", opened on its own thread when the monitor is made, so that
/// connecting costs the migrations nothing) while a migration runs, between begin() and end():
/// reports a wait longer than `report_after` through `on_event` (kWaiting, again every 10 s while
/// it lasts) and keeps the blockers it saw for the report of a lock timeout. One monitor serves a
/// whole deploy run. If the second connection cannot be opened, it reports nothing (the
/// migrations themselves are not affected).
class BlockerMonitor {
 public:
  /// `long_after`: the transaction age from which may_have_long_transactions() counts one.
  BlockerMonitor(const ConnectionTarget& target, int pid, std::chrono::milliseconds long_after);
  ~BlockerMonitor();
  BlockerMonitor(const BlockerMonitor&) = delete;
  BlockerMonitor& operator=(const BlockerMonitor&) = delete;

  /// Starts sampling for `migration`; forgets what the previous one saw. `long_running` > 0:
  /// once the migration has run that long (and each time as long again), reports
  /// LockEvent::kLongRunning with what its session is doing (pg_stat_activity: state, wait
  /// event, running query) and the lock it waits for.
  void begin(std::string migration, std::chrono::milliseconds report_after,
             migrate::LockEventSink on_event,
             std::chrono::milliseconds long_running = std::chrono::milliseconds(0));
  /// Stops sampling (the connection stays open for the next migration).
  void end();

  /// The last wait sampled since the previous call (then forgotten), or nullopt.
  std::optional<LockWait> take_last_wait();
  /// The longest wait seen since begin(), in seconds.
  double longest_wait_s();
  /// Every session seen blocking since begin(), one per pid, in the order first seen.
  std::vector<migrate::Blocker> seen_blockers();
  /// False only when the monitor's last census (every 200 ms, from its own connection) found
  /// no other transaction in the database older than `long_after`: then the pre-check of lock
  /// holders can find nothing and is skipped, which spares a deploy of many small migrations a
  /// query and a parse per migration. True before the first census.
  bool may_have_long_transactions();
  /// When the run last read the standbys' replay lag before a migration (apply_guarded reads
  /// it at most once a second there: a lag measured in seconds does not need a round trip per
  /// migration of an 800-migration history).
  std::chrono::steady_clock::time_point standby_lag_read{};

 private:
  void run(ConnectionTarget target);
  void sample(PgConnection& conn);
  void report_long_running(PgConnection& conn);

  int pid_;
  std::chrono::milliseconds long_after_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool active_ = false;
  std::chrono::steady_clock::time_point active_since_;
  bool census_done_ = false;
  bool long_transactions_ = false;
  std::string migration_;
  std::chrono::milliseconds report_after_{0};
  migrate::LockEventSink on_event_;
  std::optional<LockWait> last_wait_;
  double longest_wait_s_ = 0;
  std::vector<migrate::Blocker> seen_;
  double reported_at_s_ = -1;  // the wait (seconds) at the last report of the current wait
  std::chrono::milliseconds long_running_{0};
  std::chrono::steady_clock::duration next_long_report_{};  // since active_since_
  std::thread thread_;
};

}  // namespace godwit::postgres
