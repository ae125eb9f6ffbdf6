// Groups D (file hygiene) and E (design, opt-in) of safety-rules.md §1, and the checks made
// per statement rather than per action: timeouts, transactions, concurrent operations.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "dialect/postgres/lint/lint_scan.hpp"

namespace godwit::postgres::pglint {
namespace {

constexpr std::size_t kMaxIdentifierBytes = 63;  // NAMEDATALEN - 1

// Identifiers longer than 63 bytes, read from the statement's text: the parser has already
// cut them to 63 in the facts (with a NOTICE), which is exactly the hazard.
void long_identifiers(Scan& s) {
  std::string_view t = s.stmt->text;
  auto ident_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || static_cast<unsigned char>(c) >= 0x80;
  };
  std::size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    std::string name;
    if (c == '-' && i + 1 < t.size() && t[i + 1] == '-') {
      i = t.find('\n', i);
      if (i == std::string_view::npos) return;
      continue;
    }
    if (c == '/' && i + 1 < t.size() && t[i + 1] == '*') {
      i = t.find("*/", i + 2);
      if (i == std::string_view::npos) return;
      i += 2;
      continue;
    }
    if (c == '\'') {
      for (++i; i < t.size(); ++i) {
        if (t[i] == '\'' && !(i + 1 < t.size() && t[i + 1] == '\'')) break;
        if (t[i] == '\'') ++i;
      }
      ++i;
      continue;
    }
    if (c == '$') {
      std::size_t end = t.find('$', i + 1);
      if (end != std::string_view::npos) {
        std::string_view tag = t.substr(i, end - i + 1);
        std::size_t close = t.find(tag, end + 1);
        i = close == std::string_view::npos ? t.size() : close + tag.size();
        continue;
      }
    }
    if (c == '"') {
      for (++i; i < t.size(); ++i) {
        if (t[i] == '"') {
          if (i + 1 < t.size() && t[i + 1] == '"') {
            name += '"';
            ++i;
            continue;
          }
          break;
        }
        name += t[i];
      }
      ++i;
    } else if (ident_char(c) && !(c >= '0' && c <= '9')) {
      while (i < t.size() && ident_char(t[i]))
        name += t[i++];
    } else {
      ++i;
      continue;
    }
    if (name.size() <= kMaxIdentifierBytes) continue;
    auto& f = s.emit("identifier-too-long",
                     fmt::format("identifier {} is {} bytes: PostgreSQL silently cuts it to 63, "
                                 "so names may collide or differ from what the code expects",
                                 q(name), name.size()));
    f.safe_sql = fmt::format("-- use a name of at most 63 bytes, e.g. {}",
                             q(name.substr(0, kMaxIdentifierBytes)));
  }
}

void duplicates(Scan& s, const std::vector<ColumnFacts>& cols, std::string_view where) {
  std::set<std::string> seen;
  for (const auto& c : cols) {
    if (c.name.empty()) continue;
    if (!seen.insert(c.name).second) {
      s.emit("duplicate-column-assignment",
             fmt::format("column {} appears twice in {}", q(c.name), where))
          .note = "PostgreSQL rejects the statement.";
      return;
    }
  }
}

// The tables, existing before the file, on which `a` takes a lock that blocks traffic (SHARE
// or stronger: while it waits in the queue, every query behind it waits too).
void blocking_locks(const Scan& s, const Action& a, std::vector<const QualifiedName*>& out) {
  if (a.lock >= LockLevel::kShare && s.existing(a.table)) out.push_back(&a.table);
  if (a.also_lock >= LockLevel::kShare && s.existing(a.also_locks)) out.push_back(&a.also_locks);
}

// DDL that can carry IF [NOT] EXISTS.
bool guardable(const Action& a) {
  switch (a.op) {
    case Op::kCreateTable:
    case Op::kCreateIndex:
    case Op::kDropIndex:
    case Op::kDrop:
    case Op::kAddColumn:
    case Op::kDropColumn:
    case Op::kCreateSequence:
    case Op::kCreateSchema:
    case Op::kCreateExtension:
    case Op::kAddEnumValue:
      return true;
    default:
      return false;
  }
}

