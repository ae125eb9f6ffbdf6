// Prisma's schema-wide validations, run once names, types, attributes and relations resolved
// without errors (ENG psl-core validation_pipeline/validations.rs, models.rs, fields.rs,
// indexes.rs, autoincrement.rs, relation_fields.rs, and the connectors' validate_model).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "psl/validate_context.hpp"
#include "psl/validate_rules_util.hpp"

namespace godwit::psl::detail {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? std::string(sep) : "") + items[i];
  return out;
}

std::optional<Span> arg_span(const ast::Attribute* attr, std::string_view name) {
  if (!attr) return std::nullopt;
  for (const auto& a : attr->args)
    if (a.name && a.name->name == name) return a.span;
  return std::nullopt;
}

std::string pk_attribute_name(const Model& m) {
  return m.primary_key && m.primary_key->source_field ? "@id" : "@@id";
}
std::string index_attribute_name(const Index& idx) {
  if (idx.source_field) return "@unique";
  switch (idx.kind) {
    case Index::Kind::Unique:
      return "@@unique";
    case Index::Kind::Normal:
      return "@@index";
    case Index::Kind::Fulltext:
      return "@@fulltext";
  }
  return "@@index";
}

void attribute_error(Context& ctx, std::string_view attr_name, const std::string& msg, Span span) {
  ctx.diags.error(fmt::format("Error parsing attribute \"{}\": {}", attr_name, msg), span);
}

void database_name_clashes(Context& ctx) {
  std::map<std::pair<std::string, std::string>, ModelId> seen;
  for (std::uint32_t i = 0; i < ctx.schema.models.size(); ++i) {
    const Model& m = ctx.schema.models[i];
    auto key = std::make_pair(m.schema.value_or(""), m.database_name());
    auto [it, inserted] = seen.emplace(key, ModelId{i});
    if (inserted) continue;
    const Model& existing = ctx.model(it->second);
    if (m.mapped_name) {
      ctx.diags.error(
          fmt::format("The model with database name \"{}\" could not be defined because "
                      "another model or view with this name exists: \"{}\"",
                      m.database_name(), existing.name),
          ctx.models[i].map_attr ? ctx.models[i].map_attr->span : m.span);
    } else {
      const auto* attr = ctx.models[it->second.value].map_attr;
      ctx.diags.error(
          fmt::format("The model with database name \"{}\" could not be defined because "
                      "another model or view with this name exists: \"{}\"",
                      m.database_name(), m.name),
          attr ? attr->span : existing.span);
    }
  }
}

void strict_unique_criteria(Context& ctx, ModelId id) {
  const Model& m = ctx.model(id);
  if (m.is_ignored) return;
  auto criterias = unique_criterias(ctx, id);
  for (const auto& c : criterias) {
    bool strict = std::all_of(c.fields.begin(), c.fields.end(), [&](FieldId f) {
      const Field& fld = m.fields[f.value];
      return fld.arity == Arity::Required && fld.type.kind != FieldType::Kind::Unsupported;
    });
    if (strict) return;
  }
  const char* c = ctx.container(id);
  std::string msg = fmt::format(
      "Each {0} must have at least one unique criteria that has only "
      "required fields. Either mark a single field with `@id`, `@unique` "
      "or add a multi field criterion with `@@id([])` or `@@unique([])` "
      "to the {0}.",
      c);
  if (!criterias.empty()) {
    std::vector<std::string> lines;
    for (const auto& cr : criterias) {
      std::vector<std::string> names;
      for (auto f : cr.fields)
        names.push_back(m.fields[f.value].name);
      lines.push_back("- " + join(names, ", "));
    }
    msg +=
        " The following unique criterias were not considered as they contain fields that are "
        "not required:\n" +
        join(lines, "\n");
  }
  ctx.diags.error(fmt::format("Error validating {} \"{}\": {}", c, m.name, msg), m.span);
}

