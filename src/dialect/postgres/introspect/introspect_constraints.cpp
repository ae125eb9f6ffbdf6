// PostgreSQL introspection: indexes (primary keys, unique constraints and unique indexes, other
// indexes), foreign keys and check constraints, one query each for all tables, read as Prisma's
// describer reads them (ENG postgres.rs get_indices + indexes_query.sql, get_foreign_keys,
// get_constraints): indexes by name within their table, every column with its sort order,
// operator classes of GiST/GIN/SP-GiST/BRIN indexes, INCLUDE columns as further columns (Prisma
// does not tell them apart), partial indexes without their condition (Prisma 7.10.1 does not
// keep it), foreign keys by name within their table.
#include <fmt/format.h>

#include "dialect/postgres/introspect/introspect_internal.hpp"

namespace godwit::postgres::introspect {

namespace {

using schema::IndexAlgorithm;

std::optional<IndexAlgorithm> algorithm_of(const std::string& am) {
  if (am == "btree") return IndexAlgorithm::BTree;
  if (am == "hash") return IndexAlgorithm::Hash;
  if (am == "gist") return IndexAlgorithm::Gist;
  if (am == "gin") return IndexAlgorithm::Gin;
  if (am == "spgist") return IndexAlgorithm::SpGist;
  if (am == "brin") return IndexAlgorithm::Brin;
  return std::nullopt;
}

schema::ReferentialAction action_of(const std::string& code) {
  switch (code.empty() ? 'a' : code[0]) {
    case 'r':
      return schema::ReferentialAction::Restrict;
    case 'c':
      return schema::ReferentialAction::Cascade;
    case 'n':
      return schema::ReferentialAction::SetNull;
    case 'd':
      return schema::ReferentialAction::SetDefault;
    default:
      return schema::ReferentialAction::NoAction;
  }
}

schema::Deferrable deferrable_of(bool deferrable, bool deferred) {
  if (!deferrable) return schema::Deferrable::NotDeferrable;
  return deferred ? schema::Deferrable::InitiallyDeferred : schema::Deferrable::InitiallyImmediate;
}

// One index as its rows came (one row per indexed column).
struct PendingIndex {
  std::string ns, table, name;
  bool unique = false, primary = false, partial = false, deferrable = false;
  std::string contype, am, predicate;
  std::vector<const db::Row*> rows;
};

void push_index(Context& ctx, const PendingIndex& p) {
  auto table = ctx.table(p.ns, p.table);
  if (!table) return;
  std::string where = "index " + object_name(p.ns, p.name);
  if (p.contype == "x") return;  // exclusion constraints: reported with the constraints
  const bool read_predicate = ctx.options.partial_indexes;
  if (p.partial && !read_predicate) {
    // Prisma 7.10.1's scripts treat a partial index as a whole-table one (no WHERE), while its
    // db pull writes the condition.
    ctx.warn(where,
             "partial index: `migrate diff` leaves it as it is and prints no WHERE "
             "(WHERE " +
                 p.predicate + "), as Prisma 7.10.1 does; `db pull` writes it");
  }
  schema::Catalog& cat = ctx.catalog();
  schema::Index idx;
  idx.table = *table;
  idx.name = p.name;
  if (p.partial && read_predicate) idx.predicate = p.predicate;
  idx.kind = p.primary                      ? schema::IndexKind::PrimaryKey
             : p.unique && p.contype == "u" ? schema::IndexKind::UniqueConstraint
             : p.unique                     ? schema::IndexKind::UniqueIndex
                                            : schema::IndexKind::Normal;
  auto algorithm = algorithm_of(p.am);
  if (!algorithm) {
    ctx.warn(where, "access method `" + p.am + "`: read as a B-tree index, as Prisma reads it");
    algorithm = IndexAlgorithm::BTree;
  }
  schema::PostgresIndex pg;
  pg.algorithm = *algorithm;
  pg.partial = p.partial;
  if (p.partial) pg.condition = p.predicate;
  bool with_opclasses = *algorithm != IndexAlgorithm::BTree && *algorithm != IndexAlgorithm::Hash;
  for (const db::Row* row : p.rows) {
    // columns: 6 attname, 8 opcname, 9 opcdefault, 10 desc, 11 nulls first
    if (!(*row)[6]) {
      ctx.warn(where,
               "expression index: not read (the schema model indexes columns only, "
               "and Prisma does not read expression indexes)");
      return;
    }
    auto col = cat.find_column(*table, *(*row)[6]);
    if (!col) return;
    schema::IndexColumn ic;
    ic.column = *col;
    bool desc = cell_bool(*row, 10);
    bool nulls_first = cell_bool(*row, 11);
    if (!p.primary) ic.sort = desc ? schema::SortOrder::Desc : schema::SortOrder::Asc;
    if (*algorithm == IndexAlgorithm::BTree && !p.primary && nulls_first != desc) {
      ctx.warn(where,
               fmt::format("column \"{}\" is NULLS {}: not in the model (the default for "
                           "{} is kept)",
                           *(*row)[6], nulls_first ? "FIRST" : "LAST", desc ? "DESC" : "ASC"));
    }
    // Prisma keeps the operator class of every column of these indexes, the type's default
    // class too (its script prints `"data" jsonb_ops`).
    if (!with_opclasses && (*row)[8] && !cell_bool(*row, 9)) {
      ctx.warn(where, fmt::format("column \"{}\" has the operator class {}: not read, as Prisma "
                                  "reads operator classes of GiST, GIN, SP-GiST and BRIN "
                                  "indexes only",
                                  *(*row)[6], *(*row)[8]));
    }
    if (with_opclasses && (*row)[8]) {
      pg.operator_classes.resize(idx.columns.size() + 1);
      pg.default_operator_classes.resize(idx.columns.size() + 1);
      pg.operator_classes[idx.columns.size()] = *(*row)[8];
      pg.default_operator_classes[idx.columns.size()] = cell_bool(*row, 9);
    }
    idx.columns.push_back(std::move(ic));
  }
  if (p.deferrable) {
    ctx.warn(where,
             "deferrable constraint: read as not deferrable (the model has no "
             "deferrable unique constraints)");
  }
  if (p.rows.size() > 0 && cell_int(*p.rows.front(), 12) < static_cast<long long>(p.rows.size())) {
    ctx.warn(where, "INCLUDE columns: read as further index columns, as Prisma reads them");
  }
  auto id = cat.add_index(std::move(idx));
  if (pg != schema::PostgresIndex{}) cat.postgres.indexes.emplace(id, std::move(pg));
}

}  // namespace

const char* const kIndexesQuery =
    "SELECT n.nspname, tc.relname, ic.relname, i.indisunique, i.indisprimary, k.ord, "
    "  a.attname, am.amname, opc.opcname, opc.opcdefault, "
    "  COALESCE(k.opt & 1 = 1, false), COALESCE(k.opt & 2 = 2, false), i.indnkeyatts, "
    "  con.contype, COALESCE(con.condeferrable, false), i.indpred IS NOT NULL, "
    "  pg_catalog.pg_get_expr(i.indpred, i.indrelid) "
    "FROM pg_catalog.pg_index i "
    "JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid "
    "JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace "
    "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
    "JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
    "CROSS JOIN LATERAL unnest(i.indkey::int2[], i.indclass::oid[], i.indoption::int2[]) "
    "  WITH ORDINALITY AS k(attnum, opclass, opt, ord) "
    "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
    "  AND k.attnum > 0 "
    "LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = k.opclass "
    "LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid "
    "  AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x') "
    "WHERE n.nspname = ANY ($1::text[])";

void read_indexes(Context& ctx) {
  // unnest() of the three vectors pads the shorter ones with NULL: INCLUDE columns have no
  // operator class nor option (indnkeyatts < indnatts), as in Prisma's query.
  auto rows = ctx.query(kIndexesQuery);
  sort_rows(rows, {0, 1, 2}, {5});  // ORDER BY n.nspname, tc.relname, ic.relname, k.ord
  PendingIndex pending;
  auto flush = [&] {
    if (!pending.rows.empty()) push_index(ctx, pending);
    pending = PendingIndex{};
  };
  for (const auto& row : rows.rows) {
    if (!pending.rows.empty() && (pending.ns != cell(row, 0) || pending.table != cell(row, 1) ||
                                  pending.name != cell(row, 2))) {
      flush();
    }
    if (pending.rows.empty()) {
      pending.ns = cell(row, 0);
      pending.table = cell(row, 1);
      pending.name = cell(row, 2);
      pending.unique = cell_bool(row, 3);
      pending.primary = cell_bool(row, 4);
      pending.am = cell(row, 7);
      pending.contype = cell(row, 13);
      pending.deferrable = cell_bool(row, 14);
      pending.partial = cell_bool(row, 15);
      pending.predicate = cell(row, 16);
    }
    pending.rows.push_back(&row);
  }
  flush();
}

const char* const kForeignKeysQuery =
    "SELECT n.nspname, c.relname, con.conname, con.oid, a.attname, rn.nspname, rc.relname, "
    "  ra.attname, con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred, k.ord "
    "FROM pg_catalog.pg_constraint con "
    "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(col, refcol, ord) "
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col "
    "JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid "
    "JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
    "JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refcol "
    "WHERE con.contype = 'f' AND n.nspname = ANY ($1::text[])";

void read_foreign_keys(Context& ctx) {
  auto rows = ctx.query(kForeignKeysQuery);
  sort_rows(rows, {0, 1, 2},
            {3, 12});  // ORDER BY n.nspname, c.relname, con.conname, con.oid, k.ord
  schema::Catalog& cat = ctx.catalog();
  std::string current_oid;
  // The constraint being assembled (one row per column pair); a plain value and a flag rather
  // than an optional, which GCC 12 wrongly reports as maybe uninitialised.
  schema::ForeignKey fk;
  bool open = false, skip = false;
  auto flush = [&] {
    if (open && !skip) cat.add_foreign_key(std::move(fk));
    fk = schema::ForeignKey{};
    open = skip = false;
  };
  for (const auto& row : rows.rows) {
    if (cell(row, 3) != current_oid) {
      flush();
      open = true;
      current_oid = cell(row, 3);
      auto table = ctx.table(cell(row, 0), cell(row, 1));
      auto ref = ctx.table(cell(row, 5), cell(row, 6));
      if (!table) {
        skip = true;  // _prisma_migrations, external tables
      } else if (!ref) {
        skip = true;
        if (!ctx.namespaces.contains(cell(row, 5))) {
          ctx.warn("foreign key " + object_name(cell(row, 0), cell(row, 2)),
                   "references " + object_name(cell(row, 5), cell(row, 6)) +
                       " in a schema that is not read: not read (add the schema to the "
                       "datasource's `schemas`)");
        }
        // Else it references a partition or an external table: Prisma skips it too.
      }
      if (!skip) {
        fk.table = *table;
        fk.referenced_table = *ref;
      }
      fk.name = cell(row, 2);
      fk.on_delete = action_of(cell(row, 8));
      fk.on_update = action_of(cell(row, 9));
      fk.deferrable = deferrable_of(cell_bool(row, 10), cell_bool(row, 11));
    }
    if (skip) continue;
    auto col = cat.find_column(fk.table, cell(row, 4));
    auto ref_col = cat.find_column(fk.referenced_table, cell(row, 7));
    if (!col || !ref_col) {
      skip = true;
      continue;
    }
    fk.columns.push_back(*col);
    fk.referenced_columns.push_back(*ref_col);
  }
  flush();
}

const char* const kChecksQuery =
    "SELECT n.nspname, c.relname, con.conname, con.contype, "
    "  pg_catalog.pg_get_constraintdef(con.oid) "
    "FROM pg_catalog.pg_constraint con "
    "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE con.contype IN ('c', 'x') AND n.nspname = ANY ($1::text[]) "
    "ORDER BY n.nspname, c.relname, con.conname";

void read_checks(Context& ctx) {
  auto rows = ctx.query(kChecksQuery);
  sort_rows(rows, {0, 1, 2}, {});  // again: read_back.cpp merges rows of two reads
  for (const auto& row : rows.rows) {
    auto table = ctx.table(cell(row, 0), cell(row, 1));
    if (!table) continue;
    if (cell(row, 3) == "x") {
      ctx.warn("constraint " + object_name(cell(row, 0), cell(row, 2)),
               "exclusion constraint (" + cell(row, 4) + "): not in the model");
      continue;
    }
    schema::CheckConstraint check;
    check.table = *table;
    check.name = cell(row, 2);
    check.expression = cell(row, 4);
    ctx.catalog().add_check(std::move(check));
  }
}

}  // namespace godwit::postgres::introspect
