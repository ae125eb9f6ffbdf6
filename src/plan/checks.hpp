#pragma once
// Prisma's destructive change checks (prisma-compat.md §7.10; ENG
// sql_destructive_change_checker.rs, warning_check.rs, unexecutable_step_check.rs): the
// warnings (data may be lost) and unexecutable steps (the step fails on existing data) of a
// change set, as the `/* Warnings: */` block of a migration lists them.
//
// Counts: Prisma asks the database for row counts and non-null value counts to drop checks
// that cannot apply (an empty table) and to say how many rows are concerned. Without a
// database (`RowCounts` absent, Prisma's `pure_check`) every check applies and messages use the
// "if the table is not empty" wording. `migrate diff` prints none of them (Prisma passes no
// diagnostics there); `migrate dev` and `db push` will.

#include <optional>
#include <string>
#include <string_view>

#include "diff/change_set.hpp"
#include "plan/plan.hpp"
#include "schema/catalog.hpp"

namespace godwit::plan {

/// Row and value counts read from the live database, by table and column name in `from`.
/// nullopt: unknown (not counted).
class RowCounts {
 public:
  virtual ~RowCounts() = default;
  virtual std::optional<long long> rows(std::string_view ns, std::string_view table) const = 0;
  virtual std::optional<long long> non_null_values(std::string_view ns, std::string_view table,
                                                   std::string_view column) const = 0;
};

/// The warnings and unexecutable steps of `changes` (made from `from` and `to`), in step order,
/// each pointing at its change; `counts` may be nullptr (no database).
struct Checks {
  std::vector<Warning> warnings;
  std::vector<Warning> unexecutable;
};
Checks check_changes(const diff::ChangeSet& changes, const schema::Catalog& from,
                     const schema::Catalog& to, const RowCounts* counts);

}  // namespace godwit::plan
