// PostgreSQL statements for changes between two catalogs, as Prisma 7 prints them (ENG
// flavour/postgres/renderer.rs: render_alter_table, expand_alter_column,
// render_postgres_alter_enum, ...; prisma-compat.md §7.3, §7.9).
#include <cctype>

#include "core/text.hpp"
#include "dialect/postgres/render/render.hpp"
#include "diff/change_set.hpp"

namespace godwit::postgres {

using namespace godwit::schema;
using diff::ColumnChange;
using diff::ColumnChanges;

namespace {

std::string pg_quoted(std::string_view name) {
  std::string out;
  core::append_double_quoted(out, name);
  return out;
}

std::string pg_table_name(const Catalog& c, TableId t) {
  return qualified_name(c, c.get(t).namespace_id, c.get(t).name);
}

// The column's DEFAULT expression in `c` ("" when it renders none).
std::string pg_default_of(const Catalog& c, const Column& col) {
  if (!col.default_value) return {};
  return render_default(*col.default_value, render_column_type(c, col));
}

// Prisma imitates the sequence PostgreSQL makes for a SERIAL column: lower-cased
// `[schema.]table_column_seq` (the schema quoted before lower-casing, as Prisma does).
std::string pg_sequence_name(const Catalog& c, const Column& col) {
  const Table& t = c.get(col.table);
  std::string name;
  if (!c.is_default_namespace(t.namespace_id)) {
    name += pg_quoted(c.get(t.namespace_id).name);
    name += '.';
  }
  name += t.name;
  name += '_';
  name += col.name;
  name += "_seq";
  for (char& ch : name)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return name;
}

struct AlterColumnOutput {
  std::vector<std::string>& before;
  std::vector<std::string>& clauses;
  std::vector<std::string>& after;
};

// ENG `expand_alter_column` + `render_alter_column`: the clauses for one altered column, in
// Prisma's order of change kinds (arity, default, type, autoincrement), SET DATA TYPE last.
void pg_alter_column(const Catalog& from, const Catalog& to, const ColumnChange& change,
                     AlterColumnOutput out) {
  const Column& prev = from.get(*change.from);
  const Column& next = to.get(*change.to);
  const std::string prefix = "ALTER COLUMN " + pg_quoted(prev.name);
  bool set_type = false;
  auto drop_default = [&] {
    out.clauses.push_back(prefix + " DROP DEFAULT");
    // A Prisma autoincrement column's default is the sequence `""` (nameless): Prisma drops
    // it unless another autoincrement column of the new schema still "uses" it.
    if (prev.identity == Identity::Serial) {
      bool still_used = false;
      for (const Column& other : to.columns)
        still_used = still_used || (other.identity == Identity::Serial && &other != &next);
      if (!still_used) out.after.push_back("DROP SEQUENCE \"\"");
    }
  };
  if (has(change.changes, ColumnChanges::Arity)) {
    if (prev.arity == Arity::Required && next.arity == Arity::Nullable) {
      out.clauses.push_back(prefix + " DROP NOT NULL");
    } else if (prev.arity == Arity::Nullable && next.arity == Arity::Required) {
      out.clauses.push_back(prefix + " SET NOT NULL");
    } else if (prev.arity == Arity::List) {
      set_type = true;
      out.clauses.push_back(prefix +
                            (next.arity == Arity::Nullable ? " DROP NOT NULL" : " SET NOT NULL"));
    } else {
      set_type = true;  // to a list
    }
  }
  if (has(change.changes, ColumnChanges::Default)) {
    std::string value = next.default_value && next.default_value->kind != DefaultKind::PrismaLevel
                            ? pg_default_of(to, next)
                            : std::string();
    if (next.default_value && next.default_value->kind != DefaultKind::PrismaLevel) {
      out.clauses.push_back(prefix + " SET DEFAULT " + value);
    } else {
      drop_default();
    }
  }
  if (has(change.changes, ColumnChanges::Type)) set_type = true;
  if (has(change.changes, ColumnChanges::Identity)) {
    if (prev.identity != Identity::None) {
      drop_default();
    } else {
      std::string seq = pg_sequence_name(to, next);
      out.before.push_back("CREATE SEQUENCE " + seq);
      out.clauses.push_back(prefix + " SET DEFAULT nextval('" + seq + "')");
      out.after.push_back("ALTER SEQUENCE " + seq + " OWNED BY " + pg_table_name(to, next.table) +
                          "." + pg_quoted(next.name));
    }
  }
  if (set_type) out.clauses.push_back(prefix + " SET DATA TYPE " + render_column_type(to, next));
}

std::string pg_column_list(const Catalog& c, const Index& idx, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < idx.columns.size(); ++i) {
    if (i > 0) out += sep;
    out += pg_quoted(c.get(idx.columns[i].column).name);
  }
  return out;
}

}  // namespace

