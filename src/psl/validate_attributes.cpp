// Field, model and enum attributes (ENG parser-database attributes.rs, id.rs, map.rs,
// schema.rs, index_fields.rs). Messages and visiting order follow Prisma's.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "psl/validate_context.hpp"

namespace godwit::psl::detail {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
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
  return (names.size() == 1 ? "field " : "fields ") + join(quoted, ", ");
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

struct FieldProblems {
  std::vector<std::string> unknown;
  std::vector<FieldId> relation;
};

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

void visit_relation(Context& ctx, AttributeSet& attrs, ModelId model, FieldId fid) {
  Field& field = ctx.schema.models[model.value].fields[fid.value];
  FieldCtx& fc = ctx.models[model.value].fields[fid.value];
  const ast::Attribute* attr = attrs.current();
  fc.relation_attr = attr;
  RelationAttribute ra;
  ra.span = attr->span;
  ModelId related = field.type.model_id;

  if (const auto* fields = attrs.optional_arg("fields")) {
    FieldProblems p;
    auto resolved = resolve_plain_fields(ctx, model, *fields, attr->span, p);
    if (!resolved) {
      auto names = [&](const std::vector<FieldId>& ids) {
        std::vector<std::string> out;
        for (auto id : ids)
          out.push_back(ctx.field(model, id).name);
        return out;
      };
      if (!p.unknown.empty()) {
        ctx.diags.error(fmt::format("Error validating: The argument fields must refer only to "
                                    "existing fields. The following fields do not exist in this "
                                    "model: {}",
                                    join(p.unknown, ", ")),
                        fields->span);
      }
      if (!p.relation.empty()) {
        ctx.diags.error(fmt::format("Error validating: The argument fields must refer only to "
                                    "scalar fields. But it is referencing the following relation "
                                    "fields: {}",
                                    join(names(p.relation), ", ")),
                        fields->span);
      }
      resolved = std::vector<FieldId>{};
    }
    ra.fields = *resolved;
  }
  if (const auto* refs = attrs.optional_arg("references")) {
    FieldProblems p;
    auto resolved = resolve_plain_fields(ctx, related, *refs, attr->span, p);
    if (!resolved) {
      const std::string& related_name = ctx.model(related).name;
      if (!p.unknown.empty()) {
        ctx.diags.error(fmt::format("Error validating: The argument `references` must refer only "
                                    "to existing fields in the related model `{}`. The following "
                                    "fields do not exist in the related model: {}",
                                    related_name, join(p.unknown, ", ")),
                        attr->span);
      }
      if (!p.relation.empty()) {
        std::vector<std::string> names;
        for (auto id : p.relation)
          names.push_back(ctx.field(related, id).name);
        ctx.diags.error(fmt::format("Error validating: The argument `references` must refer only "
                                    "to scalar fields in the related model `{}`. But it is "
                                    "referencing the following relation fields: {}",
                                    related_name, join(names, ", ")),
                        attr->span);
      }
      resolved = std::vector<FieldId>{};
    }
    ra.references = *resolved;
  }
  if (const auto* name = attrs.default_arg("name", false)) {
    if (const auto* s = coerce_string(ctx, *name)) {
      if (s->empty()) {
        attrs.attribute_error("A relation cannot have an empty name.");
      } else {
        ra.name = *s;
      }
    }
  }
  auto action = [&](const char* arg,
                    std::optional<Span>& span_out) -> std::optional<ReferentialAction> {
    const auto* e = attrs.optional_arg(arg);
    if (!e) return std::nullopt;
    const auto* s = coerce_constant(ctx, *e);
    if (!s) return std::nullopt;
    static const std::pair<std::string_view, ReferentialAction> kActions[] = {
        {"Cascade", ReferentialAction::Cascade},
        {"Restrict", ReferentialAction::Restrict},
        {"NoAction", ReferentialAction::NoAction},
        {"SetNull", ReferentialAction::SetNull},
        {"SetDefault", ReferentialAction::SetDefault}};
    for (const auto& [n, a] : kActions) {
      if (*s == n) {
        span_out = e->span;
        return a;
      }
    }
    ctx.diags.error(fmt::format("Error parsing attribute \"@relation\": Invalid referential "
                                "action: `{}`",
                                *s),
                    e->span);
    return std::nullopt;
  };
  ra.on_delete = action("onDelete", fc.on_delete_span);
  ra.on_update = action("onUpdate", fc.on_update_span);
  ra.map = mapped_name_arg(ctx, attrs);
  field.relation_attribute = std::move(ra);
}

void visit_relation_field_attributes(Context& ctx, ModelId model, FieldId fid) {
  const FieldCtx& fc = ctx.models[model.value].fields[fid.value];
  AttributeSet attrs(ctx, fc.ast->attributes);
  Field& field = ctx.schema.models[model.value].fields[fid.value];
  if (attrs.optional_single("relation")) {
    visit_relation(ctx, attrs, model, fid);
    attrs.finish_arguments();
  }
  if (attrs.optional_single("id")) {
    attrs.attribute_error(
        fmt::format("The field `{}` is a relation field and cannot be marked "
                    "with `@id`. Only scalar fields can be declared as id.",
                    field.name));
    attrs.discard_arguments();
  }
  if (attrs.optional_single("ignore")) {
    field.is_ignored = true;
    attrs.finish_arguments();
  }
  if (attrs.optional_single("default")) {
    attrs.attribute_error("Cannot set a default value on a relation field.");
    attrs.discard_arguments();
  }
  if (attrs.optional_single("map")) {
    attrs.attribute_error("The attribute `@map` cannot be used on relation fields.");
    attrs.default_arg("name");
    attrs.discard_arguments();
  }
  if (attrs.optional_single("unique")) {
    std::vector<std::string> suggested;
    if (field.relation_attribute && field.relation_attribute->fields)
      for (auto id : *field.relation_attribute->fields)
        suggested.push_back(ctx.field(model, id).name);
    std::string suggestion;
    if (suggested.size() == 1) {
      suggestion = fmt::format(" Did you mean to put it on `{}`?", suggested[0]);
    } else if (suggested.size() > 1) {
      suggestion = fmt::format(" Did you mean to provide `@@unique([{}])`?", join(suggested, ", "));
    }
    attrs.attribute_error(
        fmt::format("The field `{}` is a relation field and cannot be marked "
                    "with `unique`. Only scalar fields can be made unique.{}",
                    field.name, suggestion));
    attrs.discard_arguments();
  }
  attrs.finish();
}

void visit_field_id(Context& ctx, AttributeSet& attrs, ModelId model, FieldId fid) {
  Model& m = ctx.schema.models[model.value];
  if (m.primary_key) {
    ctx.diags.error(fmt::format("Error validating model \"{}\": At most one field must be marked "
                                "as the id field with the `@id` attribute.",
                                m.name),
                    m.span);
    return;
  }
  PrimaryKey pk;
  pk.map = mapped_name_arg(ctx, attrs);
  IndexField f;
  f.field = fid;
  f.length = length_arg(ctx, attrs);
  f.sort = sort_arg(ctx, attrs);
  pk.clustered = clustered_arg(ctx, attrs);
  pk.fields.push_back(f);
  pk.source_field = fid;
  pk.span = attrs.current()->span;
  ctx.models[model.value].pk_attr = attrs.current();
  m.primary_key = std::move(pk);
}

void visit_field_unique(Context& ctx, AttributeSet& attrs, ModelId model, FieldId fid) {
  Index idx;
  idx.kind = Index::Kind::Unique;
  idx.map = mapped_name_arg(ctx, attrs);
  IndexField f;
  f.field = fid;
  f.length = length_arg(ctx, attrs);
  f.sort = sort_arg(ctx, attrs);
  idx.clustered = clustered_arg(ctx, attrs);
  idx.fields.push_back(f);
  idx.source_field = fid;
  idx.span = attrs.current()->span;
  ctx.schema.models[model.value].indexes.push_back(std::move(idx));
  ctx.models[model.value].indexes.push_back({attrs.current(), true});
}

std::optional<std::string> visit_map(Context& ctx, AttributeSet& attrs) {
  const auto* e = attrs.default_arg("name");
  if (!e) return std::nullopt;
  const auto* s = coerce_string(ctx, *e);
  if (!s) return std::nullopt;
  return *s;
}

void visit_scalar_field_attributes(Context& ctx, ModelId model, FieldId fid,
                                   std::set<std::string>& mapped_names) {
  const FieldCtx& fc = ctx.models[model.value].fields[fid.value];
  Model& m = ctx.schema.models[model.value];
  Field& field = m.fields[fid.value];
  AttributeSet attrs(ctx, fc.ast->attributes);
  const char* container = m.is_view ? "view" : "model";

  if (attrs.optional_single("map")) {
    if (auto name = visit_map(ctx, attrs)) {
      field.mapped_name = *name;
      if (!mapped_names.insert(*name).second) {
        ctx.diags.error(fmt::format("Field \"{}\" is already defined on {} \"{}\".", field.name,
                                    container, m.name),
                        field.span);
      }
      if (auto other = m.find_field(*name); other && *other != fid) {
        const Field& o = m.fields[other->value];
        bool conflicts = !o.is_relation() && (!o.mapped_name || *o.mapped_name == *name);
        if (conflicts) {
          ctx.diags.error(fmt::format("Field \"{}\" is already defined on {} \"{}\".", field.name,
                                      container, m.name),
                          field.span);
        }
      }
    }
    attrs.finish_arguments();
  }
  if (attrs.optional_single("ignore")) {
    if (field.type.kind == FieldType::Kind::Unsupported) {
      attrs.attribute_error(
          "Fields of type `Unsupported` cannot take an `@ignore` attribute. "
          "They are already treated as ignored by the client due to their "
          "type.");
    } else {
      field.is_ignored = true;
    }
    attrs.finish_arguments();
  }
  if (attrs.optional_single("relation")) {
    attrs.attribute_error("Invalid field type, not a relation.");
    attrs.finish_arguments();
  }
  if (attrs.optional_single("id")) {
    visit_field_id(ctx, attrs, model, fid);
    attrs.finish_arguments();
  }
  if (attrs.optional_single("updatedAt")) {
    if (!(field.type.kind == FieldType::Kind::Scalar && field.type.scalar == ScalarType::DateTime))
      attrs.attribute_error("Fields that are marked with @updatedAt must be of type DateTime.");
    if (field.arity == Arity::List)
      attrs.attribute_error("Fields that are marked with @updatedAt cannot be lists.");
    field.is_updated_at = true;
    attrs.finish_arguments();
  }
  if (attrs.optional_single("default")) {
    visit_default(ctx, attrs, model, fid);
    attrs.finish_arguments();
  }
  if (field.type.kind == FieldType::Kind::Scalar) {
    if (const auto* nt = attrs.datasource_scoped()) {
      NativeTypeAttribute n;
      auto dot = nt->name.name.find('.');
      n.datasource = nt->name.name.substr(0, dot);
      n.name = nt->name.name.substr(dot + 1);
      for (const auto& a : nt->args)
        n.args.push_back(ctx.display(a.value));
      n.span = nt->span;
      field.native_type = std::move(n);
    }
  }
  if (attrs.optional_single("unique")) {
    visit_field_unique(ctx, attrs, model, fid);
    attrs.finish_arguments();
  }
  attrs.finish();
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
                                m.name, unique ? "unique " : "", join(p.unknown, ", ")),
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
                               join(suggested, ", "));
    ctx.diags.error(fmt::format("Error validating model \"{}\": The {}index definition refers to "
                                "the relation fields {}. Index definitions must reference only "
                                "scalar fields.{}",
                                m.name, unique ? "unique " : "", join(names, ", "), suggestion),
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
  } else if (kind == Index::Kind::Unique) {
    idx.name = name_arg(ctx, attrs);
    idx.map = mapped_name_arg(ctx, attrs);
    if (idx.name) validate_client_name(ctx, idx.span, model_name, *idx.name, "@@unique");
    idx.clustered = clustered_arg(ctx, attrs);
  } else {
    idx.map = mapped_name_arg(ctx, attrs);
  }
  ctx.schema.models[model.value].indexes.push_back(std::move(idx));
  ctx.models[model.value].indexes.push_back({attrs.current(), false});
}

