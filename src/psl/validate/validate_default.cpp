// @default (ENG parser-database attributes/default.rs; psl-core validations/default_value.rs).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

#include "psl/validate/literal_checks.hpp"
#include "psl/validate/validate_context.hpp"

namespace godwit::psl::detail {
namespace {

constexpr std::array<std::string_view, 8> kKnownFunctions = {
    "autoincrement", "cuid", "dbgenerated", "nanoid", "now", "uuid", "auto", "ulid"};

bool is_known_function(std::string_view name) {
  return std::find(kKnownFunctions.begin(), kKnownFunctions.end(), name) != kKnownFunctions.end();
}

Literal to_literal(const ast::Expression& e) {
  Literal l;
  l.span = e.span;
  switch (e.kind) {
    case ast::Expression::Kind::String:
      l.kind = Literal::Kind::String;
      l.text = e.value;
      break;
    case ast::Expression::Kind::Number:
      l.kind = Literal::Kind::Number;
      l.text = e.value;
      break;
    case ast::Expression::Kind::Constant:
      l.kind = (e.value == "true" || e.value == "false") ? Literal::Kind::Boolean
                                                         : Literal::Kind::Constant;
      l.text = e.value;
      break;
    case ast::Expression::Kind::Array:
      l.kind = Literal::Kind::List;
      for (const auto& i : e.items)
        l.items.push_back(to_literal(i));
      break;
    case ast::Expression::Kind::Function:
      l.kind = Literal::Kind::Constant;
      l.text = e.value;
      break;
    case ast::Expression::Kind::Object:  // only valid as a partial index's `where:`
      l.kind = Literal::Kind::Constant;
      break;
  }
  return l;
}

std::optional<DefaultFunction> function_kind(std::string_view name) {
  if (name == "autoincrement") return DefaultFunction::Autoincrement;
  if (name == "now") return DefaultFunction::Now;
  if (name == "uuid") return DefaultFunction::Uuid;
  if (name == "cuid") return DefaultFunction::Cuid;
  if (name == "nanoid") return DefaultFunction::Nanoid;
  if (name == "ulid") return DefaultFunction::Ulid;
  if (name == "dbgenerated") return DefaultFunction::DbGenerated;
  if (name == "sequence") return DefaultFunction::Sequence;
  if (name == "auto") return DefaultFunction::Auto;
  return std::nullopt;
}

std::optional<long long> small_int(const std::string& s) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

class DefaultVisitor {
 public:
  DefaultVisitor(Context& ctx, AttributeSet& attrs) : ctx_(ctx), attrs_(attrs) {}

  bool empty_args(std::string_view fn, const ast::Expression& e) {
    if (e.args.empty()) return true;
    attrs_.attribute_error(
        fmt::format("The `{0}` function does not take any argument. Consider "
                    "changing this default to `{0}()`.",
                    fn));
    return false;
  }

  bool versioned(const ast::Expression& e, std::string_view fn, std::initializer_list<int> ok,
                 std::string_view allowed_text, int& version) {
    auto bail = [&] {
      attrs_.attribute_error(fmt::format("`{}()` takes a single Int argument.", fn));
    };
    if (e.args.size() > 1) bail();
    if (e.args.empty()) return e.args.size() <= 1;
    const auto& v = e.args[0].value;
    if (v.kind != ast::Expression::Kind::Number) {
      bail();
      return false;
    }
    auto n = small_int(v.value);
    if (!n || std::find(ok.begin(), ok.end(), static_cast<int>(*n)) == ok.end()) {
      attrs_.attribute_error(
          fmt::format("`{}()` takes either no argument, or a single integer "
                      "argument which is {}.",
                      fn, allowed_text));
      return false;
    }
    version = static_cast<int>(*n);
    return e.args.size() == 1;
  }

  bool nanoid(const ast::Expression& e, std::optional<std::uint32_t>& length) {
    auto bail = [&] { attrs_.attribute_error("`nanoid()` takes a single Int argument."); };
    if (e.args.size() > 1) bail();
    if (e.args.empty()) return true;
    const auto& v = e.args[0].value;
    if (v.kind != ast::Expression::Kind::Number) {
      bail();
      return false;
    }
    auto n = small_int(v.value);
    if (!n || *n < 2 || *n > 255) {
      attrs_.attribute_error(
          "`nanoid()` takes either no argument, or a single integer argument "
          "between 2 and 255.");
      return false;
    }
    length = static_cast<std::uint32_t>(*n);
    return e.args.size() == 1;
  }

