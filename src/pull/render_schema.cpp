// Catalog -> Prisma schema, following Prisma's introspection (see render_schema.hpp for the
// rules and the ENG files they come from).
#include "pull/render_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "psl/diagnostics.hpp"
#include "psl/format.hpp"
#include "schema/naming.hpp"

namespace godwit::pull {
namespace {

using schema::Catalog;
using schema::ColumnId;
using schema::ForeignKeyId;
using schema::IndexId;
using schema::TableId;

bool pull_is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool pull_is_ident_char(char c) {
  return pull_is_letter(c) || (c >= '0' && c <= '9') || c == '_';
}

// ENG sanitize_datamodel_names.rs: leading characters up to the first letter are dropped, any
// other character outside [_a-zA-Z0-9] becomes `_` (per byte, as the regex sees UTF-8 text
// through `[^...]` on chars: a multi-byte character is one `_`).
std::string sanitize(std::string_view s) {
  std::size_t start = 0;
  while (start < s.size() && !pull_is_letter(s[start]))
    ++start;
  std::string out;
  for (std::size_t i = start; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // One `_` per UTF-8 character: skip its continuation bytes.
      out += '_';
      while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80)
        ++i;
    } else {
      out += pull_is_ident_char(s[i]) ? s[i] : '_';
    }
  }
  return out;
}

bool needs_sanitation(std::string_view s) {
  if (s.empty()) return false;
  if (!pull_is_letter(s[0])) return true;
  return !std::all_of(s.begin(), s.end(), pull_is_ident_char);
}

// Names the Prisma client reserves (ENG parser-database reserved_model_names.rs; the same list
// as psl/validate_names.cpp): a table or enum so named becomes `Renamed<name>`.
bool is_reserved_name(std::string_view name) {
  static constexpr std::array<std::string_view, 45> kReserved = {
      "PrismaClient", "break",   "case",       "catch",     "class",    "const", "continue",
      "debugger",     "default", "delete",     "do",        "else",     "enum",  "export",
      "extends",      "false",   "finally",    "for",       "function", "if",    "implements",
      "import",       "in",      "instanceof", "interface", "let",      "new",   "null",
      "package",      "private", "protected",  "public",    "return",   "super", "switch",
      "this",         "throw",   "true",       "try",       "typeof",   "var",   "void",
      "while",        "with",    "yield"};
  return std::find(kReserved.begin(), kReserved.end(), name) != kReserved.end();
}

// ENG sanitize_datamodel_names.rs ModelName::new_from_sql without the duplicate-name case.
std::string plain_model_name(const std::string& name) {
  if (is_reserved_name(name)) return "Renamed" + name;
  return needs_sanitation(name) ? sanitize(name) : name;
}