std::optional<std::string> visit_schema_attr(Context& ctx, AttributeSet& attrs,
                                             std::optional<Span>& span) {
  const auto* e = attrs.default_arg("map");
  if (!e) return std::nullopt;
  const auto* s = coerce_string(ctx, *e);
  if (!s) return std::nullopt;
  span = e->span;
  return *s;
}

void resolve_model_attributes(Context& ctx, ModelId model) {
  Model& m = ctx.schema.models[model.value];
  ModelCtx& mc = ctx.models[model.value];
  std::set<std::string> mapped_names;
  for (std::uint32_t i = 0; i < m.fields.size(); ++i)
    if (!m.fields[i].is_relation())
      visit_scalar_field_attributes(ctx, model, FieldId{i}, mapped_names);

  AttributeSet attrs(ctx, mc.ast->attributes);
  if (attrs.optional_single("ignore")) {
    for (const auto& f : m.fields) {
      if (f.is_ignored && !f.is_relation()) {
        ctx.diags.error(
            "Error parsing attribute \"@ignore\": Fields on an already ignored Model "
            "do not need an `@ignore` annotation.",
            f.span);
      }
    }
    m.is_ignored = true;
    attrs.finish_arguments();
  }
  if (attrs.optional_single("id")) {
    visit_model_id(ctx, attrs, model);
    attrs.finish_arguments();
  }
  if (const auto* map = attrs.optional_single("map")) {
    if (auto name = visit_map(ctx, attrs)) {
      m.mapped_name = *name;
      mc.map_attr = map;
    }
    attrs.finish_arguments();
  }
  if (attrs.optional_single("schema")) {
    m.schema = visit_schema_attr(ctx, attrs, mc.schema_span);
    attrs.finish_arguments();
  }
  while (attrs.next_repeated("index")) {
    visit_model_index(ctx, attrs, model, Index::Kind::Normal);
    attrs.finish_arguments();
  }
  while (attrs.next_repeated("unique")) {
    visit_model_index(ctx, attrs, model, Index::Kind::Unique);
    attrs.finish_arguments();
  }
  while (attrs.next_repeated("fulltext")) {
    visit_model_index(ctx, attrs, model, Index::Kind::Fulltext);
    attrs.finish_arguments();
  }
  // @id arity (a separate step in Prisma: @@ignore must be known first).
  if (!m.is_ignored && m.primary_key && m.primary_key->source_field) {
    const Field& f = m.fields[m.primary_key->source_field->value];
    if (f.arity != Arity::Required) {
      ctx.diags.error(
          "Error parsing attribute \"@id\": Fields that are marked as id must be "
          "required.",
          m.primary_key->span);
    }
  }
  attrs.finish();
}