  bool dbgenerated(const ast::Expression& e, std::optional<std::string>& sql) {
    auto bail = [&] { attrs_.attribute_error("`dbgenerated()` takes a single String argument"); };
    if (e.args.size() > 1) bail();
    if (e.args.empty()) return true;
    const auto& v = e.args[0].value;
    if (v.kind != ast::Expression::Kind::String) {
      bail();
      return false;
    }
    if (v.value.empty()) {
      attrs_.attribute_error(
          "dbgenerated() takes either no argument, or a single nonempty "
          "string argument.");
      return false;
    }
    sql = v.value;
    return e.args.size() == 1;
  }

  /// A literal for a scalar type; reports Prisma's message when it does not fit.
  bool scalar_literal(ScalarType t, const ast::Expression& v) {
    using K = ast::Expression::Kind;
    switch (t) {
      case ScalarType::String:
      case ScalarType::Json:
      case ScalarType::Bytes:
      case ScalarType::DateTime:
        if (v.kind == K::String) return true;
        break;
      case ScalarType::Int:
      case ScalarType::BigInt:
      case ScalarType::Float:
        if (v.kind == K::Number) return true;
        break;
      case ScalarType::Decimal:
        if (v.kind == K::Number || v.kind == K::String) return true;
        break;
      case ScalarType::Boolean:
        if (v.kind == K::Constant) {
          if (v.value == "true" || v.value == "false") return true;
          ctx_.diags.error(
              "Error parsing attribute \"@default\": A boolean literal must be `true` "
              "or `false`.",
              v.span);
          return false;
        }
        break;
    }
    attrs_.attribute_error(
        fmt::format("Expected a {} value, but found `{}`.", to_string(t), ctx_.display(v)));
    return false;
  }

  bool enum_value(const Enum& e, const ast::Expression& v) {
    if (v.kind != ast::Expression::Kind::Constant) {
      attrs_.attribute_error(
          fmt::format("Expected an enum value, but found `{}`.", ctx_.display(v)));
      return false;
    }
    for (const auto& ev : e.values)
      if (ev.name == v.value) return true;
    attrs_.attribute_error(
        fmt::format("The defined default value `{}` is not a valid value of the "
                    "enum specified for the field.",
                    v.value));
    return false;
  }