// A PSL string literal as Prisma's renderer writes it.
std::string psl_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string base64(const std::string& raw) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < raw.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(raw[i]) << 16) |
                 (static_cast<unsigned char>(raw[i + 1]) << 8) |
                 static_cast<unsigned char>(raw[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < raw.size()) {
    unsigned v = static_cast<unsigned char>(raw[i]) << 16;
    if (i + 1 < raw.size()) v |= static_cast<unsigned char>(raw[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < raw.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

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

// ENG introspection_pair/index_field.rs `opclass`: the operator classes Prisma names itself
// (`ops: JsonbPathOps`); any other non-default class is printed raw (`ops: raw("...")`).
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

// One relation field, forward (the foreign key's table) or back (the referenced table).
// For an implicit many-to-many relation, `fk` is the join table's foreign key whose
// referenced table is the field's type.
struct RelationField {
  ForeignKeyId fk;
  bool forward = true;
  bool many_to_many = false;
};

// Everything about a catalog that naming and rendering need, computed once.
class PullRenderer {
 public:
  PullRenderer(const Catalog& c, const PullOptions& o) : c_(c), o_(o) {
    limit_ = o.flavour ? o.flavour->identifier_limit : schema::kPostgresIdentifierLimit;
    for (std::size_t t = 0; t < c_.tables.size(); ++t)
      join_table_.push_back(is_join_table(TableId{static_cast<std::uint32_t>(t)}));
    name_models();
    if (o_.foreign_keys) name_relations();
  }

  std::size_t model_count() const {
    return static_cast<std::size_t>(std::count(join_table_.begin(), join_table_.end(), false));
  }

  std::string render() {
    std::string out = o_.config;
    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      if (!join_table_[t]) out += "\n" + render_model(TableId{static_cast<std::uint32_t>(t)});
    }
    for (std::size_t e = 0; e < c_.enums.size(); ++e)
      out += "\n" + render_enum(schema::EnumId{static_cast<std::uint32_t>(e)});
    return out;
  }

 private:
  const Catalog& c_;
  const PullOptions& o_;
  std::size_t limit_ = 0;
  std::vector<std::string> model_names_;  // per table
  // Per table, the name without the namespace prefix of a name used in two namespaces: Prisma
  // names relations before it counts duplicate names (ENG introspection_map.rs calls
  // relation_names::introspect before populate_top_level_names), so relation and relation
  // field names use this one.
  std::vector<std::string> relation_model_names_;
  std::vector<std::string> enum_names_;  // per enum
  // Per foreign key: [relation name, forward field name, back field name]; absent for
  // duplicated foreign keys, which Prisma leaves out.
  std::map<std::uint32_t, std::array<std::string, 3>> relation_names_;
  std::vector<std::vector<RelationField>> relation_fields_;  // per table, in Prisma's order
  std::vector<bool> join_table_;                             // per table
  // Per join table: [relation name, field on model A, field on model B].
  std::map<std::uint32_t, std::array<std::string, 3>> m2m_names_;

  // ENG introspection_helpers.rs `is_prisma_join_table`: `_<Name>` with the columns A and B,
  // one foreign key on each, and a unique index or primary key on (A, B).
  bool is_join_table(TableId t) const {
    const auto& table = c_.get(t);
    if (!table.name.starts_with("_") || table.columns.size() != 2 || table.foreign_keys.size() != 2)
      return false;
    if (c_.get(table.columns[0]).name != "A" || c_.get(table.columns[1]).name != "B") return false;
    for (ForeignKeyId id : table.foreign_keys) {
      if (c_.get(id).columns.size() != 1) return false;
    }
    for (IndexId id : table.indexes) {
      const auto& idx = c_.get(id);
      if ((idx.kind == schema::IndexKind::PrimaryKey || schema::is_unique(idx.kind)) &&
          idx.columns.size() == 2 && idx.columns[0].column == table.columns[0] &&
          idx.columns[1].column == table.columns[1])
        return true;
    }
    return false;
  }

  // The join table's foreign keys as (on column A, on column B).
  std::pair<ForeignKeyId, ForeignKeyId> join_fks(TableId t) const {
    const auto& table = c_.get(t);
    ForeignKeyId first = table.foreign_keys[0], second = table.foreign_keys[1];
    const auto& name = c_.get(c_.get(first).columns[0]).name;
    bool first_is_a = name == "A" || name == "a";
    return first_is_a ? std::pair{first, second} : std::pair{second, first};
  }

  std::array<std::uint32_t, 2> join_pair(TableId t) const {
    auto [a, b] = join_fks(t);
    return table_pair(c_.get(a).referenced_table, c_.get(b).referenced_table);
  }

  // ENG sanitize_datamodel_names.rs ModelName::new_from_sql: a name used by a table or enum of
  // another namespace gets the namespace as a prefix.
  void name_models() {
    std::map<std::string, int> counts;
    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      if (!join_table_[t]) ++counts[sanitize(c_.tables[t].name)];
    }
    for (const auto& e : c_.enums)
      ++counts[sanitize(e.name)];
    auto name_of = [&](const std::string& name, schema::NamespaceId ns) {
      if (o_.namespaces && counts[sanitize(name)] > 1)
        return sanitize(c_.get(ns).name + "_" + name);
      return plain_model_name(name);
    };
    for (const auto& t : c_.tables) {
      model_names_.push_back(name_of(t.name, t.namespace_id));
      relation_model_names_.push_back(plain_model_name(t.name));
    }
    for (const auto& e : c_.enums)
      enum_names_.push_back(name_of(e.name, e.namespace_id));
  }

  std::string field_name(ColumnId id) const {
    const auto& name = c_.get(id).name;
    return needs_sanitation(name) ? sanitize(name) : name;
  }

  static std::array<std::uint32_t, 2> table_pair(TableId a, TableId b) {
    return {std::min(a.value, b.value), std::max(a.value, b.value)};
  }

  // ENG relation_names.rs.
  void name_relations() {
    auto distinct = [&](ForeignKeyId a, ForeignKeyId b) {
      if (a == b) return false;
      return c_.get(a).columns != c_.get(b).columns;
    };
    std::set<std::array<std::uint32_t, 2>> ambiguous;
    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      if (!join_table_[t]) continue;
      auto pair = join_pair(TableId{static_cast<std::uint32_t>(t)});
      if (ambiguous.contains(pair)) continue;
      // Another relation between the same two models: an inline one, or another join table.
      for (std::uint32_t model : pair) {
        for (ForeignKeyId other : c_.tables[model].foreign_keys) {
          const auto& o = c_.get(other);
          if (table_pair(TableId{model}, o.referenced_table) == pair) ambiguous.insert(pair);
        }
      }
      for (std::size_t u = 0; u < c_.tables.size(); ++u) {
        if (u != t && join_table_[u] && join_pair(TableId{static_cast<std::uint32_t>(u)}) == pair)
          ambiguous.insert(pair);
      }
    }
    for (std::size_t f = 0; f < c_.foreign_keys.size(); ++f) {
      ForeignKeyId id{static_cast<std::uint32_t>(f)};
      const auto& fk = c_.get(id);
      if (join_table_[fk.table.value]) continue;
      auto pair = table_pair(fk.table, fk.referenced_table);
      if (ambiguous.contains(pair)) continue;
      bool found = false;
      for (TableId t : {fk.table, fk.referenced_table}) {
        for (ForeignKeyId other : c_.get(t).foreign_keys) {
          const auto& o = c_.get(other);
          if (distinct(id, other) && table_pair(o.table, o.referenced_table) == pair) found = true;
        }
      }
      const std::string& default_field = relation_model_names_[fk.referenced_table.value];
      for (ColumnId col : fk.columns) {
        if (field_name(col) == default_field) found = true;
      }
      if (found) ambiguous.insert(pair);
    }

    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      const auto& table = c_.tables[t];
      if (join_table_[t]) {
        m2m_names_[t] = m2m_relation_name(TableId{static_cast<std::uint32_t>(t)}, ambiguous);
        continue;
      }
      for (std::size_t i = 0; i < table.foreign_keys.size(); ++i) {
        const auto& fk = c_.get(table.foreign_keys[i]);
        bool duplicated = false;
        for (std::size_t j = 0; j < i; ++j) {
          const auto& earlier = c_.get(table.foreign_keys[j]);
          if (earlier.columns == fk.columns && earlier.referenced_columns == fk.referenced_columns)
            duplicated = true;
        }
        if (duplicated) continue;
        relation_names_[table.foreign_keys[i].value] = inline_relation_name(fk, ambiguous);
      }
    }

    relation_fields_.resize(c_.tables.size());
    for (const auto& table : c_.tables) {
      for (ForeignKeyId id : table.foreign_keys) {
        if (!relation_names_.contains(id.value)) continue;
        const auto& fk = c_.get(id);
        relation_fields_[fk.table.value].push_back({id, true, false});
        relation_fields_[fk.referenced_table.value].push_back({id, false, false});
      }
    }
    // ENG introspection_map.rs position_m2m_relation_fields: after the inline ones; model A's
    // field has model B's type and the other way round.
    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      if (!join_table_[t]) continue;
      auto [fk_a, fk_b] = join_fks(TableId{static_cast<std::uint32_t>(t)});
      relation_fields_[c_.get(fk_a).referenced_table.value].push_back({fk_b, true, true});
      relation_fields_[c_.get(fk_b).referenced_table.value].push_back({fk_a, false, true});
    }
  }

  // ENG relation_names.rs prisma_m2m_relation_name.
  std::array<std::string, 3> m2m_relation_name(
      TableId t, const std::set<std::array<std::uint32_t, 2>>& ambiguous) const {
    auto ids = join_pair(t);
    bool self = ids[0] == ids[1];
    const std::string& table_name = c_.get(t).name;
    std::string found = table_name.substr(1);
    std::string relation, suffix;
    if (ambiguous.contains(ids)) {
      relation = found;
      suffix = table_name;
    } else {
      std::string default_name =
          relation_model_names_[ids[0]] + "To" + relation_model_names_[ids[1]];
      relation = (found == default_name && !self) ? "" : found;
    }
    return {relation, relation_model_names_[ids[1]] + suffix + (self ? "_A" : ""),
            relation_model_names_[ids[0]] + suffix + (self ? "_B" : "")};
  }

  std::array<std::string, 3> inline_relation_name(
      const schema::ForeignKey& fk, const std::set<std::array<std::uint32_t, 2>>& ambiguous) const {
    bool self = fk.table == fk.referenced_table;
    const std::string& referencing = relation_model_names_[fk.table.value];
    const std::string& referenced = relation_model_names_[fk.referenced_table.value];
    std::string prefix = self ? "other_" : "";
    if (!ambiguous.contains(table_pair(fk.table, fk.referenced_table))) {
      return {self ? referencing + "To" + referenced : std::string(), referenced,
              prefix + referencing};
    }
    std::vector<std::string> cols;
    for (ColumnId col : fk.columns)
      cols.push_back(field_name(col));
    std::string name = referencing + "_" + join(cols, "_") + "To" + referenced;
    return {name, referenced + "_" + name, prefix + referencing + "_" + name};
  }

  bool has_usable_identifier(TableId t) const {
    for (IndexId id : c_.get(t).indexes) {
      const auto& idx = c_.get(id);
      if (idx.kind != schema::IndexKind::PrimaryKey && !schema::is_unique(idx.kind)) continue;
      bool usable = std::all_of(idx.columns.begin(), idx.columns.end(), [&](const auto& ic) {
        const auto& col = c_.get(ic.column);
        return col.type.family != schema::TypeFamily::Unsupported &&
               col.arity == schema::Arity::Required;
      });
      if (usable) return true;
    }
    return false;
  }

  std::vector<std::string> column_names(const std::vector<schema::IndexColumn>& cols) const {
    std::vector<std::string> out;
    for (const auto& ic : cols)
      out.push_back(c_.get(ic.column).name);
    return out;
  }

  std::string namespace_attribute(schema::NamespaceId ns) const {
    return o_.namespaces ? fmt::format("  @@schema({})\n", psl_quoted(c_.get(ns).name)) : "";
  }

  std::string render_default(const schema::Column& col) const {
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
        return fmt::format("@default({})", render_value(d.value, col));
    }
    return "";
  }

  std::string render_value(const schema::Value& v, const schema::Column& col) const {
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
          items.push_back(render_value(item, col));
        return "[" + join(items, ", ") + "]";
      }
      case V::Int:
      case V::Float:
      case V::Boolean:
      case V::DateTime:
        return v.text;
    }
    return v.text;
  }

  std::string render_native(const schema::ColumnType& type) const {
    if (type.native.empty() || !o_.flavour || !o_.flavour->default_native_type) return "";
    auto scalar = scalar_of(type.family);
    if (!scalar) return "";
    if (o_.flavour->default_native_type(*scalar) == type.native) return "";
    std::string out = "@" + o_.datasource_name + "." + type.native.name;
    if (!type.native.args.empty()) {
      std::vector<std::string> args;
      for (auto a : type.native.args)
        args.push_back(std::to_string(a));
      out += "(" + join(args, ", ") + ")";
    }
    return out;
  }

  std::string type_name(const schema::Column& col) const {
    using F = schema::TypeFamily;
    switch (col.type.family) {
      case F::Int:
        return "Int";
      case F::BigInt:
        return "BigInt";
      case F::Float:
        return "Float";
      case F::Decimal:
        return "Decimal";
      case F::Boolean:
        return "Boolean";
      case F::String:
      case F::Uuid:
        return "String";
      case F::DateTime:
        return "DateTime";
      case F::Binary:
        return "Bytes";
      case F::Json:
        return "Json";
      case F::Enum:
        return enum_names_[col.type.enum_id.value];
      case F::Unsupported:
        return "Unsupported(" + psl_quoted(col.type.raw) + ")";
    }
    return "String";
  }

  std::string render_scalar_field(TableId t, ColumnId id) const {
    const auto& table = c_.get(t);
    const auto& col = c_.get(id);
    std::string line = "  " + field_name(id) + " " + type_name(col);
    if (col.arity == schema::Arity::Nullable) line += "?";
    if (col.arity == schema::Arity::List) line += "[]";
    std::vector<std::string> attrs;
    // @id: a one-column primary key.
    if (auto pk = c_.primary_key(t)) {
      const auto& idx = c_.get(*pk);
      if (idx.columns.size() == 1 && idx.columns[0].column == id) {
        std::vector<std::string> args;
        if (idx.columns[0].sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
        if (idx.name != schema::primary_key_name(table.name, limit_))
          args.push_back("map: " + psl_quoted(idx.name));
        attrs.push_back(args.empty() ? "@id" : "@id(" + join(args, ", ") + ")");
      }
    }
    // @unique: the first one-column unique index on this column.
    for (IndexId iid : table.indexes) {
      const auto& idx = c_.get(iid);
      if (!schema::is_unique(idx.kind) || idx.columns.size() != 1 || idx.columns[0].column != id)
        continue;
      std::vector<std::string> args;
      if (idx.columns[0].sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
      if (idx.name != schema::unique_index_name(table.name, {col.name}, limit_))
        args.push_back("map: " + psl_quoted(idx.name));
      if (!idx.predicate.empty()) args.push_back("where: raw(" + psl_quoted(idx.predicate) + ")");
      attrs.push_back(args.empty() ? "@unique" : "@unique(" + join(args, ", ") + ")");
      break;
    }
    if (auto d = render_default(col); !d.empty()) attrs.push_back(d);
    if (needs_sanitation(col.name)) attrs.push_back("@map(" + psl_quoted(col.name) + ")");
    if (auto n = render_native(col.type); !n.empty()) attrs.push_back(n);
    for (const auto& a : attrs)
      line += " " + a;
    return line + "\n";
  }

  std::string render_relation_field(TableId t, const RelationField& rf) const {
    const auto& fk = c_.get(rf.fk);
    if (rf.many_to_many) {
      const auto& names = m2m_names_.at(fk.table.value);
      std::string line =
          "  " + names[rf.forward ? 1 : 2] + " " + model_names_[fk.referenced_table.value] + "[]";
      if (!names[0].empty()) line += " @relation(" + psl_quoted(names[0]) + ")";
      return line + "\n";
    }
    const auto& names = relation_names_.at(rf.fk.value);
    std::string line;
    std::vector<std::string> args;
    if (!names[0].empty()) args.push_back(psl_quoted(names[0]));
    if (rf.forward) {
      bool any_optional = std::any_of(fk.columns.begin(), fk.columns.end(), [&](ColumnId c) {
        return c_.get(c).arity != schema::Arity::Required;
      });
      bool any_required = std::any_of(fk.columns.begin(), fk.columns.end(), [&](ColumnId c) {
        return c_.get(c).arity == schema::Arity::Required;
      });
      line = "  " + names[1] + " " + model_names_[fk.referenced_table.value] +
             (any_optional ? "?" : "");
      std::vector<std::string> fields, references, db_columns;
      for (ColumnId c : fk.columns) {
        fields.push_back(field_name(c));
        db_columns.push_back(c_.get(c).name);
      }
      for (ColumnId c : fk.referenced_columns)
        references.push_back(field_name(c));
      args.push_back("fields: [" + join(fields, ", ") + "]");
      args.push_back("references: [" + join(references, ", ") + "]");
      using R = schema::ReferentialAction;
      bool default_delete = (!any_required && fk.on_delete == R::SetNull) ||
                            (any_required && fk.on_delete == R::Restrict);
      if (!default_delete) args.push_back(fmt::format("onDelete: {}", action_name(fk.on_delete)));
      if (fk.on_update != R::Cascade)
        args.push_back(fmt::format("onUpdate: {}", action_name(fk.on_update)));
      if (fk.name && *fk.name != schema::foreign_key_name(c_.get(t).name, db_columns, limit_))
        args.push_back("map: " + psl_quoted(*fk.name));
    } else {
      line =
          "  " + names[2] + " " + model_names_[fk.table.value] + (back_is_unique(fk) ? "?" : "[]");
    }
    if (!args.empty()) line += " @relation(" + join(args, ", ") + ")";
    // ENG relation_field.rs `ignore`: a side whose model has no usable identifier is ignored
    // as a whole; a relation to such a model from a usable one is marked @ignore.
    bool missing = !has_usable_identifier(fk.table) || !has_usable_identifier(fk.referenced_table);
    if (missing && has_usable_identifier(t)) line += " @ignore";
    return line + "\n";
  }

  bool back_is_unique(const schema::ForeignKey& fk) const {
    for (IndexId id : c_.get(fk.table).indexes) {
      const auto& idx = c_.get(id);
      if (idx.kind != schema::IndexKind::PrimaryKey && !schema::is_unique(idx.kind)) continue;
      bool covered = std::all_of(idx.columns.begin(), idx.columns.end(), [&](const auto& ic) {
        return std::find(fk.columns.begin(), fk.columns.end(), ic.column) != fk.columns.end();
      });
      if (covered) return true;
    }
    return false;
  }

  std::string index_fields(IndexId id) const {
    const auto& idx = c_.get(id);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < idx.columns.size(); ++i) {
      const auto& ic = idx.columns[i];
      std::vector<std::string> args;
      if (ic.sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
      // A column type's default class is not printed (pg_opclass.opcdefault).
      const auto& defaults = c_.postgres.index(id).default_operator_classes;
      bool is_default = i < defaults.size() && defaults[i];
      if (auto ops = c_.postgres.operator_class(id, i); !ops.empty() && !is_default)
        args.push_back("ops: " + ops_argument(ops));
      out.push_back(field_name(ic.column) + (args.empty() ? "" : "(" + join(args, ", ") + ")"));
    }
    return "[" + join(out, ", ") + "]";
  }

  std::string render_block_attributes(TableId t) const {
    const auto& table = c_.get(t);
    std::string out;
    if (auto pk = c_.primary_key(t); pk && c_.get(*pk).columns.size() > 1) {
      const auto& idx = c_.get(*pk);
      std::string args = index_fields(*pk);
      if (idx.name != schema::primary_key_name(table.name, limit_))
        args += ", map: " + psl_quoted(idx.name);
      out += "  @@id(" + args + ")\n";
    }
    for (IndexId id : table.indexes) {
      const auto& idx = c_.get(id);
      if (idx.kind == schema::IndexKind::PrimaryKey) continue;
      bool unique = schema::is_unique(idx.kind);
      if (unique && idx.columns.size() == 1) continue;
      std::string args = index_fields(id);
      auto cols = column_names(idx.columns);
      std::string default_name = unique ? schema::unique_index_name(table.name, cols, limit_)
                                        : schema::index_name(table.name, cols, limit_);
      if (idx.name != default_name) args += ", map: " + psl_quoted(idx.name);
      if (auto algo = c_.postgres.index(id).algorithm; algo != schema::IndexAlgorithm::BTree)
        args += fmt::format(", type: {}", algorithm_name(algo));
      if (!idx.predicate.empty()) args += ", where: raw(" + psl_quoted(idx.predicate) + ")";
      const char* attr = unique                                    ? "@@unique"
                         : idx.kind == schema::IndexKind::Fulltext ? "@@fulltext"
                                                                   : "@@index";
      out += fmt::format("  {}({})\n", attr, args);
    }
    const std::string& name = model_names_[t.value];
    if (name != table.name) out += "  @@map(" + psl_quoted(table.name) + ")\n";
    if (!has_usable_identifier(t)) out += "  @@ignore\n";
    out += namespace_attribute(table.namespace_id);
    return out;
  }

  std::string render_model(TableId t) const {
    const auto& table = c_.get(t);
    std::string docs;
    if (is_reserved_name(table.name) && model_names_[t.value] == "Renamed" + table.name) {
      docs += fmt::format(
          "/// This model has been renamed to '{}' during introspection, because the original "
          "name '{}' is reserved.\n",
          model_names_[t.value], table.name);
    }
    if (!table.checks.empty()) {
      docs +=
          "/// This table contains check constraints and requires additional setup for "
          "migrations. Visit https://pris.ly/d/check-constraints for more info.\n";
    }
    if (!has_usable_identifier(t)) {
      docs +=
          "/// The underlying table does not contain a valid unique identifier and can therefore "
          "currently not be handled by Prisma Client.\n";
    }
    bool deferring =
        std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(), [&](ForeignKeyId id) {
          return c_.get(id).deferrable != schema::Deferrable::NotDeferrable;
        });
    if (deferring) {
      docs +=
          "/// This model has constraints using non-default deferring rules and requires "
          "additional setup for migrations. Visit https://pris.ly/d/constraint-deferring for "
          "more info.\n";
    }
    std::string out = docs + "model " + model_names_[t.value] + " {\n";
    for (ColumnId id : table.columns)
      out += render_scalar_field(t, id);
    if (t.value < relation_fields_.size()) {
      for (const auto& rf : relation_fields_[t.value])
        out += render_relation_field(t, rf);
    }
    std::string block = render_block_attributes(t);
    if (!block.empty()) out += "\n" + block;
    return out + "}\n";
  }

  std::string render_enum(schema::EnumId id) const {
    const auto& e = c_.get(id);
    std::string out = "enum " + enum_names_[id.value] + " {\n";
    for (const auto& v : e.values) {
      if (v.empty()) {
        out += "  EMPTY_ENUM_VALUE @map(\"\")\n";
      } else if (needs_sanitation(v)) {
        out += "  " + sanitize(v) + " @map(" + psl_quoted(v) + ")\n";
      } else {
        out += "  " + v + "\n";
      }
    }
    std::string block;
    if (enum_names_[id.value] != e.name) block += "  @@map(" + psl_quoted(e.name) + ")\n";
    block += namespace_attribute(e.namespace_id);
    if (!block.empty()) out += "\n" + block;
    return out + "}\n";
  }
};

}  // namespace

