// Relation inference (ENG parser-database relations.rs) and Prisma's relation validations
// (ENG psl-core validations/relations.rs, relations/one_to_one.rs, one_to_many.rs,
// many_to_many/implicit.rs).
#include <fmt/format.h>

#include <algorithm>

#include "psl/constraint_names.hpp"
#include "psl/validate/validate_context.hpp"
#include "psl/validate/validate_rules_util.hpp"

namespace godwit::psl::detail {
namespace {

using RK = RelationCtx::Kind;

bool empty_list(const std::optional<std::vector<FieldId>>& l) {
  return !l || l->empty();
}

constexpr const char* kPrismaFormatHint = "You can run `prisma format` to fix this automatically.";

}  // namespace

namespace {

/// Fields the relation's foreign key references: explicit `references`, else the referenced
/// model's primary key.
std::vector<FieldId> referenced_fields(const Context& ctx, const RelationCtx& r) {
  if (r.field_a) {
    const auto& refs = references_of(ctx.field(r.model_a, *r.field_a));
    if (refs) return *refs;
  }
  std::vector<FieldId> out;
  if (const auto& pk = ctx.model(r.model_b).primary_key)
    for (const auto& f : pk->fields)
      out.push_back(f.field);
  return out;
}

std::vector<std::string> names(const Context& ctx, ModelId m, const std::vector<FieldId>& ids) {
  std::vector<std::string> out;
  for (auto id : ids)
    out.push_back(ctx.field(m, id).name);
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? std::string(sep) : "") + items[i];
  return out;
}

void attr_error(Context& ctx, const std::string& msg, Span span) {
  ctx.diags.error("Error parsing attribute \"@relation\": " + msg, span);
}

void validate_inline(Context& ctx, const RelationCtx& r, const UniqueCriteriaFn& criterias) {
  const Field* fwd = r.field_a ? &ctx.field(r.model_a, *r.field_a) : nullptr;
  const Field* back = r.field_b ? &ctx.field(r.model_b, *r.field_b) : nullptr;
  const Model& ma = ctx.model(r.model_a);
  const Model& mb = ctx.model(r.model_b);

  // relationMode = "prisma": cascading self-relations (ENG relations.rs cycles()).
  if (fwd && back && ctx.relation_mode_prisma && r.model_a == r.model_b) {
    ReferentialAction on_delete = effective_on_delete(*fwd, ctx.relation_mode_prisma);
    ReferentialAction on_update = fwd->relation_attribute && fwd->relation_attribute->on_update
                                      ? *fwd->relation_attribute->on_update
                                      : ReferentialAction::Cascade;
    auto triggers = [](ReferentialAction a) {
      return a != ReferentialAction::NoAction && a != ReferentialAction::Restrict;
    };
    if (triggers(on_delete) || triggers(on_update)) {
      bool implicit_delete =
          !(fwd->relation_attribute && fwd->relation_attribute->on_delete) && triggers(on_delete);
      bool implicit_update =
          !(fwd->relation_attribute && fwd->relation_attribute->on_update) && triggers(on_update);
      std::string msg =
          "A self-relation must have `onDelete` and `onUpdate` referential actions set to "
          "`NoAction` in one of the @relation attributes.";
      if (implicit_delete && implicit_update) {
        msg += fmt::format(" (Implicit default `onDelete`: `{}`, and `onUpdate`: `{}`)",
                           to_string(on_delete), to_string(on_update));
      } else if (implicit_delete) {
        msg += fmt::format(" (Implicit default `onDelete`: `{}`)", to_string(on_delete));
      } else if (implicit_update) {
        msg += fmt::format(" (Implicit default `onUpdate`: `{}`)", to_string(on_update));
      }
      msg += " Read more at https://pris.ly/d/cyclic-referential-actions";
      ctx.diags.error("Error validating: " + msg, fwd->span);
    }
  }

  // references must point at a unique criterion.
  if (fwd && !empty_list(references_of(*fwd))) {
    auto refs = names(ctx, r.model_b, *references_of(*fwd));
    auto sorted_refs = refs;
    std::sort(sorted_refs.begin(), sorted_refs.end());
    bool unique = false;
    for (const auto& c : criterias(r.model_b)) {
      auto cn = names(ctx, r.model_b, c.fields);
      std::sort(cn.begin(), cn.end());
      unique = unique || cn == sorted_refs;
    }
    if (!unique) {
      std::string msg =
          refs.size() == 1
              ? fmt::format(
                    "The argument `references` must refer to a unique criterion in the "
                    "related model. Consider adding an `@unique` attribute to the field "
                    "`{}` in the model `{}`.",
                    refs[0], mb.name)
              : fmt::format(
                    "The argument `references` must refer to a unique criterion in the "
                    "related model. Consider adding an `@@unique([{}])` attribute to the "
                    "model `{}`.",
                    join(refs, ", "), mb.name);
      attr_error(ctx, msg, fwd->span);
    }
  }
  if (fwd && fields_of(*fwd) && references_of(*fwd) &&
      fields_of(*fwd)->size() != references_of(*fwd)->size()) {
    ctx.diags.error(
        "Error validating: You must specify the same number of fields in `fields` and "
        "`references`.",
        fwd->relation_attribute->span);
  }
  if (fwd && fwd->arity == Arity::Required && fields_of(*fwd)) {
    bool any_optional = false;
    for (auto id : *fields_of(*fwd))
      any_optional = any_optional || ma.fields[id.value].arity != Arity::Required;
    if (any_optional) {
      ctx.diags.error(
          fmt::format("Error validating: The relation field `{}` uses the scalar fields "
                      "{}. At least one of those fields is optional. Hence the "
                      "relation field must be optional as well.",
                      fwd->name, join(names(ctx, r.model_a, *fields_of(*fwd)), ", ")),
          fwd->span);
    }
  }
  // SetNull on a required foreign key (ENG relations.rs): PostgreSQL accepts it in
  // foreignKeys mode (a warning); everywhere else it is an error.
  if (fwd && fields_of(*fwd) && fwd->relation_attribute) {
    bool required = std::any_of(fields_of(*fwd)->begin(), fields_of(*fwd)->end(), [&](FieldId id) {
      return ma.fields[id.value].arity == Arity::Required;
    });
    bool allowed = !ctx.relation_mode_prisma && (ctx.connector->provider == "postgresql" ||
                                                 ctx.connector->provider == "cockroachdb");
    const auto& ra = *fwd->relation_attribute;
    for (auto [action, arg] :
         {std::pair{ra.on_delete, "onDelete"}, std::pair{ra.on_update, "onUpdate"}}) {
      if (!required || action != ReferentialAction::SetNull) continue;
      if (allowed) {
        ctx.diags.warning(
            fmt::format("The `{}` referential action of a relation should not be set to "
                        "`SetNull` when a referenced field is required. We recommend "
                        "either to choose another referential action, or to make the "
                        "referenced fields optional. Read more at "
                        "https://pris.ly/d/postgres-set-null ",
                        arg),
            fwd->span);
      } else {
        attr_error(ctx,
                   fmt::format("The `{}` referential action of a relation must not be set to "
                               "`SetNull` when a referenced field is required.\nEither choose "
                               "another referential action, or make the referenced fields "
                               "optional.\n",
                               arg),
                   fwd->span);
      }
    }
  }
  if (fwd && fields_of(*fwd)) {
    auto refs = referenced_fields(ctx, r);
    const auto& fl = *fields_of(*fwd);
    for (std::size_t i = 0; i < fl.size() && i < refs.size(); ++i) {
      const Field& a = ma.fields[fl[i].value];
      const Field& b = mb.fields[refs[i].value];
      bool same =
          a.type.kind == b.type.kind &&
          (a.type.kind != FieldType::Kind::Scalar || a.type.scalar == b.type.scalar) &&
          (a.type.kind != FieldType::Kind::Enum || a.type.enum_id == b.type.enum_id) &&
          (a.type.kind != FieldType::Kind::Composite ||
           a.type.composite_id == b.type.composite_id) &&
          (a.type.kind != FieldType::Kind::Unsupported || a.type.unsupported == b.type.unsupported);
      if (!same) {
        attr_error(ctx,
                   fmt::format("The type of the field `{}` in the model `{}` is not matching the "
                               "type of the referenced field `{}` in model `{}`.",
                               a.name, ma.name, b.name, mb.name),
                   fwd->span);
      }
    }
  }

  if (r.kind == RK::OneToOne) {
    if (!back && fwd) {
      const char* c = ctx.container(r.model_a);
      ctx.diags.error(fmt::format("Error validating field `{1}` in {0} `{2}`: The relation field "
                                  "`{1}` on {0} `{2}` is missing an opposite relation field on "
                                  "the model `{3}`. Either run `prisma format` or add it manually.",
                                  c, fwd->name, ma.name, mb.name),
                      fwd->span);
    }
    if (fwd && back) {
      auto both_msg = [&](const Field& x, const Model& xm, const Field& y, const Model& ym,
                          const char* arg, const char* tail) {
        return fmt::format(
            "The relation fields `{}` on Model `{}` and `{}` on Model `{}` {} the "
            "`{}` argument in the @relation attribute. {}",
            x.name, xm.name, y.name, ym.name,
            std::string_view(tail).find("only") != std::string_view::npos ? "both provide"
                                                                          : "do not provide",
            arg, tail);
      };
      const char* missing_tail = "You have to provide it on one of the two fields.";
      const char* both_tail = "You have to provide it only on one of the two fields.";
      if (empty_list(fields_of(*fwd)) && empty_list(fields_of(*back))) {
        attr_error(ctx, both_msg(*fwd, ma, *back, mb, "fields", missing_tail), fwd->span);
        attr_error(ctx, both_msg(*back, mb, *fwd, ma, "fields", missing_tail), back->span);
      }
      if (empty_list(references_of(*fwd)) && empty_list(references_of(*back))) {
        attr_error(ctx, both_msg(*fwd, ma, *back, mb, "references", missing_tail), fwd->span);
        attr_error(ctx, both_msg(*back, mb, *fwd, ma, "references", missing_tail), back->span);
      }
      if (!empty_list(references_of(*fwd)) && !empty_list(references_of(*back))) {
        auto m = both_msg(*fwd, ma, *back, mb, "references", both_tail);
        attr_error(ctx, m, fwd->span);
        attr_error(ctx, m, back->span);
      }
      if (!empty_list(fields_of(*fwd)) && !empty_list(fields_of(*back))) {
        auto m = both_msg(*fwd, ma, *back, mb, "fields", both_tail);
        attr_error(ctx, m, fwd->span);
        attr_error(ctx, m, back->span);
      }
      auto has_actions = [](const Field& f) {
        return f.relation_attribute &&
               (f.relation_attribute->on_delete || f.relation_attribute->on_update);
      };
      if (has_actions(*fwd) && has_actions(*back)) {
        attr_error(ctx,
                   fmt::format("The relation fields `{}` on Model `{}` and `{}` on Model `{}` both "
                               "provide the `onDelete` or `onUpdate` argument in the @relation "
                               "attribute. You have to provide it only on one of the two fields.",
                               back->name, mb.name, fwd->name, ma.name),
                   back->span);
        attr_error(ctx,
                   fmt::format("The relation fields `{}` on Model `{}` and `{}` on Model `{}` both "
                               "provide the `onDelete` or `onUpdate` argument in the @relation "
                               "attribute. You have to provide it only on one of the two fields.",
                               fwd->name, ma.name, back->name, mb.name),
                   fwd->span);
      } else if (has_actions(*back)) {
        attr_error(ctx,
                   fmt::format("The relation field `{}` on Model `{}` must not specify the "
                               "`onDelete` or `onUpdate` argument in the @relation attribute. You "
                               "must only specify it on the opposite field `{}` on model `{}`.",
                               back->name, mb.name, fwd->name, ma.name),
                   back->span);
      }
    }
    // One-to-one needs unique referencing fields.
    if (fwd && fields_of(*fwd)) {
      const auto& fl = *fields_of(*fwd);
      bool unique = false;
      for (const auto& c : criterias(r.model_a)) {
        if (c.fields.size() != fl.size()) continue;
        bool all = std::all_of(fl.begin(), fl.end(), [&](FieldId id) {
          return std::find(c.fields.begin(), c.fields.end(), id) != c.fields.end();
        });
        unique = unique || all;
      }
      if (!unique) {
        auto fn = names(ctx, r.model_a, fl);
        attr_error(
            ctx,
            fn.size() == 1
                ? fmt::format("A one-to-one relation must use unique fields on the defining "
                              "side. Either add an `@unique` attribute to the field `{}`, or "
                              "change the relation to one-to-many.",
                              fn[0])
                : fmt::format("A one-to-one relation must use unique fields on the defining "
                              "side. Either add an `@@unique([{}])` attribute to the model, "
                              "or change the relation to one-to-many.",
                              join(fn, ", ")),
            fwd->span);
      }
    }
    if (fwd && back && !ctx.diags.has_errors()) {
      if (!empty_list(fields_of(*fwd)) && !empty_list(references_of(*back))) {
        auto m = fmt::format(
            "The relation field `{}` on Model `{}` provides the `fields` argument "
            "in the @relation attribute. And the related field `{}` on Model `{}` "
            "provides the `references` argument. You must provide both arguments "
            "on the same side.",
            fwd->name, ma.name, back->name, mb.name);
        attr_error(ctx, m, fwd->span);
        attr_error(ctx, m, back->span);
      }
      if (!empty_list(references_of(*fwd)) && !empty_list(fields_of(*back))) {
        attr_error(ctx,
                   fmt::format("The relation field `{}` on Model `{}` provides the `references` "
                               "argument in the @relation attribute. And the related field `{}` on "
                               "Model `{}` provides the `fields` argument. You must provide both "
                               "arguments on the same side.",
                               fwd->name, ma.name, back->name, mb.name),
                   fwd->span);
      }
    }
    if (fwd && back && !ctx.diags.has_errors() && back->arity == Arity::Required) {
      attr_error(ctx,
                 fmt::format("The relation field `{}` on Model `{}` is required. This is not valid "
                             "because it's not possible to enforce this constraint on the database "
                             "level. Please change the field type from `{}` to `{}?` to fix this.",
                             back->name, mb.name, ma.name, ma.name),
                 back->span);
    }
    if (fwd && back && !ctx.diags.has_errors() && fwd->arity == Arity::Required &&
        (fields_of(*back) || references_of(*back))) {
      attr_error(ctx,
                 fmt::format("The relation field `{}.{}` defines the `fields` and/or `references` "
                             "argument. You must set them on the required side of the relation "
                             "(`{}.{}`) in order for the constraints to be enforced. "
                             "Alternatively, you can change this field to be required and the "
                             "opposite optional, or make both sides of the relation optional.",
                             mb.name, back->name, ma.name, fwd->name),
                 back->span);
    }
  } else {
    if ((fwd && !back) || (!fwd && back)) {
      const Field& f = fwd ? *fwd : *back;
      ModelId fm = fwd ? r.model_a : r.model_b;
      const Model& model = ctx.model(fm);
      const char* c = ctx.container(fm);
      ctx.diags.error(fmt::format("Error validating field `{1}` in {0} `{2}`: The relation field "
                                  "`{1}` on {0} `{2}` is missing an opposite relation field on "
                                  "the model `{3}`. Either run `prisma format` or add it manually.",
                                  c, f.name, model.name, ctx.model(f.type.model_id).name),
                      f.span);
    }
    if (fwd && back) {
      if (empty_list(fields_of(*fwd))) {
        attr_error(ctx,
                   fmt::format("The relation field `{}` on Model `{}` must specify the `fields` "
                               "argument in the @relation attribute. {}",
                               fwd->name, ma.name, kPrismaFormatHint),
                   fwd->span);
      }
      if (empty_list(references_of(*fwd))) {
        attr_error(ctx,
                   fmt::format("The relation field `{}` on Model `{}` must specify the "
                               "`references` argument in the @relation attribute.",
                               fwd->name, ma.name),
                   fwd->span);
      }
      if (!empty_list(fields_of(*back)) || !empty_list(references_of(*back))) {
        attr_error(
            ctx,
            fmt::format("The relation field `{}` on Model `{}` must not specify the `fields` "
                        "or `references` argument in the @relation attribute. You must only "
                        "specify it on the opposite field `{}` on model `{}`.",
                        back->name, mb.name, fwd->name, ma.name),
            back->span);
      }
      if (back->relation_attribute &&
          (back->relation_attribute->on_delete || back->relation_attribute->on_update)) {
        attr_error(ctx,
                   fmt::format("The relation field `{}` on Model `{}` must not specify the "
                               "`onDelete` or `onUpdate` argument in the @relation attribute. You "
                               "must only specify it on the opposite field `{}` on model `{}`, or "
                               "in case of a many to many relation, in an explicit join table.",
                               back->name, mb.name, fwd->name, ma.name),
                   back->span);
      }
    }
  }
}

void validate_many_to_many(Context& ctx, const RelationCtx& r) {
  if (!ctx.connector->has(Capability::ImplicitManyToManyRelation)) {
    for (auto [m, f] : {std::pair{r.model_a, *r.field_a}, std::pair{r.model_b, *r.field_b}}) {
      ctx.diags.error(fmt::format("Error validating: Implicit many-to-many relations are not "
                                  "supported on {}. Please use the syntax defined in "
                                  "https://pris.ly/d/document-database-many-to-many",
                                  ctx.connector->name),
                      ctx.field(m, f).span);
    }
  }
  for (auto [m, f] : {std::pair{r.model_a, *r.field_a}, std::pair{r.model_b, *r.field_b}}) {
    const Field& field = ctx.field(m, f);
    ModelId related = field.type.model_id;
    const Model& rm = ctx.model(related);
    bool single_id = rm.primary_key && rm.primary_key->fields.size() == 1;
    if (!single_id) {
      const char* c = ctx.container(related);
      ctx.diags.error(fmt::format("Error validating field `{1}` in {0} `{2}`: The relation field "
                                  "`{1}` on {0} `{2}` references `{3}` which does not have an "
                                  "`@id` field. Models without `@id` cannot be part of a many to "
                                  "many relation. Use an explicit intermediate Model to represent "
                                  "this relationship.",
                                  c, field.name, ctx.model(m).name, rm.name),
                      field.span);
      continue;
    }
    const auto& refs = references_of(field);
    if (refs && !(refs->size() == 1 && (*refs)[0] == rm.primary_key->fields[0].field)) {
      ctx.diags.error(fmt::format("Error validating: Implicit many-to-many relations must always "
                                  "reference the id field of the related model. Change the "
                                  "argument `references` to use the id field of the related model "
                                  "`{}`. But it is referencing the following fields that are not "
                                  "the id: {}",
                                  rm.name, join(names(ctx, related, *refs), ", ")),
                      field.span);
    }
  }
  for (auto [m, f] : {std::pair{r.model_a, *r.field_a}, std::pair{r.model_b, *r.field_b}}) {
    const FieldCtx& fc = ctx.fctx(m, f);
    for (const auto& span : {fc.on_delete_span, fc.on_update_span}) {
      if (span) {
        ctx.diags.error(
            "Error validating: Referential actions on implicit many-to-many "
            "relations are not supported",
            *span);
      }
    }
  }
  for (auto [m, f] : {std::pair{r.model_a, *r.field_a}, std::pair{r.model_b, *r.field_b}}) {
    const Field& field = ctx.field(m, f);
    if (references_of(field)) {
      attr_error(ctx,
                 "Implicit many-to-many relation should not have references argument defined. "
                 "Either remove it, or change the relation to one-to-many.",
                 field.span);
    }
  }
}

}  // namespace