 private:
  Context& ctx_;
  AttributeSet& attrs_;
};

}  // namespace

void visit_default(Context& ctx, AttributeSet& attrs, ModelId model, FieldId fid) {
  const auto* value = attrs.default_arg("value");
  if (!value) return;
  Field& field = ctx.schema.models[model.value].fields[fid.value];
  FieldCtx& fc = ctx.models[model.value].fields[fid.value];
  DefaultValue dv;
  dv.span = attrs.current()->span;
  std::optional<std::string> map;
  if (const auto* m = attrs.optional_arg("map")) {
    if (const auto* s = coerce_string(ctx, *m)) {
      if (s->empty()) {
        attrs.attribute_error("The `map` argument cannot be an empty string.");
      } else {
        map = *s;
      }
    }
  }
  dv.map = map;
  bool accept = false;
  DefaultVisitor v(ctx, attrs);
  using K = ast::Expression::Kind;
  const bool is_fn = value->kind == K::Function;
  const std::string fn = is_fn ? value->value : "";

  if (is_fn) {
    dv.kind = DefaultValue::Kind::Function;
    for (const auto& a : value->args)
      dv.args.emplace_back(a.name ? a.name->name : "", to_literal(a.value));
    if (auto k = function_kind(fn)) dv.function = *k;
  } else {
    dv.kind = DefaultValue::Kind::Value;
    dv.value = to_literal(*value);
  }

  if (is_fn && fn == "dbgenerated") {
    accept = v.dbgenerated(*value, dv.sql);
  } else if (field.type.kind == FieldType::Kind::Composite) {
    ctx.diags.error(
        fmt::format("Error validating field `{}` in composite type `{}`: Defaults on "
                    "fields of type composite are not supported. Please remove the "
                    "`@default` attribute.",
                    field.name, ctx.schema.composite_types[field.type.composite_id.value].name),
        attrs.current()->span);
  } else if (field.type.kind == FieldType::Kind::Enum) {
    const Enum& e = ctx.schema.enums[field.type.enum_id.value];
    if (field.arity == Arity::List) {
      if (value->kind != K::Array) {
        attrs.attribute_error(
            fmt::format("Expected an enum value, but found `{}`.", ctx.display(*value)));
      } else {
        accept = std::all_of(value->items.begin(), value->items.end(),
                             [&](const ast::Expression& i) { return v.enum_value(e, i); });
      }
    } else {
      accept = v.enum_value(e, *value);
    }
  } else if (field.type.kind == FieldType::Kind::Unsupported) {
    attrs.attribute_error("Only @default(dbgenerated(\"...\")) can be used for Unsupported types.");
  } else if (field.type.kind == FieldType::Kind::Scalar) {
    ScalarType t = field.type.scalar;
    bool string_fn = t == ScalarType::String;
    if (is_fn && fn == "autoincrement" && map) {
      attrs.attribute_error("Naming an autoincrement default value is not allowed.");
    } else if (is_fn && fn == "autoincrement" &&
               (t == ScalarType::Int || t == ScalarType::BigInt)) {
      accept = v.empty_args(fn, *value);
    } else if (is_fn && fn == "cuid" && string_fn) {
      dv.version = 1;
      accept = v.versioned(*value, "cuid", {1, 2}, "either 1 or 2", dv.version);
    } else if (is_fn && fn == "uuid" && string_fn) {
      dv.version = 4;
      accept = v.versioned(*value, "uuid", {4, 7}, "either 4 or 7", dv.version);
    } else if (is_fn && fn == "nanoid" && string_fn) {
      accept = v.nanoid(*value, dv.length);
    } else if (is_fn && fn == "ulid" && string_fn) {
      accept = v.empty_args(fn, *value);
    } else if (is_fn && fn == "now" && t == ScalarType::DateTime) {
      accept = v.empty_args(fn, *value);
    } else if (is_fn && fn == "auto") {
      if (!value->args.empty()) {
        attrs.attribute_error("`auto()` takes no arguments");
      } else {
        accept = true;
      }
    } else if (is_fn && !is_known_function(fn)) {
      fc.unknown_default_function = true;
      accept = true;
    } else if (is_fn) {
      attrs.attribute_error(fmt::format(
          "The function `{}()` cannot be used on fields of type `{}`.", fn, to_string(t)));
    } else if (field.arity == Arity::List) {
      if (value->kind != K::Array) {
        attrs.attribute_error("The default value of a list field must be a list.");
      } else {
        accept = std::all_of(value->items.begin(), value->items.end(),
                             [&](const ast::Expression& i) { return v.scalar_literal(t, i); });
      }
    } else if (value->kind == K::Array) {
      attrs.attribute_error("The default value of a non-list field cannot be a list.");
    } else {
      accept = v.scalar_literal(t, *value);
    }
  }
  if (accept) {
    fc.default_attr = attrs.current();
    fc.default_expr = value;
    field.default_value = std::move(dv);
  }
}

void validate_default_values(Context& ctx) {
  for (std::uint32_t mi = 0; mi < ctx.schema.models.size(); ++mi) {
    const Model& m = ctx.schema.models[mi];
    for (std::uint32_t fi = 0; fi < m.fields.size(); ++fi) {
      const Field& f = m.fields[fi];
      const FieldCtx& fc = ctx.models[mi].fields[fi];
      if (!f.default_value || !fc.default_expr) continue;
      const ast::Expression& e = *fc.default_expr;
      if (f.default_value->map && !ctx.connector->has(Capability::NamedDefaultValues)) {
        ctx.diags.error(
            "Error parsing attribute \"@default\": You defined a database name for the "
            "default value of a field on the model. This is not supported by the "
            "provider.",
            fc.default_attr->span);
      }
      if (f.type.kind == FieldType::Kind::Scalar) {
        auto check = [&](const ast::Expression& item) {
          if (auto err = check_default_literal(f.type.scalar, item))
            ctx.diags.error(*err, item.span);
        };
        if (e.kind == ast::Expression::Kind::Array) {
          for (const auto& item : e.items)
            check(item);
        } else {
          check(e);
        }
      }
      if (e.kind == ast::Expression::Kind::Function && e.value == "auto" &&
          !ctx.connector->has(Capability::DefaultValueAuto)) {
        ctx.diags.error(
            "Error parsing attribute \"@default\": The current connector does not "
            "support the `auto()` function.",
            e.span);
      }
    }
  }
}

}  // namespace godwit::psl::detail