void primary_key_rules(Context& ctx, ModelId id, const ConstraintNamespace& ns) {
  const Model& m = ctx.model(id);
  if (!m.primary_key) return;
  const PrimaryKey& pk = *m.primary_key;
  const ast::Attribute* attr = ctx.mctx(id).pk_attr;
  std::string attr_name = pk_attribute_name(m);
  if (auto name = primary_key_constraint_name(ctx, id)) {
    if (attr) validate_db_name_length(ctx, m.name, *attr, pk.map, !pk.source_field);
    for (auto scope : ns.violations(ctx, id, ConstraintNamespace::Kind::PrimaryKey, *name)) {
      attribute_error(ctx, attr_name,
                      fmt::format("The given constraint name `{}` has to be unique in the "
                                  "following namespace: {}. Please provide a different name using "
                                  "the `map` argument.",
                                  *name, describe_scope(scope, m.name)),
                      arg_span(attr, "map").value_or(pk.span));
    }
  }
  if (pk.name) {
    auto it = ns.local_custom.find({id.value, *pk.name});
    if (it != ns.local_custom.end() && it->second > 1) {
      attribute_error(ctx, attr_name,
                      fmt::format("The given custom name `{}` has to be unique on the model. "
                                  "Please provide a different name for the `name` argument.",
                                  *pk.name),
                      arg_span(attr, "name").value_or(pk.span));
    }
  }
  if (pk.fields.empty()) {
    attribute_error(ctx, attr_name,
                    fmt::format("The list of fields in an `{}()` attribute cannot be empty. Please "
                                "specify at least one field.",
                                attr_name),
                    pk.span);
  }
  if (pk.fields.size() > 1) {
    std::vector<std::string> names;
    for (const auto& f : pk.fields)
      names.push_back(m.fields[f.field.value].name);
    std::string client = join(names, "_");
    bool clash = std::any_of(m.fields.begin(), m.fields.end(),
                             [&](const Field& f) { return !f.is_relation() && f.name == client; });
    if (clash) {
      ctx.diags.error(
          fmt::format("Error validating {} \"{}\": The field `{}` clashes with the "
                      "`@@id` attribute's name. Please resolve the conflict by "
                      "providing a custom id name: `@@id([...], name: \"custom_name\")`",
                      ctx.container(id), m.name, client),
          pk.span);
    }
  }
  if (pk.map && !ctx.connector->has(Capability::NamedPrimaryKeys)) {
    ctx.diags.error(fmt::format("Error validating {} \"{}\": You defined a database name for the "
                                "primary key on the model. This is not supported by the provider.",
                                ctx.container(id), m.name),
                    m.span);
  }
  if (pk.fields.size() > 1 && !ctx.connector->has(Capability::CompoundIds)) {
    ctx.diags.error(
        fmt::format("Error validating {} \"{}\": The current connector does not support "
                    "compound ids.",
                    ctx.container(id), m.name),
        pk.span);
  }
  if (!ctx.connector->has(Capability::IndexColumnLengthPrefixing) &&
      std::any_of(pk.fields.begin(), pk.fields.end(),
                  [](const IndexField& f) { return f.length.has_value(); })) {
    attribute_error(ctx, attr_name,
                    "The length argument is not supported in the primary key with the current "
                    "connector",
                    pk.span);
  }
  if (!ctx.connector->has(Capability::PrimaryKeySortOrderDefinition) &&
      std::any_of(pk.fields.begin(), pk.fields.end(),
                  [](const IndexField& f) { return f.sort.has_value(); })) {
    attribute_error(ctx, attr_name,
                    "The sort argument is not supported in the primary key with the current "
                    "connector",
                    pk.span);
  }
}

