#include "dialect/postgres/lint/lint.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dialect/postgres/lint/lint_scan.hpp"

namespace godwit::postgres {
namespace pglint {

bool Scan::in_transaction() const {
  return depth > 0 || file->script.mode == sql::TransactionMode::kSingle;
}

bool Scan::existing(const QualifiedName& table) const {
  if (table.empty()) return false;
  return std::none_of(created.begin(), created.end(),
                      [&](const QualifiedName& c) { return c.same(table); });
}

bool Scan::unwritten(const QualifiedName& table) const {
  return !opaque_writes && std::none_of(filled.begin(), filled.end(),
                                        [&](const QualifiedName& f) { return f.same(table); });
}

bool Scan::type_created(const QualifiedName& type) const {
  return std::any_of(created_types.begin(), created_types.end(),
                     [&](const QualifiedName& c) { return c.same(type); });
}

void Scan::unless_new(std::size_t first, const QualifiedName& table) {
  if (table.empty() || !unwritten(table)) return;
  for (std::size_t i = first; i < out->size(); ++i)
    (*out)[i].unless_new_tables.push_back({table.schema, table.name});
}

lint::Finding& Scan::emit(std::string_view code, std::string message) {
  lint::Finding f;
  f.code = std::string(code);
  f.file = std::string(path);
  f.line = stmt->line;
  f.statement = std::string(stmt->text);
  f.message = std::move(message);
  out->push_back(std::move(f));
  return out->back();
}

lint::Finding& Scan::emit_lock(std::string_view code, const Action& a, std::string message) {
  lint::Finding& f = emit(code, std::move(message));
  if (a.lock != LockLevel::kNone) {
    f.lock = fmt::format("{} on {}", lock_name(a.lock), a.table.quoted());
    f.blocks = std::string(lock_blocks(a.lock));
    if (a.also_lock != LockLevel::kNone && !a.also_locks.empty()) {
      f.lock += fmt::format(" and {} on {}", lock_name(a.also_lock), a.also_locks.quoted());
    }
  }
  return f;
}

std::string q(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string type_sql(const ColumnFacts& c) {
  std::string t = c.type.empty() ? "text" : c.type;
  if (t == "bpchar") t = "char";
  if (!c.typmods.empty()) {
    t += "(";
    for (std::size_t i = 0; i < c.typmods.size(); ++i)
      t += (i ? ", " : "") + std::to_string(c.typmods[i]);
    t += ")";
  }
  if (c.array) t += "[]";
  return t;
}

std::string with_concurrently(std::string_view text) {
  // The first bare INDEX word (CREATE [UNIQUE] INDEX / DROP INDEX) outside quotes.
  bool quoted = false;
  for (std::size_t i = 0; i + 5 <= text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (quoted) continue;
    if (lower_ascii(text.substr(i, 5)) != "index") continue;
    bool left = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t';
    bool right =
        i + 5 == text.size() || text[i + 5] == ' ' || text[i + 5] == '\n' || text[i + 5] == '"';
    if (left && right) {
      return std::string(text.substr(0, i + 5)) + " CONCURRENTLY" + std::string(text.substr(i + 5));
    }
  }
  return std::string(text);
}

std::string with_not_valid(std::string_view text) {
  return std::string(text) + " NOT VALID;";
}

namespace {

// After a statement's checks: what later statements should know.
void remember(Scan& s, const Action& a) {
  switch (a.op) {
    case Op::kCreateTable:
    case Op::kCreateTableAs:
      if (a.op == Op::kCreateTableAs) s.filled.push_back(a.table);
      s.created.push_back(a.table);
      for (const auto& c : a.columns)
        s.columns.push_back({a.table, c});
      for (const auto& k : a.constraints)
        s.constraints.push_back({a.table, k, !k.not_valid, s.transaction});
      break;
    case Op::kCreateEnum:
    case Op::kCreateDomain:
      s.created_types.push_back(a.table);
      break;
    case Op::kAddColumn:
      s.columns.push_back({a.table, a.column});
      break;
    case Op::kAlterColumnType:
      for (auto& k : s.columns) {
        if (k.table.same(a.table) && k.column.name == a.column.name) {
          k.column.type = a.column.type;
          k.column.typmods = a.column.typmods;
        }
      }
      break;
    case Op::kAddConstraint:
      for (const auto& k : a.constraints)
        s.constraints.push_back({a.table, k, !k.not_valid, s.transaction});
      break;
    case Op::kValidateConstraint:
      for (auto& k : s.constraints) {
        if (k.table.same(a.table) && k.facts.name == a.object) k.validated = true;
      }
      break;
    case Op::kCreateIndex:
      s.created_indexes.push_back(a.object);
      break;
    case Op::kRenameTable:
      for (auto& c : s.created) {
        if (c.same(a.table)) c.name = a.new_name;
      }
      break;
    case Op::kInsert:
      s.filled.push_back(a.table);
      break;
    case Op::kDrop:
      if (a.object_kind == "TABLE") {
        for (const auto& t : a.relations)
          s.filled.push_back(t);
      }
      break;
    case Op::kDo:
      s.opaque_writes = true;
      break;
    case Op::kSetting: {
      bool reset = a.new_name == "DEFAULT" || a.new_name == "0";
      if (a.object == "lock_timeout") s.lock_timeout = !reset;
      if (a.object == "statement_timeout") s.statement_timeout = !reset;
      break;
    }
    case Op::kBegin:
      ++s.depth;
      break;
    case Op::kCommit:
    case Op::kRollback:
      if (s.depth > 0) --s.depth;
      ++s.transaction;
      s.locked_in_transaction.clear();
      break;
    default:
      break;
  }
  if (a.lock >= LockLevel::kShare && s.in_transaction() && s.existing(a.table)) {
    s.locked_in_transaction.push_back(a.table);
  }
}

}  // namespace
}  // namespace pglint

using lint::Severity;

const std::vector<lint::RuleInfo>& PostgresLinter::rules() const {
  static const std::vector<lint::RuleInfo> kRules = {
      // A. Locks and table rewrites
      {"index-create-not-concurrent", "A", Severity::kError, false,
       "CREATE INDEX on an existing table without CONCURRENTLY (A1)"},
      {"index-drop-not-concurrent", "A", Severity::kWarning, false,
       "DROP INDEX without CONCURRENTLY (A2)"},
      {"concurrent-op-in-transaction", "A", Severity::kError, false,
       "CONCURRENTLY inside BEGIN ... COMMIT: fails with 25001 (A3)"},
      {"concurrent-op-not-alone", "D", Severity::kWarning, false,
       "a concurrent operation sharing its file with other statements: Prisma runs the file as "
       "one implicit transaction and fails (A3)"},
      {"reindex-not-concurrent", "A", Severity::kWarning, false,
       "REINDEX without CONCURRENTLY (A4)"},
      {"detach-partition-not-concurrent", "A", Severity::kWarning, false,
       "DETACH PARTITION without CONCURRENTLY (A5)"},
      {"vacuum-full-or-cluster", "A", Severity::kWarning, false, "VACUUM FULL or CLUSTER (A6)"},
      {"unique-constraint-direct", "A", Severity::kError, false,
       "UNIQUE constraint or column added to an existing table directly (A7)"},
      {"primary-key-direct", "A", Severity::kError, false,
       "PRIMARY KEY added to an existing table directly (A8)"},
      {"foreign-key-validated-inline", "A", Severity::kError, false,
       "foreign key added to an existing table without NOT VALID (A9)"},
      {"check-constraint-validated-inline", "A", Severity::kError, false,
       "CHECK constraint added to an existing table without NOT VALID (A10)"},
      {"validate-in-same-tx", "A", Severity::kWarning, false,
       "NOT VALID and VALIDATE CONSTRAINT in the same transaction (A11)"},
      {"set-not-null-scan", "A", Severity::kError, false,
       "SET NOT NULL on an existing column without a validated CHECK (A12)"},
      {"add-column-volatile-default", "A", Severity::kError, false,
       "ADD COLUMN with a volatile DEFAULT: rewrites the table (A13)"},
      {"add-stored-generated-column", "A", Severity::kError, false,
       "a STORED generated column added to an existing table (A14)"},
      {"add-serial-column", "A", Severity::kError, false,
       "a serial or identity column added to an existing table (A15)"},
      {"column-type-change", "A", Severity::kError, false,
       "ALTER COLUMN TYPE that may rewrite the table (A16)"},
      {"exclusion-constraint", "A", Severity::kError, false,
       "EXCLUDE constraint added to an existing table (A17)"},
      {"domain-constraint", "A", Severity::kWarning, false,
       "CREATE DOMAIN ... CHECK or ALTER DOMAIN ADD CONSTRAINT (A18)"},
      {"missing-lock-timeout", "A", Severity::kWarning, false,
       "a blocking lock taken with no lock_timeout set in the file (A19)"},
      {"missing-statement-timeout", "A", Severity::kWarning, false,
       "a blocking lock taken with no statement_timeout set in the file (A20)"},
      {"backfill-in-ddl-transaction", "A", Severity::kWarning, false,
       "UPDATE or DELETE in the transaction that holds a DDL lock on the table (A21)"},
      // B. Data loss
      {"drop-table", "B", Severity::kError, false, "DROP TABLE of an existing table (B1)"},
      {"drop-column", "B", Severity::kError, false, "DROP COLUMN (B2)"},
      {"drop-schema-or-database", "B", Severity::kError, false,
       "DROP SCHEMA or DROP DATABASE (B3)"},
      {"truncate-cascade", "B", Severity::kError, false, "TRUNCATE ... CASCADE (B4)"},
      {"drop-sequence", "B", Severity::kWarning, false, "DROP SEQUENCE (B5)"},
      {"drop-foreign-key", "B", Severity::kWarning, false,
       "dropping a foreign key (known from the file, or named *_fkey as Prisma names them) (B6)"},
      // C. Backward-incompatible changes
      {"rename-column", "C", Severity::kWarning, false, "RENAME COLUMN (C1)"},
      {"rename-table", "C", Severity::kWarning, false,
       "RENAME of a table without a view under the old name (C2)"},
      {"rename-schema", "C", Severity::kWarning, false, "ALTER SCHEMA ... RENAME (C3)"},
      {"rename-enum-value", "C", Severity::kWarning, false, "ALTER TYPE ... RENAME VALUE (C4)"},
      {"enum-add-value-unordered", "C", Severity::kWarning, false,
       "ALTER TYPE ... ADD VALUE without BEFORE/AFTER on an existing enum (C5)"},
      {"drop-not-null", "C", Severity::kWarning, false, "ALTER COLUMN ... DROP NOT NULL (C6)"},
      {"add-required-column", "C", Severity::kError, false,
       "ADD COLUMN ... NOT NULL without a DEFAULT on an existing table (C7)"},
      {"json-not-jsonb", "C", Severity::kWarning, false, "a `json` column (C8)"},
      {"authz-change", "C", Severity::kWarning, false,
       "row-level security, policy, GRANT or REVOKE changes (C9)"},
      {"replica-identity-change", "C", Severity::kWarning, false, "REPLICA IDENTITY changed (C10)"},
      {"unverifiable-sql", "C", Severity::kInfo, false,
       "DO blocks, functions and extension upgrades godwit cannot check (C11)"},
      // D. File hygiene
      {"transaction-nesting", "D", Severity::kWarning, false, "BEGIN inside an open BEGIN (D1)"},
      {"uncommitted-transaction", "D", Severity::kError, false,
       "BEGIN without COMMIT at the end of the file (D2)"},
      {"non-idempotent-stmt", "D", Severity::kWarning, false,
       "DDL without IF [NOT] EXISTS outside a transaction: cannot be re-run after a partial "
       "failure (D3)"},
      {"duplicate-column-assignment", "D", Severity::kError, false,
       "the same column twice in CREATE TABLE, UPDATE SET, INSERT or a view's column list (D4)"},
      {"identifier-too-long", "D", Severity::kError, false,
       "an identifier longer than 63 bytes: PostgreSQL truncates it (D5)"},
      {"unqualified-object", "D", Severity::kWarning, true,
       "a table named without its schema (D6, opt-in)"},
      {"unparsed-statement", "D", Severity::kInfo, false,
       "a statement PostgreSQL 15's parser rejects: no rule checked it"},
      // E. Design (opt-in: include "design")
      {"prefer-bigint", "E", Severity::kWarning, true, "int/smallint or serial columns (E1)"},
      {"prefer-identity", "E", Severity::kWarning, true, "serial columns (E2)"},
      {"prefer-text", "E", Severity::kWarning, true, "varchar(n) columns (E3)"},
      {"ban-char", "E", Severity::kWarning, true, "char(n) columns (E3)"},
      {"prefer-timestamptz", "E", Severity::kWarning, true, "timestamp without time zone (E4)"},
      {"wide-nonunique-index", "E", Severity::kWarning, true,
       "a non-unique index on more than 3 columns (E5)"},
  };
  return kRules;
}

lint::FileResult PostgresLinter::lint(std::string_view file, std::string_view text) const {
  lint::FileResult result;
  FileFacts facts = file_facts(text);
  result.statements = facts.script.statements.size();
  pglint::Scan s;
  s.file = &facts;
  s.path = file;
  s.out = &result.findings;
  for (std::size_t i = 0; i < facts.script.statements.size(); ++i) {
    s.stmt = &facts.script.statements[i];
    s.index = i;
    pglint::check_statement(s);
    for (const auto& a : facts.facts[i].actions) {
      pglint::check_locks(s, a);
      pglint::check_changes(s, a);
      pglint::check_hygiene(s, a);
      pglint::check_design(s, a);
    }
    for (const auto& a : facts.facts[i].actions)
      pglint::remember(s, a);
    if (!s.stmt->parsed || s.stmt->kind == "COPY") s.opaque_writes = true;
  }
  if (!facts.script.statements.empty()) pglint::check_end(s);
  // What later migrations of a pending run may take as new and empty (lint::RunOptions).
  for (const auto& t : s.filled)
    result.no_longer_empty.push_back({t.schema, t.name});
  for (const auto& t : s.created) {
    if (s.unwritten(t)) result.created_empty.push_back({t.schema, t.name});
  }
  result.opaque_writes = s.opaque_writes;
  return result;
}

}  // namespace godwit::postgres
