#include "dialect/postgres/render.hpp"

#include <fmt/format.h>

#include <cctype>

#include "core/text.hpp"
#include "schema/script.hpp"

namespace godwit::postgres {

using namespace godwit::schema;

namespace {

std::string optional_args(const NativeType& t) {
  if (t.args.empty()) return {};
  return fmt::format("({})", fmt::join(t.args, ","));
}

std::string upper(std::string_view s) {
  std::string out{s};
  for (auto& ch : out)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

// Native type names as Prisma's PostgresType spells them, to SQL (ENG postgres renderer
// `render_column_type_postgres`).
std::string native_type_sql(const NativeType& t, bool autoincrement) {
  const std::string& n = t.name;
  if (n == "SmallInt") return autoincrement ? "SMALLSERIAL" : "SMALLINT";
  if (n == "Integer") return autoincrement ? "SERIAL" : "INTEGER";
  if (n == "BigInt") return autoincrement ? "BIGSERIAL" : "BIGINT";
  if (n == "DoublePrecision") return "DOUBLE PRECISION";
  if (n == "ByteA") return "BYTEA";
  if (n == "JsonB") return "JSONB";
  if (n == "VarBit") return "VARBIT" + optional_args(t);
  // Citext, Oid, Inet, Money, Real, Text, Date, Boolean, Uuid, Xml, Json: the upper-cased
  // name; Decimal, VarChar, Char, Timestamp, Timestamptz, Time, Timetz, Bit: name(args).
  return upper(n) + optional_args(t);
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

std::string quote_ident(std::string_view name) {
  return core::double_quoted(name);
}
std::string quote_string(std::string_view s) {
  return core::single_quoted(s);
}

std::string render_constant(const Value& v, std::string_view full_type) {
  switch (v.kind) {
    case Value::Kind::String:
    case Value::Kind::Enum:
    case Value::Kind::Json:
      return quote_string(v.text);
    case Value::Kind::DateTime:
      return "'" + v.text + "'";
    case Value::Kind::Bytes:
      return "'\\x" + hex_encode(v.text) + "'";
    case Value::Kind::List: {
      std::string out = "ARRAY[";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        out += render_constant(v.items[i], full_type);
      }
      out += "]::";
      out += full_type;
      return out;
    }
    case Value::Kind::Int:
    case Value::Kind::Float:
    case Value::Kind::Boolean:
      return v.text;
  }
  return v.text;
}

const char* action_sql(ReferentialAction a) {
  return schema::sql_keyword(a);
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

std::string column_list(const Catalog& c, const std::vector<ColumnId>& cols, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) out += sep;
    out += quote_ident(c.get(cols[i]).name);
  }
  return out;
}

}  // namespace

std::string PostgresRenderer::quote(std::string_view name) const {
  return quote_ident(name);
}

std::string qualified_name(const Catalog& c, NamespaceId ns, std::string_view name) {
  if (c.is_default_namespace(ns)) return quote_ident(name);
  return quote_ident(c.get(ns).name) + "." + quote_ident(name);
}

std::string render_column_type(const Catalog& c, const Column& column) {
  const ColumnType& t = column.type;
  const char* list = column.arity == Arity::List ? "[]" : "";
  if (t.family == TypeFamily::Enum) {
    const Enum& e = c.get(t.enum_id);
    return qualified_name(c, e.namespace_id, e.name) + list;
  }
  if (t.family == TypeFamily::Unsupported) return t.raw + list;
  std::string base = t.native.empty() ? std::string(family_default_sql(t.family))
                                      : native_type_sql(t.native, column.auto_increment);
  return base + list;
}

std::string render_default(const DefaultValue& d, std::string_view full_type) {
  switch (d.kind) {
    case DefaultKind::Value:
      return render_constant(d.value, full_type);
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
  std::string type = render_column_type(c, col);
  std::string out;
  out.reserve(col.name.size() + type.size() + 32);
  out += '"';
  out += col.name;
  out += "\" ";
  out += type;
  if (col.arity == Arity::Required) out += " NOT NULL";
  if (col.default_value) {
    std::string def = render_default(*col.default_value, type);
    if (!def.empty()) {
      out += " DEFAULT ";
      out += def;
    }
  }
  return out;
}

std::vector<std::string> PostgresRenderer::create_namespace(const Catalog& c,
                                                            NamespaceId id) const {
  return {"CREATE SCHEMA IF NOT EXISTS " + quote_ident(c.get(id).name)};
}

std::vector<std::string> PostgresRenderer::create_extension(const Catalog& c,
                                                            ExtensionId id) const {
  const Extension& e = c.get(id);
  std::string out = "CREATE EXTENSION IF NOT EXISTS " + quote_ident(e.name);
  if (!e.version.empty() || !e.schema.empty()) out += " WITH";
  if (!e.schema.empty()) out += " SCHEMA " + quote_ident(e.schema);
  if (!e.version.empty()) out += " VERSION " + quote_ident(e.version);
  return {out};
}

std::vector<std::string> PostgresRenderer::create_enum(const Catalog& c, EnumId id) const {
  const Enum& e = c.get(id);
  std::string out = "CREATE TYPE " + qualified_name(c, e.namespace_id, e.name) + " AS ENUM (";
  for (std::size_t i = 0; i < e.values.size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + e.values[i] + "'";
  }
  out += ")";
  return {out};
}

std::string PostgresRenderer::create_table(const Catalog& c, TableId id) const {
  const Table& t = c.get(id);
  std::string out = "CREATE TABLE " + qualified_name(c, t.namespace_id, t.name) + " (\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out += ",\n";
    out += "    ";
    out += render_column(c, t.columns[i]);
  }
  if (auto pk = c.primary_key(id)) {
    const Index& idx = c.get(*pk);
    std::vector<ColumnId> cols;
    for (const auto& ic : idx.columns)
      cols.push_back(ic.column);
    out += ",\n\n    CONSTRAINT " + quote_ident(idx.name) + " PRIMARY KEY (" +
           column_list(c, cols, ",") + ")";
  }
  out += "\n)";
  return out;
}

std::string PostgresRenderer::create_index(const Catalog& c, IndexId id) const {
  const Index& idx = c.get(id);
  const Table& t = c.get(idx.table);
  std::string out = idx.kind == IndexKind::Unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  out += quote_ident(idx.name) + " ON " + qualified_name(c, t.namespace_id, t.name);
  out += using_sql(idx.algorithm);
  out += "(";
  for (std::size_t i = 0; i < idx.columns.size(); ++i) {
    const IndexColumn& ic = idx.columns[i];
    if (i > 0) out += ", ";
    out += quote_ident(c.get(ic.column).name);
    if (!ic.operator_class.empty()) out += " " + ic.operator_class;
    if (ic.sort) out += *ic.sort == SortOrder::Asc ? " ASC" : " DESC";
  }
  out += ")";
  if (!idx.predicate.empty()) out += " WHERE " + idx.predicate;
  return out;
}

std::string PostgresRenderer::add_foreign_key(const Catalog& c, ForeignKeyId id) const {
  const ForeignKey& fk = c.get(id);
  const Table& t = c.get(fk.table);
  const Table& rt = c.get(fk.referenced_table);
  return "ALTER TABLE " + qualified_name(c, t.namespace_id, t.name) + " ADD CONSTRAINT " +
         quote_ident(fk.name) + " FOREIGN KEY (" + column_list(c, fk.columns, ", ") +
         ") REFERENCES " + qualified_name(c, rt.namespace_id, rt.name) + "(" +
         column_list(c, fk.referenced_columns, ", ") + ") ON DELETE " + action_sql(fk.on_delete) +
         " ON UPDATE " + action_sql(fk.on_update);
}

std::string render_create_script(const Catalog& catalog) {
  return schema::render_create_script(catalog, PostgresRenderer{});
}

}  // namespace godwit::postgres