std::vector<std::string> PostgresRenderer::drop_table(const Catalog& from, TableId id) const {
  return {"DROP TABLE " + pg_table_name(from, id)};
}

std::string PostgresRenderer::drop_index(const Catalog& from, IndexId id) const {
  const Index& idx = from.get(id);
  return "DROP INDEX " + qualified_name(from, from.get(idx.table).namespace_id, idx.name);
}

std::string PostgresRenderer::drop_foreign_key(const Catalog& from, ForeignKeyId id) const {
  const ForeignKey& fk = from.get(id);
  return "ALTER TABLE " + pg_table_name(from, fk.table) + " DROP CONSTRAINT " +
         pg_quoted(fk.name.value_or(""));
}

std::vector<std::string> PostgresRenderer::drop_enum(const Catalog& from, EnumId id) const {
  const Enum& e = from.get(id);
  return {"DROP TYPE " + qualified_name(from, e.namespace_id, e.name)};
}

std::vector<std::string> PostgresRenderer::alter_table(const Catalog& from, const Catalog& to,
                                                       const diff::AlterTable& change) const {
  std::vector<std::string> before, clauses, after;
  if (change.drop_primary_key) {
    clauses.push_back("DROP CONSTRAINT " +
                      pg_quoted(from.get(*from.primary_key(change.from)).name));
  }
  if (change.rename_primary_key) {
    clauses.push_back("RENAME CONSTRAINT " +
                      pg_quoted(from.get(*from.primary_key(change.from)).name) + " TO " +
                      pg_quoted(to.get(*to.primary_key(change.to)).name));
  }
  for (const ColumnChange& c : change.columns) {
    switch (c.kind) {
      case ColumnChange::Kind::Drop:
        clauses.push_back("DROP COLUMN " + pg_quoted(from.get(*c.from).name));
        break;
      case ColumnChange::Kind::Add:
        // Prisma indents the column definition as in CREATE TABLE, after "ADD COLUMN ".
        clauses.push_back("ADD COLUMN     " + render_column(to, *c.to));
        break;
      case ColumnChange::Kind::Recreate:
        clauses.push_back("DROP COLUMN " + pg_quoted(from.get(*c.from).name));
        clauses.push_back("ADD COLUMN     " + render_column(to, *c.to));
        break;
      case ColumnChange::Kind::Alter:
        pg_alter_column(from, to, c, {before, clauses, after});
        break;
      case ColumnChange::Kind::Rename:
        clauses.push_back("RENAME COLUMN " + pg_quoted(from.get(*c.from).name) + " TO " +
                          pg_quoted(to.get(*c.to).name));
        break;
      case ColumnChange::Kind::Keep:
        break;
    }
  }
  if (change.add_primary_key) {
    const Index& pk = to.get(*to.primary_key(change.to));
    clauses.push_back("ADD CONSTRAINT " + pg_quoted(pk.name) + " PRIMARY KEY (" +
                      pg_column_list(to, pk, ", ") + ")");
  }
  if (clauses.empty()) return {};
  std::string stmt = "ALTER TABLE " + pg_table_name(from, change.from) + " ";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    if (i > 0) stmt += ",\n";
    stmt += clauses[i];
  }
  std::vector<std::string> out = std::move(before);
  out.push_back(std::move(stmt));
  for (auto& s : after)
    out.push_back(std::move(s));
  return out;
}

