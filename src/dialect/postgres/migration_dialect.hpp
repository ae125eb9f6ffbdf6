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
  const migrate::HistoryFlavor& history() const override { return history_; }
  std::vector<std::string> existing_objects(db::Connection& conn) const override;
  std::unique_ptr<migrate::RunLock> lock(db::Connection& conn,
                                         std::chrono::milliseconds timeout) const override;
  std::optional<migrate::ScriptFailure> apply(db::Connection& conn, const sql::Script& script,
                                              const migrate::HistoryWrites& writes) const override;

 private:
  migrate::HistoryFlavor history_;
};

}  // namespace godwit::postgres
