#pragma once
// The `_prisma_migrations` history table and its row lifecycle (prisma-compat.md §1).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/connection.hpp"

namespace godwit::migrate {

inline constexpr std::string_view kHistoryTable = "_prisma_migrations";

/// One history row, as stored.
struct HistoryRow {
  std::string id;
  std::string checksum;
  std::optional<std::string> finished_at;  ///< as the driver returns it; nullopt = NULL
  std::string migration_name;
  std::optional<std::string> logs;
  std::optional<std::string> rolled_back_at;  ///< as the driver returns it; nullopt = NULL
  std::string started_at;                     ///< display form, "2026-11-21 15:03:54.177 UTC"
  long long applied_steps_count = 0;

  /// Started, not finished, not rolled back (§1.3).
  bool failed() const { return !finished_at && !rolled_back_at; }
  /// Finished and not rolled back: counts as applied (§1.2 step 5).
  bool applied() const { return finished_at && !rolled_back_at; }
};

/// What differs between providers in the history table (a per-dialect hook).
struct HistoryFlavor {
  std::string create_table_sql;  ///< the exact DDL Prisma uses (§1.1)
  std::string table_exists_sql;  ///< one row with one column "t"/"f" or 1/0
  /// SELECT of id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at,
  /// applied_steps_count from the table, ORDER BY started_at (Prisma's order). Only started_at
  /// is ever shown (P3009): the other two timestamps only need to be NULL or not.
  std::string list_sql;
  /// SQL around a history write that may commit without waiting for the disk (see
  /// HistoryStore::started_sql / finished_sql). PostgreSQL: "BEGIN; SET LOCAL
  /// synchronous_commit TO off;" and "; COMMIT". Such a write stays crash-consistent: the WAL
  /// keeps commits in order, so a later synchronous COMMIT flushes it too, and a crash can only
  /// lose a suffix of the run (a started row whose script was lost with it, or a finished mark
  /// after its script: the row then reads as failed, never as applied without its changes).
  /// Empty: every write is synchronous. It must leave no transaction open.
  std::string relaxed_prefix;
  std::string relaxed_suffix;
  /// The error code `list_sql` fails with when the table does not exist (PostgreSQL: SQLSTATE
  /// 42P01), so that HistoryStore::list_if_exists needs one query instead of two. Empty: ask
  /// `table_exists_sql` first.
  std::string missing_table_code;
  /// How a timestamp is bound: PostgreSQL timestamptz text, SQLite epoch milliseconds.
  db::Value (*timestamp_value)(core::TimePoint);
  /// How a stored timestamp, as `list_sql` returns it, is shown: "2026-11-21 15:03:54.177 UTC"
  /// as in Prisma's P3009 text.
  std::string (*timestamp_display)(const std::string& stored);
};

/// The history table on one connection. Every write is its own statement; callers decide which
/// writes share a transaction with a migration script (see runner.hpp).
class HistoryStore {
 public:
  HistoryStore(db::Connection& conn, const HistoryFlavor& flavor, core::Clock clock);

  bool exists();
  void create();
  /// All rows, ordered by started_at then migration_name (Prisma lists ORDER BY started_at).
  std::vector<HistoryRow> list();
  /// list(), or nullopt when there is no history table.
  std::optional<std::vector<HistoryRow>> list_if_exists();

  /// §1.2 step 6: SQL inserting a row with started_at = now; committed on its own (values as
  /// literals, so the runner can send it in the same round trip as the script's BEGIN).
  /// `logs`: godwit's progress note (migrate/progress.hpp: "godwit progress: 0 of N statements
  /// committed"), which tells `deploy --resume` that godwit ran the row; Prisma leaves logs
  /// NULL, and shows them only for failed rows. Empty: NULL.
  std::string started_sql(const std::string& id, const std::string& name,
                          const std::string& checksum, const std::string& logs = {});
  /// Success: SQL setting applied_steps_count = 1 (Prisma's value for a finished row: one
  /// script), logs = NULL (the progress note is done with) and finished_at = now, in one
  /// statement (sent with the script's COMMIT). `relaxed`: committed on its own without
  /// waiting for the disk; only for a script that ran outside a transaction and is not the
  /// run's last.
  std::string finished_sql(const std::string& id, bool relaxed = false);
  /// Progress of a script that runs statement by statement: SQL setting applied_steps_count =
  /// `committed` (statements of the script whose effects are committed) and logs = `note`,
  /// sent in the same transaction as the last of those statements where the dialect allows
  /// (migrate/apply.hpp), so that a crash never loses a committed statement's count.
  std::string progress_sql(const std::string& id, std::size_t committed, const std::string& note);
  /// `deploy --resume` continues the failed row `id`: its checksum becomes that of the file as
  /// it is now (its statements before the resume point are checked unchanged first).
  void set_checksum(const std::string& id, const std::string& checksum);
  /// Failure: logs = the error text; finished_at stays NULL, so the row counts as failed.
  void mark_failed(const std::string& id, const std::string& logs);
  /// logs = `logs` on a row in any state (a finished row stays applied: Prisma reads
  /// finished_at and rolled_back_at, and shows logs only for failed rows).
  void set_logs(const std::string& id, const std::string& logs);
  /// §1.4: resolve --applied inserts a finished row with logs = '' and started = finished = now.
  void insert_resolved_applied(const std::string& id, const std::string& name,
                               const std::string& checksum);
  /// rolled_back_at = now on every failed row with this name (§1.4 step 5, §1.5 step 5).
  void mark_failed_rows_rolled_back(const std::string& name);

 private:
  db::Value now();
  std::string literal(const db::Value& v);
  db::Connection& conn_;
  const HistoryFlavor& flavor_;
  core::Clock clock_;
};

}  // namespace godwit::migrate
