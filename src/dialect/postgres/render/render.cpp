#include "dialect/postgres/render/render.hpp"

#include <cctype>

#include "core/text.hpp"

namespace godwit::postgres {

using namespace godwit::schema;

namespace {

// Statements are built by appending to one string: a 500-table script has ~7,000 columns,
// and a temporary string per part of each made rendering allocation-bound.

void append_optional_args(std::string& out, const NativeType& t) {
  if (t.args.empty()) return;
  out += '(';
  for (std::size_t i = 0; i < t.args.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(t.args[i]);
  }
  out += ')';
}

void append_upper(std::string& out, std::string_view s) {
  for (char ch : s)
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
}

// Native type names as Prisma's PostgresType spells them, to SQL (ENG postgres renderer
// `render_column_type_postgres`).
void append_native_type(std::string& out, const NativeType& t, bool autoincrement) {
  const std::string& n = t.name;
  if (n == "SmallInt") {
    out += autoincrement ? "SMALLSERIAL" : "SMALLINT";
  } else if (n == "Integer") {
    out += autoincrement ? "SERIAL" : "INTEGER";
  } else if (n == "BigInt") {
    out += autoincrement ? "BIGSERIAL" : "BIGINT";
  } else if (n == "DoublePrecision") {
    out += "DOUBLE PRECISION";
  } else if (n == "ByteA") {
    out += "BYTEA";
  } else if (n == "JsonB") {
    out += "JSONB";
  } else if (n == "VarBit") {
    out += "VARBIT";
    append_optional_args(out, t);
  } else {
    // Citext, Oid, Inet, Money, Real, Text, Date, Boolean, Uuid, Xml, Json: the upper-cased
    // name; Decimal, VarChar, Char, Timestamp, Timestamptz, Time, Timetz, Bit: name(args).
    append_upper(out, n);
    append_optional_args(out, t);
  }
}

// The type for a column without a native type (not produced by the Prisma builder, which
// always sets one; kept so that hand-made catalogs still render).
std::string_view family_default_sql(TypeFamily f) {
  switch (f) {
    case TypeFamily::Int:
      return "INTEGER";
    case TypeFamily::BigInt:
      return "BIGINT";
    case TypeFamily::Float:
      return "DOUBLE PRECISION";
    case TypeFamily::Decimal:
      return "DECIMAL(65,30)";
    case TypeFamily::Boolean:
      return "BOOLEAN";
    case TypeFamily::String:
      return "TEXT";
    case TypeFamily::DateTime:
      return "TIMESTAMP(3)";
    case TypeFamily::Binary:
      return "BYTEA";
    case TypeFamily::Json:
      return "JSONB";
    case TypeFamily::Uuid:
      return "UUID";
    case TypeFamily::Enum:
    case TypeFamily::Unsupported:
      break;
  }
  return "TEXT";
}

void append_constant(std::string& out, const Value& v, std::string_view full_type) {
  switch (v.kind) {
    case Value::Kind::String:
    case Value::Kind::Enum:
    case Value::Kind::Json:
      core::append_single_quoted(out, v.text);
      return;
    case Value::Kind::DateTime:
      out += '\'';
      out += v.text;
      out += '\'';
      return;
    case Value::Kind::Bytes:
      out += "'\\x";
      out += hex_encode(v.text);
      out += '\'';
      return;
    case Value::Kind::List:
      out += "ARRAY[";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        append_constant(out, v.items[i], full_type);
      }
      out += "]::";
      out += full_type;
      return;
    case Value::Kind::Int:
    case Value::Kind::Float:
    case Value::Kind::Boolean:
      break;
  }
  out += v.text;
}

void append_default(std::string& out, const DefaultValue& d, std::string_view full_type) {
  switch (d.kind) {
    case DefaultKind::Value:
      append_constant(out, d.value, full_type);
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

const char* using_sql(IndexAlgorithm a) {
  switch (a) {
    case IndexAlgorithm::Hash:
      return " USING HASH ";
    case IndexAlgorithm::Gist:
      return " USING GIST ";
    case IndexAlgorithm::Gin:
      return " USING GIN ";
    case IndexAlgorithm::SpGist:
      return " USING SPGIST ";
    case IndexAlgorithm::Brin:
      return " USING BRIN ";
    case IndexAlgorithm::BTree:
      break;
  }
  return "";
}

void append_qualified(std::string& out, const Catalog& c, NamespaceId ns, std::string_view name) {
  if (!c.is_default_namespace(ns)) {
    core::append_double_quoted(out, c.get(ns).name);
    out += '.';
  }
  core::append_double_quoted(out, name);
}

void append_column_type(std::string& out, const Catalog& c, const Column& column) {
  const ColumnType& t = column.type;
  if (t.family == TypeFamily::Enum) {
    const Enum& e = c.get(t.enum_id);
    append_qualified(out, c, e.namespace_id, e.name);
  } else if (t.family == TypeFamily::Unsupported) {
    out += t.raw;
  } else if (t.native.empty()) {
    out += family_default_sql(t.family);
  } else {
    append_native_type(out, t.native, column.identity == Identity::Serial);
  }
  if (column.arity == Arity::List) out += "[]";
}

void append_column(std::string& out, const Catalog& c, ColumnId id) {
  const Column& col = c.get(id);
  core::append_double_quoted(out, col.name);
  out += ' ';
  std::size_t type_start = out.size();
  append_column_type(out, c, col);
  std::size_t type_end = out.size();
  if (col.arity == Arity::Required) out += " NOT NULL";
  // Prisma's schema never asks for identity columns (autoincrement() is SERIAL); introspected
  // ones render as PostgreSQL writes them.
  if (col.identity == Identity::Always) out += " GENERATED ALWAYS AS IDENTITY";
  if (col.identity == Identity::ByDefault) out += " GENERATED BY DEFAULT AS IDENTITY";
  if (col.default_value) {
    // Only list defaults repeat the type (`ARRAY[...]::TYPE[]`); copied, since appending
    // may move `out`.
    const DefaultValue& d = *col.default_value;
    std::string list_type;
    if (d.kind == DefaultKind::Value && d.value.kind == Value::Kind::List)
      list_type = out.substr(type_start, type_end - type_start);
    std::size_t before = out.size();
    out += " DEFAULT ";
    std::size_t value_start = out.size();
    append_default(out, d, list_type);
    if (out.size() == value_start) out.resize(before);  // nothing to render
  }
}

void append_column_list(std::string& out, const Catalog& c, const std::vector<ColumnId>& cols,
                        const char* sep) {
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) out += sep;
    core::append_double_quoted(out, c.get(cols[i]).name);
  }
}

}  // namespace

