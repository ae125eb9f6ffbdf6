// Groups B (data loss) and C (backward-incompatible changes) of safety-rules.md §1.
#include <fmt/format.h>

#include <algorithm>

#include "dialect/postgres/lint/lint_scan.hpp"

namespace godwit::postgres::pglint {
namespace {

bool view_created_later(const Scan& s, const QualifiedName& name) {
  const auto& all = s.file->facts;
  for (std::size_t i = s.index + 1; i < all.size(); ++i) {
    for (const auto& a : all[i].actions) {
      if (a.op == Op::kCreateView && a.table.same(name)) return true;
    }
  }
  return false;
}

void drop_checks(Scan& s, const Action& a) {
  const std::string& kind = a.object_kind;
  if (kind == "TABLE") {
    for (const auto& t : a.relations) {
      if (!s.existing(t)) continue;
      auto& f = s.emit_lock("drop-table", a,
                            fmt::format("DROP TABLE {} deletes its rows for good, and clients "
                                        "still using it fail",
                                        t.quoted()));
      f.safe_sql = fmt::format(
          "-- first deploy code that no longer uses it; keep the data until you are sure:\nALTER "
          "TABLE {} RENAME TO {};\n-- and drop that in a later migration",
          t.quoted(), q(t.name + "_deprecated"));
      s.unless_new(s.out->size() - 1, t);  // created empty earlier in the run: nothing lost
    }
  } else if (kind == "SCHEMA" || kind == "DATABASE") {
    auto& f = s.emit("drop-schema-or-database",
                     fmt::format("DROP {} {} deletes everything in it", kind, a.table.quoted()));
    f.safe_sql = fmt::format("-- back it up and drop it by hand, outside migrations");
  } else if (kind == "SEQUENCE") {
    auto& f =
        s.emit("drop-sequence",
               fmt::format("DROP SEQUENCE {} loses its current value for good", a.table.quoted()));
    f.safe_sql = fmt::format("SELECT last_value FROM {};  -- record it first, or keep the sequence",
                             a.table.quoted());
  }
}

bool known_foreign_key(const Scan& s, const Action& a) {
  for (const auto& k : s.constraints) {
    if (k.table.same(a.table) && k.facts.name == a.object) {
      return k.facts.kind == ConstraintFacts::Kind::kForeignKey;
    }
  }
  return a.object.ends_with("_fkey");  // Prisma's (and PostgreSQL's) naming of foreign keys
}

// Prisma changes a foreign key (its ON DELETE, its columns) by dropping it and adding it back
// under the same name later in the file: nothing is left unchecked once the file has run.
bool added_back_later(const Scan& s, const Action& drop) {
  const auto& all = s.file->facts;
  for (std::size_t i = s.index + 1; i < all.size(); ++i) {
    for (const auto& a : all[i].actions) {
      if (a.op == Op::kAddConstraint && a.table.same(drop.table) && a.object == drop.object) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void check_changes(Scan& s, const Action& a) {
  const bool existing = s.existing(a.table);
  const std::string t = a.table.quoted();
  switch (a.op) {
    case Op::kDrop:
      drop_checks(s, a);
      return;
    case Op::kDropColumn: {
      if (!existing) return;
      auto& f = s.emit_lock("drop-column", a,
                            fmt::format("DROP COLUMN {}.{} deletes its data for good, and clients "
                                        "that still read or write it fail",
                                        t, q(a.column.name)));
      f.safe_sql = fmt::format(
          "-- two phases: deploy code that ignores {1} (Prisma: remove it from the schema's "
          "model first), then in a later migration:\nALTER TABLE {0} DROP COLUMN {1};",
          t, q(a.column.name));
      s.unless_new(s.out->size() - 1, a.table);
      return;
    }
    case Op::kTruncate: {
      if (!a.cascade) return;
      auto& f = s.emit_lock("truncate-cascade", a,
                            fmt::format("TRUNCATE {} CASCADE also empties every table that "
                                        "references it",
                                        t));
      std::string names;
      for (const auto& r : a.relations)
        names += (names.empty() ? "" : ", ") + r.quoted();
      f.safe_sql = fmt::format("TRUNCATE {}, <each referencing table, named>;", names);
      return;
    }
    case Op::kDropConstraint: {
      if (!existing || !known_foreign_key(s, a) || added_back_later(s, a)) return;
      auto& f = s.emit_lock("drop-foreign-key", a,
                            fmt::format("dropping foreign key {} on {}: nothing keeps the "
                                        "references valid any more",
                                        q(a.object), t));
      f.note =
          "If it is to come back under another name, add that one NOT VALID and VALIDATE it in a "
          "later migration.";
      s.unless_new(s.out->size() - 1, a.table);
      return;
    }
    case Op::kRenameColumn: {
      if (!existing) return;
      auto& f = s.emit_lock("rename-column", a,
                            fmt::format("renaming {}.{} to {} breaks clients that still use the "
                                        "old name during the deploy",
                                        t, q(a.column.name), q(a.new_name)));
      f.safe_sql = fmt::format(
          "-- Prisma: keep the old column name with @map(\"{1}\") and rename only the field; "
          "or expand/contract:\nALTER TABLE {0} ADD COLUMN {2} <type>;  -- dual-write, "
          "backfill, switch, then drop {3}",
          t, a.column.name, q(a.new_name), q(a.column.name));
      s.unless_new(s.out->size() - 1, a.table);  // a new table has no clients yet
      return;
    }
    case Op::kRenameTable: {
      if (!existing) return;
      QualifiedName old_name = a.table;
      if (view_created_later(s, old_name)) return;
      auto& f = s.emit_lock("rename-table", a,
                            fmt::format("renaming {} to {} breaks clients that still use the "
                                        "old name during the deploy",
                                        t, q(a.new_name)));
      f.safe_sql = fmt::format(
          "{};\nCREATE VIEW {} AS SELECT * FROM {};  -- drop the view "
          "once no client uses the old name",
          s.stmt->text, t, q(a.new_name));
      s.unless_new(s.out->size() - 1, a.table);
      return;
    }
    case Op::kRenameSchema: {
      auto& f = s.emit("rename-schema",
                       fmt::format("renaming schema {} to {} breaks every client that names it",
                                   q(a.object), q(a.new_name)));
      f.safe_sql =
          "-- create the new schema, move objects and dual-write; drop the old schema last";
      return;
    }
    case Op::kRenameEnumValue: {
      if (s.type_created(a.table)) return;
      auto& f = s.emit("rename-enum-value",
                       fmt::format("renaming value '{}' of {} breaks running code that still "
                                   "sends it",
                                   a.object, t));
      f.safe_sql = fmt::format(
          "ALTER TYPE {} ADD VALUE '{}';\n-- move the data, deploy code that uses the new "
          "value, then stop using '{}'",
          t, a.new_name, a.object);
      return;
    }
    case Op::kAddEnumValue: {
      if (a.ordered || s.type_created(a.table)) return;
      auto& f = s.emit("enum-add-value-unordered",
                       fmt::format("value '{}' goes to the end of {}: comparisons (<, >, ORDER "
                                   "BY) on the enum change meaning if that is not intended",
                                   a.object, t));
      f.safe_sql =
          fmt::format("ALTER TYPE {} ADD VALUE '{}' AFTER '<existing value>';", t, a.object);
      return;
    }
    case Op::kDropNotNull: {
      if (!existing) return;
      auto& f = s.emit_lock("drop-not-null", a,
                            fmt::format("{}.{} may now hold NULL: readers that assume a value "
                                        "break",
                                        t, q(a.column.name)));
      f.note = "Prisma clients generated before this change type the field as non-optional.";
      s.unless_new(s.out->size() - 1, a.table);
      return;
    }
    case Op::kAddColumn: {
      const ColumnFacts& c = a.column;
      if (existing && c.not_null && !c.has_default && !c.generated_stored && !c.identity &&
          !c.serial) {
        auto& f = s.emit_lock("add-required-column", a,
                              fmt::format("NOT NULL column {} without a DEFAULT fails on a "
                                          "non-empty {}, and old code's INSERTs fail",
                                          q(c.name), t));
        f.safe_sql = fmt::format(
            "ALTER TABLE {0} ADD COLUMN {1} {2} NOT NULL DEFAULT <constant>;\n-- or add it "
            "nullable, backfill, then SET NOT NULL through a validated CHECK",
            t, q(c.name), type_sql(c));
        s.unless_new(s.out->size() - 1, a.table);  // no rows to fail on, no old code
      }
      if (c.type == "json") {
        s.emit("json-not-jsonb", fmt::format("column {} is `json`: no equality operator, so "
                                             "DISTINCT, GROUP BY and UNION fail on it",
                                             q(c.name)))
            .safe_sql = fmt::format("ALTER TABLE {} ADD COLUMN {} jsonb;", t, q(c.name));
      }
      return;
    }
    case Op::kCreateTable:
      for (const auto& c : a.columns) {
        if (c.type != "json") continue;
        s.emit("json-not-jsonb", fmt::format("column {}.{} is `json`: no equality operator, so "
                                             "DISTINCT, GROUP BY and UNION fail on it",
                                             t, q(c.name)))
            .safe_sql = fmt::format("{} jsonb", q(c.name));
      }
      return;
    case Op::kAlterColumnType:
      if (a.column.type == "json") {
        s.emit("json-not-jsonb", fmt::format("column {}.{} becomes `json`", t, q(a.column.name)))
            .safe_sql =
            fmt::format("ALTER TABLE {} ALTER COLUMN {} TYPE jsonb;", t, q(a.column.name));
      }
      return;
    case Op::kRowSecurity:
    case Op::kPolicy:
    case Op::kGrant: {
      auto& f = s.emit_lock("authz-change", a,
                            a.op == Op::kGrant
                                ? std::string("privileges change: queries may start failing or "
                                              "data may become visible")
                                : fmt::format("row-level security on {} changes: queries may "
                                              "start failing or data may become visible",
                                              t));
      f.note = "Review who can read and write what after this migration.";
      return;
    }
    case Op::kReplicaIdentity:
      s.emit_lock("replica-identity-change", a,
                  fmt::format("REPLICA IDENTITY of {} changes what logical replication and CDC "
                              "consumers receive",
                              t));
      return;
    case Op::kDo:
    case Op::kCreateFunction:
    case Op::kAlterExtension: {
      std::string what = a.op == Op::kDo ? "a DO block"
                         : a.op == Op::kCreateFunction
                             ? fmt::format("function {}", a.table.quoted())
                             : fmt::format("extension `{}` upgrade", a.object);
      s.emit("unverifiable-sql",
             fmt::format("{} runs code godwit cannot check for locks or data loss", what))
          .note = "Review it; silence with `-- godwit:ignore unverifiable-sql <reason>`.";
      return;
    }
    default:
      return;
  }
}

}  // namespace godwit::postgres::pglint