// DDL that fails when run twice and has no IF [NOT] EXISTS form.
bool unguardable(const Action& a) {
  switch (a.op) {
    case Op::kAddConstraint:
    case Op::kRenameTable:
    case Op::kRenameColumn:
    case Op::kRenameIndex:
    case Op::kRenameConstraint:
    case Op::kCreateEnum:
      return true;
    default:
      return false;
  }
}

void design_column(Scan& s, const QualifiedName& table, const ColumnFacts& c) {
  const std::string where = fmt::format("{}.{}", table.quoted(), q(c.name));
  const std::string& t = c.type;
  if (t == "int4" || t == "int2" || t == "serial" || t == "serial4" || t == "smallserial" ||
      t == "serial2") {
    s.emit("prefer-bigint",
           fmt::format("{} is a {}-bit integer: ids and counters run out", where,
                       t == "int2" || t == "smallserial" || t == "serial2" ? 16 : 32))
        .safe_sql = fmt::format("{} bigint", q(c.name));
  }
  if (c.serial) {
    s.emit("prefer-identity", fmt::format("{} is a serial: its sequence has separate ownership "
                                          "and permissions",
                                          where))
        .safe_sql = fmt::format("{} bigint GENERATED BY DEFAULT AS IDENTITY", q(c.name));
  }
  if (t == "varchar" && !c.typmods.empty()) {
    s.emit("prefer-text",
           fmt::format("{} is varchar({}): raising the limit later is a schema change", where,
                       c.typmods.front()))
        .safe_sql = fmt::format("{} text CHECK (char_length({}) <= {})", q(c.name), q(c.name),
                                c.typmods.front());
  }
  if (t == "bpchar") {
    s.emit("ban-char", fmt::format("{} is char(n): values are blank-padded", where)).safe_sql =
        fmt::format("{} text", q(c.name));
  }
  if (t == "timestamp") {
    s.emit("prefer-timestamptz",
           fmt::format("{} is timestamp without time zone: the offset is lost", where))
        .safe_sql = fmt::format("{} timestamptz", q(c.name));
  }
}

}  // namespace

void check_statement(Scan& s) {
  const auto& facts = s.file->facts[s.index].actions;
  if (!s.stmt->parsed) {
    s.emit("unparsed-statement",
           "PostgreSQL 15's parser rejects this statement, so no rule checked it")
        .note =
        "The server reports the error when the migration runs, or this is syntax newer "
        "than PostgreSQL 15.";
    return;
  }
  long_identifiers(s);
  // Timeouts: reported once per file, at the first statement that queues for a lock which
  // blocks traffic (while it waits, every query behind it waits too). In a pending run a
  // statement whose every such table an earlier migration of the run created waits for nobody
  // (nobody else uses a new table), so each such statement is a candidate and the engine keeps
  // the first that holds (lint::Finding::first_in_file); candidates stop after one that always
  // holds.
  std::vector<const QualifiedName*> locked;
  for (const auto& a : facts)
    blocking_locks(s, a, locked);
  auto candidate = [&](std::string_view code, std::string message, std::string safe_sql,
                       bool& settled) {
    auto& f = s.emit(code, std::move(message));
    f.safe_sql = std::move(safe_sql);
    f.first_in_file = true;
    for (const QualifiedName* t : locked) {
      if (!s.unwritten(*t)) {
        f.unless_new_tables.clear();
        break;
      }
      f.unless_new_tables.push_back({t->schema, t->name});
    }
    settled = f.unless_new_tables.empty();
  };
  if (!locked.empty() && !s.lock_timeout && !s.lock_timeout_reported) {
    candidate("missing-lock-timeout",
              "this statement waits for a lock that blocks traffic, and no lock_timeout is set: "
              "while it waits, every query behind it waits too",
              "SET lock_timeout = '5s';  -- at the top of the file; retry on SQLSTATE 55P03",
              s.lock_timeout_reported);
  }
  if (!locked.empty() && !s.statement_timeout && !s.statement_timeout_reported) {
    candidate("missing-statement-timeout",
              "this statement holds a blocking lock and no statement_timeout is set: a slow run "
              "keeps the lock for as long as it takes",
              "SET statement_timeout = '5min';  -- at the top of the file",
              s.statement_timeout_reported);
  }
  // Concurrent operations: refused inside a transaction block (SQLSTATE 25001).
  const std::string_view kind = s.stmt->kind;
  if (s.stmt->no_transaction && kind.find("CONCURRENTLY") != std::string_view::npos) {
    if (s.depth > 0) {
      s.emit(
           "concurrent-op-in-transaction",
           fmt::format("{} cannot run inside BEGIN ... COMMIT: it fails with SQLSTATE 25001", kind))
          .safe_sql = "-- move it after COMMIT, into a migration file of its own";
    } else if (s.file->script.statements.size() > 1) {
      auto& f = s.emit("concurrent-op-not-alone",
                       fmt::format("{} shares its file with other statements: Prisma sends the "
                                   "file as one query, an implicit transaction, and it fails "
                                   "with SQLSTATE 25001 there (godwit runs it statement by "
                                   "statement, outside a transaction)",
                                   kind));
      f.safe_sql = "-- one concurrent statement per migration file, alone";
    }
  }
  for (const auto& a : facts) {
    if (a.op == Op::kBegin && s.depth > 0) {
      s.emit("transaction-nesting",
             "BEGIN inside an open transaction: PostgreSQL only warns, and the first COMMIT "
             "ends both")
          .safe_sql = "-- remove the inner BEGIN/COMMIT";
    }
  }
}