void autoincrement_rules(Context& ctx, ModelId id) {
  const Model& m = ctx.model(id);
  std::vector<FieldId> fields;
  for (std::uint32_t i = 0; i < m.fields.size(); ++i) {
    const auto& d = m.fields[i].default_value;
    if (d && d->kind == DefaultValue::Kind::Function &&
        d->function == DefaultFunction::Autoincrement)
      fields.push_back(FieldId{i});
  }
  if (fields.empty()) return;
  const Connector& c = *ctx.connector;
  if (!c.has(Capability::AutoIncrement)) {
    for (auto f : fields) {
      ctx.diags.error(
          "Error parsing attribute \"@default\": The `autoincrement()` default value is "
          "used with a datasource that does not support it.",
          m.fields[f.value].default_value->span);
    }
    return;
  }
  if (!c.has(Capability::AutoIncrementMultipleAllowed) && fields.size() > 1) {
    ctx.diags.error(
        "Error parsing attribute \"@default\": The `autoincrement()` default value is "
        "used multiple times on this model even though the underlying datasource only "
        "supports one instance per table.",
        m.span);
  }
  for (auto f : fields) {
    bool single_pk =
        m.primary_key && m.primary_key->fields.size() == 1 && m.primary_key->fields[0].field == f;
    bool indexed =
        single_pk || std::any_of(m.indexes.begin(), m.indexes.end(), [&](const Index& i) {
          return !i.fields.empty() && i.fields[0].field == f;
        });
    if (m.primary_key && !m.primary_key->fields.empty() && m.primary_key->fields[0].field == f)
      indexed = true;
    if (!c.has(Capability::AutoIncrementAllowedOnNonId) && !single_pk) {
      ctx.diags.error(
          "Error parsing attribute \"@default\": The `autoincrement()` default value is "
          "used on a non-id field even though the datasource does not support this.",
          m.fields[f.value].span);
    }
    if (!c.has(Capability::AutoIncrementNonIndexedAllowed) && !indexed) {
      ctx.diags.error(
          "Error parsing attribute \"@default\": The `autoincrement()` default value is "
          "used on a non-indexed field even though the datasource does not support "
          "this.",
          m.fields[f.value].span);
    }
  }
}

void native_type_rules(Context& ctx, ModelId id, FieldId fid) {
  const Field& f = ctx.field(id, fid);
  if (!f.native_type || f.type.kind != FieldType::Kind::Scalar) return;
  const NativeTypeAttribute& nt = *f.native_type;
  if (ctx.datasource && ctx.datasource->name != nt.datasource) {
    ctx.diags.error(fmt::format("The prefix {} is invalid. It must be equal to the name of an "
                                "existing datasource e.g. {}. Did you mean to use {}.{}?",
                                nt.datasource, ctx.datasource->name, ctx.datasource->name, nt.name),
                    nt.span);
  }
  const Connector& c = *ctx.connector;
  if (!c.checks_native_types) return;
  const NativeTypeCtor* ctor = c.find_native_type(nt.name);
  std::string provider = ctx.datasource ? std::string(c.provider) : "Default";
  if (!ctor) {
    ctx.diags.error(
        fmt::format("Native type {} is not supported for {} connector.", nt.name, provider),
        nt.span);
    return;
  }
  int n = static_cast<int>(nt.args.size());
  if (n < ctor->required_args || (n > ctor->required_args && ctor->optional_args == 0)) {
    ctx.diags.error(fmt::format("Function \"{}\" takes {} arguments, but received {}.", nt.name,
                                ctor->required_args, n),
                    nt.span);
    return;
  }
  if (n > ctor->required_args + ctor->optional_args && ctor->optional_args > 0) {
    ctx.diags.error(fmt::format("Native type {} takes {} optional arguments, but received {}.",
                                nt.name, ctor->optional_args, n),
                    nt.span);
    return;
  }
  if (std::find(ctor->scalar_types.begin(), ctor->scalar_types.end(), f.type.scalar) ==
      ctor->scalar_types.end()) {
    std::vector<std::string> expected;
    for (auto t : ctor->scalar_types)
      expected.emplace_back(to_string(t));
    ctx.diags.error(fmt::format("Native type {} is not compatible with declared field type {}, "
                                "expected field type {}.",
                                nt.name, to_string(f.type.scalar), join(expected, " or ")),
                    nt.span);
    return;
  }
  validate_native_type_args(c, nt.name, nt.args, f.type.scalar, nt.span, ctx.diags);
}

