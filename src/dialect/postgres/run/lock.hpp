#pragma once
// The migration lock on PostgreSQL: Prisma's session advisory lock (prisma-compat.md §4.3),
// same key, so godwit and Prisma Migrate exclude each other on the same database.
//
// Prisma blocks in `SELECT pg_advisory_lock(72707369)` under a 10 s client-side timeout.
// godwit polls `pg_try_advisory_lock` instead: a session blocked in pg_advisory_lock cannot be
// told apart from one doing work, and a CREATE INDEX CONCURRENTLY in another session waits
// for every open transaction, including one stuck waiting for this lock.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dialect/postgres/connect/connection.hpp"

namespace godwit::postgres {

inline constexpr std::int64_t kAdvisoryLockKey = 72707369;

struct AdvisoryLockOptions {
  std::chrono::milliseconds timeout{10'000};  ///< Prisma's ADVISORY_LOCK_TIMEOUT
  std::chrono::milliseconds first_backoff{10};
  std::chrono::milliseconds max_backoff{500};  ///< the wait doubles up to this
};

/// The session that holds the lock, as pg_stat_activity shows it (empty strings where the
/// server hides the value from a less privileged role).
struct LockHolder {
  int pid = 0;
  std::string application_name;
  std::string user;
  std::string client_addr;
  std::string state;        ///< "active", "idle", "idle in transaction", ...
  std::string query_start;  ///< UTC, "YYYY-MM-DD HH:MM:SS UTC"
};

/// True when PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK disables the migration lock: any value but
/// empty or "0" (ENG sql-schema-connector `acquire_lock`). Applies to SQLite's lock too.
bool advisory_lock_disabled();
/// The same rule for a given value (nullptr = variable unset).
bool advisory_lock_disabled(const char* value);

/// Takes the session advisory lock, retrying pg_try_advisory_lock with a doubling wait.
/// Returns false, without locking, when advisory_lock_disabled(); true once held. The lock
/// lasts until release_advisory_lock() or the end of the session.
/// Errors: P1002 (Prisma's timeout wording) naming the holder and what to do;
/// db::DatabaseError / P1017 from the connection.
bool acquire_advisory_lock(PgConnection& conn, const AdvisoryLockOptions& options = {});

/// Releases one hold of the lock taken by this session (pg_advisory_unlock); a no-op when
/// this session does not hold it.
void release_advisory_lock(PgConnection& conn);

/// The session holding the lock on `conn`'s database (advisory locks are per database), or
/// nullopt when it is free.
std::optional<LockHolder> advisory_lock_holder(PgConnection& conn);

}  // namespace godwit::postgres
