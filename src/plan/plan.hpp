#pragma once
// The plan: the statements that carry out a change set, in execution order, each knowing where
// it came from (docs/architecture.md, "Three separate value types"). A renderer makes it from
// a ChangeSet (diff/change_set.hpp); the script text Prisma writes (prisma-compat.md §7.1) is
// one way to print it, `migrate dev` runs it, lint rules read it.
//
// Order: execution order, which is the change set's (the differ's: by step, schema::StepKind,
// Prisma's order, §7.2, then by Prisma's ids); statements of one change keep their own order.
// A step, as Prisma prints it, is one change's run of statements of one kind: each gets its
// own header (`-- CreateTable` before every table, not once for all tables).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "diff/change_set.hpp"
#include "schema/renderer.hpp"

namespace godwit::plan {

struct Statement {
  std::string sql;                                        ///< without the trailing `;`
  schema::StepKind step = schema::StepKind::CreateTable;  ///< its header in the script
  std::size_t change = 0;                                 ///< index into the ChangeSet's `changes`
  /// False for statements PostgreSQL refuses inside a transaction block (`CREATE INDEX
  /// CONCURRENTLY`, `ALTER TYPE ... ADD VALUE` before PostgreSQL 12): the runner then runs the
  /// script in autocommit, as it does for hand-written migrations (prisma-compat.md §4.1).
  bool transactional = true;
  /// The statement that undoes this one (CREATE TABLE -> DROP TABLE), where one exists without
  /// data from the database; nullopt for irreversible statements (DROP TABLE, DROP COLUMN).
  std::optional<std::string> reverse;
};

/// Prisma's `/* Warnings: */` lines (§7.10): data loss the user accepts by applying.
struct Warning {
  std::string message;
  std::size_t change = 0;
};

struct Plan {
  std::vector<Warning> warnings;
  /// Steps that fail on the current data (§7.10, "unexecutable"), printed after the warnings.
  std::vector<Warning> unexecutable;
  std::vector<Statement> statements;

  bool empty() const { return statements.empty(); }
  /// True when every statement may run inside one transaction.
  bool transactional() const;
  /// The script as Prisma writes it (§7.1): warnings block, step headers, `;\n` after each
  /// statement; "-- This is an empty migration." when there is no statement.
  std::string script() const;
};

}  // namespace godwit::plan
