#pragma once
// Row and non-null value counts read from a live database for Prisma's destructive change
// checks (plan/checks.hpp): Prisma's checker asks `SELECT COUNT(*)` of each table a warning
// or an unexecutable step concerns (ENG sql_destructive_change_checker), to leave out checks
// on empty tables and to say how many rows are concerned.

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "db/connection.hpp"
#include "plan/checks.hpp"

namespace godwit::dialect {

/// Counts through `conn`, each asked once and cached. A name is quoted with double quotes
/// (`"ns"."table"`; `"table"` when `ns` is empty), which both PostgreSQL and SQLite read.
/// A count the database refuses (a table the catalog holds but the user cannot read) is
/// unknown (nullopt), which makes the check apply as if there were rows.
class LiveRowCounts final : public plan::RowCounts {
 public:
  explicit LiveRowCounts(db::Connection& conn) : conn_(conn) {}
  std::optional<long long> rows(std::string_view ns, std::string_view table) const override;
  std::optional<long long> non_null_values(std::string_view ns, std::string_view table,
                                           std::string_view column) const override;

 private:
  std::optional<long long> count(const std::string& sql) const;
  db::Connection& conn_;
  mutable std::map<std::string, std::optional<long long>> cache_;
};

}  // namespace godwit::dialect
