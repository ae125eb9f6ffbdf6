// Index and id field lists (ENG parser-database attributes.rs resolve_field_array_*,
// types/index_fields.rs) and the @@id / @@index / @@unique / @@fulltext attributes.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "psl/validate/validate_attribute_helpers.hpp"

namespace godwit::psl::detail {

std::string join_names(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

/// "field `a`" / "fields `a`, `b`" (Prisma's format_fields_in_error_with_leading_word).
std::string fields_with_leading_word(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const auto& n : names)
    quoted.push_back("`" + n + "`");
  return (names.size() == 1 ? "field " : "fields ") + join_names(quoted, ", ");
}

/// `map:` with Prisma's empty-string rule.
std::optional<std::string> mapped_name_arg(Context& ctx, AttributeSet& attrs) {
  const auto* e = attrs.optional_arg("map");
  if (!e) return std::nullopt;
  const auto* s = coerce_string(ctx, *e);
  if (!s) return std::nullopt;
  if (s->empty()) {
    attrs.attribute_error("The `map` argument cannot be an empty string.");
    return std::nullopt;
  }
  return *s;
}

std::optional<std::string> name_arg(Context& ctx, AttributeSet& attrs) {
  const auto* e = attrs.optional_arg("name");
  if (!e) return std::nullopt;
  const auto* s = coerce_string(ctx, *e);
  if (!s) return std::nullopt;
  if (s->empty()) {
    attrs.attribute_error("The `name` argument cannot be an empty string.");
    return std::nullopt;
  }
  return *s;
}

void validate_client_name(Context& ctx, Span span, const std::string& model_name,
                          const std::string& name, std::string_view attribute) {
  bool ok = std::all_of(name.begin(), name.end(), [](char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  if (ok) return;
  ctx.diags.error(fmt::format("Error validating model \"{}\": The `name` property within the "
                              "`{}` attribute only allows for the following characters: "
                              "`_a-zA-Z0-9`.",
                              model_name, attribute),
                  span);
}

std::optional<bool> clustered_arg(Context& ctx, AttributeSet& attrs) {
  const auto* e = attrs.optional_arg("clustered");
  if (!e) return std::nullopt;
  return coerce_boolean(ctx, *e);
}

std::optional<SortOrder> sort_arg(Context& ctx, AttributeSet& attrs) {
  const auto* e = attrs.optional_arg("sort");
  if (!e) return std::nullopt;
  const auto* s = coerce_constant(ctx, *e);
  if (!s) return std::nullopt;
  if (*s == "Desc") return SortOrder::Desc;
  if (*s == "Asc") return SortOrder::Asc;
  attrs.attribute_error(
      fmt::format("The `sort` argument can only be `Asc` or `Desc` you provided: {}.", *s));
  return std::nullopt;
}

std::optional<std::uint32_t> length_arg(Context& ctx, AttributeSet& attrs) {
  const auto* e = attrs.optional_arg("length");
  if (!e) return std::nullopt;
  auto v = coerce_integer(ctx, *e);
  if (!v) return std::nullopt;
  return static_cast<std::uint32_t>(*v);
}

namespace {

// Known operator classes (ENG parser-database types/index_fields.rs).
const std::set<std::string_view> kOperatorClasses = {"InetOps",
                                                     "JsonbOps",
                                                     "JsonbPathOps",
                                                     "ArrayOps",
                                                     "TextOps",
                                                     "BitMinMaxOps",
                                                     "VarBitMinMaxOps",
                                                     "BpcharBloomOps",
                                                     "BpcharMinMaxOps",
                                                     "ByteaBloomOps",
                                                     "ByteaMinMaxOps",
                                                     "DateBloomOps",
                                                     "DateMinMaxOps",
                                                     "DateMinMaxMultiOps",
                                                     "Float4BloomOps",
                                                     "Float4MinMaxOps",
                                                     "Float4MinMaxMultiOps",
                                                     "Float8BloomOps",
                                                     "Float8MinMaxOps",
                                                     "Float8MinMaxMultiOps",
                                                     "InetInclusionOps",
                                                     "InetBloomOps",
                                                     "InetMinMaxOps",
                                                     "InetMinMaxMultiOps",
                                                     "Int2BloomOps",
                                                     "Int2MinMaxOps",
                                                     "Int2MinMaxMultiOps",
                                                     "Int4BloomOps",
                                                     "Int4MinMaxOps",
                                                     "Int4MinMaxMultiOps",
                                                     "Int8BloomOps",
                                                     "Int8MinMaxOps",
                                                     "Int8MinMaxMultiOps",
                                                     "NumericBloomOps",
                                                     "NumericMinMaxOps",
                                                     "NumericMinMaxMultiOps",
                                                     "OidBloomOps",
                                                     "OidMinMaxOps",
                                                     "OidMinMaxMultiOps",
                                                     "TextBloomOps",
                                                     "TextMinMaxOps",
                                                     "TimestampBloomOps",
                                                     "TimestampMinMaxOps",
                                                     "TimestampMinMaxMultiOps",
                                                     "TimestampTzBloomOps",
                                                     "TimestampTzMinMaxOps",
                                                     "TimestampTzMinMaxMultiOps",
                                                     "TimeBloomOps",
                                                     "TimeMinMaxOps",
                                                     "TimeMinMaxMultiOps",
                                                     "TimeTzBloomOps",
                                                     "TimeTzMinMaxOps",
                                                     "TimeTzMinMaxMultiOps",
                                                     "UuidBloomOps",
                                                     "UuidMinMaxOps",
                                                     "UuidMinMaxMultiOps"};

struct RawIndexField {
  std::string name;
  IndexField args;
};

/// `[a, b(sort: Desc)]` -> names with per-field arguments; nullopt after reporting.
std::optional<std::vector<RawIndexField>> coerce_index_fields(Context& ctx,
                                                              const ast::Expression& expr) {
  auto one = [&](const ast::Expression& e) -> std::optional<RawIndexField> {
    if (e.kind == ast::Expression::Kind::Constant) return RawIndexField{e.value, {}};
    if (e.kind != ast::Expression::Kind::Function) {
      ctx.diags.error(fmt::format("Expected a constant literal value, but received {} value `{}`.",
                                  describe_value_type(e), ctx.display(e)),
                      e.span);
      return std::nullopt;
    }
    RawIndexField f{e.value, {}};
    auto find = [&](std::string_view n) -> const ast::Argument* {
      for (const auto& a : e.args)
        if (a.name && a.name->name == n) return &a;
      return nullptr;
    };
    if (const auto* a = find("sort")) {
      if (const auto* s = coerce_constant(ctx, a->value)) {
        if (*s == "Asc") {
          f.args.sort = SortOrder::Asc;
        } else if (*s == "Desc") {
          f.args.sort = SortOrder::Desc;
        } else {
          ctx.diags.error("Unexpected token. Expected one of: Asc, Desc", a->span);
        }
      }
    }
    if (const auto* a = find("length")) {
      if (auto v = coerce_integer(ctx, a->value); v && *v >= 0)
        f.args.length = static_cast<std::uint32_t>(*v);
    }
    if (const auto* a = find("ops")) {
      const auto& v = a->value;
      if (v.kind == ast::Expression::Kind::Constant) {
        if (kOperatorClasses.count(v.value)) {
          f.args.ops = v.value;
        } else {
          ctx.diags.error("Unexpected token. Expected one of: Invalid operator class: " + v.value,
                          v.span);
        }
      } else if (v.kind == ast::Expression::Kind::Function && v.value == "raw") {
        if (v.args.size() == 1 && v.args[0].value.kind == ast::Expression::Kind::String) {
          f.args.ops = v.args[0].value.value;
          f.args.ops_raw = true;
        } else if (v.args.size() == 1) {
          ctx.diags.error(
              "Unexpected token. Expected one of: Invalid parameter type: expected "
              "string",
              v.span);
        } else {
          ctx.diags.error(fmt::format("Unexpected token. Expected one of: Wrong number of "
                                      "arguments. Expected: 1, got: {}",
                                      v.args.size()),
                          v.span);
        }
      } else {
        ctx.diags.error("Unexpected token. Expected one of: operator class", a->span);
      }
    }
    return f;
  };
  std::vector<RawIndexField> out;
  bool valid = true;
  if (expr.kind == ast::Expression::Kind::Array) {
    for (const auto& item : expr.items) {
      if (auto f = one(item)) {
        out.push_back(std::move(*f));
      } else {
        valid = false;
      }
    }
  } else {
    auto f = one(expr);
    if (!f) return std::nullopt;
    out.push_back(std::move(*f));
  }
  if (!valid) return std::nullopt;
  return out;
}

/// Resolves index field names on `model`. nullopt: already reported, or see `problems`.
std::optional<std::vector<IndexField>> resolve_index_fields(Context& ctx, ModelId model,
                                                            const ast::Expression& expr,
                                                            Span attribute_span,
                                                            FieldProblems& problems,
                                                            bool& dealt_with) {
  auto raw = coerce_index_fields(ctx, expr);
  if (!raw) {
    dealt_with = true;
    return std::nullopt;
  }
  const Model& m = ctx.model(model);
  std::vector<IndexField> out;
  for (auto& rf : *raw) {
    auto id = rf.name.find('.') == std::string::npos ? m.find_field(rf.name) : std::nullopt;
    if (!id) {
      problems.unknown.push_back(rf.name);
      continue;
    }
    if (m.fields[id->value].is_relation()) {
      problems.relation.push_back(*id);
      continue;
    }
    bool dup =
        std::any_of(out.begin(), out.end(), [&](const IndexField& f) { return f.field == *id; });
    if (dup) {
      ctx.diags.error(fmt::format("Error validating model \"{}\": The unique index definition "
                                  "refers to the field {} multiple times.",
                                  m.name, rf.name),
                      attribute_span);
      dealt_with = true;
      return std::nullopt;
    }
    rf.args.field = *id;
    out.push_back(rf.args);
  }
  if (!problems.unknown.empty() || !problems.relation.empty()) return std::nullopt;
  return out;
}

}  // namespace

/// Plain field lists of @relation(fields/references). nullopt after reporting.
std::optional<std::vector<FieldId>> resolve_plain_fields(Context& ctx, ModelId model,
                                                         const ast::Expression& expr,
                                                         Span attribute_span,
                                                         FieldProblems& problems) {
  std::vector<const ast::Expression*> items;
  bool valid = true;
  auto take = [&](const ast::Expression& e) {
    if (coerce_constant(ctx, e)) {
      items.push_back(&e);
    } else {
      valid = false;
    }
  };
  if (expr.kind == ast::Expression::Kind::Array) {
    for (const auto& i : expr.items)
      take(i);
  } else {
    take(expr);
  }
  if (!valid) return std::vector<FieldId>{};
  const Model& m = ctx.model(model);
  std::vector<FieldId> out;
  for (const auto* e : items) {
    auto id = e->value.find('.') == std::string::npos ? m.find_field(e->value) : std::nullopt;
    if (!id) {
      problems.unknown.push_back(e->value);
      continue;
    }
    if (m.fields[id->value].is_relation()) {
      problems.relation.push_back(*id);
      continue;
    }
    if (std::find(out.begin(), out.end(), *id) != out.end()) {
      ctx.diags.error(fmt::format("Error validating model \"{}\": The unique index definition "
                                  "refers to the field {} multiple times.",
                                  m.name, e->value),
                      attribute_span);
      return std::vector<FieldId>{};
    }
    out.push_back(*id);
  }
  if (!problems.unknown.empty() || !problems.relation.empty()) return std::nullopt;
  return out;
}

/// Shared by @@index, @@unique, @@fulltext: the `fields` argument.
void common_index_validations(Context& ctx, AttributeSet& attrs, ModelId model, Index& idx) {
  const ast::Attribute* attr = attrs.current();
  const auto* fields = attrs.default_arg("fields");
  if (!fields) return;
  FieldProblems p;
  bool dealt = false;
  auto resolved = resolve_index_fields(ctx, model, *fields, attr->span, p, dealt);
  if (resolved) {
    idx.fields = std::move(*resolved);
    return;
  }
  if (dealt) return;
  const Model& m = ctx.model(model);
  bool unique = idx.kind == Index::Kind::Unique;
  if (!p.unknown.empty()) {
    ctx.diags.error(fmt::format("Error validating model \"{}\": The {}index definition refers to "
                                "the unknown fields: {}.",
                                m.name, unique ? "unique " : "", join_names(p.unknown, ", ")),
                    attr->span);
  }
  if (!p.relation.empty()) {
    std::vector<std::string> names, suggested;
    for (auto id : p.relation) {
      const Field& f = m.fields[id.value];
      names.push_back(f.name);
      if (f.relation_attribute && f.relation_attribute->fields)
        for (auto u : *f.relation_attribute->fields)
          suggested.push_back(m.fields[u.value].name);
    }
    std::string suggestion;
    if (!suggested.empty())
      suggestion = fmt::format(" Did you mean `@@{}([{}])`?", unique ? "unique" : "index",
                               join_names(suggested, ", "));
    ctx.diags.error(
        fmt::format("Error validating model \"{}\": The {}index definition refers to "
                    "the relation fields {}. Index definitions must reference only "
                    "scalar fields.{}",
                    m.name, unique ? "unique " : "", join_names(names, ", "), suggestion),
        attr->span);
  }
}

void visit_model_id(Context& ctx, AttributeSet& attrs, ModelId model) {
  Model& m = ctx.schema.models[model.value];
  const ast::Attribute* attr = attrs.current();
  const auto* fields = attrs.default_arg("fields");
  if (!fields) return;
  FieldProblems p;
  bool dealt = false;
  auto resolved = resolve_index_fields(ctx, model, *fields, attr->span, p, dealt);
  if (!resolved) {
    if (dealt) return;
    if (!p.unknown.empty()) {
      ctx.diags.error(fmt::format("Error validating model \"{}\": The multi field id declaration "
                                  "refers to the unknown {}.",
                                  m.name, fields_with_leading_word(p.unknown)),
                      fields->span);
    }
    if (!p.relation.empty()) {
      std::vector<std::string> names;
      for (auto id : p.relation)
        names.push_back(m.fields[id.value].name);
      ctx.diags.error(fmt::format("Error validating model \"{}\": The id definition refers to the "
                                  "relation {}. ID definitions must reference only scalar fields.",
                                  m.name, fields_with_leading_word(names)),
                      attr->span);
    }
    return;
  }
  std::vector<std::string> optional;
  for (const auto& f : *resolved)
    if (m.fields[f.field.value].arity != Arity::Required)
      optional.push_back(m.fields[f.field.value].name);
  if (!optional.empty() && !m.is_ignored) {
    ctx.diags.error(fmt::format("Error validating model \"{}\": The id definition refers to the "
                                "optional {}. ID definitions must reference only required fields.",
                                m.name, fields_with_leading_word(optional)),
                    attr->span);
  }
  if (m.primary_key) {
    ctx.diags.error(fmt::format("Error validating model \"{}\": Each model must have at most one "
                                "id criteria. You can't have `@id` and `@@id` at the same time.",
                                m.name),
                    m.span);
  }
  PrimaryKey pk;
  pk.map = mapped_name_arg(ctx, attrs);
  pk.name = name_arg(ctx, attrs);
  if (pk.name) validate_client_name(ctx, attr->span, m.name, *pk.name, "@@id");
  pk.clustered = clustered_arg(ctx, attrs);
  pk.fields = std::move(*resolved);
  pk.span = attr->span;
  ctx.models[model.value].pk_attr = attr;
  m.primary_key = std::move(pk);
}

void visit_model_index(Context& ctx, AttributeSet& attrs, ModelId model, Index::Kind kind) {
  Index idx;
  idx.kind = kind;
  idx.span = attrs.current()->span;
  common_index_validations(ctx, attrs, model, idx);
  const std::string& model_name = ctx.model(model).name;
  if (kind == Index::Kind::Normal) {
    auto name = name_arg(ctx, attrs);
    auto map = mapped_name_arg(ctx, attrs);
    if (name && map) {
      attrs.attribute_error(
          "The `@@index` attribute accepts the `name` argument as an alias for "
          "the `map` argument for legacy reasons. It does not accept both "
          "though. Please use the `map` argument to specify the database name "
          "of the index.");
    } else {
      idx.map = name ? name : map;
    }
    if (const auto* t = attrs.optional_arg("type")) {
      if (const auto* s = coerce_constant(ctx, *t)) {
        static const std::pair<std::string_view, IndexAlgorithm> kAlgos[] = {
            {"BTree", IndexAlgorithm::BTree},   {"Hash", IndexAlgorithm::Hash},
            {"Gist", IndexAlgorithm::Gist},     {"Gin", IndexAlgorithm::Gin},
            {"SpGist", IndexAlgorithm::SpGist}, {"Brin", IndexAlgorithm::Brin}};
        bool found = false;
        for (const auto& [n, a] : kAlgos) {
          if (*s == n) {
            idx.algorithm = a;
            found = true;
          }
        }
        if (!found) attrs.attribute_error(fmt::format("Unknown index type: {}.", *s));
      }
    }
    idx.clustered = clustered_arg(ctx, attrs);
    idx.where = where_arg(ctx, attrs, model);
  } else if (kind == Index::Kind::Unique) {
    idx.name = name_arg(ctx, attrs);
    idx.map = mapped_name_arg(ctx, attrs);
    if (idx.name) validate_client_name(ctx, idx.span, model_name, *idx.name, "@@unique");
    idx.clustered = clustered_arg(ctx, attrs);
    idx.where = where_arg(ctx, attrs, model);
  } else {
    idx.map = mapped_name_arg(ctx, attrs);
  }
  ctx.schema.models[model.value].indexes.push_back(std::move(idx));
  ctx.models[model.value].indexes.push_back({attrs.current(), false});
}

}  // namespace godwit::psl::detail
