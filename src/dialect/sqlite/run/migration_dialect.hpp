#pragma once
// SQLite as the migration runner sees it (migrate::Dialect).

#include "migrate/dialect.hpp"

namespace godwit::sqlite {

/// Runs migrations the way SQLite's documentation says schema changes should run ("Making
/// Other Kinds Of Table Schema Changes", sqlite.org/lang_altertable.html): foreign keys off
/// *before* the transaction, every statement in one transaction, `PRAGMA foreign_key_check`
/// before COMMIT, foreign keys back on afterwards. Prisma runs the same scripts in autocommit
/// (prisma-compat.md §4.2), which leaves a failing migration half applied; godwit rolls it
/// back instead. A deliberate, documented deviation: a migration that leaves foreign-key
/// violations fails (GW2101) rather than committing them.
class SqliteDialect final : public migrate::Dialect {
 public:
  SqliteDialect();
  std::string_view provider() const override { return "sqlite"; }
  std::unique_ptr<db::Connection> connect(const project::DatabaseTarget& target, bool create,
                                          bool* created = nullptr) const override;
  std::string created_message(const project::DatabaseTarget& target) const override;
  bool opening_creates_database() const override { return true; }
  std::string describe(const project::DatabaseTarget& target) const override;
  sql::Script split(std::string_view script) const override;
  std::unique_ptr<migrate::ShadowDatabase> create_shadow(
      const project::DatabaseTarget& main) const override;  // shadow.cpp
  const migrate::HistoryFlavor& history() const override { return history_; }
  std::vector<std::string> existing_objects(db::Connection& conn) const override;
  std::unique_ptr<migrate::RunLock> lock(db::Connection& conn,
                                         std::chrono::milliseconds timeout) const override;
  /// SQLITE_BUSY (another connection holds the file's lock, e.g. a running deploy): P1002
  /// "a migration is in progress", naming the holding process from /proc/locks when it can.
  std::optional<core::Error> lock_conflict(db::Connection& conn,
                                           const db::DatabaseError& e) const override;
  std::optional<migrate::ScriptFailure> apply(db::Connection& conn, const sql::Script& script,
                                              const migrate::HistoryWrites& writes) const override;
  /// apply() with the per-statement timings of `context.timed` (SQLite has no lock budget: the
  /// rest of the context is not used).
  std::optional<migrate::ScriptFailure> apply_guarded(
      db::Connection& conn, const sql::Script& script, const migrate::HistoryWrites& writes,
      const migrate::ApplyContext& context) const override;

 private:
  std::optional<migrate::ScriptFailure> apply_timed(db::Connection& conn, const sql::Script& script,
                                                    const migrate::HistoryWrites& writes,
                                                    const migrate::ApplyContext* context) const;
  migrate::HistoryFlavor history_;
};

}  // namespace godwit::sqlite
