#include "dialect/postgres/run/blockers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "core/text.hpp"

namespace godwit::postgres {
namespace {

using namespace std::chrono_literals;

// How often the monitor samples, and how often a wait that goes on is reported again.
constexpr auto kSampleEvery = 100ms;
constexpr double kReportAgainAfterS = 10.0;
// How often the monitor counts long-running transactions in the database (see
// may_have_long_transactions).
constexpr auto kCensusEvery = 200ms;
using Clock = std::chrono::steady_clock;

// Is any other session's transaction older than $2 ms? One cheap query, so that the pre-check
// (which reads each statement's tables) runs only when it can find something.
constexpr std::string_view kLongTransactions = R"(
SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
  AND pid <> pg_backend_pid() AND pid <> $1
  AND xact_start < clock_timestamp() - $2::bigint * interval '1 millisecond'))";

// The waiting session's ungranted lock and, per session pg_blocking_pids() names, what
// pg_stat_activity shows of it and the locks it holds on the same object.
constexpr std::string_view kLockWait = R"(
SELECT coalesce(extract(epoch FROM clock_timestamp() - w.waitstart), 0)::float8,
       CASE WHEN w.locktype = 'relation' THEN coalesce(w.relation::regclass::text, '') ELSE '' END,
       w.mode, b.pid, coalesce(b.application_name, ''), coalesce(b.usename::text, ''),
       coalesce(b.state, ''), coalesce(extract(epoch FROM clock_timestamp() - b.xact_start), -1)::float8,
       coalesce(b.query, ''),
       (SELECT string_agg(DISTINCT h.mode, ', ') FROM pg_locks h WHERE h.pid = b.pid AND h.granted
          AND h.locktype = w.locktype AND h.relation IS NOT DISTINCT FROM w.relation
          AND h.transactionid IS NOT DISTINCT FROM w.transactionid)
FROM pg_locks w
LEFT JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid) ON true
LEFT JOIN pg_stat_activity b ON b.pid = bp.pid
WHERE w.pid = $1 AND NOT w.granted
ORDER BY b.pid)";

constexpr std::string_view kLockHolders = R"(
SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''),
       coalesce(a.state, ''), coalesce(extract(epoch FROM clock_timestamp() - a.xact_start), -1)::float8,
       coalesce(a.query, ''), l.relation::regclass::text, l.mode
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.granted AND l.locktype = 'relation'
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND l.relation IN (SELECT to_regclass(n) FROM unnest(string_to_array($1, E'\n')) AS n)
  AND l.pid <> pg_backend_pid() AND l.pid <> $2
  AND a.xact_start <= clock_timestamp() - $3::bigint * interval '1 millisecond'
ORDER BY a.pid, 7, 8)";

// The same for sessions waiting for a lock on those tables (not granted), of any age ($3 is
// unused, kept so both queries take the same parameters).
constexpr std::string_view kLockWaiters = R"(
SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''),
       coalesce(a.state, ''), coalesce(extract(epoch FROM clock_timestamp() - a.xact_start), -1)::float8,
       coalesce(a.query, ''), l.relation::regclass::text, l.mode
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE NOT l.granted AND l.locktype = 'relation'
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND l.relation IN (SELECT to_regclass(n) FROM unnest(string_to_array($1, E'\n')) AS n)
  AND l.pid <> pg_backend_pid() AND l.pid <> $2 AND $3::bigint >= 0
ORDER BY a.pid, 7, 8)";

double blocker_number(const std::optional<std::string>& v, double fallback) {
  if (!v || v->empty()) return fallback;
  return std::strtod(v->c_str(), nullptr);
}

std::string blocker_text(const std::optional<std::string>& v) {
  return v.value_or("");
}

}  // namespace

std::optional<LockWait> lock_wait_of(PgConnection& conn, int pid) {
  const std::array<db::Value, 1> params{db::Value{std::int64_t{pid}}};
  auto rows = conn.query(kLockWait, params);
  if (rows.rows.empty()) return std::nullopt;
  LockWait wait;
  for (const auto& r : rows.rows) {
    wait.waited_s = std::max(wait.waited_s, blocker_number(r[0], 0));
    if (wait.relation.empty()) wait.relation = blocker_text(r[1]);
    if (wait.mode.empty()) wait.mode = blocker_text(r[2]);
    if (!r[3]) continue;  // waiting, but nobody blocks any more
    migrate::Blocker b;
    b.pid = std::atoi(r[3]->c_str());
    b.application_name = blocker_text(r[4]);
    b.user = blocker_text(r[5]);
    b.state = blocker_text(r[6]);
    b.transaction_age_s = blocker_number(r[7], -1);
    b.query = blocker_text(r[8]);
    b.relation = wait.relation;
    b.mode = blocker_text(r[9]);
    wait.blockers.push_back(std::move(b));
  }
  return wait;
}

