#include "dialect/postgres/run/migration_dialect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "core/error.hpp"
#include "db/interrupt.hpp"
#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/connect/url.hpp"
#include "dialect/postgres/pgparse/split.hpp"
#include "dialect/postgres/run/blockers.hpp"
#include "dialect/postgres/run/lock.hpp"
#include "dialect/postgres/run/lock_budget.hpp"
#include "migrate/apply.hpp"
#include "sql/position.hpp"

namespace godwit::postgres {
namespace {

// Prisma's DDL (prisma-compat.md §1.1): unquoted, in the search path's first schema.
constexpr std::string_view kCreateHistory = R"(CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
))";

constexpr std::string_view kHistoryExists =
    "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid "
    "= c.relnamespace WHERE c.relname = '_prisma_migrations' AND c.relkind IN ('r', 'p') AND "
    "n.nspname = current_schema())";

// started_at in P3009's display form; the other timestamps are only tested for NULL.
constexpr std::string_view kListHistory =
    "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, to_char(started_at "
    "AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') || ' UTC', applied_steps_count FROM "
    "_prisma_migrations ORDER BY started_at ASC, migration_name ASC";

// Prisma's rule for P3005 (schema-engine's MigrationPersistence::initialize over the flavour's
// table_names): any ordinary table (relkind 'r', partitions included) in the target schema other
// than the history table and PostGIS's own tables. Views, enums, sequences, functions and
// partitioned parents without partitions leave the schema "empty".
constexpr std::string_view kExistingObjects = R"(
SELECT 'table ' || c.relname
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
  AND c.relname !~* '^(spatial_ref_sys|geometry_columns|geography_columns|raster_columns|raster_overviews)$'
ORDER BY 1)";

db::Value timestamptz_value(core::TimePoint t) {
  return core::iso_utc(t);
}
std::string as_is(const std::string& s) {
  return s;
}

class AdvisoryLock final : public migrate::RunLock {
 public:
  explicit AdvisoryLock(PgConnection& conn) : conn_(conn) {}
  ~AdvisoryLock() override {
    try {
      release_advisory_lock(conn_);
    } catch (...) {
      // The session ends with the process; the server drops the lock then.
    }
  }

 private:
  PgConnection& conn_;
};

PgConnection& pg(db::Connection& conn) {
  return dynamic_cast<PgConnection&>(conn);
}

}  // namespace

PostgresDialect::PostgresDialect() {
  history_.create_table_sql = std::string(kCreateHistory);
  history_.table_exists_sql = std::string(kHistoryExists);
  history_.list_sql = std::string(kListHistory);
  history_.missing_table_code = "42P01";  // undefined_table
  // SET LOCAL ends with its own transaction: the script's transaction, opened in the same
  // message, runs with the session's durability.
  history_.relaxed_prefix = "BEGIN;\nSET LOCAL synchronous_commit TO off;\n";
  history_.relaxed_suffix = ";\nCOMMIT";
  history_.timestamp_value = &timestamptz_value;
  history_.timestamp_display = &as_is;
}