std::string render_unformatted(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).render();
}

std::size_t model_count(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).model_count();
}

std::string render_schema(const schema::Catalog& catalog, const PullOptions& options) {
  std::string text = render_unformatted(catalog, options);
  psl::Diagnostics diags;
  std::string formatted = psl::format_file(text, 0, diags);
  if (diags.has_errors()) {
    throw core::Error("GW1151",
                      "The schema written from the database does not parse; this is a defect "
                      "in godwit's db pull.",
                      "Report it with the database's schema (pg_dump --schema-only or "
                      "sqlite3 .schema).");
  }
  return formatted;
}

namespace {

// `  key = [a, b]` with the items sorted ("" when `line` holds no list).
std::string sorted_list_line(const std::string& line, std::string_view key) {
  auto open = line.find('['), close = line.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  std::vector<std::string> items;
  std::istringstream list(line.substr(open + 1, close - open - 1));
  for (std::string item; std::getline(list, item, ',');) {
    auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) items.push_back(item.substr(b, e - b + 1));
  }
  std::sort(items.begin(), items.end());
  return "  " + std::string(key) + " = [" + join(items, ", ") + "]";
}

// ENG datamodel-renderer configuration/datasource.rs: the datasource is rendered from its parsed
// form, whose `schemas` are sorted.
std::string reorder_datasource(const std::string& block) {
  std::istringstream in(block);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    auto start = line.find_first_not_of(" \t");
    if (start != std::string::npos && line.compare(start, 7, "schemas") == 0 &&
        (line.size() == start + 7 || line[start + 7] == ' ' || line[start + 7] == '=')) {
      if (auto sorted = sorted_list_line(line, "schemas"); !sorted.empty()) line = sorted;
    }
    out += line + "\n";
  }
  return out;
}