void resolve_enum_attributes(Context& ctx, EnumId id) {
  Enum& e = ctx.schema.enums[id.value];
  EnumCtx& ec = ctx.enums[id.value];
  for (std::size_t i = 0; i < ec.ast->values.size(); ++i) {
    AttributeSet attrs(ctx, ec.ast->values[i].attributes);
    if (attrs.optional_single("map")) {
      if (auto name = visit_map(ctx, attrs)) e.values[i].mapped_name = *name;
      attrs.finish_arguments();
    }
    attrs.finish();
  }
  AttributeSet attrs(ctx, ec.ast->attributes);
  if (attrs.optional_single("map")) {
    if (auto name = visit_map(ctx, attrs)) e.mapped_name = *name;
    attrs.finish_arguments();
  }
  if (attrs.optional_single("schema")) {
    e.schema = visit_schema_attr(ctx, attrs, ec.schema_span);
    attrs.finish_arguments();
  }
  attrs.finish();
}

void resolve_composite_type_attributes(Context& ctx, const ast::Block& block) {
  for (const auto& f : block.fields) {
    AttributeSet attrs(ctx, f.attributes);
    attrs.datasource_scoped();
    if (attrs.optional_single("map")) {
      visit_map(ctx, attrs);
      attrs.finish_arguments();
    }
    if (attrs.optional_single("default")) {
      attrs.default_arg("value");
      attrs.optional_arg("map");
      attrs.finish_arguments();
    }
    attrs.finish();
  }
}

}  // namespace

void resolve_attributes(Context& ctx) {
  for (std::uint32_t mi = 0; mi < ctx.schema.models.size(); ++mi) {
    const auto& m = ctx.schema.models[mi];
    for (std::uint32_t fi = 0; fi < m.fields.size(); ++fi)
      if (m.fields[fi].is_relation())
        visit_relation_field_attributes(ctx, ModelId{mi}, FieldId{fi});
  }
  std::uint32_t mi = 0, ei = 0;
  for (const auto& file : ctx.ast.files) {
    for (const auto& block : file.blocks) {
      switch (block.kind) {
        case ast::BlockKind::Model:
        case ast::BlockKind::View:
          resolve_model_attributes(ctx, ModelId{mi++});
          break;
        case ast::BlockKind::Enum:
          resolve_enum_attributes(ctx, EnumId{ei++});
          break;
        case ast::BlockKind::CompositeType:
          resolve_composite_type_attributes(ctx, block);
          break;
        default:
          break;
      }
    }
  }
}

}  // namespace godwit::psl::detail