void validate_relations(Context& ctx, const ConstraintNamespace& ns) {
  auto criterias = [&](ModelId m) { return unique_criterias(ctx, m); };
  for (const auto& r : ctx.relations) {
    if (r.kind == RK::OneToOne || r.kind == RK::OneToMany) {
      validate_inline(ctx, r, criterias);
      validate_foreign_key_name(ctx, ns, r);
    } else if (r.kind == RK::ImplicitManyToMany) {
      validate_many_to_many(ctx, r);
    }
  }
}

void finalize_relations(Context& ctx) {
  for (const auto& r : ctx.relations) {
    if (!r.field_a || !r.field_b) continue;
    Relation out;
    out.kind = r.kind == RK::OneToOne    ? Relation::Kind::OneToOne
               : r.kind == RK::OneToMany ? Relation::Kind::OneToMany
                                         : Relation::Kind::ManyToMany;
    out.model_a = r.model_a;
    out.model_b = r.model_b;
    out.field_a = *r.field_a;
    out.field_b = *r.field_b;
    const Field& fa = ctx.field(r.model_a, *r.field_a);
    out.name_is_explicit = r.name.has_value();
    out.name = r.name ? *r.name : ctx.relation_name_of(r.model_a, *r.field_a);
    if (out.kind != Relation::Kind::ManyToMany && fa.relation_attribute) {
      const auto& ra = *fa.relation_attribute;
      if (ra.fields) out.fields = *ra.fields;
      out.references = referenced_fields(ctx, r);
      out.on_delete = ra.on_delete;
      out.on_update = ra.on_update;
      out.map = ra.map;
    }
    RelationId id{static_cast<std::uint32_t>(ctx.schema.relations.size())};
    ctx.schema.models[r.model_a.value].fields[r.field_a->value].relation = id;
    ctx.schema.models[r.model_b.value].fields[r.field_b->value].relation = id;
    ctx.schema.relations.push_back(std::move(out));
  }
}

}  // namespace godwit::psl::detail