// ENG datamodel-renderer configuration/generator.rs: Prisma re-renders a generator as provider,
// output, previewFeatures (in its feature list's order: by name for the features the corpus
// uses), binaryTargets, then the other keys by name.
std::string reorder_generator(const std::string& block) {
  std::istringstream in(block);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  if (lines.size() < 2) return block;
  std::map<std::string, std::string> rest;
  std::string provider, output, features, targets;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    const std::string& line = lines[i];
    auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line.compare(start, 2, "//") == 0) continue;
    auto end = line.find_first_of(" \t=", start);
    std::string key =
        line.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (key == "provider") {
      provider = line;
    } else if (key == "output") {
      output = line;
    } else if (key == "binaryTargets") {
      targets = line;
    } else if (key == "previewFeatures") {
      features = sorted_list_line(line, "previewFeatures");
      if (features.empty()) features = line;
    } else {
      rest[key] = line;
    }
  }
  std::string out = lines.front() + "\n";
  for (const std::string* l : {&provider, &output, &features, &targets}) {
    if (!l->empty()) out += *l + "\n";
  }
  for (const auto& [key, line] : rest)
    out += line + "\n";
  return out + lines.back() + "\n";
}

}  // namespace

std::string config_blocks(const std::string& schema_text) {
  std::vector<std::string> generators, datasources;
  std::istringstream in(schema_text);
  std::string line;
  std::string* current = nullptr;
  std::string block;
  bool is_generator = false;
  auto starts_block = [](const std::string& l, std::string_view keyword) {
    return l.starts_with(keyword) && l.size() > keyword.size() &&
           (l[keyword.size()] == ' ' || l[keyword.size()] == '\t');
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (current == nullptr) {
      if (starts_block(line, "generator") || starts_block(line, "datasource")) {
        is_generator = starts_block(line, "generator");
        block = line + "\n";
        current = &block;
        if (line.find('}') != std::string::npos) {
          (is_generator ? generators : datasources).push_back(block);
          current = nullptr;
        }
      }
      continue;
    }
    std::string trimmed = line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
    if (trimmed.starts_with("url") || trimmed.starts_with("directUrl") ||
        trimmed.starts_with("shadowDatabaseUrl")) {
      auto rest = trimmed.substr(trimmed.find_first_of(" \t=") == std::string::npos
                                     ? trimmed.size()
                                     : trimmed.find_first_of(" \t="));
      if (rest.find_first_not_of(" \t") != std::string::npos &&
          rest[rest.find_first_not_of(" \t")] == '=')
        continue;
    }
    block += line + "\n";
    if (trimmed.starts_with("}")) {
      (is_generator ? generators : datasources).push_back(block);
      current = nullptr;
    }
  }
  std::string out;
  for (const auto& g : generators)
    out += (out.empty() ? "" : "\n") + reorder_generator(g);
  for (const auto& d : datasources)
    out += (out.empty() ? "" : "\n") + reorder_datasource(d);
  return out;
}

}  // namespace godwit::pull
