// Relation field checks: ambiguity, referential actions per provider and relation mode,
// foreign key names, ignored related models (ENG psl-core validations/relation_fields.rs),
// and client-name clashes (fields.rs).
#include <fmt/format.h>

#include <algorithm>

#include "psl/validate/validate_rules_util.hpp"

namespace godwit::psl::detail {

void client_name_rules(Context& ctx, ModelId id, const Field& f) {
  const Model& m = ctx.model(id);
  const char* c = ctx.container(id);
  for (const auto& idx : m.indexes) {
    if (!idx.name || *idx.name != f.name) continue;
    ctx.diags.error(
        fmt::format("Error validating {} \"{}\": The custom name `{}` specified for the "
                    "`{}` attribute is already used as a name for a field. Please "
                    "choose a different name.",
                    c, m.name, f.name, idx.kind == Index::Kind::Unique ? "@@unique" : "@@index"),
        m.span);
  }
  if (m.primary_key && m.primary_key->name && *m.primary_key->name == f.name) {
    ctx.diags.error(
        fmt::format("Error validating {} \"{}\": The custom name `{}` specified for the "
                    "`@@id` attribute is already used as a name for a field. Please "
                    "choose a different name.",
                    c, m.name, f.name),
        m.span);
  }
}

/// Relation field checks; returns false on an ambiguity (Prisma stops validating there).
bool relation_field_rules(Context& ctx, ModelId id, FieldId fid) {
  const Model& m = ctx.model(id);
  const Field& f = m.fields[fid.value];
  ModelId related = f.type.model_id;
  std::string name = ctx.relation_name_of(id, fid);
  bool explicit_name = f.relation_attribute && f.relation_attribute->name;
  std::vector<FieldId> same;
  for (std::uint32_t i = 0; i < m.fields.size(); ++i) {
    const Field& o = m.fields[i];
    if (!o.is_relation() || o.type.model_id != related) continue;
    bool o_explicit = o.relation_attribute && o.relation_attribute->name;
    if (o_explicit == explicit_name && ctx.relation_name_of(id, FieldId{i}) == name)
      same.push_back(FieldId{i});
  }
  if (same.size() > 1) {
    std::vector<std::string> quoted;
    for (auto s : same)
      quoted.push_back("`" + m.fields[s.value].name + "`");
    std::string list;
    if (quoted.size() == 2) {
      list = quoted[0] + " and " + quoted[1];
    } else {
      for (std::size_t i = 0; i < quoted.size(); ++i) {
        list += quoted[i];
        if (i + 2 < quoted.size())
          list += ", ";
        else if (i + 1 < quoted.size())
          list += " and ";
      }
    }
    bool self = related == id;
    std::string msg;
    if (!explicit_name && self && same.size() == 2) {
      msg = fmt::format(
          "Ambiguous self relation detected. The fields {} in model `{}` both refer "
          "to `{}`. If they are part of the same relation add the same relation "
          "name for them with `@relation(<name>)`.",
          list, m.name, m.name);
    } else if (!explicit_name && self) {
      msg = fmt::format(
          "Unnamed self relation detected. The fields {} in model `{}` have no "
          "relation name. Please provide a relation name for one of them by adding "
          "`@relation(<name>).",
          list, m.name);
    } else if (explicit_name && self && same.size() > 2) {
      msg = fmt::format(
          "Wrongly named self relation detected. The fields {} in model `{}` have the "
          "same relation name. At most two relation fields can belong to the same "
          "relation and therefore have the same name. Please assign a different "
          "relation name to one of them.",
          list, m.name);
    } else if (explicit_name && self) {
      msg.clear();
    } else if (!explicit_name) {
      msg = fmt::format(
          "Ambiguous relation detected. The fields {} in model `{}` both refer to "
          "`{}`. Please provide different relation names for them by adding "
          "`@relation(<name>).",
          list, m.name, ctx.model(related).name);
    } else {
      msg = fmt::format(
          "Wrongly named relation detected. The fields {} in model `{}` both use the "
          "same relation name. Please provide different relation names for them "
          "through `@relation(<name>).",
          list, m.name);
    }
    if (!msg.empty()) {
      ctx.diags.error(fmt::format("Error validating {} \"{}\": {}", ctx.container(id), m.name, msg),
                      f.span);
      return false;
    }
  }
  client_name_rules(ctx, id, f);
  const Model& rm = ctx.model(related);
  if (rm.is_ignored && !f.is_ignored && !m.is_ignored) {
    ctx.diags.error(fmt::format("Error parsing attribute \"@ignore\": The relation field `{}` on "
                                "Model `{}` must specify the `@ignore` attribute, because the "
                                "model {} it is pointing to is marked ignored.",
                                f.name, m.name, rm.name),
                    f.span);
  }
  const Connector& c = *ctx.connector;
  ActionSet allowed = ctx.relation_mode_prisma ? c.emulated_actions : c.foreign_key_actions;
  auto allowed_text = [&] {
    std::vector<std::string> out;
    for (int a = 0; a < 5; ++a)
      if (allowed & (1u << a))
        out.push_back(fmt::format("`{}`", to_string(static_cast<ReferentialAction>(a))));
    return join_list(out, ", ");
  };
  const FieldCtx& fc = ctx.fctx(id, fid);
  auto check_action = [&](const std::optional<ReferentialAction>& a,
                          const std::optional<Span>& span) {
    if (!a || (allowed & action_bit(*a))) return;
    std::string msg = fmt::format("Invalid referential action: `{}`. Allowed values: ({})",
                                  to_string(*a), allowed_text());
    if (ctx.relation_mode_prisma && *a == ReferentialAction::NoAction &&
        (c.emulated_actions & action_bit(ReferentialAction::Restrict))) {
      msg += fmt::format(
          ". `NoAction` is not implemented for {} when using `relationMode = "
          "\"prisma\"`, you could try using `Restrict` instead. Learn more at "
          "https://pris.ly/d/relation-mode",
          c.name);
    }
    ctx.diags.error("Error validating: " + msg, span.value_or(f.span));
  };
  // relationMode = "prisma": foreign key columns without an index (ENG relation_fields.rs
  // validate_missing_relation_indexes).
  if (ctx.relation_mode_prisma && c.provider != "mongodb" && f.relation_attribute &&
      f.relation_attribute->fields && !f.relation_attribute->fields->empty()) {
    const auto& fl = *f.relation_attribute->fields;
    auto leftwise = [&](const std::vector<IndexField>& idx) {
      if (idx.size() < fl.size()) return false;
      for (std::size_t k = 0; k < fl.size(); ++k)
        if (idx[k].field != fl[k]) return false;
      return true;
    };
    bool covered = std::any_of(m.indexes.begin(), m.indexes.end(),
                               [&](const Index& i) { return leftwise(i.fields); }) ||
                   (m.primary_key && leftwise(m.primary_key->fields));
    if (!covered) {
      ctx.diags.warning(
          "With `relationMode = \"prisma\"`, no foreign keys are used, so relation "
          "fields will not benefit from the index usually created by the relational "
          "database under the hood. This can lead to poor performance when querying "
          "these fields. We recommend adding an index manually. Learn more at "
          "https://pris.ly/d/relation-mode-prisma-indexes\" ",
          f.relation_attribute->span);
    }
  }
  if (f.relation_attribute) {
    check_action(
        f.relation_attribute->on_delete,
        fc.on_delete_span ? attribute_arg_span(fc.relation_attr, "onDelete") : std::nullopt);
    check_action(
        f.relation_attribute->on_update,
        fc.on_update_span ? attribute_arg_span(fc.relation_attr, "onUpdate") : std::nullopt);
    if (f.relation_attribute->map) {
      if (!c.has(Capability::NamedForeignKeys)) {
        ctx.diags.error(
            "Error parsing attribute \"@relation\": Your provider does not support "
            "named foreign keys.",
            f.relation_attribute->span);
      } else if (fc.relation_attr) {
        validate_db_name_length(ctx, m.name, *fc.relation_attr, f.relation_attribute->map, false);
      }
    }
  }
  return true;
}

}  // namespace godwit::psl::detail
