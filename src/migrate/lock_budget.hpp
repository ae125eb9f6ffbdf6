#pragma once
// The lock budget: how long a migration's statements may wait for a table lock, how lock
// timeouts are retried, and what godwit reports about the sessions that block it
// (docs/safety.md "Deploying safely"; issue 10, "Executing under a lock budget").
//
// Dialect-neutral settings and report values. PostgreSQL applies them
// (src/dialect/postgres/run/lock_budget.hpp, blockers.hpp); SQLite has one writer and no lock queue
// that production reads pile up behind, so its runner ignores them.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace godwit::migrate {

/// What `migrate deploy` runs each migration with. Durations in milliseconds; 0 = off.
struct LockBudget {
  /// False (`--no-lock-budget`): none of the below; migrations run as Prisma runs them.
  bool enabled = true;
  /// PostgreSQL `lock_timeout` for every statement (SQLSTATE 55P03 when a lock is not granted in
  /// time). Default 1 s: a query that queues behind godwit's waiting ALTER waits at most this
  /// long (docs/safety.md explains the choice). 0: godwit leaves the server's setting.
  std::chrono::milliseconds lock_timeout{1000};
  /// PostgreSQL `statement_timeout`. Default 0: godwit leaves the server's setting, so a long
  /// data migration or index build is never killed by a default (docs/safety.md).
  std::chrono::milliseconds statement_timeout{0};
  /// How many times a lock timeout is retried (the whole transaction of a transactional file,
  /// the failed statement of a non-transactional one). 0: never.
  int retries = 8;
  /// The wait before retry n (1-based) is min(retry_max, retry_base * 2^(n-1)), of which a
  /// random half is jitter ("equal jitter"), so that two deploys do not retry in step.
  std::chrono::milliseconds retry_base{500};
  std::chrono::milliseconds retry_max{30'000};
  /// A statement waiting for a lock longer than this is reported with who blocks it.
  std::chrono::milliseconds report_after{500};
  /// Before each migration, wait up to this long for long-running transactions holding locks
  /// on the tables it touches to end, and abort (GW2301) before taking any lock if they do not.
  /// 0: list them and go on (the lock timeout then protects the traffic).
  std::chrono::milliseconds wait_for_blockers{0};
  /// A migration that has run this long is reported (LockEvent::kLongRunning) with what it
  /// waits on, and again each time as long again. Default 5 minutes, the alert threshold of
  /// the migration guides issue 10 collects. 0: never.
  std::chrono::milliseconds long_running{5 * 60 * 1000};
  /// Between migrations, and between the statements of a migration that runs statement by
  /// statement, godwit waits while a standby's replay lag (pg_stat_replication.replay_lag)
  /// exceeds this, so that a long series of index builds or backfills does not leave the
  /// standbys ever further behind (LockEvent::kStandbyLag). Default 30 s (issue 10). 0: never
  /// waits.
  std::chrono::milliseconds max_standby_lag{30'000};
  /// How long one such wait may last before the deploy stops (GW2710) rather than wait on: a
  /// standby that is broken, not merely slow, would otherwise hold the deploy forever.
  std::chrono::milliseconds max_standby_wait{10 * 60 * 1000};
};

/// What to do about the standbys' replay lag before the next migration or statement.
enum class StandbyDecision {
  kGo,      ///< no standby lags more than LockBudget::max_standby_lag (or the check is off)
  kWait,    ///< one does: sleep and measure again
  kGiveUp,  ///< one still does after LockBudget::max_standby_wait: stop (GW2710)
};

/// The decision for a worst replay lag of `worst_lag_s` seconds (0 without standbys) after
/// `waited_s` seconds of waiting.
StandbyDecision standby_decision(const LockBudget& budget, double worst_lag_s, double waited_s);

/// The wait before retry `attempt` (1-based) under `budget`, `unit_random` in [0, 1).
std::chrono::milliseconds retry_delay(const LockBudget& budget, int attempt, double unit_random);

/// A session that holds a lock another one waits for, as pg_stat_activity shows it (empty
/// strings where the server hides a value from a less privileged role).
struct Blocker {
  int pid = 0;
  std::string application_name;
  std::string user;
  std::string state;  ///< "active", "idle in transaction", ...
  /// Seconds since its transaction began; < 0 when unknown (no transaction, or hidden).
  double transaction_age_s = -1;
  std::string query;     ///< its current or last query, as pg_stat_activity shows it
  std::string relation;  ///< the table it holds a lock on, when known
  std::string mode;      ///< that lock's mode, e.g. "AccessShareLock"
};

/// Something the lock budget did or saw, for the CLI to show as it happens.
struct LockEvent {
  enum class Kind {
    kWaiting,      ///< a statement has waited longer than report_after
    kTimedOut,     ///< a statement's lock wait ran out (55P03)
    kRetrying,     ///< a retry after `delay`
    kPrecheck,     ///< long-running transactions hold locks on the migration's tables
    kOwnTimeout,   ///< the file sets lock_timeout / statement_timeout itself
    kLongRunning,  ///< the migration has run longer than LockBudget::long_running
    kStandbyLag    ///< waiting for standbys to catch up (waited_s: how long so far)
  };
  Kind kind = Kind::kWaiting;
  std::string migration;
  double waited_s = 0;   ///< kWaiting / kTimedOut: how long the statement waited
  std::string relation;  ///< the table waited for (kWaiting), when known
  std::string mode;      ///< the lock mode waited for, e.g. "AccessExclusiveLock"
  int attempt = 0;       ///< kRetrying: the retry's number (1-based); kTimedOut: the attempt
  std::chrono::milliseconds delay{0};  ///< kRetrying
  /// kOwnTimeout: the statement and line; kRetrying: what is retried; kLongRunning: what the
  /// migration's session is doing and waits on (waited_s: how long the migration has run)
  std::string detail;
  std::vector<Blocker> blockers;
};

using LockEventSink = std::function<void(const LockEvent&)>;

/// What the lock budget did for one migration (deploy --json).
struct LockStats {
  int retries = 0;                ///< lock timeouts retried
  double lock_wait_s = 0;         ///< longest wait for a lock seen
  std::vector<Blocker> blockers;  ///< distinct sessions seen blocking it (by pid)
  bool own_timeouts = false;      ///< the file sets lock_timeout or statement_timeout itself
  /// What godwit did on its own while resuming (deploy --resume): an invalid index of an
  /// interrupted concurrent build dropped, a statement found already done. One sentence each.
  std::vector<std::string> notes;
};

/// The text of one blocker for messages and logs: `pid 123 (application "psql", user "app",
/// state "idle in transaction", transaction open 35.2 s, lock AccessShareLock on "A"): <query>`.
std::string describe_blocker(const Blocker& b);

/// What the runner needs to run one migration under the budget.
struct ApplyContext {
  const LockBudget* budget = nullptr;  ///< nullptr: no budget (the dialect's defaults)
  std::string migration;               ///< its name, for events
  LockEventSink on_event;              ///< may be empty
  LockStats* stats = nullptr;          ///< filled when given
  /// What the dialect keeps for a whole deploy run (PostgreSQL: the blocker monitor and its
  /// second connection), made on first use and owned by the caller, which destroys it when the
  /// run ends. nullptr: nothing is kept (each migration starts afresh).
  std::shared_ptr<void>* run_state = nullptr;
  /// Called after each round trip of the script's statements (ApplyHooks::timed): statements
  /// `first`..`last` (0-based, inclusive) took `took`. May be empty.
  std::function<void(std::size_t first, std::size_t last, std::chrono::nanoseconds took)> timed;
};

}  // namespace godwit::migrate
