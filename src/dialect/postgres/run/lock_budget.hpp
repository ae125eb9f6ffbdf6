#pragma once
// The lock budget on PostgreSQL (migrate/lock_budget.hpp): the session settings each migration
// runs with, what a migration file sets itself, the tables it touches (from the lint facts of
// pgparse/facts.hpp) and the invalid indexes a failed concurrent build leaves behind.

#include <chrono>
#include <string>
#include <vector>

#include "dialect/postgres/connect/connection.hpp"
#include "migrate/lock_budget.hpp"
#include "sql/statement.hpp"

namespace godwit::postgres {

/// The SET statements a migration starts with (session level, so they also cover a file that
/// runs outside a transaction, and so that a file's own SET overrides them): `SET lock_timeout
/// = '1000ms'; SET statement_timeout = ...`; RESET for a setting that is 0 (the server's,
/// role's or database's own value then applies, and nothing a previous file set lingers).
std::string budget_settings_sql(const migrate::LockBudget& budget);

/// Where a file sets lock_timeout or statement_timeout itself (SET, SET SESSION or SET LOCAL,
/// and RESET), in script order, e.g. "SET lock_timeout = '10s' (statement 1, line 1)".
std::vector<std::string> own_timeout_settings(const sql::Script& script);

/// True when `statement` sets or resets lock_timeout itself.
bool sets_lock_timeout(const sql::Statement& statement);

/// The existing tables (and indexes) the script's statements lock, as quoted SQL names
/// (`"public"."User"`, `"User"`), deduplicated, in first-seen order. Data statements (INSERT,
/// UPDATE, DELETE, COPY, SELECT) are not parsed again: a data migration of 100,000 INSERTs
/// costs nothing here, and row locks are not what the pre-check is for.
std::vector<std::string> locked_relations(const sql::Script& script);

/// The relation (table or index) a concurrent index build works on, as a quoted SQL name:
/// CREATE [UNIQUE] INDEX CONCURRENTLY and REINDEX ... CONCURRENTLY; empty for anything else.
std::string concurrent_build_target(const sql::Statement& statement);

/// The index a CREATE [UNIQUE] INDEX CONCURRENTLY statement builds, as a quoted SQL name in
/// its table's schema (`"public"."User_email_idx"`, or `"User_email_idx"` when the table is not
/// qualified); empty for anything else, and for an unnamed index.
std::string concurrent_index_name(const sql::Statement& statement);

/// Invalid indexes (pg_index.indisvalid false) on `relation`'s table (or on the table of the
/// index `relation`), as regclass text.
std::vector<std::string> invalid_indexes(PgConnection& conn, const std::string& relation);

/// The standbys' replay lag as the primary sees it (pg_stat_replication.replay_lag).
struct StandbyLag {
  double worst_s = 0;    ///< the largest lag in seconds; 0 without standbys
  std::string standbys;  ///< "name 12.5 s, 10.0.0.7 0 s" (application_name, else address)
};
/// One query of pg_stat_replication on `conn` (a primary; a role without pg_monitor sees no
/// lag, hence 0).
StandbyLag standby_lag(PgConnection& conn);

}  // namespace godwit::postgres