void scalar_field_rules(Context& ctx, ModelId id, FieldId fid) {
  const Model& m = ctx.model(id);
  const Field& f = m.fields[fid.value];
  const Connector& c = *ctx.connector;
  const char* container = ctx.container(id);
  if (f.type.kind == FieldType::Kind::Scalar && f.type.scalar == ScalarType::Json) {
    if (!c.has(Capability::Json)) {
      ctx.diags.error(fmt::format("Error validating field `{0}` in {1} `{2}`: Field `{0}` in {1} "
                                  "`{2}` can't be of type Json. The current connector does not "
                                  "support the Json type.",
                                  f.name, container, m.name),
                      f.span);
    }
    if (f.arity == Arity::List && !c.has(Capability::JsonLists)) {
      ctx.diags.error(fmt::format("Error validating field `{0}` in {1} `{2}`: Field `{0}` in {1} "
                                  "`{2}` can't be of type Json[]. The current connector does not "
                                  "support the Json List type.",
                                  f.name, container, m.name),
                      f.span);
    }
  }
  if (f.type.kind == FieldType::Kind::Scalar && f.type.scalar == ScalarType::Decimal &&
      !c.has(Capability::DecimalType)) {
    ctx.diags.error(fmt::format("Error validating field `{0}` in {1} `{2}`: Field `{0}` in {1} "
                                "`{2}` can't be of type Decimal. The current connector does not "
                                "support the Decimal type.",
                                f.name, container, m.name),
                    f.span);
  }
  if (f.arity == Arity::List && !c.has(Capability::ScalarLists)) {
    ctx.diags.error(fmt::format("Field \"{}\" in {} \"{}\" can't be a list. The current connector "
                                "does not support lists of primitive types.",
                                f.name, container, m.name),
                    f.span);
  }
  native_type_rules(ctx, id, fid);
  // Unsupported("X(args)") that is a native type of the provider.
  if (f.type.kind == FieldType::Kind::Unsupported && ctx.datasource && c.checks_native_types) {
    const std::string& lit = f.type.unsupported;
    auto paren = lit.find('(');
    std::string prefix(lit.substr(0, paren));
    while (!prefix.empty() && prefix.back() == ' ')
      prefix.pop_back();
    while (!prefix.empty() && prefix.front() == ' ')
      prefix.erase(0, 1);
    std::vector<std::string> args;
    bool well_formed = !prefix.empty();
    if (paren != std::string::npos) {
      auto close = lit.find(')', paren);
      well_formed = well_formed && close != std::string::npos && close + 1 == lit.size();
      if (well_formed) {
        std::string inner = lit.substr(paren + 1, close - paren - 1);
        std::size_t start = 0;
        while (true) {
          auto comma = inner.find(',', start);
          std::string a =
              inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
          a.erase(0, a.find_first_not_of(' '));
          a.erase(a.find_last_not_of(' ') + 1);
          args.push_back(a);
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      }
    }
    const NativeTypeCtor* ctor = well_formed ? c.find_native_type(prefix) : nullptr;
    if (ctor) {
      int n = static_cast<int>(args.size());
      bool counts_ok = n >= ctor->required_args && n <= ctor->required_args + ctor->optional_args;
      bool numeric = std::all_of(args.begin(), args.end(), [](const std::string& a) {
        return !a.empty() &&
               std::all_of(a.begin(), a.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      });
      if (counts_ok && numeric) {
        std::string nt = prefix;
        if (!args.empty()) nt += "(" + join(args, ", ") + ")";
        ctx.diags.error(
            fmt::format("Error validating: The type `Unsupported(\"{}\")` you specified "
                        "in the type definition for the field `{}` is supported as a "
                        "native type by Prisma. Please use the native type notation "
                        "`{} @{}.{}` for full support.",
                        lit, f.name, to_string(ctor->scalar_types[0]), ctx.datasource->name, nt),
            f.span);
      }
    }
  }
}

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
    return join(out, ", ");
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
    check_action(f.relation_attribute->on_delete,
                 fc.on_delete_span ? arg_span(fc.relation_attr, "onDelete") : std::nullopt);
    check_action(f.relation_attribute->on_update,
                 fc.on_update_span ? arg_span(fc.relation_attr, "onUpdate") : std::nullopt);
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

void index_rules(Context& ctx, ModelId id, std::size_t i, const ConstraintNamespace& ns) {
  const Model& m = ctx.model(id);
  const Index& idx = m.indexes[i];
  const ast::Attribute* attr = ctx.mctx(id).indexes[i].attr;
  std::string attr_name = index_attribute_name(idx);
  const Connector& c = *ctx.connector;
  if (idx.fields.empty()) {
    attribute_error(ctx, attr_name,
                    "The list of fields in an index cannot be empty. Please specify at least one "
                    "field.",
                    idx.span);
  }
  std::string name = index_constraint_name(ctx, id, idx);
  for (auto scope : ns.violations(ctx, id, ConstraintNamespace::Kind::Index, name)) {
    Span span = arg_span(attr, "map").value_or(arg_span(attr, "name").value_or(idx.span));
    attribute_error(ctx, attr_name,
                    fmt::format("The given constraint name `{}` has to be unique in the following "
                                "namespace: {}. Please provide a different name using the `map` "
                                "argument.",
                                name, describe_scope(scope, m.name)),
                    span);
  }
  if (idx.kind == Index::Kind::Unique && idx.fields.size() > 1) {
    std::vector<std::string> names;
    for (const auto& f : idx.fields)
      names.push_back(m.fields[f.field.value].name);
    std::string client = join(names, "_");
    if (std::any_of(m.fields.begin(), m.fields.end(),
                    [&](const Field& f) { return !f.is_relation() && f.name == client; })) {
      ctx.diags.error(fmt::format("Error validating {0} \"{1}\": The field `{2}` clashes with the "
                                  "`{3}` name. Please resolve the conflict by providing a custom "
                                  "id name: `{3}([...], name: \"custom_name\")`",
                                  ctx.container(id), m.name, client, attr_name),
                      idx.span);
    }
  }
  if (idx.name) {
    auto it = ns.local_custom.find({id.value, *idx.name});
    if (it != ns.local_custom.end() && it->second > 1) {
      attribute_error(ctx, attr_name,
                      fmt::format("The given custom name `{}` has to be unique on the model. "
                                  "Please provide a different name for the `name` argument.",
                                  *idx.name),
                      arg_span(attr, "name").value_or(idx.span));
    }
  }
  bool has_length = std::any_of(idx.fields.begin(), idx.fields.end(),
                                [](const IndexField& f) { return f.length.has_value(); });
  bool has_sort = std::any_of(idx.fields.begin(), idx.fields.end(),
                              [](const IndexField& f) { return f.sort.has_value(); });
  if (!c.has(Capability::IndexColumnLengthPrefixing) && has_length) {
    attribute_error(ctx, attr_name,
                    "The length argument is not supported in an index definition with the current "
                    "connector",
                    idx.span);
  }
  if (idx.algorithm && !c.supports_index_algorithm(*idx.algorithm)) {
    attribute_error(ctx, attr_name,
                    "The given index type is not supported with the current connector",
                    arg_span(attr, "type").value_or(idx.span));
  }
  if (c.supports_index_algorithm(IndexAlgorithm::Hash) && idx.algorithm == IndexAlgorithm::Hash &&
      has_sort) {
    attribute_error(ctx, attr_name, "Hash type does not support sort option.", idx.span);
  }
  if (idx.kind == Index::Kind::Fulltext) {
    if (!c.has(Capability::FullTextIndex)) {
      attribute_error(ctx, attr_name,
                      "Defining fulltext indexes is not supported with the current connector.",
                      idx.span);
    } else if (has_length) {
      attribute_error(ctx, attr_name,
                      "The length argument is not supported in a @@fulltext attribute.", idx.span);
    }
  }
  if (attr) validate_db_name_length(ctx, m.name, *attr, idx.map, !idx.source_field);
  if (idx.clustered && !c.has(Capability::ClusteringSetting)) {
    attribute_error(ctx, attr_name,
                    "Defining clustering is not supported in the current connector.", idx.span);
  }
  if (idx.kind != Index::Kind::Normal &&
      std::any_of(idx.fields.begin(), idx.fields.end(),
                  [](const IndexField& f) { return f.ops.has_value(); })) {
    attribute_error(ctx, attr_name,
                    "Operator classes can only be defined to fields in an @@index attribute.",
                    idx.span);
  }
  if (c.has(Capability::IndexColumnLengthPrefixing)) {
    for (const auto& f : idx.fields) {
      const Field& fld = m.fields[f.field.value];
      bool ok = fld.type.kind == FieldType::Kind::Unsupported ||
                (fld.type.kind == FieldType::Kind::Scalar &&
                 (fld.type.scalar == ScalarType::String || fld.type.scalar == ScalarType::Bytes));
      if (f.length && !ok) {
        attribute_error(ctx, attr_name,
                        "The length argument is only allowed with field types `String` or `Bytes`.",
                        idx.span);
      }
    }
  }
  // PostgreSQL index checks (ENG postgres_datamodel_connector/validations.rs).
  if (c.provider == "postgresql") {
    for (const auto& f : idx.fields) {
      const Field& fld = m.fields[f.field.value];
      if (fld.native_type && fld.native_type->name == "Xml") {
        ctx.diags.error(idx.kind == Index::Kind::Unique
                            ? "Native type `Xml` cannot be unique in Postgres."
                            : "You cannot define an index on fields with native type `Xml` of "
                              "Postgres.",
                        fld.span);
        break;
      }
    }
    if (idx.algorithm == IndexAlgorithm::SpGist && idx.fields.size() != 1) {
      attribute_error(ctx, attr_name, "SpGist does not support multi-column indices.", idx.span);
    }
    IndexAlgorithm algo = idx.algorithm.value_or(IndexAlgorithm::BTree);
    if (algo != IndexAlgorithm::BTree && algo != IndexAlgorithm::Hash) {
      static const char* kAlgoNames[] = {"BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"};
      for (const auto& f : idx.fields) {
        if (f.ops_raw || f.ops) continue;  // operator classes: godwit trusts them
        const Field& fld = m.fields[f.field.value];
        bool ok = true;
        bool is = fld.type.kind == FieldType::Kind::Scalar;
        auto st = fld.type.scalar;
        const std::string nt = fld.native_type ? fld.native_type->name : "";
        if (fld.type.kind == FieldType::Kind::Unsupported) continue;
        switch (algo) {
          case IndexAlgorithm::Gist:
            ok = nt == "Inet";
            break;
          case IndexAlgorithm::Gin:
            ok = fld.arity == Arity::List ||
                 (is && st == ScalarType::Json && (nt.empty() || nt == "JsonB"));
            break;
          case IndexAlgorithm::SpGist:
            ok = nt == "Inet" || (nt.empty() && is && st == ScalarType::String) || nt == "Text" ||
                 nt == "VarChar" || nt == "Char";
            break;
          case IndexAlgorithm::Brin:
            ok = !nt.empty() ? nt != "Text" && nt != "Json" && nt != "JsonB" && nt != "Xml" &&
                                   nt != "Citext"
                             : is && st != ScalarType::Boolean && st != ScalarType::Json &&
                                   st != ScalarType::String;
            break;
          default:
            break;
        }
        if (ok) continue;
        if (!nt.empty()) {
          attribute_error(ctx, attr_name,
                          fmt::format("The {} index field type `{}` has no default operator class.",
                                      kAlgoNames[static_cast<int>(algo)], nt),
                          idx.span);
        } else {
          attribute_error(
              ctx, attr_name,
              fmt::format("The {} index type does not support the type of the field `{}`.",
                          kAlgoNames[static_cast<int>(algo)], fld.name),
              idx.span);
        }
      }
    }
  }
}

}  // namespace

void validate_rules(Context& ctx) {
  const Connector& c = *ctx.connector;
  // Views need their preview feature.
  if (!ctx.preview_features.count("views")) {
    for (const auto& m : ctx.schema.models) {
      if (m.is_view)
        ctx.diags.error(
            "Error validating: View definitions are only available with the `views` "
            "preview feature.",
            m.span);
    }
  }
  database_name_clashes(ctx);
  if (!c.has(Capability::CompositeTypes)) {
    for (const auto& ct : ctx.schema.composite_types) {
      ctx.diags.error(
          fmt::format("Error validating: Composite types are not supported on {}.", c.name),
          ct.span);
    }
  }
  // Unknown @default functions (the connector's check; CockroachDB knows sequence()).
  for (std::uint32_t mi = 0; mi < ctx.schema.models.size(); ++mi) {
    for (std::uint32_t fi = 0; fi < ctx.schema.models[mi].fields.size(); ++fi) {
      const FieldCtx& fc = ctx.models[mi].fields[fi];
      if (!fc.unknown_default_function || !fc.default_expr) continue;
      if (c.provider == "cockroachdb" && fc.default_expr->value == "sequence") continue;
      ctx.diags.error(fmt::format("Unknown function in @default(): `{}` is not known. You can read "
                                  "about the available functions here: "
                                  "https://pris.ly/d/attribute-functions",
                                  fc.default_expr->value),
                      fc.default_expr->span);
    }
  }
  ConstraintNamespace ns = build_constraint_namespace(ctx);
  validate_default_values(ctx);
  for (std::uint32_t mi = 0; mi < ctx.schema.models.size(); ++mi) {
    ModelId id{mi};
    const Model& m = ctx.schema.models[mi];
    strict_unique_criteria(ctx, id);
    primary_key_rules(ctx, id, ns);
    autoincrement_rules(ctx, id);
    for (std::uint32_t fi = 0; fi < m.fields.size(); ++fi) {
      if (m.fields[fi].is_relation()) continue;
      scalar_field_rules(ctx, id, FieldId{fi});
      client_name_rules(ctx, id, m.fields[fi]);
    }
    for (std::uint32_t fi = 0; fi < m.fields.size(); ++fi) {
      if (!m.fields[fi].is_relation()) continue;
      if (!relation_field_rules(ctx, id, FieldId{fi})) return;
    }
    for (std::size_t i = 0; i < m.indexes.size(); ++i)
      index_rules(ctx, id, i, ns);
  }
  if (!c.has(Capability::Enums)) {
    for (const auto& e : ctx.schema.enums) {
      ctx.diags.error(fmt::format("Error validating: You defined the enum `{}`. But the current "
                                  "connector does not support enums.",
                                  e.name),
                      e.span);
    }
  }
  // Multi-schema (GA in Prisma 7).
  bool multi = c.has(Capability::MultiSchema);
  auto check_schema = [&](const std::optional<std::string>& schema, const std::optional<Span>& span,
                          const char* container, const std::string& name, Span block_span) {
    if (!multi) {
      if (span)
        ctx.diags.error("@@schema is not supported on the current datasource provider", *span);
      return;
    }
    if (!ctx.datasource) return;
    if (schema) {
      const auto& list = ctx.datasource->schemas;
      if (std::find(list.begin(), list.end(), *schema) == list.end()) {
        ctx.diags.error(
            "This schema is not defined in the datasource. Read more on `@@schema` at "
            "https://pris.ly/d/multi-schema",
            *span);
      }
      return;
    }
    if (!ctx.datasource->schemas_span || c.provider == "mysql") return;
    if (std::string_view(container) == "enum") {
      ctx.diags.error(fmt::format("Error validating enum `{}`: This enum is missing an `@@schema` "
                                  "attribute.",
                                  name),
                      block_span);
    } else {
      ctx.diags.error(fmt::format("Error validating {0} \"{1}\": This {0} is missing an "
                                  "`@@schema` attribute.",
                                  container, name),
                      block_span);
    }
  };
  for (std::uint32_t mi = 0; mi < ctx.schema.models.size(); ++mi) {
    const Model& m = ctx.schema.models[mi];
    check_schema(m.schema, ctx.models[mi].schema_span, m.is_view ? "view" : "model", m.name,
                 m.span);
  }
  for (std::uint32_t ei = 0; ei < ctx.schema.enums.size(); ++ei) {
    const Enum& e = ctx.schema.enums[ei];
    check_schema(e.schema, ctx.enums[ei].schema_span, "enum", e.name, e.span);
  }
  if (!multi && ctx.datasource && ctx.datasource->schemas_span) {
    ctx.diags.error("The `schemas` property is not supported on the current connector.",
                    *ctx.datasource->schemas_span);
  }
  validate_relations(ctx);
}

}  // namespace godwit::psl::detail
