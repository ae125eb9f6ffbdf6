// PostgreSQL introspection: columns, their types and defaults, in one query for all tables.
// Types map as Prisma's describer maps them (ENG postgres.rs get_column_type_family), with the
// precision that information_schema.columns would give (a domain is its base type; a
// time/timestamp without a precision is (6), in an array it has none), so that a database
// migrated from a Prisma schema reads back as the native types the schema builder produces.
#include <fmt/format.h>

#include "dialect/postgres/introspect/introspect_default.hpp"
#include "dialect/postgres/introspect/introspect_internal.hpp"

namespace godwit::postgres::introspect {

namespace {

using schema::NativeType;
using schema::TypeFamily;

struct MappedType {
  schema::ColumnType type;
  DefaultFamily defaults = DefaultFamily::Other;
  bool json = false;
};

std::vector<std::uint32_t> arg(std::optional<std::uint32_t> v) {
  if (!v) return {};
  return {*v};
}

// `name` is the (element) type's name without the array underscore; `mod` its typmod.
std::optional<MappedType> builtin_type(const std::string& name, int mod, bool list) {
  auto varchar_len = [&]() -> std::optional<std::uint32_t> {
    if (mod < 4) return std::nullopt;
    return static_cast<std::uint32_t>(mod - 4);
  };
  auto bit_len = [&]() -> std::optional<std::uint32_t> {
    if (mod < 0) return std::nullopt;
    return static_cast<std::uint32_t>(mod);
  };
  auto time_precision = [&]() -> std::optional<std::uint32_t> {
    if (mod >= 0) return static_cast<std::uint32_t>(mod);
    if (list) return std::nullopt;  // Prisma reads arrays' precision from format_type
    return 6u;                      // information_schema's datetime_precision default
  };
  auto make = [](TypeFamily f, NativeType n, DefaultFamily d, bool json = false) {
    MappedType m;
    m.type.family = f;
    m.type.native = std::move(n);
    m.defaults = d;
    m.json = json;
    return m;
  };
  using DF = DefaultFamily;
  if (name == "int2") return make(TypeFamily::Int, {"SmallInt", {}}, DF::Int);
  if (name == "int4") return make(TypeFamily::Int, {"Integer", {}}, DF::Int);
  if (name == "int8") return make(TypeFamily::BigInt, {"BigInt", {}}, DF::Int);
  if (name == "oid") return make(TypeFamily::Int, {"Oid", {}}, DF::Int);
  if (name == "float4") return make(TypeFamily::Float, {"Real", {}}, DF::Float);
  if (name == "float8") return make(TypeFamily::Float, {"DoublePrecision", {}}, DF::Float);
  if (name == "bool") return make(TypeFamily::Boolean, {"Boolean", {}}, DF::Boolean);
  if (name == "text") return make(TypeFamily::String, {"Text", {}}, DF::String);
  if (name == "citext") return make(TypeFamily::String, {"Citext", {}}, DF::String);
  if (name == "varchar")
    return make(TypeFamily::String, {"VarChar", arg(varchar_len())}, DF::String);
  if (name == "bpchar") return make(TypeFamily::String, {"Char", arg(varchar_len())}, DF::String);
  if (name == "char") return make(TypeFamily::String, {"Char", {}}, DF::String);
  if (name == "date") return make(TypeFamily::DateTime, {"Date", {}}, DF::DateTime);
  if (name == "bytea") return make(TypeFamily::Binary, {"ByteA", {}}, DF::Binary);
  if (name == "json") return make(TypeFamily::Json, {"Json", {}}, DF::String, true);
  if (name == "jsonb") return make(TypeFamily::Json, {"JsonB", {}}, DF::String, true);
  // Prisma's family is Uuid, whose defaults are never constants; the schema builder makes
  // `String @db.Uuid` a String.
  if (name == "uuid") return make(TypeFamily::String, {"Uuid", {}}, DF::Other);
  if (name == "xml") return make(TypeFamily::String, {"Xml", {}}, DF::String);
  if (name == "bit") return make(TypeFamily::String, {"Bit", arg(bit_len())}, DF::String);
  if (name == "varbit") return make(TypeFamily::String, {"VarBit", arg(bit_len())}, DF::String);
  if (name == "numeric") {
    std::vector<std::uint32_t> args;
    if (mod >= 4) {
      args = {static_cast<std::uint32_t>(((mod - 4) >> 16) & 0xffff),
              static_cast<std::uint32_t>((mod - 4) & 0xffff)};
    }
    return make(TypeFamily::Decimal, {"Decimal", args}, DF::Float);
  }
  if (name == "money") return make(TypeFamily::Decimal, {"Money", {}}, DF::Float);
  if (name == "time")
    return make(TypeFamily::DateTime, {"Time", arg(time_precision())}, DF::DateTime);
  if (name == "timetz")
    return make(TypeFamily::DateTime, {"Timetz", arg(time_precision())}, DF::DateTime);
  if (name == "timestamp")
    return make(TypeFamily::DateTime, {"Timestamp", arg(time_precision())}, DF::DateTime);
  if (name == "timestamptz")
    return make(TypeFamily::DateTime, {"Timestamptz", arg(time_precision())}, DF::DateTime);
  if (name == "inet") return make(TypeFamily::String, {"Inet", {}}, DF::String);
  return std::nullopt;
}

// The columns of the relations the filter appended to it selects, one row each; cell 16 is
// attnum. Shared by the tables' and the views' queries so that both map types alike.
const std::string kColumnsOf =
    "SELECT n.nspname, c.relname, a.attname, a.attnotnull, a.attidentity, a.attgenerated, "
    // A default cannot refer to a column, so it is deparsed without its table (relid 0):
    // naming the table makes the server open every table that has a default, which was
    // most of this query's time on a cold connection (500 tables: ~60 %). A generated
    // column's expression does refer to columns.
    "  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, 0) "
    "    ELSE pg_catalog.pg_get_expr(d.adbin, d.adrelid) END, "
    "  CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END, "
    "  tt.typname, (tt.typelem <> 0 AND tt.typlen = -1), et.typname, etn.nspname, tn.nspname, "
    "  t.typtype = 'd', pg_catalog.format_type(a.atttypid, a.atttypmod), "
    "  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation "
    "    THEN (SELECT collname FROM pg_catalog.pg_collation WHERE oid = a.attcollation) END, "
    "  a.attnum ";
const std::string kColumnsFrom =
    "FROM pg_catalog.pg_attribute a "
    "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
    "JOIN pg_catalog.pg_type tt "
    "  ON tt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END "
    "JOIN pg_catalog.pg_namespace tn ON tn.oid = tt.typnamespace "
    "LEFT JOIN pg_catalog.pg_type et ON et.oid = tt.typelem AND tt.typlen = -1 "
    "LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace "
    "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    "WHERE n.nspname = ANY ($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped ";
const std::string kTableColumnsQuery =
    kColumnsOf + kColumnsFrom +
    "  AND ((c.relkind = 'r' AND NOT c.relispartition) OR c.relkind = 'p')";
// Cell 17: the column's comment (COMMENT ON COLUMN).
const std::string kViewColumnsQuery = kColumnsOf +
                                      ", pg_catalog.col_description(a.attrelid, a.attnum) " +
                                      kColumnsFrom + "  AND c.relkind = 'v'";

// One row of the column queries as a column of the model (Column::table left unset).
schema::Column column_of(Context& ctx, const db::Row& row) {
  const std::string& ns = cell(row, 0);
  const std::string& relation = cell(row, 1);
  schema::Column col;
  col.name = cell(row, 2);
  bool not_null = cell_bool(row, 3);
  const std::string& identity = cell(row, 4);
  const std::string& generated = cell(row, 5);
  int mod = static_cast<int>(cell_int(row, 7));
  bool list = cell_bool(row, 9);
  std::string type_name = list ? cell(row, 10) : cell(row, 8);
  const std::string& type_ns = list ? cell(row, 11) : cell(row, 12);
  std::string where = "column " + object_name(ns, relation) + ".\"" + col.name + "\"";

  MappedType mapped;
  if (auto b = builtin_type(type_name, mod, list)) {
    mapped = std::move(*b);
  } else if (auto e = ctx.enums.find({type_ns, type_name}); e != ctx.enums.end()) {
    mapped.type.family = TypeFamily::Enum;
    mapped.type.enum_id = e->second;
    mapped.defaults = DefaultFamily::Enum;
  } else {
    // Prisma's Unsupported("<udt_name>"): the array form keeps its underscore.
    mapped.type.family = TypeFamily::Unsupported;
    mapped.type.raw = cell(row, 8);
  }
  if (cell_bool(row, 13)) {
    ctx.warn(where, fmt::format("its domain type `{}` is read as its base type, as Prisma "
                                "reads it",
                                cell(row, 14)));
  }
  if (row[15]) {
    ctx.warn(where, "collation \"" + *row[15] +
                        "\": not in the model (the type's default collation is kept)");
  }
  col.type = std::move(mapped.type);
  col.arity = list       ? schema::Arity::List
              : not_null ? schema::Arity::Required
                         : schema::Arity::Nullable;

  if (identity == "a" || identity == "d") {
    col.identity = identity == "a" ? schema::Identity::Always : schema::Identity::ByDefault;
  }
  if (row[6]) {
    ParsedDefault d = parse_default(*row[6], mapped.defaults, list, mapped.json);
    if (d.is_sequence) {
      col.identity = schema::Identity::Serial;
    } else {
      col.default_value = std::move(d.value);
    }
    if (generated == "s") {
      ctx.warn(where,
               "generated column (GENERATED ALWAYS AS ... STORED): read as a column "
               "whose default is its expression, as Prisma reads it");
    }
  }
  return col;
}

}  // namespace

const char* const kColumnsQuery = kTableColumnsQuery.c_str();

void read_columns(Context& ctx) {
  // The "true" type is the domain's base type (information_schema's _pg_truetypid/typmod).
  auto rows = ctx.query(kColumnsQuery);
  // ORDER BY n.nspname, c.relname, a.attnum, here (500 tables, 6,600 columns: the query took
  // 43 ms warm with the server's sort, 23 ms without).
  sort_rows(rows, {0, 1}, {16});
  schema::Catalog& cat = ctx.catalog();
  for (const auto& row : rows.rows) {
    auto table = ctx.table(cell(row, 0), cell(row, 1));
    if (!table) continue;  // _prisma_migrations, external tables
    schema::Column col = column_of(ctx, row);
    col.table = *table;
    cat.add_column(std::move(col));
  }
}

void read_view_columns(Context& ctx) {
  auto rows = ctx.conn.query(kViewColumnsQuery, ctx.params);
  sort_rows(rows, {0, 1}, {16});
  for (const auto& row : rows.rows) {
    auto it = ctx.views.find({cell(row, 0), cell(row, 1)});
    if (it == ctx.views.end()) continue;
    schema::View& view = ctx.catalog().views[it->second.value];
    view.columns.push_back(column_of(ctx, row));
    view.column_descriptions.push_back(row[17]);
  }
}

}  // namespace godwit::postgres::introspect
