#include "psl/validate/validate_context.hpp"

#include <fmt/format.h>

#include <charconv>

namespace godwit::psl::detail {

AttributeSet::AttributeSet(Context& ctx, const std::vector<ast::Attribute>& attrs)
    : attrs_(attrs),
      ctx_(ctx),
      diags_(ctx.diags),
      arena_(buffer_.data(), buffer_.size()),
      used_(&arena_),
      args_(&arena_) {
  used_.assign(attrs_.size(), false);
}

const ast::Attribute* AttributeSet::optional_single(std::string_view name) {
  // Called for every known attribute name on every item: count first, allocate nothing.
  std::size_t first = attrs_.size();
  std::size_t count = 0;
  for (std::size_t i = 0; i < attrs_.size(); ++i) {
    if (attrs_[i].name.name != name) continue;
    if (count++ == 0) first = i;
  }
  if (count == 0) return nullptr;
  if (count > 1) {
    for (std::size_t i = first; i < attrs_.size(); ++i) {
      if (attrs_[i].name.name != name) continue;
      diags_.error(fmt::format("Attribute \"@{}\" can only be defined once.", attrs_[i].name.name),
                   attrs_[i].span);
      used_[i] = true;
    }
    return nullptr;
  }
  used_[first] = true;
  return start(&attrs_[first]) ? &attrs_[first] : nullptr;
}

const ast::Attribute* AttributeSet::next_repeated(std::string_view name) {
  for (std::size_t i = 0; i < attrs_.size(); ++i) {
    if (used_[i] || attrs_[i].name.name != name) continue;
    used_[i] = true;
    if (start(&attrs_[i])) return &attrs_[i];
  }
  return nullptr;
}

const ast::Attribute* AttributeSet::datasource_scoped() {
  const ast::Attribute* found = nullptr;
  for (std::size_t i = 0; i < attrs_.size(); ++i) {
    const auto& n = attrs_[i].name.name;
    auto dot = n.find('.');
    if (dot == std::string::npos) continue;
    used_[i] = true;
    if (found) {
      diags_.error(fmt::format("Attribute \"@{}\" can only be defined once.", n.substr(0, dot)),
                   attrs_[i].span);
    }
    found = &attrs_[i];
  }
  return found;
}

void AttributeSet::finish() {
  for (std::size_t i = 0; i < attrs_.size(); ++i) {
    if (used_[i]) continue;
    diags_.error(fmt::format("Attribute not known: \"@{}\".", attrs_[i].name.name), attrs_[i].span);
    used_[i] = true;
  }
}

bool AttributeSet::start(const ast::Attribute* attr) {
  bool reasonably_valid = true;
  std::string_view name = attr->name.name;
  auto check_list = [&](const std::vector<ast::Identifier>& empty,
                        const std::vector<ast::Argument>& args, bool trailing, Span comma) {
    for (const auto& e : empty) {
      diags_.error(fmt::format("Error parsing attribute \"@{}\": The `{}` argument is missing a "
                               "value.",
                               name, e.name),
                   e.span);
      reasonably_valid = false;
    }
    for (const auto& arg : args) {
      if (arg.value.kind != ast::Expression::Kind::Array) continue;
      for (const auto& item : arg.value.items) {
        if (item.kind != ast::Expression::Kind::Function) continue;
        for (const auto& e : item.empty_args) {
          diags_.error(fmt::format("Error parsing attribute \"@@{}\": The `{}` argument is "
                                   "missing a value.",
                                   attr->name.name, e.name),
                       e.span);
        }
      }
    }
    if (trailing) {
      diags_.error(fmt::format("Error parsing attribute \"@{}\": Trailing commas are not valid in "
                               "attribute arguments, please remove the comma.",
                               name),
                   comma);
    }
  };
  check_list(attr->empty_args, attr->args, attr->trailing_comma, attr->trailing_comma_span);
  for (const auto& arg : attr->args) {
    if (arg.value.kind == ast::Expression::Kind::Function)
      check_list(arg.value.empty_args, arg.value.args, arg.value.trailing_comma,
                 arg.value.trailing_comma_span);
  }
  if (!reasonably_valid) return false;

  current_ = attr;
  args_.clear();
  std::vector<std::string> unnamed_values;
  for (std::size_t i = 0; i < attr->args.size(); ++i) {
    const auto& arg = attr->args[i];
    std::optional<std::string_view> key;
    if (arg.name) key = arg.name->name;
    bool replaced = false;
    for (auto& [k, idx] : args_) {
      if (k == key) {
        if (!key) {
          if (unnamed_values.empty()) unnamed_values.push_back(source_text(attr->args[idx].value));
          unnamed_values.push_back(source_text(arg.value));
        } else {
          diags_.error(fmt::format("Argument \"{}\" is already specified.", *key), arg.span);
        }
        idx = i;
        replaced = true;
        break;
      }
    }
    if (!replaced) args_.emplace_back(key, i);
  }
  if (!unnamed_values.empty()) {
    std::string joined;
    for (std::size_t i = 0; i < unnamed_values.size(); ++i)
      joined += (i ? ", " : "") + unnamed_values[i];
    attribute_error(
        fmt::format("You provided multiple unnamed arguments. This is not possible. "
                    "Did you forget the brackets? Did you mean `[{}]`?",
                    joined));
  }
  return true;
}

std::string AttributeSet::source_text(const ast::Expression& e) const {
  return ctx_.display(e);
}

const ast::Expression* AttributeSet::default_arg(std::string_view name, bool report_missing) {
  std::optional<std::size_t> named, unnamed;
  for (auto it = args_.begin(); it != args_.end();) {
    if (it->first && *it->first == name) {
      named = it->second;
      it = args_.erase(it);
    } else if (!it->first) {
      unnamed = it->second;
      it = args_.erase(it);
    } else {
      ++it;
    }
  }
  if (named && unnamed) {
    diags_.error(fmt::format("Argument \"{}\" is already specified as unnamed argument.", name),
                 current_->args[*named].span);
    return nullptr;
  }
  if (named) return &current_->args[*named].value;
  if (unnamed) return &current_->args[*unnamed].value;
  if (report_missing)
    diags_.error(fmt::format("Argument \"{}\" is missing.", name), current_->span);
  return nullptr;
}

const ast::Expression* AttributeSet::optional_arg(std::string_view name) {
  for (auto it = args_.begin(); it != args_.end(); ++it) {
    if (it->first && *it->first == name) {
      std::size_t idx = it->second;
      args_.erase(it);
      return &current_->args[idx].value;
    }
  }
  return nullptr;
}

std::optional<Span> AttributeSet::arg_span(std::string_view name) const {
  if (!current_) return std::nullopt;
  for (const auto& a : current_->args)
    if (a.name && a.name->name == name) return a.span;
  return std::nullopt;
}

void AttributeSet::finish_arguments() {
  if (current_) {
    for (const auto& [k, idx] : args_)
      diags_.error("No such argument.", current_->args[idx].span);
  }
  discard_arguments();
}

void AttributeSet::discard_arguments() {
  current_ = nullptr;
  args_.clear();
}

std::string AttributeSet::current_name() const {
  return "@" + std::string(current_ ? current_->name.name : std::string_view());
}

void AttributeSet::attribute_error(const std::string& message) {
  if (!current_) return;
  diags_.error(fmt::format("Error parsing attribute \"{}\": {}", current_name(), message),
               current_->span);
}

std::string_view Context::text_of(Span s) const {
  if (s.file >= source.files.size()) return {};
  return span_text(source.files[s.file].text, s);
}

std::string Context::display(const ast::Expression& e) const {
  if (e.kind != ast::Expression::Kind::Object) return std::string(text_of(e.span));
  // Prisma prints an object from its tree: `{ a: 1 }`, and `{  }` for an empty one.
  std::string out = "{ ";
  for (std::size_t i = 0; i < e.args.size(); ++i) {
    if (i) out += ", ";
    if (e.args[i].name) out += e.args[i].name->name;
    out += ": " + display(e.args[i].value);
  }
  return out + " }";
}

std::string Context::relation_name_of(ModelId m, FieldId f) const {
  const Field& fld = field(m, f);
  if (fld.relation_attribute && fld.relation_attribute->name) return *fld.relation_attribute->name;
  const std::string& a = model(m).name;
  const std::string& b = model(fld.type.model_id).name;
  return a < b ? a + "To" + b : b + "To" + a;
}

const char* describe_value_type(const ast::Expression& e) {
  switch (e.kind) {
    case ast::Expression::Kind::Number:
      return "numeric";
    case ast::Expression::Kind::String:
      return "string";
    case ast::Expression::Kind::Constant:
      return "literal";
    case ast::Expression::Kind::Function:
      return "functional";
    case ast::Expression::Kind::Array:
      return "array";
    case ast::Expression::Kind::Object:
      return "object";
  }
  return "literal";
}

namespace {
void mismatch(Context& ctx, const char* expected, const ast::Expression& e) {
  ctx.diags.error(fmt::format("Expected a {} value, but received {} value `{}`.", expected,
                              describe_value_type(e), ctx.display(e)),
                  e.span);
}
}  // namespace

const std::string* coerce_string(Context& ctx, const ast::Expression& e) {
  if (e.kind == ast::Expression::Kind::String) return &e.value;
  mismatch(ctx, "string", e);
  return nullptr;
}

const std::string* coerce_constant(Context& ctx, const ast::Expression& e) {
  if (e.kind == ast::Expression::Kind::Constant) return &e.value;
  mismatch(ctx, "constant", e);
  return nullptr;
}

std::optional<long long> coerce_integer(Context& ctx, const ast::Expression& e) {
  if (e.kind == ast::Expression::Kind::Number) {
    long long v = 0;
    auto [p, ec] = std::from_chars(e.value.data(), e.value.data() + e.value.size(), v);
    if (ec == std::errc() && p == e.value.data() + e.value.size()) return v;
  }
  mismatch(ctx, "numeric", e);
  return std::nullopt;
}

std::optional<bool> coerce_boolean(Context& ctx, const ast::Expression& e) {
  if (e.kind == ast::Expression::Kind::Constant && (e.value == "true" || e.value == "false"))
    return e.value == "true";
  mismatch(ctx, "boolean", e);
  return std::nullopt;
}

}  // namespace godwit::psl::detail
