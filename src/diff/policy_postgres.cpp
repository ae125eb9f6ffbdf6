// PostgreSQL's differ hooks: which type changes cast safely, riskily or not at all, as Prisma
// judges them (ENG sql_schema_differ_flavour/postgres.rs `postgres_column_type_change` and
// `postgres_native_type_change_riskyness`; the table below is that function's, case by case).
#include <cstdint>
#include <optional>
#include <string_view>

#include "diff/policy.hpp"

namespace godwit::diff {

namespace {

using schema::Arity;
using schema::Catalog;
using schema::Column;
using schema::NativeType;
using schema::TypeFamily;

// One optional length / precision argument (`VarChar(n)`, `Timestamp(p)`).
std::optional<std::int64_t> pg_arg(const NativeType& t, std::size_t i = 0) {
  if (t.args.size() <= i) return std::nullopt;
  return std::int64_t(t.args[i]);
}

// The cast from `prev` to `next` (two different native types).
TypeChange pg_native_cast(const NativeType& prev, const NativeType& next) {
  using enum TypeChange;
  const std::string_view p = prev.name;
  const std::string_view n = next.name;
  const bool next_char = n == "Char";
  const bool next_varchar = n == "VarChar";
  const bool next_text = n == "Text";
  const auto next_len = pg_arg(next);
  // `VarChar(param) | Char(param)` with Prisma's three-way length rule.
  auto to_string_type = [&](std::int64_t min_len) {
    if (next_len) return *next_len < min_len ? RiskyCast : SafeCast;
    return next_char ? RiskyCast : SafeCast;
  };
  auto decimal_digits_risky = [&](std::int64_t digits) {
    if (next.args.size() == 2 && std::int64_t(next.args[0]) - std::int64_t(next.args[1]) < digits)
      return RiskyCast;
    return SafeCast;
  };
  if (p == "Inet") return (n == "Citext" || next_text || next_varchar) ? SafeCast : NotCastable;
  if (p == "Money") return (n == "Citext" || next_text || next_varchar) ? SafeCast : RiskyCast;
  if (p == "Citext") return (next_text || next_varchar) ? SafeCast : RiskyCast;
  if (p == "Oid") {
    return (next_text || next_varchar || n == "BigInt" || n == "Integer") ? SafeCast : NotCastable;
  }
  if (p == "SmallInt" || p == "Integer" || p == "BigInt") {
    const std::int64_t digits = p == "SmallInt" ? 3 : p == "Integer" ? 10 : 19;
    const std::int64_t chars = p == "SmallInt" ? 4 : p == "Integer" ? 11 : 20;
    if (n == "SmallInt") return RiskyCast;  // (SmallInt -> SmallInt is no change)
    if (n == "Integer") return p == "BigInt" ? RiskyCast : SafeCast;
    if (n == "BigInt") return SafeCast;
    if (n == "Decimal") return decimal_digits_risky(digits);
    if (n == "Real" || n == "DoublePrecision" || next_text) return SafeCast;
    if (next_varchar || next_char) return to_string_type(chars);
    return NotCastable;
  }
  if (p == "Decimal") {
    const bool has = prev.args.size() == 2;
    const std::int64_t pp = has ? prev.args[0] : 0, ps = has ? prev.args[1] : 0;
    auto to_int = [&](std::int64_t max_p) {
      if (!has || ps > 0 || pp > max_p) return RiskyCast;
      return SafeCast;
    };
    if (n == "SmallInt") return to_int(2);
    if (n == "Integer") return to_int(9);
    if (n == "BigInt") return to_int(18);
    if (n == "Decimal") {
      const bool nhas = next.args.size() == 2;
      if (has && !nhas) return SafeCast;
      if (!has && nhas) {
        return (next.args[0] < 131072 || next.args[1] < 16383) ? RiskyCast : SafeCast;
      }
      if (has && nhas) {
        const std::int64_t np = next.args[0], ns = next.args[1];
        if (pp - ps > np - ns || ps > ns) return RiskyCast;
      }
      return SafeCast;
    }
    if (n == "Real" || n == "DoublePrecision") return RiskyCast;
    if (next_varchar || next_char) {
      if (next_len && has && ps == 0 && pp + 1 > *next_len) return RiskyCast;
      if (next_len && has && ps > 0 && pp + 2 > *next_len) return RiskyCast;
      if (next_len && !has && *next_len < 131073) return RiskyCast;
      if (!next_len && next_char) return RiskyCast;
      return SafeCast;
    }
    if (next_text) return SafeCast;
    return NotCastable;
  }
  if (p == "Real" || p == "DoublePrecision") {
    if (n == "SmallInt" || n == "Integer" || n == "BigInt" || n == "Decimal") return RiskyCast;
    if (n == "Real") return p == "Real" ? SafeCast : RiskyCast;
    if (n == "DoublePrecision" || next_text) return SafeCast;
    if (next_varchar || next_char) return to_string_type(p == "Real" ? 47 : 317);
    return NotCastable;
  }
  if (p == "VarChar" || p == "Char") {
    if (next_text) return SafeCast;
    if (!next_varchar && !next_char) return NotCastable;
    const auto old_len = pg_arg(prev);
    if (!old_len) {
      if (p == "Char") return SafeCast;
      if (!next_len) return next_char ? RiskyCast : SafeCast;
      return RiskyCast;
    }
    if (!next_len) {
      if (*old_len == 1) return SafeCast;
      return next_char ? RiskyCast : SafeCast;
    }
    return *old_len > *next_len ? RiskyCast : SafeCast;
  }
  if (p == "Text") {
    if (next_text || n == "Citext" || (next_varchar && !next_len)) return SafeCast;
    if (next_varchar || next_char) return RiskyCast;
    return NotCastable;
  }
  if (p == "ByteA") {
    if (next_text || (next_varchar && !next_len)) return SafeCast;
    if ((next_varchar || next_char) && next_len && *next_len > 2) return RiskyCast;
    return NotCastable;
  }
  // Date/time types: a precision change alone (or to the default precision) is no change.
  auto to_text_or_len = [&](std::int64_t min_len) -> std::optional<TypeChange> {
    if (next_text || (next_varchar && !next_len)) return SafeCast;
    if ((next_char || next_varchar) && next_len && *next_len > min_len) return SafeCast;
    return std::nullopt;
  };
  auto same_kind_precision = [&](std::string_view kind) -> std::optional<TypeChange> {
    if (n != kind) return std::nullopt;
    const auto a = pg_arg(prev), b = pg_arg(next);
    if (!b || !a || *a == *b) return None;
    return std::nullopt;
  };
  if (p == "Timestamp" || p == "Timestamptz") {
    if (auto c = to_text_or_len(p == "Timestamp" ? 22 : 27)) return *c;
    if (auto c = same_kind_precision(p)) return *c;
    if (n == "Timestamp" || n == "Timestamptz" || n == "Date" || n == "Time" || n == "Timetz")
      return SafeCast;
    return NotCastable;
  }
  if (p == "Date") {
    if (auto c = to_text_or_len(27)) return *c;
    if (n == "Timestamp" || n == "Timestamptz") return SafeCast;
    return NotCastable;
  }
  if (p == "Time" || p == "Timetz") {
    if (auto c = to_text_or_len(p == "Time" ? 13 : 18)) return *c;
    if (auto c = same_kind_precision(p)) return *c;
    if (n == "Timetz" || (p == "Timetz" && n == "Time")) return SafeCast;
    return NotCastable;
  }
  if (p == "Boolean") {
    if (next_text || next_varchar) return SafeCast;
    if (next_char && next_len && *next_len > 4) return SafeCast;
    if (next_char && next_len && *next_len > 3) return RiskyCast;
    return NotCastable;
  }
  if (p == "Bit") {
    const auto len = pg_arg(prev);
    if (!len) {
      return (next_text || next_varchar || next_char || n == "VarBit") ? SafeCast : NotCastable;
    }
    if (next_text || ((next_varchar || n == "VarBit") && !next_len)) return SafeCast;
    if ((next_varchar || n == "VarBit" || next_char) && next_len && *next_len >= *len)
      return SafeCast;
    return NotCastable;
  }
  if (p == "VarBit") {
    const auto len = pg_arg(prev);
    if (!len) {
      if (next_text || (next_varchar && !next_len)) return SafeCast;
      if (next_varchar || next_char || n == "Bit") return RiskyCast;
      return NotCastable;
    }
    if (next_text || ((next_varchar || n == "VarBit") && !next_len)) return SafeCast;
    if (n == "VarBit" && next_len && *next_len > *len) return SafeCast;
    if ((next_varchar || next_char) && next_len && *next_len >= *len) return SafeCast;
    if (n == "Bit" && (!next_len || *next_len <= *len)) return RiskyCast;
    if (next_char || next_varchar) return RiskyCast;
    return NotCastable;
  }
  if (p == "Uuid") {
    if (next_text || (next_varchar && !next_len)) return SafeCast;
    if ((next_varchar || next_char) && next_len && *next_len > 31) return SafeCast;
    return NotCastable;
  }
  if (p == "Xml" || p == "Json" || p == "JsonB") {
    if (next_text || (next_varchar && !next_len)) return SafeCast;
    if ((p == "Json" && n == "JsonB") || (p == "JsonB" && n == "Json")) return SafeCast;
    if (next_varchar || next_char) return RiskyCast;
    return NotCastable;
  }
  return NotCastable;
}

// The enum a column holds, as (namespace name, enum name); nullopt for other types.
std::optional<std::pair<std::string_view, std::string_view>> pg_enum_of(const Catalog& c,
                                                                        const Column& col) {
  if (col.type.family != TypeFamily::Enum) return std::nullopt;
  const schema::Enum& e = c.get(col.type.enum_id);
  return std::pair<std::string_view, std::string_view>{c.get(e.namespace_id).name, e.name};
}

TypeChange pg_column_type_change(const ColumnPair& cols) {
  using enum TypeChange;
  auto ea = pg_enum_of(cols.from, cols.a);
  auto eb = pg_enum_of(cols.to, cols.b);
  if (ea && eb) return *ea == *eb ? None : NotCastable;
  if (ea || eb) return NotCastable;

  const bool list_to_scalar = cols.a.arity == Arity::List && cols.b.arity != Arity::List;
  const bool scalar_to_list = cols.a.arity != Arity::List && cols.b.arity == Arity::List;
  const NativeType& prev = cols.a.type.native;
  const NativeType& next = cols.b.type.native;
  if (list_to_scalar) {
    if (next.name == "Text") return SafeCast;
    if (next.name == "VarChar") return next.args.empty() ? SafeCast : RiskyCast;
    if (next.name == "Char") return RiskyCast;
  }
  if (scalar_to_list || list_to_scalar) return NotCastable;
  // Unsupported types have no native type; two of them are never a change (as in Prisma).
  if (prev.empty() && next.empty()) return None;
  if (prev.empty() || next.empty()) return RiskyCast;
  if (prev == next) return None;
  return pg_native_cast(prev, next);
}

// The operator class of an index column as the differ compares it: a class the database
// reports as its type's default is the same as none (schema::PostgresIndex).
std::string_view compared_operator_class(const Catalog& c, schema::IndexId id, std::size_t i) {
  const auto& defaults = c.postgres.index(id).default_operator_classes;
  if (i < defaults.size() && defaults[i]) return {};
  return c.postgres.operator_class(id, i);
}

bool pg_indexes_match(const Catalog& from, schema::IndexId a, const Catalog& to,
                      schema::IndexId b) {
  const auto& pa = from.postgres.index(a);
  const auto& pb = to.postgres.index(b);
  if (pa.algorithm != pb.algorithm) return false;
  const std::size_t n = from.get(a).columns.size();
  for (std::size_t i = 0; i < n; ++i) {
    // The same class by name (a Prisma schema spells out `array_ops` for a GIN index on a
    // list, as its script does), or both the type's default.
    if (from.postgres.operator_class(a, i) == to.postgres.operator_class(b, i)) continue;
    if (compared_operator_class(from, a, i) != compared_operator_class(to, b, i)) return false;
  }
  return true;
}

bool pg_index_kept(const Catalog& from, schema::IndexId id) {
  return from.postgres.index(id).partial;
}

}  // namespace

const DiffPolicy& postgres_policy() {
  static const DiffPolicy policy{
      .namespaces = true,
      .foreign_keys_in_create_table = false,
      .drop_foreign_keys_of_dropped_tables = true,
      .drop_indexes_of_dropped_tables = false,
      .rename_indexes = true,
      .named_foreign_keys = true,
      .recreate_indexes_of_recreated_columns = true,
      .autoincrement_changes = true,
      .redefine_tables = false,
      .column_type_change = &pg_column_type_change,
      .indexes_match = &pg_indexes_match,
      .index_kept = &pg_index_kept,
  };
  return policy;
}

}  // namespace godwit::diff
