#include "dialect/sqlite/render/render.hpp"

#include "core/text.hpp"

namespace godwit::sqlite {

using namespace godwit::schema;

namespace {

// Statements are built by appending to one string, without a temporary per part (as in the
// PostgreSQL renderer).

// Prisma's describer `is_single_primary_key`: the primary key has exactly this one column.
bool is_single_primary_key(const Catalog& c, ColumnId id) {
  auto pk = c.primary_key(c.get(id).table);
  if (!pk) return false;
  const auto& cols = c.get(*pk).columns;
  return cols.size() == 1 && cols.front().column == id;
}

// Prisma prints the PrismaValue Display for values it does not quote; for Json that is the
// raw JSON text, unquoted (reproduced as is).
void append_value(std::string& out, const Value& v) {
  switch (v.kind) {
    case Value::Kind::String:
    case Value::Kind::Enum:
      core::append_single_quoted(out, v.text);
      return;
    case Value::Kind::Bytes:
      out += '\'';
      out += hex_encode(v.text);
      out += '\'';
      return;
    case Value::Kind::DateTime:
      out += '\'';
      out += v.text;
      out += '\'';
      return;
    case Value::Kind::List:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        append_value(out, v.items[i]);
      }
      out += ']';
      return;
    case Value::Kind::Json:
    case Value::Kind::Int:
    case Value::Kind::Float:
    case Value::Kind::Boolean:
      break;
  }
  out += v.text;
}

void append_default(std::string& out, const DefaultValue& d) {
  switch (d.kind) {
    case DefaultKind::Value:
      append_value(out, d.value);
      return;
    case DefaultKind::Now:
      out += "CURRENT_TIMESTAMP";
      return;
    case DefaultKind::DbGenerated:
      out += d.expression;
      return;
    case DefaultKind::PrismaLevel:
      return;
  }
}

void append_column(std::string& out, const Catalog& c, ColumnId id) {
  const Column& col = c.get(id);
  bool single_pk = is_single_primary_key(c, id);
  core::append_double_quoted(out, col.name);
  out += ' ';
  out += render_column_type(col);
  if (col.arity != Arity::Nullable) out += " NOT NULL";
  if (single_pk) out += " PRIMARY KEY";
  // Any one-column Int primary key is a rowid alias; Prisma always marks it AUTOINCREMENT.
  if (single_pk && col.type.family == TypeFamily::Int) out += " AUTOINCREMENT";
  if (col.default_value) {
    std::size_t before = out.size();
    out += " DEFAULT ";
    std::size_t value_start = out.size();
    append_default(out, *col.default_value);
    if (out.size() == value_start) out.resize(before);  // nothing to render
  }
}

void append_foreign_key(std::string& out, const Catalog& c, ForeignKeyId id) {
  const ForeignKey& fk = c.get(id);
  if (fk.name && !fk.name->empty()) {
    out += "CONSTRAINT ";
    core::append_double_quoted(out, *fk.name);
    out += ' ';
  }
  out += "FOREIGN KEY (";
  for (std::size_t i = 0; i < fk.columns.size(); ++i) {
    if (i > 0) out += ", ";
    core::append_double_quoted(out, c.get(fk.columns[i]).name);
  }
  out += ") REFERENCES ";
  core::append_double_quoted(out, c.get(fk.referenced_table).name);
  out += " (";
  for (std::size_t i = 0; i < fk.referenced_columns.size(); ++i) {
    if (i > 0) out += ", ";
    core::append_double_quoted(out, c.get(fk.referenced_columns[i]).name);
  }
  out += ") ON DELETE ";
  out += schema::sql_keyword(fk.on_delete);
  out += " ON UPDATE ";
  out += schema::sql_keyword(fk.on_update);
  out += schema::sql_keyword(fk.deferrable);
}

}  // namespace

std::string SqliteRenderer::quote(std::string_view name) const {
  std::string out;
  out.reserve(name.size() + 2);
  core::append_double_quoted(out, name);
  return out;
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
  std::string out;
  append_default(out, d);
  return out;
}

std::string render_column(const Catalog& c, ColumnId id) {
  std::string out;
  append_column(out, c, id);
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
  std::string out;
  // A typical column line is under 64 bytes, a foreign key under 160.
  out.reserve(64 + 64 * t.columns.size() + 160 * t.foreign_keys.size());
  out += "CREATE TABLE ";
  core::append_double_quoted(out, t.name);
  out += " (\n";
  bool inline_pk = false;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out += ",\n";
    out += "    ";
    append_column(out, c, t.columns[i]);
    inline_pk = inline_pk || is_single_primary_key(c, t.columns[i]);
  }
  if (auto pk = c.primary_key(id); pk && !inline_pk) {
    out += ",\n\n    PRIMARY KEY (";
    const auto& cols = c.get(*pk).columns;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (i > 0) out += ", ";
      core::append_double_quoted(out, c.get(cols[i].column).name);
    }
    out += ')';
  }
  for (ForeignKeyId fk : t.foreign_keys) {
    out += ",\n    ";
    append_foreign_key(out, c, fk);
  }
  out += "\n)";
  return out;
}

std::string SqliteRenderer::create_index(const Catalog& c, IndexId id) const {
  const Index& idx = c.get(id);
  // Names starting with `sqlite_` are reserved: Prisma lifts the restriction around them.
  bool reserved_name = idx.name.rfind("sqlite_", 0) == 0;
  std::string out;
  out.reserve(128);  // fits typical statements: one allocation
  if (reserved_name) out += "Pragma writable_schema=1;\n";
  out += is_unique(idx.kind) ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  core::append_double_quoted(out, idx.name);
  out += " ON ";
  core::append_double_quoted(out, c.get(idx.table).name);
  out += '(';
  for (std::size_t i = 0; i < idx.columns.size(); ++i) {
    const IndexColumn& ic = idx.columns[i];
    if (i > 0) out += ", ";
    core::append_double_quoted(out, c.get(ic.column).name);
    if (ic.sort) out += *ic.sort == SortOrder::Asc ? " ASC" : " DESC";
  }
  out += ')';
  if (!idx.predicate.empty()) {
    out += " WHERE ";
    out += idx.predicate;
  }
  if (reserved_name) out += ";\nPragma writable_schema=0";
  return out;
}

std::string SqliteRenderer::add_foreign_key(const Catalog& c, ForeignKeyId id) const {
  std::string out;
  append_foreign_key(out, c, id);
  return out;
}

}  // namespace godwit::sqlite
