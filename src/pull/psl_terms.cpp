// The PSL words for catalog values in a pulled schema (see psl_terms.hpp).
#include "pull/psl_terms.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>
#include <vector>

#include "pull/names.hpp"

namespace godwit::pull::detail {

std::optional<psl::ScalarType> scalar_of(schema::TypeFamily f) {
  using F = schema::TypeFamily;
  using S = psl::ScalarType;
  switch (f) {
    case F::Int:
      return S::Int;
    case F::BigInt:
      return S::BigInt;
    case F::Float:
      return S::Float;
    case F::Decimal:
      return S::Decimal;
    case F::Boolean:
      return S::Boolean;
    case F::String:
    case F::Uuid:
      return S::String;
    case F::DateTime:
      return S::DateTime;
    case F::Binary:
      return S::Bytes;
    case F::Json:
      return S::Json;
    case F::Enum:
    case F::Unsupported:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string_view algorithm_name(schema::IndexAlgorithm a) {
  using A = schema::IndexAlgorithm;
  switch (a) {
    case A::BTree:
      return "BTree";
    case A::Hash:
      return "Hash";
    case A::Gist:
      return "Gist";
    case A::Gin:
      return "Gin";
    case A::SpGist:
      return "SpGist";
    case A::Brin:
      return "Brin";
  }
  return "BTree";
}

std::string_view action_name(schema::ReferentialAction a) {
  using R = schema::ReferentialAction;
  switch (a) {
    case R::NoAction:
      return "NoAction";
    case R::Restrict:
      return "Restrict";
    case R::Cascade:
      return "Cascade";
    case R::SetNull:
      return "SetNull";
    case R::SetDefault:
      return "SetDefault";
  }
  return "NoAction";
}

std::string ops_argument(std::string_view sql) {
  static const std::map<std::string, std::string, std::less<>> kManaged = [] {
    std::map<std::string, std::string, std::less<>> m = {
        {"inet_ops", "InetOps"},
        {"jsonb_ops", "JsonbOps"},
        {"jsonb_path_ops", "JsonbPathOps"},
        {"array_ops", "ArrayOps"},
        {"text_ops", "TextOps"},
        {"bit_minmax_ops", "BitMinMaxOps"},
        {"varbit_minmax_ops", "VarBitMinMaxOps"},
        {"bpchar_bloom_ops", "BpcharBloomOps"},
        {"bpchar_minmax_ops", "BpcharMinMaxOps"},
        {"bytea_bloom_ops", "ByteaBloomOps"},
        {"bytea_minmax_ops", "ByteaMinMaxOps"},
        {"inet_inclusion_ops", "InetInclusionOps"},
    };
    // The BRIN classes of these types come as bloom, minmax and (but text) minmax-multi.
    const std::vector<std::pair<std::string, std::string>> brin = {
        {"date", "Date"},
        {"float4", "Float4"},
        {"float8", "Float8"},
        {"inet", "Inet"},
        {"int2", "Int2"},
        {"int4", "Int4"},
        {"int8", "Int8"},
        {"numeric", "Numeric"},
        {"oid", "Oid"},
        {"timestamp", "Timestamp"},
        {"timestamptz", "TimestampTz"},
        {"time", "Time"},
        {"timetz", "TimeTz"},
        {"uuid", "Uuid"},
        {"text", "Text"},
    };
    for (const auto& [sql_type, prisma] : brin) {
      m.emplace(sql_type + "_bloom_ops", prisma + "BloomOps");
      m.emplace(sql_type + "_minmax_ops", prisma + "MinMaxOps");
      if (sql_type != "text") m.emplace(sql_type + "_minmax_multi_ops", prisma + "MinMaxMultiOps");
    }
    return m;
  }();
  if (auto it = kManaged.find(sql); it != kManaged.end()) return it->second;
  return "raw(" + psl_quoted(sql) + ")";
}

std::string value_literal(const schema::Value& v) {
  using V = schema::Value::Kind;
  switch (v.kind) {
    case V::String:
    case V::Json:
      return psl_quoted(v.text);
    case V::Bytes:
      return psl_quoted(base64(v.text));
    case V::Enum:
      return needs_sanitation(v.text) ? sanitize(v.text) : v.text;
    case V::List: {
      std::vector<std::string> items;
      for (const auto& item : v.items)
        items.push_back(value_literal(item));
      return fmt::format("[{}]", fmt::join(items, ", "));
    }
    case V::Int:
    case V::Float:
    case V::Boolean:
    case V::DateTime:
      return v.text;
  }
  return v.text;
}

std::string default_attribute(const schema::Column& col) {
  using K = schema::DefaultKind;
  if (col.identity != schema::Identity::None) return "@default(autoincrement())";
  if (!col.default_value) return "";
  const auto& d = *col.default_value;
  switch (d.kind) {
    case K::PrismaLevel:
      return "";
    case K::Now:
      return col.type.family == schema::TypeFamily::DateTime ? "@default(now())" : "";
    case K::DbGenerated:
      if (d.expression.starts_with("nextval(")) return "@default(autoincrement())";
      if (d.expression.find_first_not_of('\0') == std::string::npos)
        return "@default(dbgenerated())";
      return fmt::format("@default(dbgenerated({}))", psl_quoted(d.expression));
    case K::Value:
      return fmt::format("@default({})", value_literal(d.value));
  }
  return "";
}

std::string native_type_attribute(const schema::ColumnType& type, const PullOptions& o) {
  if (type.native.empty() || !o.flavour || !o.flavour->default_native_type) return "";
  auto scalar = scalar_of(type.family);
  if (!scalar) return "";
  if (o.flavour->default_native_type(*scalar) == type.native) return "";
  std::string out = "@" + o.datasource_name + "." + type.native.name;
  if (!type.native.args.empty()) {
    std::vector<std::string> args;
    for (auto a : type.native.args)
      args.push_back(std::to_string(a));
    out += fmt::format("({})", fmt::join(args, ", "));
  }
  return out;
}

}  // namespace godwit::pull::detail
