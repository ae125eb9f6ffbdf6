// Prisma's schema-wide validations, run once names, types, attributes and relations resolved
// without errors (ENG psl-core validation_pipeline/validations.rs, models.rs, fields.rs,
// indexes.rs, autoincrement.rs, relation_fields.rs, and the connectors' validate_model).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "psl/validate/validate_context.hpp"
#include "psl/validate/validate_rules_util.hpp"

namespace godwit::psl::detail {
namespace {

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
  // Views are exempt: Prisma 7.10.1 walks models only here (validations.rs walk_models), and its
  // own `db pull` writes views without any unique criteria.
  if (m.is_ignored || m.is_view) return;
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
      lines.push_back("- " + join_list(names, ", "));
    }
    msg +=
        " The following unique criterias were not considered as they contain fields that are "
        "not required:\n" +
        join_list(lines, "\n");
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
      rule_attribute_error(
          ctx, attr_name,
          fmt::format("The given constraint name `{}` has to be unique in the "
                      "following namespace: {}. Please provide a different name using "
                      "the `map` argument.",
                      *name, describe_scope(scope, m.name)),
          attribute_arg_span(attr, "map").value_or(pk.span));
    }
  }
  if (pk.name) {
    auto it = ns.local_custom.find({id.value, *pk.name});
    if (it != ns.local_custom.end() && it->second > 1) {
      rule_attribute_error(ctx, attr_name,
                           fmt::format("The given custom name `{}` has to be unique on the model. "
                                       "Please provide a different name for the `name` argument.",
                                       *pk.name),
                           attribute_arg_span(attr, "name").value_or(pk.span));
    }
  }
  if (pk.fields.empty()) {
    rule_attribute_error(
        ctx, attr_name,
        fmt::format("The list of fields in an `{}()` attribute cannot be empty. Please "
                    "specify at least one field.",
                    attr_name),
        pk.span);
  }
  if (pk.fields.size() > 1) {
    std::vector<std::string> names;
    for (const auto& f : pk.fields)
      names.push_back(m.fields[f.field.value].name);
    std::string client = join_list(names, "_");
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
    rule_attribute_error(ctx, attr_name,
                         "The length argument is not supported in the primary key with the current "
                         "connector",
                         pk.span);
  }
  if (!ctx.connector->has(Capability::PrimaryKeySortOrderDefinition) &&
      std::any_of(pk.fields.begin(), pk.fields.end(),
                  [](const IndexField& f) { return f.sort.has_value(); })) {
    rule_attribute_error(ctx, attr_name,
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
                                nt.name, to_string(f.type.scalar), join_list(expected, " or ")),
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
        if (!args.empty()) nt += "(" + join_list(args, ", ") + ")";
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
  // A view has no keys in the database: only unique criteria, for the client (Prisma 7.10.1's
  // view validations: "Views cannot have primary keys." on @id/@@id, "Views cannot have
  // indexes." on @@index and @@fulltext, and no `map:` on @unique/@@unique).
  for (const auto& m : ctx.schema.models) {
    if (!m.is_view) continue;
    if (m.primary_key)
      ctx.diags.error("Error validating: Views cannot have primary keys.", m.primary_key->span);
    for (const auto& idx : m.indexes) {
      if (idx.kind != Index::Kind::Unique) {
        ctx.diags.error("Error validating: Views cannot have indexes.", idx.span);
      } else if (idx.map) {
        ctx.diags.error(
            "Error validating: @@unique annotations on views are not backed by unique indexes in "
            "the database and cannot specify a mapped database name.",
            idx.span);
      }
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
    // A view's unique criteria are checked above (views have no indexes in the database).
    for (std::size_t i = 0; !m.is_view && i < m.indexes.size(); ++i)
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
  validate_relations(ctx, ns);
}

}  // namespace godwit::psl::detail
