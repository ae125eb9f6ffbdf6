// A partial index's `where:` argument (Prisma 7.10's partialIndexes preview feature): the
// forms and the messages of Prisma 7.10.1's parser database, each checked against the oracle
// (tests/golden/psl partial-index cases).
#include <fmt/format.h>

#include "psl/validate/validate_attribute_helpers.hpp"

namespace godwit::psl::detail {
namespace {

constexpr std::string_view kEitherForm =
    "The `where` argument must be either a raw() function call or an object literal, e.g. "
    "`where: raw(\"status = 'active'\")` or `where: { active: true }`.";
constexpr std::string_view kRawForm =
    "The `where` argument must be a raw() function with a string argument, e.g. "
    "`where: raw(\"status = 'active'\")`.";
constexpr std::string_view kInvalidValue =
    "in where clause. Expected true, false, null, a string, a number, or an object like "
    "{ not: null }.";

// A condition's value: a string, a number, true, false or null; nullopt (reported) otherwise.
std::optional<Literal> where_value(Context& ctx, AttributeSet& attrs, const ast::Expression& e) {
  Literal l;
  l.span = e.span;
  l.text = e.value;
  switch (e.kind) {
    case ast::Expression::Kind::String:
      l.kind = Literal::Kind::String;
      return l;
    case ast::Expression::Kind::Number:
      l.kind = Literal::Kind::Number;
      return l;
    case ast::Expression::Kind::Constant:
      if (e.value == "true" || e.value == "false") {
        l.kind = Literal::Kind::Boolean;
        return l;
      }
      if (e.value == "null") {
        l.kind = Literal::Kind::Constant;
        return l;
      }
      attrs.attribute_error(fmt::format("Invalid value '{}' {}", ctx.display(e), kInvalidValue));
      return std::nullopt;
    default:
      attrs.attribute_error(fmt::format("Invalid value {}", kInvalidValue));
      return std::nullopt;
  }
}

const char* value_kind_in_message(const Literal& v) {
  switch (v.kind) {
    case Literal::Kind::String:
      return "a String";
    case Literal::Kind::Number:
      return "a Number";
    default:
      return "Boolean";
  }
}

// Prisma's type check of a condition: null fits every field; otherwise strings fit String,
// DateTime and enums, numbers the numeric types, booleans Boolean.
bool value_fits(Context& ctx, AttributeSet& attrs, const Field& f, const Literal& v) {
  if (v.kind == Literal::Kind::Constant) return true;  // null
  if (f.type.kind == FieldType::Kind::Unsupported) {
    attrs.attribute_error(
        fmt::format("Field '{}' is an unsupported type and cannot be used in the "
                    "object syntax of a where clause. Use raw() instead.",
                    f.name));
    return false;
  }
  if (f.type.kind == FieldType::Kind::Enum) {
    if (v.kind == Literal::Kind::String) return true;
    attrs.attribute_error(fmt::format(
        "Type mismatch: field '{}' is an Enum and only accepts String values in the where clause.",
        f.name));
    return false;
  }
  if (f.type.kind != FieldType::Kind::Scalar) return true;
  bool fits = false;
  switch (f.type.scalar) {
    case ScalarType::String:
    case ScalarType::DateTime:
      fits = v.kind == Literal::Kind::String;
      break;
    case ScalarType::Int:
    case ScalarType::BigInt:
    case ScalarType::Float:
    case ScalarType::Decimal:
      fits = v.kind == Literal::Kind::Number;
      break;
    case ScalarType::Boolean:
      fits = v.kind == Literal::Kind::Boolean;
      break;
    case ScalarType::Json:
    case ScalarType::Bytes:
      fits = false;
      break;
  }
  if (!fits) {
    attrs.attribute_error(
        fmt::format("Type mismatch: field '{}' is of type {}, but the value is {}.", f.name,
                    to_string(f.type.scalar), value_kind_in_message(v)));
  }
  return fits;
}

std::optional<IndexWhere> where_object(Context& ctx, AttributeSet& attrs, ModelId model,
                                       const ast::Expression& e) {
  if (e.args.empty()) {
    attrs.attribute_error("The `where` argument cannot be an empty object.");
    return std::nullopt;
  }
  const Model& m = ctx.model(model);
  IndexWhere where;
  for (const auto& entry : e.args) {
    const std::string_view name = entry.name ? entry.name->name : std::string_view();
    auto fid = m.find_field(name);
    if (!fid) {
      attrs.attribute_error(fmt::format("Field '{}' does not exist in model '{}'.", name, m.name));
      return std::nullopt;
    }
    const Field& f = m.fields[fid->value];
    if (f.is_relation()) {
      attrs.attribute_error(fmt::format(
          "Field '{}' is a relation field. Only scalar fields can be used in the where clause.",
          name));
      return std::nullopt;
    }
    IndexWhere::Condition c;
    c.field = *fid;
    const ast::Expression* value = &entry.value;
    if (value->kind == ast::Expression::Kind::Object) {
      if (value->args.size() != 1) {
        attrs.attribute_error(
            "Nested object in where clause must have exactly one key. Use `{ not: null }` or "
            "`{ not: \"value\" }`.");
        return std::nullopt;
      }
      const auto& inner = value->args.front();
      const std::string_view key = inner.name ? inner.name->name : std::string_view();
      if (key != "not") {
        attrs.attribute_error(fmt::format(
            "Unknown key '{}' in nested where clause object. Only 'not' is supported.", key));
        return std::nullopt;
      }
      c.negated = true;
      value = &inner.value;
    }
    auto literal = where_value(ctx, attrs, *value);
    if (!literal || !value_fits(ctx, attrs, f, *literal)) return std::nullopt;
    c.value = std::move(*literal);
    where.conditions.push_back(std::move(c));
  }
  return where;
}

std::optional<IndexWhere> where_raw(Context& ctx, AttributeSet& attrs, const ast::Expression& e) {
  // Prisma reads the first argument and ignores any further ones.
  const ast::Expression* arg = e.args.empty() ? nullptr : &e.args.front().value;
  const std::string* sql = arg ? coerce_string(ctx, *arg) : nullptr;
  if (sql == nullptr) {
    attrs.attribute_error(std::string(kRawForm));
    return std::nullopt;
  }
  if (sql->empty()) {
    attrs.attribute_error("The `where` argument cannot contain an empty string.");
    return std::nullopt;
  }
  IndexWhere where;
  where.raw = *sql;
  return where;
}

}  // namespace

std::optional<IndexWhere> where_arg(Context& ctx, AttributeSet& attrs, ModelId model) {
  const auto* e = attrs.optional_arg("where");
  if (!e) return std::nullopt;
  std::optional<IndexWhere> where;
  if (e->kind == ast::Expression::Kind::Object) {
    where = where_object(ctx, attrs, model, *e);
  } else if (e->kind == ast::Expression::Kind::Function && e->value == "raw") {
    where = where_raw(ctx, attrs, *e);
  } else {
    if (e->kind != ast::Expression::Kind::Function) {
      ctx.diags.error(fmt::format("Expected a function value, but received {} value `{}`.",
                                  describe_value_type(*e), ctx.display(*e)),
                      e->span);
    }
    attrs.attribute_error(std::string(kEitherForm));
  }
  if (where) where->span = attrs.arg_span("where").value_or(e->span);
  return where;
}

}  // namespace godwit::psl::detail