std::string PostgresRenderer::quote(std::string_view name) const {
  std::string out;
  out.reserve(name.size() + 2);
  core::append_double_quoted(out, name);
  return out;
}

std::string qualified_name(const Catalog& c, NamespaceId ns, std::string_view name) {
  std::string out;
  append_qualified(out, c, ns, name);
  return out;
}

std::string render_column_type(const Catalog& c, const Column& column) {
  std::string out;
  append_column_type(out, c, column);
  return out;
}

std::string render_default(const DefaultValue& d, std::string_view full_type) {
  std::string out;
  append_default(out, d, full_type);
  return out;
}

std::string render_column(const Catalog& c, ColumnId id) {
  std::string out;
  append_column(out, c, id);
  return out;
}

std::vector<std::string> PostgresRenderer::create_namespace(const Catalog& c,
                                                            NamespaceId id) const {
  std::string out = "CREATE SCHEMA IF NOT EXISTS ";
  core::append_double_quoted(out, c.get(id).name);
  return {std::move(out)};
}

std::vector<std::string> PostgresRenderer::create_extension(const Catalog& c,
                                                            ExtensionId id) const {
  const Extension& e = c.get(id);
  std::string out = "CREATE EXTENSION IF NOT EXISTS ";
  core::append_double_quoted(out, e.name);
  if (!e.version.empty() || e.namespace_id) out += " WITH";
  if (e.namespace_id) {
    out += " SCHEMA ";
    core::append_double_quoted(out, c.get(*e.namespace_id).name);
  }
  if (!e.version.empty()) {
    out += " VERSION ";
    core::append_double_quoted(out, e.version);
  }
  return {std::move(out)};
}

