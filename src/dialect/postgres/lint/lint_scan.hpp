#pragma once
// Internal to the PostgreSQL linter (lint*.cpp): the walk over one file's statement facts, the
// context it keeps (tables created so far, timeouts set, open transaction, constraints added),
// and the helpers the rule files share.

#include <string>
#include <string_view>
#include <vector>

#include "dialect/postgres/pgparse/facts.hpp"
#include "lint/finding.hpp"

namespace godwit::postgres::pglint {

/// A constraint added earlier in the file.
struct AddedConstraint {
  QualifiedName table;
  ConstraintFacts facts;
  bool validated = false;  ///< added without NOT VALID, or validated later
  int transaction = 0;     ///< the transaction it was added in (Scan::transaction)
};

/// A column whose type the file declared.
struct KnownColumn {
  QualifiedName table;
  ColumnFacts column;
};

/// What the rules know about the file up to the statement being checked.
struct Scan {
  const FileFacts* file = nullptr;
  std::string_view path;
  std::vector<lint::Finding>* out = nullptr;

  const sql::Statement* stmt = nullptr;  ///< the statement being checked
  std::size_t index = 0;                 ///< its index in file->script.statements

  std::vector<QualifiedName> created;  ///< tables created by earlier statements
  std::vector<QualifiedName> created_types;
  std::vector<AddedConstraint> constraints;
  std::vector<KnownColumn> columns;
  std::vector<std::string> created_indexes;
  bool lock_timeout = false;       ///< a SET lock_timeout ran earlier
  bool statement_timeout = false;  ///< a SET statement_timeout ran earlier
  /// a missing-*-timeout finding that holds whatever the earlier migrations of a run created
  /// was emitted: no more candidates (lint::Finding::first_in_file)
  bool lock_timeout_reported = false;
  bool statement_timeout_reported = false;
  int depth = 0;        ///< explicit BEGIN nesting
  int transaction = 0;  ///< increments at each COMMIT/ROLLBACK of an explicit transaction
  /// tables an earlier statement wrote rows to (INSERT, CREATE TABLE AS) or dropped: not new
  /// and empty any more, whichever migration created them
  std::vector<QualifiedName> filled;
  /// an earlier statement may write to tables godwit cannot name (DO, COPY, unparsed)
  bool opaque_writes = false;
  /// tables locked SHARE or stronger in the current transaction
  std::vector<QualifiedName> locked_in_transaction;

  /// True when the statement runs inside a transaction: the whole file is one (the runner's
  /// kSingle) or an explicit BEGIN is open.
  bool in_transaction() const;
  /// The table existed before this file (was not created by an earlier statement of it).
  bool existing(const QualifiedName& table) const;
  bool type_created(const QualifiedName& type) const;
  /// No earlier statement of the file may have written rows to `table` (see `filled`).
  bool unwritten(const QualifiedName& table) const;

  /// The findings emitted since `first` (an index into *out) do not hold when `table` is new
  /// and empty when the statement runs: in a pending run the engine drops them when an earlier
  /// migration created it (lint::Finding::unless_new_tables). Nothing is marked when an earlier
  /// statement of this file may have written rows to it (unwritten()).
  void unless_new(std::size_t first, const QualifiedName& table);
  /// Adds a finding at the current statement.
  lint::Finding& emit(std::string_view code, std::string message);
  /// emit() with the lock the action takes on its table.
  lint::Finding& emit_lock(std::string_view code, const Action& a, std::string message);
};

/// `"name"`.
std::string q(std::string_view name);
/// The column's type as SQL: "varchar(191)", "int4", "timestamp(3)", "text[]".
std::string type_sql(const ColumnFacts& c);
/// `text` with ` CONCURRENTLY` inserted after its first `INDEX` keyword (outside quotes).
std::string with_concurrently(std::string_view text);
/// `text` (a statement) with ` NOT VALID` appended.
std::string with_not_valid(std::string_view text);
/// Lower-case ASCII copy.
std::string lower_ascii(std::string_view s);

// The rule groups, each called once per action of each statement (lint_locks.cpp,
// lint_changes.cpp, lint_hygiene.cpp).
void check_locks(Scan& s, const Action& a);
void check_changes(Scan& s, const Action& a);
void check_hygiene(Scan& s, const Action& a);
void check_design(Scan& s, const Action& a);
/// Statement-level checks (timeouts, transactions, concurrent ops, unparsed statements).
void check_statement(Scan& s);
/// After the last statement (unclosed BEGIN).
void check_end(Scan& s);

}  // namespace godwit::postgres::pglint