namespace {

std::vector<migrate::Blocker> relation_lockers(PgConnection& conn, std::string_view query,
                                               const std::vector<std::string>& relations,
                                               std::chrono::milliseconds min_age, int except_pid) {
  if (relations.empty()) return {};
  std::string names;
  for (const auto& r : relations) {
    if (!names.empty()) names += '\n';
    names += r;
  }
  const std::array<db::Value, 3> params{db::Value{names}, db::Value{std::int64_t{except_pid}},
                                        db::Value{static_cast<std::int64_t>(min_age.count())}};
  auto rows = conn.query(query, params);
  std::vector<migrate::Blocker> out;
  for (const auto& r : rows.rows) {
    migrate::Blocker b;
    b.pid = std::atoi(blocker_text(r[0]).c_str());
    b.application_name = blocker_text(r[1]);
    b.user = blocker_text(r[2]);
    b.state = blocker_text(r[3]);
    b.transaction_age_s = blocker_number(r[4], -1);
    b.query = blocker_text(r[5]);
    b.relation = blocker_text(r[6]);
    b.mode = blocker_text(r[7]);
    // One line per session and table: its strongest-looking mode is enough to say why.
    if (!out.empty() && out.back().pid == b.pid && out.back().relation == b.relation) {
      out.back().mode += ", " + b.mode;
      continue;
    }
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace

std::vector<migrate::Blocker> lock_holders(PgConnection& conn,
                                           const std::vector<std::string>& relations,
                                           std::chrono::milliseconds min_age, int except_pid) {
  return relation_lockers(conn, kLockHolders, relations, min_age, except_pid);
}

std::vector<migrate::Blocker> lock_waiters(PgConnection& conn,
                                           const std::vector<std::string>& relations,
                                           int except_pid) {
  return relation_lockers(conn, kLockWaiters, relations, std::chrono::milliseconds(0), except_pid);
}

BlockerMonitor::BlockerMonitor(const ConnectionTarget& target, int pid,
                               std::chrono::milliseconds long_after)
    : pid_(pid), long_after_(long_after) {
  ConnectionTarget monitor = target;
  // Told apart from the migrating session in pg_stat_activity.
  monitor.libpq_params.erase(
      std::remove_if(monitor.libpq_params.begin(), monitor.libpq_params.end(),
                     [](const auto& kv) { return kv.first == "application_name"; }),
      monitor.libpq_params.end());
  monitor.libpq_params.emplace_back("application_name", "godwit-monitor");
  thread_ =
      std::thread([this, monitor = std::move(monitor)]() mutable { run(std::move(monitor)); });
}

BlockerMonitor::~BlockerMonitor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BlockerMonitor::begin(std::string migration, std::chrono::milliseconds report_after,
                           migrate::LockEventSink on_event,
                           std::chrono::milliseconds long_running) {
  {
    std::lock_guard lock(mutex_);
    long_running_ = long_running;
    next_long_report_ = long_running;
    active_ = true;
    active_since_ = Clock::now();
    migration_ = std::move(migration);
    report_after_ = report_after;
    on_event_ = std::move(on_event);
    last_wait_.reset();
    longest_wait_s_ = 0;
    seen_.clear();
    reported_at_s_ = -1;
  }
  wake_.notify_all();
}

void BlockerMonitor::end() {
  std::lock_guard lock(mutex_);
  active_ = false;
  on_event_ = nullptr;
}

void BlockerMonitor::run(ConnectionTarget target) {
  std::unique_ptr<PgConnection> conn;
  try {
    conn = PgConnection::open(target);
  } catch (const std::exception&) {
    return;  // no second connection (e.g. max_connections reached): no reports
  }
  const std::array<db::Value, 2> census_params{
      db::Value{std::int64_t{pid_}}, db::Value{static_cast<std::int64_t>(long_after_.count())}};
  auto next_census = Clock::now();
  std::unique_lock lock(mutex_);
  try {
    while (!stopping_) {
      const auto now = Clock::now();
      if (now >= next_census) {
        lock.unlock();
        auto rows = conn->query(kLongTransactions, census_params);
        const bool any = !rows.rows.empty() && rows.rows[0][0] == "t";
        lock.lock();
        long_transactions_ = any;
        census_done_ = true;
        next_census = now + kCensusEvery;
      }
      // A wait shorter than one sampling period is not worth a query: most migrations end
      // before the first sample.
      if (active_ && now - active_since_ >= kSampleEvery) {
        lock.unlock();
        sample(*conn);
        lock.lock();
      }
      if (active_ && long_running_.count() > 0 && now - active_since_ >= next_long_report_) {
        next_long_report_ += long_running_;
        lock.unlock();
        report_long_running(*conn);
        lock.lock();
      }
      wake_.wait_for(lock, kSampleEvery / 2, [this] { return stopping_; });
    }
  } catch (const std::exception&) {
    // The monitor's connection broke: no more samples or census, the migrations go on.
    if (!lock.owns_lock()) lock.lock();
    census_done_ = false;
  }
}

bool BlockerMonitor::may_have_long_transactions() {
  std::lock_guard lock(mutex_);
  return !census_done_ || long_transactions_;
}

void BlockerMonitor::sample(PgConnection& conn) {
  auto wait = lock_wait_of(conn, pid_);
  // The event is reported under the lock, so that end() returns only once no report of this
  // migration is being delivered (the sink may refer to the caller's stack).
  std::lock_guard lock(mutex_);
  {
    if (!active_) return;
    if (!wait) {
      reported_at_s_ = -1;  // the wait ended; the next one is reported afresh
      return;
    }
    longest_wait_s_ = std::max(longest_wait_s_, wait->waited_s);
    for (const auto& b : wait->blockers) {
      if (std::none_of(seen_.begin(), seen_.end(), [&](const auto& s) { return s.pid == b.pid; })) {
        seen_.push_back(b);
      }
    }
    if (!wait->blockers.empty() || !last_wait_) last_wait_ = *wait;
    const double threshold = static_cast<double>(report_after_.count()) / 1000.0;
    const bool due = reported_at_s_ < 0 ? wait->waited_s >= threshold
                                        : wait->waited_s >= reported_at_s_ + kReportAgainAfterS;
    if (due && !wait->blockers.empty() && on_event_) {
      reported_at_s_ = wait->waited_s;
      migrate::LockEvent report;
      report.kind = migrate::LockEvent::Kind::kWaiting;
      report.migration = migration_;
      report.waited_s = wait->waited_s;
      report.relation = wait->relation;
      report.mode = wait->mode;
      report.blockers = wait->blockers;
      on_event_(report);
    }
  }
}

// What the migration's session is doing, for the long-running report: its state, what it
// waits on (pg_stat_activity's wait_event_type/wait_event: "Lock/relation", "IO/DataFileRead",
// "Lock/virtualxid" for a concurrent build waiting for older transactions...), for how long the
// statement has run, and its text.
void BlockerMonitor::report_long_running(PgConnection& conn) {
  const std::array<db::Value, 1> params{db::Value{std::int64_t{pid_}}};
  auto rows = conn.query(
      "SELECT state, coalesce(wait_event_type || '/' || wait_event, ''), "
      "coalesce(round(extract(epoch FROM clock_timestamp() - query_start))::text, ''), "
      "left(regexp_replace(query, '\\s+', ' ', 'g'), 160) FROM pg_catalog.pg_stat_activity "
      "WHERE pid = $1",
      params);
  auto wait = lock_wait_of(conn, pid_);
  std::lock_guard lock(mutex_);
  if (!active_ || !on_event_) return;
  migrate::LockEvent e;
  e.kind = migrate::LockEvent::Kind::kLongRunning;
  e.migration = migration_;
  e.waited_s = std::chrono::duration<double>(Clock::now() - active_since_).count();
  if (rows.rows.empty()) {
    e.detail = "its session is not in pg_stat_activity";
  } else {
    const auto& r = rows.rows[0];
    const auto wait_event = r[1].value_or("");
    e.detail = fmt::format("session {} is {}{}, its statement running for {} s: {}", pid_,
                           r[0].value_or("?"),
                           wait_event.empty() ? " (not waiting)" : ", waiting on " + wait_event,
                           r[2].value_or("?"), r[3].value_or(""));
  }
  if (wait) {
    e.relation = wait->relation;
    e.mode = wait->mode;
    e.blockers = wait->blockers;
    e.detail += fmt::format("; it waits {:.1f} s for {}{}{}", wait->waited_s, wait->mode,
                            wait->relation.empty() ? "" : " on " + wait->relation,
                            wait->blockers.empty() ? "" : ", blocked by:");
  }
  on_event_(e);
}

std::optional<LockWait> BlockerMonitor::take_last_wait() {
  std::lock_guard lock(mutex_);
  auto out = std::move(last_wait_);
  last_wait_.reset();
  return out;
}

double BlockerMonitor::longest_wait_s() {
  std::lock_guard lock(mutex_);
  return longest_wait_s_;
}

std::vector<migrate::Blocker> BlockerMonitor::seen_blockers() {
  std::lock_guard lock(mutex_);
  return seen_;
}

}  // namespace godwit::postgres