std::vector<std::string> PostgresRenderer::alter_enum(const Catalog& from, const Catalog& to,
                                                      const diff::AlterEnum& change) const {
  const Enum& prev = from.get(change.from);
  const Enum& next = to.get(change.to);
  const std::string prev_name = qualified_name(from, prev.namespace_id, prev.name);
  std::vector<std::string> out;
  if (change.removed.empty()) {
    for (const auto& v : change.added)
      out.push_back("ALTER TYPE " + prev_name + " ADD VALUE '" + v + "'");
    if (out.size() > 1) {
      out[0] =
          "-- This migration adds more than one value to an enum.\n"
          "-- With PostgreSQL versions 11 and earlier, this is not possible\n"
          "-- in a single migration. This can be worked around by creating\n"
          "-- multiple migrations, each migration adding only one value to\n"
          "-- the enum.\n\n\n" +
          out[0];
    }
    return out;
  }
  const std::string tmp = qualified_name(to, next.namespace_id, next.name + "_new");
  const std::string old_name = prev.name + "_old";
  out.push_back("BEGIN");
  std::string create = "CREATE TYPE " + tmp + " AS ENUM (";
  for (std::size_t i = 0; i < next.values.size(); ++i) {
    if (i > 0) create += ", ";
    create += "'" + next.values[i] + "'";
  }
  out.push_back(create + ")");
  for (const auto& usage : change.defaults) {
    const Column& col = from.get(usage.from);
    out.push_back("ALTER TABLE " + pg_table_name(from, col.table) + " ALTER COLUMN " +
                  pg_quoted(col.name) + " DROP DEFAULT");
  }
  for (const Column& col : to.columns) {
    if (col.type.family != TypeFamily::Enum || col.type.enum_id != change.to) continue;
    const char* array = col.arity == Arity::List ? "[]" : "";
    out.push_back("ALTER TABLE " + pg_table_name(to, col.table) + " ALTER COLUMN " +
                  pg_quoted(col.name) + " TYPE " + tmp + array + " USING (" + pg_quoted(col.name) +
                  "::text::" + tmp + array + ")");
  }
  out.push_back("ALTER TYPE " + prev_name + " RENAME TO " + pg_quoted(old_name));
  out.push_back("ALTER TYPE " + tmp + " RENAME TO " + pg_quoted(next.name));
  out.push_back("DROP TYPE " + qualified_name(from, prev.namespace_id, old_name));
  for (const auto& usage : change.defaults) {
    if (!usage.to) continue;
    const Column& prev_col = from.get(usage.from);
    const Column& next_col = to.get(*usage.to);
    out.push_back("ALTER TABLE " + pg_table_name(from, prev_col.table) + " ALTER COLUMN " +
                  pg_quoted(prev_col.name) + " SET DEFAULT " + pg_default_of(to, next_col));
  }
  out.push_back("COMMIT");
  return out;
}

std::vector<std::string> PostgresRenderer::redefine_tables(
    const Catalog& from, const Catalog& to,
    const std::vector<const diff::RedefineTable*>& tables) const {
  std::vector<std::string> out;
  for (const diff::RedefineTable* r : tables) {
    const Table& next = to.get(r->to);
    const std::string temporary = "_prisma_new_" + next.name;
    const std::string temporary_name = qualified_name(to, next.namespace_id, temporary);
    std::string create = create_table(to, r->to);
    create.replace(0, std::string("CREATE TABLE ").size() + pg_table_name(to, r->to).size(),
                   "CREATE TABLE " + temporary_name);
    out.push_back(std::move(create));
    for (IndexId i : from.get(r->from).indexes) {
      if (from.get(i).kind != IndexKind::PrimaryKey) out.push_back(drop_index(from, i));
    }
    std::string columns;
    for (const ColumnChange& c : r->columns) {
      if (!c.from || !c.to) continue;
      if (!columns.empty()) columns += ',';
      columns += pg_quoted(to.get(*c.to).name);
    }
    if (!columns.empty()) {
      out.push_back("INSERT INTO " + temporary_name + " (" + columns + ") SELECT " + columns +
                    " FROM " + pg_quoted(from.get(r->from).name));
    }
    out.push_back("DROP TABLE " + pg_table_name(from, r->from) + " CASCADE");
    out.push_back("ALTER TABLE " + temporary_name + " RENAME TO " + pg_quoted(next.name));
    for (IndexId i : next.indexes) {
      if (to.get(i).kind != IndexKind::PrimaryKey) out.push_back(create_index(to, i));
    }
    for (ForeignKeyId fk : next.foreign_keys)
      out.push_back(add_foreign_key(to, fk));
  }
  return out;
}

