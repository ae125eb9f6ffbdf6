#pragma once
// PostgreSQL as the migration runner sees it (migrate::Dialect).

#include "migrate/dialect.hpp"

namespace godwit::postgres {

class PostgresDialect final : public migrate::Dialect {
 public:
  PostgresDialect();
  std::string_view provider() const override { return "postgresql"; }
  /// With `create`, a missing database is created (as Prisma's deploy does) and a missing
  /// `?schema=` schema too, so the history table has somewhere to live.
  std::unique_ptr<db::Connection> connect(const project::DatabaseTarget& target, bool create,
                                          bool* created = nullptr) const override;
  std::string created_message(const project::DatabaseTarget& target) const override;
  bool opening_creates_database() const override { return false; }
  std::string describe(const project::DatabaseTarget& target) const override;
  sql::Script split(std::string_view script) const override;
  std::unique_ptr<migrate::ShadowDatabase> create_shadow(
      const project::DatabaseTarget& main) const override;  // shadow.cpp
  const migrate::HistoryFlavor& history() const override { return history_; }
  std::vector<std::string> existing_objects(db::Connection& conn) const override;
  std::unique_ptr<migrate::RunLock> lock(db::Connection& conn,
                                         std::chrono::milliseconds timeout) const override;
  std::optional<migrate::ScriptFailure> apply(db::Connection& conn, const sql::Script& script,
                                              const migrate::HistoryWrites& writes) const override;
  /// apply() under the lock budget (lock_budget.hpp, blockers.hpp): the budget's SET statements
  /// go with the `started` row; a lock timeout (55P03) is retried with backoff and jitter; a
  /// BlockerMonitor reports waits and names the blockers of a timeout (also in the failure's
  /// message, hence in `logs`); long-running transactions holding locks on the tables the file
  /// touches are listed first and, with LockBudget::wait_for_blockers, waited for (GW2301 when
  /// they stay, before anything ran); a failed concurrent index build's invalid index is
  /// dropped before a retry or the report; concurrent builds wait for their locks without
  /// godwit's lock_timeout (they block no reads or writes while they wait).
  std::optional<migrate::ScriptFailure> apply_guarded(
      db::Connection& conn, const sql::Script& script, const migrate::HistoryWrites& writes,
      const migrate::ApplyContext& context) const override;

 private:
  migrate::HistoryFlavor history_;
};

}  // namespace godwit::postgres