std::unique_ptr<db::Connection> PostgresDialect::connect(const project::DatabaseTarget& target,
                                                         bool create, bool* created) const {
  auto t = parse_url(target.url, target.base_dir);
  std::unique_ptr<PgConnection> conn;
  if (created) *created = false;
  try {
    conn = PgConnection::open(t);
  } catch (const core::Error& e) {
    if (!create || e.code() != "P1003") throw;
    create_database(t);
    if (created) *created = true;
    conn = PgConnection::open(t);
  }
  if (create && !conn->current_schema()) {
    conn->execute(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", quote_ident(t.schema)));
  }
  return conn;
}

std::string PostgresDialect::describe(const project::DatabaseTarget& target) const {
  auto t = parse_url(target.url, target.base_dir);
  return fmt::format("PostgreSQL database \"{}\", schema \"{}\" at \"{}:{}\"", t.database, t.schema,
                     t.host, t.port);
}

std::string PostgresDialect::created_message(const project::DatabaseTarget& target) const {
  auto t = parse_url(target.url, target.base_dir);
  return fmt::format("PostgreSQL database {} created at {}:{}", t.database, t.host, t.port);
}

sql::Script PostgresDialect::split(std::string_view script) const {
  return split_script(script);
}

std::vector<std::string> PostgresDialect::existing_objects(db::Connection& conn) const {
  auto rows = conn.query(kExistingObjects);
  std::vector<std::string> out;
  for (auto& r : rows.rows)
    out.push_back(r[0].value_or(""));
  return out;
}

std::unique_ptr<migrate::RunLock> PostgresDialect::lock(db::Connection& conn,
                                                        std::chrono::milliseconds timeout) const {
  AdvisoryLockOptions options;
  options.timeout = timeout;
  if (!acquire_advisory_lock(pg(conn), options)) return nullptr;
  return std::make_unique<AdvisoryLock>(pg(conn));
}

namespace {

// Resume (ApplyHooks::already_done): the statement a resumed run starts with may have run
// before. A concurrent index build whose index exists and is valid completed (the run was
// killed before its count was written): it is not run again. One whose index is invalid was
// interrupted: that index is dropped first, or the build would fail with 42P07. Anything else
// runs again (statements that can run in a transaction were counted with their commit).
bool pg_already_done(PgConnection& c, const sql::Statement& st, std::vector<std::string>* notes) {
  const auto index = concurrent_index_name(st);
  if (index.empty()) return false;
  const std::array<db::Value, 1> params{db::Value{index}};
  auto rows =
      c.query("SELECT i.indisvalid FROM pg_catalog.pg_index i WHERE i.indexrelid = to_regclass($1)",
              params);
  if (rows.rows.empty()) return false;
  if (rows.rows[0][0].value_or("f") == "t") {
    if (notes) {
      notes->push_back(fmt::format(
          "the index {} of statement `{}` exists and is valid: the previous run completed that "
          "concurrent build before it stopped, so it was not run again",
          index, std::string(st.text.substr(0, std::min<std::size_t>(st.text.size(), 60)))));
    }
    return true;
  }
  c.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
  if (notes) {
    notes->push_back(fmt::format(
        "dropped the invalid index {} that the previous run's interrupted concurrent build left "
        "behind (pg_index.indisvalid false), then built it again",
        index));
  }
  return false;
}

migrate::ApplyHooks pg_base_hooks(PgConnection& c, std::vector<std::string>* notes) {
  migrate::ApplyHooks hooks;
  // Counted in the statement's own commit (one round trip: BEGIN; statement; progress; COMMIT):
  // everything the parser understood that may run in a transaction block.
  hooks.progress_in_transaction = [](const sql::Statement& st) {
    return st.parsed && !st.no_transaction && !st.transaction_control;
  };
  hooks.already_done = [&c, notes](const sql::Statement& st) {
    return pg_already_done(c, st, notes);
  };
  hooks.error_line = [](const sql::Statement& st, int position) {
    if (position <= 0) return st.line;
    auto off = sql::byte_offset_of_char(st.text, position);
    return st.line + static_cast<int>(std::count(st.text.begin(), st.text.begin() + off, '\n'));
  };
  // In groups (one multi-statement simple query each, connection's execute_group): what the
  // parser split and classified, and no COPY, whose data exchange would stop the group; those
  // run on their own through execute().
  hooks.batchable = [](const sql::Statement& st) { return st.parsed && st.kind != "COPY"; };
  return hooks;
}

std::string pg_blocker_lines(const std::vector<migrate::Blocker>& blockers) {
  std::string out;
  for (const auto& b : blockers)
    out += "  " + migrate::describe_blocker(b) + "\n";
  return out;
}

// A transaction open this long is "long-running": it would make a first attempt time out.
std::chrono::milliseconds long_transaction_age(const migrate::LockBudget& budget) {
  return budget.lock_timeout.count() > 0 ? budget.lock_timeout : std::chrono::milliseconds(1000);
}

// Before any lock: sessions whose transactions hold locks on the migration's tables for longer
// than the lock timeout would make its first attempt time out. Listed; with wait_for_blockers,
// waited for, and GW2301 when they stay.
void check_long_transactions(PgConnection& conn, const std::vector<std::string>& relations,
                             const migrate::LockBudget& budget, const std::string& migration,
                             const migrate::LockEventSink& emit) {
  using namespace std::chrono_literals;
  if (relations.empty()) return;
  const auto min_age = long_transaction_age(budget);
  auto holders = lock_holders(conn, relations, min_age, conn.backend_pid());
  if (holders.empty()) return;
  migrate::LockEvent e;
  e.kind = migrate::LockEvent::Kind::kPrecheck;
  e.migration = migration;
  e.blockers = holders;
  e.delay = budget.wait_for_blockers;
  emit(e);
  if (budget.wait_for_blockers.count() <= 0) return;
  const auto deadline = std::chrono::steady_clock::now() + budget.wait_for_blockers;
  while (!holders.empty() && std::chrono::steady_clock::now() < deadline) {
    if (const int signal = db::interrupt_signal()) {
      throw db::Interrupted(signal,
                            fmt::format("godwit stopped while waiting for the transactions "
                                        "that hold locks on the tables of `{}`; nothing of it "
                                        "ran.",
                                        migration));
    }
    std::this_thread::sleep_for(100ms);
    holders = lock_holders(conn, relations, min_age, conn.backend_pid());
  }
  if (holders.empty()) return;
  throw core::Error(
      "GW2301",
      fmt::format("The migration `{}` was not started: after waiting {} ms "
                  "(--wait-for-blockers), these sessions still hold locks on the tables it "
                  "changes, in transactions open longer than the lock timeout:\n{}",
                  migration, budget.wait_for_blockers.count(), pg_blocker_lines(holders)),
      "Nothing of this migration ran and no history row was written. Let those transactions "
      "finish (or end a stuck one with SELECT pg_terminate_backend(<pid>)), then run "
      "`godwit migrate deploy` again; or wait longer with --wait-for-blockers.");
}

}  // namespace

std::optional<migrate::ScriptFailure> PostgresDialect::apply(
    db::Connection& conn, const sql::Script& script, const migrate::HistoryWrites& writes) const {
  return migrate::apply_script(conn, script, writes, pg_base_hooks(pg(conn), nullptr));
}

std::optional<migrate::ScriptFailure> PostgresDialect::apply_guarded(
    db::Connection& conn, const sql::Script& script, const migrate::HistoryWrites& writes,
    const migrate::ApplyContext& context) const {
  using migrate::LockEvent;
  const migrate::LockBudget budget = context.budget ? *context.budget : migrate::LockBudget{};
  auto& c = pg(conn);
  migrate::LockStats local_stats;
  migrate::LockStats& stats = context.stats ? *context.stats : local_stats;
  if (!budget.enabled) {
    auto hooks = pg_base_hooks(c, &stats.notes);
    hooks.timed = context.timed;
    hooks.timed = context.timed;
    return migrate::apply_script(conn, script, writes, hooks);
  }
  std::mutex event_mutex;  // the monitor reports from its own thread
  migrate::LockEventSink emit = [&](const LockEvent& e) {
    if (!context.on_event) return;
    std::lock_guard lock(event_mutex);
    context.on_event(e);
  };

  if (auto own = own_timeout_settings(script); !own.empty()) {
    stats.own_timeouts = true;
    LockEvent e;
    e.kind = LockEvent::Kind::kOwnTimeout;
    e.migration = context.migration;
    for (const auto& o : own)
      e.detail += (e.detail.empty() ? "" : "; ") + o;
    emit(e);
  }
  // One monitor (and second connection) for the whole run when the caller keeps it.
  std::shared_ptr<void> own_monitor;
  std::shared_ptr<void>& slot = context.run_state ? *context.run_state : own_monitor;
  // The run's first migration creates the monitor; the next ones wait for the standbys first.
  const bool first_of_run = !slot;
  std::string last_standby_lag;
  if (!slot) {
    slot =
        std::make_shared<BlockerMonitor>(c.target(), c.backend_pid(), long_transaction_age(budget));
  }
  // Waits while a standby's replay lag is above the budget's limit, reporting every 10 s;
  // false when it still is after max_standby_wait (the caller stops).
  auto standbys_caught_up = [&](std::string_view where, bool before_start) {
    const auto started = std::chrono::steady_clock::now();
    double reported_at = -1;
    for (;;) {
      const auto lag = standby_lag(c);
      const double waited =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      const auto decision = migrate::standby_decision(budget, lag.worst_s, waited);
      if (decision == migrate::StandbyDecision::kGo) return true;
      last_standby_lag = lag.standbys;
      if (decision == migrate::StandbyDecision::kGiveUp) return false;
      if (reported_at < 0 || waited >= reported_at + 10) {
        reported_at = waited;
        LockEvent e;
        e.kind = LockEvent::Kind::kStandbyLag;
        e.migration = context.migration;
        e.waited_s = waited;
        e.detail =
            fmt::format("{}; replay lag above {:.0f} s: {}", where,
                        static_cast<double>(budget.max_standby_lag.count()) / 1000.0, lag.standbys);
        emit(e);
      }
      for (int i = 0; i < 10; ++i) {
        if (const int signal = db::interrupt_signal()) {
          if (before_start) {
            throw db::Interrupted(signal,
                                  fmt::format("godwit stopped while waiting for the standbys to "
                                              "catch up before `{}`; nothing of it ran.",
                                              context.migration));
          }
          throw db::DatabaseError(
              "", fmt::format("Not sent: godwit was interrupted by signal {} while waiting for "
                              "the standbys to catch up.",
                              db::signal_name(signal)));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  };
  auto& monitor = *static_cast<BlockerMonitor*>(slot.get());
  // Between migrations: before this one's first statement (nothing of it has run yet), at most
  // once a second.
  const auto now = std::chrono::steady_clock::now();
  const bool read_lag = !first_of_run && budget.max_standby_lag.count() > 0 &&
                        now - monitor.standby_lag_read >= std::chrono::seconds(1);
  if (read_lag) monitor.standby_lag_read = now;
  if (read_lag && !standbys_caught_up("before its first statement", true)) {
    throw core::Error(
        "GW2710",
        fmt::format("The migration `{}` was not started: the standbys' replay lag stayed above "
                    "{:.0f} s (--max-standby-lag) for {:.0f} s (--max-standby-wait): {}.",
                    context.migration, static_cast<double>(budget.max_standby_lag.count()) / 1000.0,
                    static_cast<double>(budget.max_standby_wait.count()) / 1000.0,
                    last_standby_lag),
        "Nothing of this migration ran and no history row was written; the migrations before "
        "it are applied. Check the standbys (pg_stat_replication on the primary), then run "
        "`godwit migrate deploy` again; or raise --max-standby-lag (0 turns the wait off) or "
        "--max-standby-wait.");
  }
  // The tables the file locks, read from its statements' facts when first needed.
  std::optional<std::vector<std::string>> relations_found;
  auto relations = [&]() -> const std::vector<std::string>& {
    if (!relations_found) relations_found = locked_relations(script);
    return *relations_found;
  };
  if (monitor.may_have_long_transactions()) {
    check_long_transactions(c, relations(), budget, context.migration, emit);
  }
  monitor.begin(context.migration, budget.report_after, emit, budget.long_running);
  struct EndSampling {
    BlockerMonitor& monitor;
    ~EndSampling() { monitor.end(); }
  } end_sampling{monitor};
  auto hooks = pg_base_hooks(c, &stats.notes);
  hooks.timed = context.timed;
  std::mt19937_64 random(std::random_device{}());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<migrate::Blocker> last_blockers;
  hooks.retry = [&](const migrate::ScriptFailure& f,
                    int attempt) -> std::optional<std::chrono::milliseconds> {
    if (f.db_code != "55P03") return std::nullopt;
    // Who held the lock: what the monitor saw during the wait, else (a wait shorter than its
    // sampling) who holds locks on the migration's tables now.
    auto wait = monitor.take_last_wait();
    last_blockers =
        wait && !wait->blockers.empty()
            ? wait->blockers
            : lock_holders(c, relations(), std::chrono::milliseconds(0), c.backend_pid());
    LockEvent timed_out;
    timed_out.kind = LockEvent::Kind::kTimedOut;
    timed_out.migration = context.migration;
    timed_out.attempt = attempt;
    timed_out.waited_s = wait ? wait->waited_s : 0;
    if (wait) {
      timed_out.relation = wait->relation;
      timed_out.mode = wait->mode;
    }
    timed_out.detail = fmt::format("statement {} of {}, line {}", f.statement_index + 1,
                                   f.statement_count, f.line);
    timed_out.blockers = last_blockers;
    emit(timed_out);
    if (attempt > budget.retries) return std::nullopt;
    auto delay = migrate::retry_delay(budget, attempt, unit(random));
    ++stats.retries;
    LockEvent retrying;
    retrying.kind = LockEvent::Kind::kRetrying;
    retrying.migration = context.migration;
    retrying.attempt = attempt;
    retrying.delay = delay;
    retrying.detail = script.mode == sql::TransactionMode::kSingle
                          ? std::string("the whole transaction (nothing of it was applied)")
                          : fmt::format(
                                "statement {} of {} (the statements before it stay "
                                "applied and are not run again)",
                                f.statement_index + 1, f.statement_count);
    emit(retrying);
    return delay;
  };

  // Concurrent index builds: wait for their locks without godwit's lock_timeout (their
  // SHARE UPDATE EXCLUSIVE lock and their waits for older transactions block no reads or
  // writes; a timeout would only throw the build away), unless the file set its own; and drop
  // the invalid index a failed build leaves behind.
  bool own_lock_timeout = false;
  bool lifted = false;
  std::string build_target;
  std::vector<std::string> invalid_before;
  std::vector<std::string> cleanup_notes;
  auto wait_for_standbys = [&] {
    if (standbys_caught_up("between statements", false)) return;
    throw db::DatabaseError(
        "", fmt::format("Not sent: the standbys' replay lag stayed above {:.0f} s for {:.0f} s "
                        "({}).",
                        static_cast<double>(budget.max_standby_lag.count()) / 1000.0,
                        static_cast<double>(budget.max_standby_wait.count()) / 1000.0,
                        last_standby_lag));
  };
  std::size_t statements_sent = 0;
  hooks.before_statement = [&](const sql::Statement& st) {
    // Between statements, outside a transaction (no lock is held while waiting).
    if (statements_sent++ > 0 && !c.in_transaction()) wait_for_standbys();
    if (sets_lock_timeout(st)) own_lock_timeout = true;
    build_target = concurrent_build_target(st);
    if (!build_target.empty()) {
      invalid_before = invalid_indexes(c, build_target);
      if (!own_lock_timeout && !lifted && budget.lock_timeout.count() > 0) {
        c.execute("SET lock_timeout = 0");
        lifted = true;
      }
    } else if (lifted) {
      lifted = false;
      if (!own_lock_timeout) {
        c.execute(fmt::format("SET lock_timeout = '{}ms'", budget.lock_timeout.count()));
      }
    }
  };
  hooks.after_failure = [&](const sql::Statement&) {
    if (build_target.empty()) return;
    try {
      for (const auto& index : invalid_indexes(c, build_target)) {
        if (std::find(invalid_before.begin(), invalid_before.end(), index) !=
            invalid_before.end()) {
          continue;  // not this build's: left as it was
        }
        c.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
        cleanup_notes.push_back(fmt::format(
            "godwit dropped the invalid index {} that the failed concurrent build left behind "
            "(DROP INDEX CONCURRENTLY IF EXISTS).",
            index));
      }
    } catch (const db::DatabaseError& e) {
      cleanup_notes.push_back(
          fmt::format("godwit could not drop the invalid index the failed concurrent build left "
                      "on {}: {} (drop it with DROP INDEX CONCURRENTLY before running the "
                      "migration again).",
                      build_target, e.message()));
    }
  };

  migrate::HistoryWrites guarded = writes;
  guarded.before =
      budget_settings_sql(budget) + (writes.before.empty() ? "" : ";\n" + writes.before);
  auto failure = migrate::apply_script(conn, script, guarded, hooks);
  monitor.end();

  stats.lock_wait_s = std::max(stats.lock_wait_s, monitor.longest_wait_s());
  auto add_blocker = [&](const migrate::Blocker& b) {
    if (std::none_of(stats.blockers.begin(), stats.blockers.end(),
                     [&](const auto& s) { return s.pid == b.pid; })) {
      stats.blockers.push_back(b);
    }
  };
  for (const auto& b : monitor.seen_blockers())
    add_blocker(b);
  for (const auto& b : last_blockers)
    add_blocker(b);

  if (failure) {
    if (failure->db_code == "55P03") {
      failure->db_message += fmt::format(
          "\n\nThe lock was not granted within the lock timeout ({} ms; --lock-budget); godwit "
          "tried {} time(s) ({} retries, --lock-retries).",
          budget.lock_timeout.count(), stats.retries + 1, stats.retries);
      if (!last_blockers.empty()) {
        failure->db_message += "\nSessions blocking it:\n" + pg_blocker_lines(last_blockers);
      }
    }
    for (const auto& note : cleanup_notes)
      failure->db_message += "\n" + note;
  }
  return failure;
}

}  // namespace godwit::postgres