std::string PostgresRenderer::rename_index(const Catalog& from, IndexId a, const Catalog& to,
                                           IndexId b) const {
  // PostgreSQL keeps the index in its schema: the new name must not be qualified.
  const Index& prev = from.get(a);
  return "ALTER INDEX " + qualified_name(from, from.get(prev.table).namespace_id, prev.name) +
         " RENAME TO " + pg_quoted(to.get(b).name);
}

std::string PostgresRenderer::rename_foreign_key(const Catalog& from, ForeignKeyId a,
                                                 const Catalog& to, ForeignKeyId b) const {
  return "ALTER TABLE " + pg_table_name(from, from.get(a).table) + " RENAME CONSTRAINT " +
         pg_quoted(from.get(a).name.value_or("")) + " TO " + pg_quoted(to.get(b).name.value_or(""));
}

std::vector<std::string> PostgresRenderer::alter_extension(const Catalog& from, ExtensionId a,
                                                           const Catalog& to, ExtensionId b) const {
  const Extension& prev = from.get(a);
  const Extension& next = to.get(b);
  std::vector<std::string> out;
  if (!prev.version.empty() && !next.version.empty() && prev.version != next.version)
    out.push_back("ALTER EXTENSION " + pg_quoted(prev.name) + " UPDATE TO " +
                  pg_quoted(next.version));
  if (prev.namespace_id && next.namespace_id &&
      from.get(*prev.namespace_id).name != to.get(*next.namespace_id).name)
    out.push_back("ALTER EXTENSION " + pg_quoted(prev.name) + " SET SCHEMA " +
                  pg_quoted(to.get(*next.namespace_id).name));
  return out;
}

std::vector<std::string> PostgresRenderer::drop_extension(const Catalog& from,
                                                          ExtensionId id) const {
  return {"DROP EXTENSION " + pg_quoted(from.get(id).name)};
}

// Renames (godwit's --rename). PostgreSQL keeps a renamed object in its schema: the new name is
// never qualified, as in Prisma's RenameTo clause and ALTER INDEX ... RENAME TO.

std::string PostgresRenderer::rename_table(const Catalog& from, TableId a, const Catalog& to,
                                           TableId b) const {
  return "ALTER TABLE " + pg_table_name(from, a) + " RENAME TO " + pg_quoted(to.get(b).name);
}

std::string PostgresRenderer::rename_column(const Catalog& from, ColumnId a, const Catalog& to,
                                            ColumnId b) const {
  const Column& next = to.get(b);
  return "ALTER TABLE " + pg_table_name(to, next.table) + " RENAME COLUMN " +
         pg_quoted(from.get(a).name) + " TO " + pg_quoted(next.name);
}

std::string PostgresRenderer::rename_enum(const Catalog& from, EnumId a, const Catalog& to,
                                          EnumId b) const {
  const Enum& prev = from.get(a);
  return "ALTER TYPE " + qualified_name(from, prev.namespace_id, prev.name) + " RENAME TO " +
         pg_quoted(to.get(b).name);
}

std::string PostgresRenderer::rename_enum_value(const Catalog& to,
                                                const diff::RenameEnumValue& change) const {
  // Values are quoted as ADD VALUE quotes them (Prisma never escapes a quote in a value).
  const Enum& next = to.get(change.to);
  return "ALTER TYPE " + qualified_name(to, next.namespace_id, next.name) + " RENAME VALUE '" +
         change.from_value + "' TO '" + change.to_value + "'";
}

}  // namespace godwit::postgres
