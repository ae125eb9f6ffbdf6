// Field, model and enum attributes (ENG parser-database attributes.rs, id.rs, map.rs,
// schema.rs, index_fields.rs). Messages and visiting order follow Prisma's.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "psl/validate/validate_attribute_helpers.hpp"

namespace godwit::psl::detail {
namespace {

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
                                    join_names(p.unknown, ", ")),
                        fields->span);
      }
      if (!p.relation.empty()) {
        ctx.diags.error(fmt::format("Error validating: The argument fields must refer only to "
                                    "scalar fields. But it is referencing the following relation "
                                    "fields: {}",
                                    join_names(names(p.relation), ", ")),
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
                                    related_name, join_names(p.unknown, ", ")),
                        attr->span);
      }
      if (!p.relation.empty()) {
        std::vector<std::string> names;
        for (auto id : p.relation)
          names.push_back(ctx.field(related, id).name);
        ctx.diags.error(fmt::format("Error validating: The argument `references` must refer only "
                                    "to scalar fields in the related model `{}`. But it is "
                                    "referencing the following relation fields: {}",
                                    related_name, join_names(names, ", ")),
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
      suggestion =
          fmt::format(" Did you mean to provide `@@unique([{}])`?", join_names(suggested, ", "));
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
  idx.where = where_arg(ctx, attrs, model);
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