void check_end(Scan& s) {
  if (s.depth <= 0) return;
  s.stmt = &s.file->script.statements.back();
  s.emit("uncommitted-transaction",
         "the file opens a transaction it never commits: godwit rolls it back (GW2004), and "
         "other tools leave it open")
      .safe_sql = "COMMIT;";
}

void check_hygiene(Scan& s, const Action& a) {
  switch (a.op) {
    case Op::kCreateTable:
      duplicates(s, a.columns, "CREATE TABLE");
      break;
    case Op::kUpdate:
      duplicates(s, a.columns, "UPDATE ... SET");
      break;
    case Op::kInsert:
      duplicates(s, a.columns, "the INSERT column list");
      break;
    case Op::kCreateView:
      duplicates(s, a.columns, "the view's column list");
      break;
    default:
      break;
  }
  // D3: outside a transaction, a statement that fails half-way leaves the file half applied;
  // guards make the re-run work.
  if (!s.in_transaction() && unguardable(a)) {
    auto& f = s.emit("non-idempotent-stmt",
                     "this statement runs outside a transaction and cannot be guarded with IF "
                     "[NOT] EXISTS: after a partial failure the migration cannot simply be run "
                     "again");
    f.safe_sql = "BEGIN;\n-- the statement(s)\nCOMMIT;";
  }
  if (!s.in_transaction() && guardable(a) && !a.if_exists) {
    auto& f = s.emit("non-idempotent-stmt",
                     "this statement runs outside a transaction and has no IF [NOT] EXISTS: "
                     "after a partial failure the migration cannot simply be run again");
    f.safe_sql = a.op == Op::kCreateIndex ? "CREATE INDEX CONCURRENTLY IF NOT EXISTS ..."
                                          : std::string("-- add IF NOT EXISTS / IF EXISTS");
  }
  if ((a.op == Op::kCreateTable || a.op == Op::kCreateIndex || a.op == Op::kAddColumn ||
       (a.op == Op::kDrop && a.object_kind == "TABLE")) &&
      !a.table.empty() && a.table.schema.empty()) {
    s.emit("unqualified-object",
           fmt::format("{} is named without a schema: it depends on search_path", a.table.quoted()))
        .safe_sql = fmt::format("\"public\".{}", a.table.quoted());
  }
}

void check_design(Scan& s, const Action& a) {
  switch (a.op) {
    case Op::kCreateTable:
      for (const auto& c : a.columns)
        design_column(s, a.table, c);
      break;
    case Op::kAddColumn:
    case Op::kAlterColumnType:
      design_column(s, a.table, a.column);
      break;
    case Op::kCreateIndex:
      if (!a.unique && a.index_columns > 3) {
        s.emit("wide-nonunique-index",
               fmt::format("non-unique index on {} columns: rarely helps more than its first "
                           "few",
                           a.index_columns))
            .safe_sql = "-- index the 2-3 most selective columns";
      }
      break;
    default:
      break;
  }
}

}  // namespace godwit::postgres::pglint
