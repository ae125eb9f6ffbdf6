#include "diff/column_diff.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace godwit::diff {

namespace {

using schema::DefaultKind;
using schema::DefaultValue;
using schema::Value;

// The default as the database sees it: Prisma-level defaults are no default at all.
const DefaultValue* database_default(const schema::Column& c) {
  if (!c.default_value || c.default_value->kind == DefaultKind::PrismaLevel) return nullptr;
  return &*c.default_value;
}

// A decimal number without trailing fractional zeros ("1.50" -> "1.5", "2.0" -> "2"), so
// that numbers compare by value as Prisma's BigDecimal does.
std::string numeric_value(std::string_view text) {
  std::string s(text);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0')
      s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

bool is_number(const Value& v) {
  return v.kind == Value::Kind::Int || v.kind == Value::Kind::Float;
}

// Prisma compares JSON defaults parsed; text that does not parse matches anything.
bool json_match(const std::string& a, const std::string& b) {
  auto ja = nlohmann::json::parse(a, nullptr, false);
  auto jb = nlohmann::json::parse(b, nullptr, false);
  if (ja.is_discarded() || jb.is_discarded()) return true;
  return ja == jb;
}

bool values_match(const Value& a, const Value& b);

bool list_items_match(const Value& a, const Value& b) {
  if (a.items.size() != b.items.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const Value& x = a.items[i];
    const Value& y = b.items[i];
    if (x.kind == Value::Kind::DateTime || y.kind == Value::Kind::DateTime) continue;
    if (!values_match(x, y)) return false;
  }
  return true;
}

bool values_match(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (a.kind == K::List && b.kind == K::List) return list_items_match(a, b);
  if ((a.kind == K::Json || a.kind == K::String) && (b.kind == K::Json || b.kind == K::String) &&
      (a.kind == K::Json || b.kind == K::Json))
    return json_match(a.text, b.text);
  if ((a.kind == K::Enum || a.kind == K::String) && (b.kind == K::Enum || b.kind == K::String))
    return a.text == b.text;
  if (is_number(a) && is_number(b) && a.kind == b.kind)
    return numeric_value(a.text) == numeric_value(b.text);
  return a.kind == b.kind && a.text == b.text && a.items == b.items;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

bool defaults_match(const ColumnPair& columns, bool serial_defaults) {
  const DefaultValue* prev = database_default(columns.a);
  const DefaultValue* next = database_default(columns.b);
  // PostgreSQL: Prisma's autoincrement column has the default `nextval` of a (nameless)
  // sequence, which matches no default, another sequence and `dbgenerated()`, but not a
  // value, `now()` or an expression; a sequence on the new side matches anything.
  if (serial_defaults && is_autoincrement(columns.b)) return true;
  if (serial_defaults && is_autoincrement(columns.a)) {
    return !next || (next->kind == DefaultKind::DbGenerated && next->expression.empty()) ||
           (next->kind == DefaultKind::Value && next->value.kind == Value::Kind::DateTime);
  }
  if (!prev && !next) return true;
  // `dbgenerated()` without an expression asks for no change.
  if (next && next->kind == DefaultKind::DbGenerated && next->expression.empty()) return true;
  if (!prev || !next) return false;
  const bool prev_value = prev->kind == DefaultKind::Value;
  const bool next_value = next->kind == DefaultKind::Value;
  // Date-time constants cannot be compared (ENG: "can't diff these in at present").
  if ((prev_value && prev->value.kind == Value::Kind::DateTime) ||
      (next_value && next->value.kind == Value::Kind::DateTime))
    return true;
  if (prev_value && next_value) return values_match(prev->value, next->value);
  if (prev->kind == DefaultKind::Now && next->kind == DefaultKind::Now) return true;
  if (prev->kind == DefaultKind::DbGenerated && next->kind == DefaultKind::DbGenerated)
    return iequals(prev->expression, next->expression);
  return false;
}

ColumnDiff diff_columns(const ColumnPair& columns, const DiffPolicy& policy) {
  ColumnDiff out;
  // A policy without a type hook (hand-made, in tests) sees any type difference as risky.
  out.type_change = policy.column_type_change          ? policy.column_type_change(columns)
                    : columns.a.type == columns.b.type ? TypeChange::None
                                                       : TypeChange::RiskyCast;
  if (columns.a.arity != columns.b.arity) out.changes = out.changes | ColumnChanges::Arity;
  if (out.type_change != TypeChange::None) out.changes = out.changes | ColumnChanges::Type;
  if (!defaults_match(columns, policy.autoincrement_changes))
    out.changes = out.changes | ColumnChanges::Default;
  if (policy.autoincrement_changes && is_autoincrement(columns.a) != is_autoincrement(columns.b))
    out.changes = out.changes | ColumnChanges::Identity;
  return out;
}

}  // namespace godwit::diff
