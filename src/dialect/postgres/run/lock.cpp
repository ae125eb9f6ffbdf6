#include "dialect/postgres/run/lock.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <thread>

namespace godwit::postgres {
namespace {

const std::array<db::Value, 1> kKeyParam{db::Value{kAdvisoryLockKey}};

bool try_lock(PgConnection& conn) {
  auto rows = conn.query("SELECT pg_try_advisory_lock($1::bigint)", kKeyParam);
  return !rows.rows.empty() && rows.rows[0][0] == "t";
}

std::string describe(const std::optional<LockHolder>& holder) {
  if (!holder) return "The lock was released just as the wait ran out; run the command again.";
  auto shown = [](const std::string& v) { return v.empty() ? std::string("?") : v; };
  std::string out = "The lock is held by the session with pid " + std::to_string(holder->pid) +
                    " (application_name \"" + holder->application_name + "\", user \"" +
                    shown(holder->user) + "\"";
  if (!holder->client_addr.empty()) out += ", client " + holder->client_addr;
  out += ", state \"" + shown(holder->state) + "\", last query started " +
         shown(holder->query_start) + ").\n";
  out +=
      "Another migration (godwit or Prisma Migrate) is probably running against this database: "
      "wait for it to finish and try again. If that session is stuck, end it with "
      "SELECT pg_terminate_backend(" +
      std::to_string(holder->pid) +
      "). Setting PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK=1 skips the lock; do that only when "
      "nothing else can migrate this database at the same time.";
  return out;
}

}  // namespace

bool advisory_lock_disabled(const char* value) {
  return value != nullptr && value[0] != '\0' && std::string_view(value) != "0";
}

bool advisory_lock_disabled() {
  return advisory_lock_disabled(std::getenv("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK"));
}

bool acquire_advisory_lock(PgConnection& conn, const AdvisoryLockOptions& options) {
  if (advisory_lock_disabled()) return false;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto deadline = start + options.timeout;
  auto backoff = std::max(options.first_backoff, std::chrono::milliseconds(1));
  while (true) {
    if (try_lock(conn)) return true;
    auto now = Clock::now();
    if (now >= deadline) break;
    std::this_thread::sleep_for(std::min<Clock::duration>(backoff, deadline - now));
    backoff = std::min(backoff * 2, std::max(options.max_backoff, options.first_backoff));
  }
  // One last attempt after the full wait, so a lock freed during the final sleep is taken.
  if (try_lock(conn)) return true;

  // Prisma's wording, `pg_advisory_lock` included although godwit polls the try variant:
  // deploy scripts in the wild recognise this P1002 by that text and retry.
  const auto& t = conn.target();
  const std::string at = "`" + t.host + "`:`" + std::to_string(t.port) + "`";
  throw core::Error(
      "P1002",
      "The database server at " + at +
          " was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database "
          "server is running at " +
          at +
          ".\n\nContext: Timed out trying to acquire a postgres advisory lock (SELECT "
          "pg_advisory_lock(72707369)). Elapsed: " +
          std::to_string(options.timeout.count()) +
          "ms. See https://pris.ly/d/migrate-advisory-locking for details.",
      describe(advisory_lock_holder(conn)));
}

void release_advisory_lock(PgConnection& conn) {
  // pg_advisory_unlock warns (a NOTICE-level WARNING) when the lock is not held; check first
  // so that no warning reaches the caller's notice list.
  auto rows = conn.query(
      "SELECT pg_advisory_unlock($1::bigint) FROM pg_locks WHERE locktype = 'advisory' AND "
      "pid = pg_backend_pid() AND granted AND classid = ($1::bigint >> 32)::oid AND "
      "objid = ($1::bigint & 4294967295)::oid AND objsubid = 1",
      kKeyParam);
  (void)rows;
}

std::optional<LockHolder> advisory_lock_holder(PgConnection& conn) {
  // A bigint advisory key is stored as classid = high 32 bits, objid = low 32 bits,
  // objsubid = 1; the lock belongs to one database.
  auto rows = conn.query(
      "SELECT l.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''), "
      "coalesce(host(a.client_addr), ''), coalesce(a.state, ''), "
      "coalesce(to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', "
      "'') FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
      "WHERE l.locktype = 'advisory' AND l.granted AND "
      "l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND "
      "l.classid = ($1::bigint >> 32)::oid AND l.objid = ($1::bigint & 4294967295)::oid AND "
      "l.objsubid = 1 ORDER BY l.pid LIMIT 1",
      kKeyParam);
  if (rows.rows.empty()) return std::nullopt;
  const auto& r = rows.rows[0];
  return LockHolder{std::atoi(r[0].value_or("0").c_str()),
                    r[1].value_or(""),
                    r[2].value_or(""),
                    r[3].value_or(""),
                    r[4].value_or(""),
                    r[5].value_or("")};
}

}  // namespace godwit::postgres