std::vector<std::string> PostgresRenderer::create_enum(const Catalog& c, EnumId id) const {
  const Enum& e = c.get(id);
  std::string out = "CREATE TYPE ";
  append_qualified(out, c, e.namespace_id, e.name);
  out += " AS ENUM (";
  for (std::size_t i = 0; i < e.values.size(); ++i) {
    if (i > 0) out += ", ";
    out += '\'';
    out += e.values[i];
    out += '\'';
  }
  out += ')';
  return {std::move(out)};
}

std::string PostgresRenderer::create_table(const Catalog& c, TableId id) const {
  const Table& t = c.get(id);
  std::string out;
  out.reserve(64 + 64 * t.columns.size());  // a typical column line is under 64 bytes
  out += "CREATE TABLE ";
  append_qualified(out, c, t.namespace_id, t.name);
  out += " (\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out += ",\n";
    out += "    ";
    append_column(out, c, t.columns[i]);
  }
  if (auto pk = c.primary_key(id)) {
    const Index& idx = c.get(*pk);
    out += ",\n\n    CONSTRAINT ";
    core::append_double_quoted(out, idx.name);
    out += " PRIMARY KEY (";
    for (std::size_t i = 0; i < idx.columns.size(); ++i) {
      if (i > 0) out += ',';
      core::append_double_quoted(out, c.get(idx.columns[i].column).name);
    }
    out += ')';
  }
  out += "\n)";
  return out;
}

std::string PostgresRenderer::create_index(const Catalog& c, IndexId id) const {
  const Index& idx = c.get(id);
  const Table& t = c.get(idx.table);
  std::string out;
  out.reserve(128);  // fits typical statements: one allocation
  out += is_unique(idx.kind) ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  core::append_double_quoted(out, idx.name);
  out += " ON ";
  append_qualified(out, c, t.namespace_id, t.name);
  out += using_sql(c.postgres.index(id).algorithm);
  out += '(';
  for (std::size_t i = 0; i < idx.columns.size(); ++i) {
    const IndexColumn& ic = idx.columns[i];
    if (i > 0) out += ", ";
    core::append_double_quoted(out, c.get(ic.column).name);
    if (auto opclass = c.postgres.operator_class(id, i); !opclass.empty()) {
      out += ' ';
      out += opclass;
    }
    if (ic.sort) out += *ic.sort == SortOrder::Asc ? " ASC" : " DESC";
  }
  out += ')';
  if (!idx.predicate.empty()) {
    // Prisma 7.10.1 wraps the predicate in parentheses unless its first and last characters
    // already are (a plain text test: `(a) AND (b)` stays as written).
    const bool wrapped = idx.predicate.front() == '(' && idx.predicate.back() == ')';
    out += wrapped ? " WHERE " : " WHERE (";
    out += idx.predicate;
    if (!wrapped) out += ')';
  }
  return out;
}

std::string PostgresRenderer::add_foreign_key(const Catalog& c, ForeignKeyId id) const {
  const ForeignKey& fk = c.get(id);
  const Table& t = c.get(fk.table);
  const Table& rt = c.get(fk.referenced_table);
  std::string out;
  out.reserve(192);  // fits typical statements: one allocation
  out += "ALTER TABLE ";
  append_qualified(out, c, t.namespace_id, t.name);
  if (fk.name) {
    out += " ADD CONSTRAINT ";
    core::append_double_quoted(out, *fk.name);
    out += " FOREIGN KEY (";
  } else {
    out += " ADD FOREIGN KEY (";
  }
  append_column_list(out, c, fk.columns, ", ");
  out += ") REFERENCES ";
  append_qualified(out, c, rt.namespace_id, rt.name);
  out += '(';
  append_column_list(out, c, fk.referenced_columns, ", ");
  out += ") ON DELETE ";
  out += schema::sql_keyword(fk.on_delete);
  out += " ON UPDATE ";
  out += schema::sql_keyword(fk.on_update);
  out += schema::sql_keyword(fk.deferrable);
  return out;
}

}  // namespace godwit::postgres
