#include "dialect/sqlite/render.hpp"

#include "core/text.hpp"
#include "schema/script.hpp"

namespace godwit::sqlite {

using namespace godwit::schema;

namespace {

std::string quote_ident(std::string_view name) {
  return core::double_quoted(name);
}
std::string quote_string(std::string_view s) {
  return core::single_quoted(s);
}

const char* action_sql(ReferentialAction a) {
  return schema::sql_keyword(a);
}

// Prisma's describer `is_single_primary_key`: the primary key has exactly this one column.
bool is_single_primary_key(const Catalog& c, ColumnId id) {
  auto pk = c.primary_key(c.get(id).table);
  if (!pk) return false;
  const auto& cols = c.get(*pk).columns;
  return cols.size() == 1 && cols.front().column == id;
}

// Prisma prints the PrismaValue Display for values it does not quote; for Json that is the
// raw JSON text, unquoted (reproduced as is).
std::string render_value(const Value& v) {
  switch (v.kind) {
    case Value::Kind::String:
    case Value::Kind::Enum:
      return quote_string(v.text);
    case Value::Kind::Bytes:
      return "'" + hex_encode(v.text) + "'";
    case Value::Kind::DateTime:
      return "'" + v.text + "'";
    case Value::Kind::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        out += render_value(v.items[i]);
      }
      return out + "]";
    }
    case Value::Kind::Json:
    case Value::Kind::Int:
    case Value::Kind::Float:
    case Value::Kind::Boolean:
      return v.text;
  }
  return v.text;
}

}  // namespace

std::string SqliteRenderer::quote(std::string_view name) const {
  return quote_ident(name);
}

std::string_view render_column_type(const Column& column) {
  switch (column.type.family) {
    case TypeFamily::Boolean:
      return "BOOLEAN";
    case TypeFamily::DateTime:
      return "DATETIME";
    case TypeFamily::Float:
      return "REAL";
    case TypeFamily::Decimal:
      return "DECIMAL";
    case TypeFamily::Int:
      return "INTEGER";
    case TypeFamily::BigInt:
      return "BIGINT";
    case TypeFamily::String:
      return "TEXT";
    case TypeFamily::Binary:
      return "BLOB";
    case TypeFamily::Json:
      return "JSONB";
    case TypeFamily::Unsupported:
      return column.type.raw;
    // Prisma stores enums as TEXT on SQLite and has no UUID type there.
    case TypeFamily::Enum:
    case TypeFamily::Uuid:
      return "TEXT";
  }
  return "TEXT";
}

std::string render_default(const DefaultValue& d) {
  switch (d.kind) {
    case DefaultKind::Value:
      return render_value(d.value);
    case DefaultKind::Now:
      return "CURRENT_TIMESTAMP";
    case DefaultKind::DbGenerated:
      return d.expression;
    case DefaultKind::Sequence:
    case DefaultKind::PrismaLevel:
      return {};
  }
  return {};
}

std::string render_column(const Catalog& c, ColumnId id) {
  const Column& col = c.get(id);
  bool single_pk = is_single_primary_key(c, id);
  std::string out = quote_ident(col.name) + " " + std::string(render_column_type(col));
  if (col.arity != Arity::Nullable) out += " NOT NULL";
  if (single_pk) out += " PRIMARY KEY";
  // Any one-column Int primary key is a rowid alias; Prisma always marks it AUTOINCREMENT.
  if (single_pk && col.type.family == TypeFamily::Int) out += " AUTOINCREMENT";
  if (col.default_value) {
    std::string def = render_default(*col.default_value);
    if (!def.empty()) out += " DEFAULT " + def;
  }
  return out;
}

std::vector<std::string> SqliteRenderer::create_namespace(const Catalog&, NamespaceId) const {
  return {};
}

std::vector<std::string> SqliteRenderer::create_extension(const Catalog&, ExtensionId) const {
  return {};
}

std::vector<std::string> SqliteRenderer::create_enum(const Catalog&, EnumId) const {
  return {};
}

std::string SqliteRenderer::create_table(const Catalog& c, TableId id) const {
  const Table& t = c.get(id);
  std::string out = "CREATE TABLE " + quote_ident(t.name) + " (\n";
  bool inline_pk = false;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out += ",\n";
    out += "    " + render_column(c, t.columns[i]);
    inline_pk = inline_pk || is_single_primary_key(c, t.columns[i]);
  }
  if (auto pk = c.primary_key(id); pk && !inline_pk) {
    out += ",\n\n    PRIMARY KEY (";
    const auto& cols = c.get(*pk).columns;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (i > 0) out += ", ";
      out += quote_ident(c.get(cols[i].column).name);
    }
    out += ")";
  }
  for (ForeignKeyId fk : t.foreign_keys)
    out += ",\n    " + add_foreign_key(c, fk);
  out += "\n)";
  return out;
}

std::string SqliteRenderer::create_index(const Catalog& c, IndexId id) const {
  const Index& idx = c.get(id);
  std::string out = idx.kind == IndexKind::Unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  out += quote_ident(idx.name) + " ON " + quote_ident(c.get(idx.table).name) + "(";
  for (std::size_t i = 0; i < idx.columns.size(); ++i) {
    const IndexColumn& ic = idx.columns[i];
    if (i > 0) out += ", ";
    out += quote_ident(c.get(ic.column).name);
    if (ic.sort) out += *ic.sort == SortOrder::Asc ? " ASC" : " DESC";
  }
  out += ")";
  if (!idx.predicate.empty()) out += " WHERE " + idx.predicate;
  if (idx.name.rfind("sqlite_", 0) == 0) {
    out = "Pragma writable_schema=1;\n" + out + ";\nPragma writable_schema=0";
  }
  return out;
}

std::string SqliteRenderer::add_foreign_key(const Catalog& c, ForeignKeyId id) const {
  const ForeignKey& fk = c.get(id);
  std::string out;
  if (!fk.name.empty()) out += "CONSTRAINT " + quote_ident(fk.name) + " ";
  out += "FOREIGN KEY (";
  for (std::size_t i = 0; i < fk.columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += quote_ident(c.get(fk.columns[i]).name);
  }
  out += ") REFERENCES " + quote_ident(c.get(fk.referenced_table).name) + " (";
  for (std::size_t i = 0; i < fk.referenced_columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += quote_ident(c.get(fk.referenced_columns[i]).name);
  }
  out += ") ON DELETE ";
  out += action_sql(fk.on_delete);
  out += " ON UPDATE ";
  out += action_sql(fk.on_update);
  return out;
}

std::string render_create_script(const Catalog& catalog) {
  return schema::render_create_script(catalog, SqliteRenderer{});
}

}  // namespace godwit::sqlite
