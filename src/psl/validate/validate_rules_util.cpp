#include "psl/validate/validate_rules_util.hpp"

#include <fmt/format.h>

#include <span>

#include "psl/constraint_names.hpp"

namespace godwit::psl::detail {

std::vector<UniqueCriteria> unique_criterias(const Context& ctx, ModelId model) {
  std::vector<UniqueCriteria> out;
  const Model& m = ctx.model(model);
  auto fields = [](const std::vector<IndexField>& f) {
    std::vector<FieldId> ids;
    for (const auto& x : f)
      ids.push_back(x.field);
    return ids;
  };
  if (m.primary_key) out.push_back({fields(m.primary_key->fields)});
  for (const auto& idx : m.indexes)
    if (idx.kind == Index::Kind::Unique) out.push_back({fields(idx.fields)});
  return out;
}

ReferentialAction effective_on_delete(const Field& forward, bool relation_mode_prisma) {
  (void)relation_mode_prisma;  // Restrict is available in both modes on every SQL connector
  if (forward.relation_attribute && forward.relation_attribute->on_delete)
    return *forward.relation_attribute->on_delete;
  return forward.arity == Arity::Required ? ReferentialAction::Restrict
                                          : ReferentialAction::SetNull;
}

std::string index_constraint_name(const Context& ctx, ModelId model, const Index& index) {
  if (index.map) return *index.map;
  const Model& m = ctx.model(model);
  std::vector<std::string> cols;
  for (const auto& f : index.fields)
    cols.push_back(m.fields[f.field.value].database_name());
  std::size_t limit = ctx.connector->max_identifier_length;
  return index.kind == Index::Kind::Unique ? unique_index_name(m.database_name(), cols, limit)
                                           : psl::index_name(m.database_name(), cols, limit);
}

std::optional<std::string> primary_key_constraint_name(const Context& ctx, ModelId model) {
  const Model& m = ctx.model(model);
  if (!m.primary_key || !ctx.connector->has(Capability::NamedPrimaryKeys)) return std::nullopt;
  if (m.primary_key->map) return *m.primary_key->map;
  return primary_key_name(m.database_name(), ctx.connector->max_identifier_length);
}

std::string foreign_key_constraint_name(const Context& ctx, const RelationCtx& r) {
  std::vector<std::string> cols;
  if (r.field_a) {
    const Field& f = ctx.field(r.model_a, *r.field_a);
    if (f.relation_attribute && f.relation_attribute->map) return *f.relation_attribute->map;
    if (f.relation_attribute && f.relation_attribute->fields)
      for (auto id : *f.relation_attribute->fields)
        cols.push_back(ctx.field(r.model_a, id).database_name());
  }
  return foreign_key_name(ctx.model(r.model_a).database_name(), cols,
                          ctx.connector->max_identifier_length);
}

namespace {

std::span<const ConstraintScope> possible_scopes(ConstraintNamespace::Kind kind) {
  using S = ConstraintScope;
  static constexpr S kIndex[] = {S::GlobalKeyIndex, S::GlobalPrimaryKeyKeyIndex, S::ModelKeyIndex,
                                 S::ModelPrimaryKeyKeyIndex};
  static constexpr S kRelation[] = {S::GlobalForeignKey, S::GlobalPrimaryKeyForeignKeyDefault,
                                    S::ModelPrimaryKeyKeyIndexForeignKey};
  static constexpr S kDefault[] = {S::GlobalPrimaryKeyForeignKeyDefault};
  static constexpr S kPrimaryKey[] = {S::GlobalPrimaryKeyForeignKeyDefault,
                                      S::GlobalPrimaryKeyKeyIndex, S::ModelPrimaryKeyKeyIndex,
                                      S::ModelPrimaryKeyKeyIndexForeignKey};
  switch (kind) {
    case ConstraintNamespace::Kind::Index:
      return kIndex;
    case ConstraintNamespace::Kind::Relation:
      return kRelation;
    case ConstraintNamespace::Kind::Default:
      return kDefault;
    case ConstraintNamespace::Kind::PrimaryKey:
      return kPrimaryKey;
  }
  return {};
}

}  // namespace

std::size_t ConstraintNamespace::KeyHash::operator()(const Key& k) const {
  std::size_t h = std::hash<std::string_view>{}(k.name);
  auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
  mix(static_cast<std::size_t>(k.scope) * 2 + k.local);
  mix(k.model);
  if (k.in_schema) mix(std::hash<std::string_view>{}(k.schema));
  return h;
}

ConstraintNamespace::Key ConstraintNamespace::global_key(ConstraintScope scope, const Model& model,
                                                         std::string_view name) {
  Key k{scope, false, 0, model.schema.has_value(), {}, name};
  if (model.schema) k.schema = *model.schema;
  return k;
}

ConstraintNamespace::Key ConstraintNamespace::local_key(std::uint32_t model, ConstraintScope scope,
                                                        std::string_view name) {
  return Key{scope, true, model, false, {}, name};
}

std::vector<ConstraintScope> ConstraintNamespace::violations(const Context& ctx, ModelId model,
                                                             Kind kind,
                                                             const std::string& name) const {
  std::vector<ConstraintScope> out;
  auto scopes = possible_scopes(kind);
  auto more_than_once = [&](const Key& key) {
    auto it = counts.find(key);
    return it != counts.end() && it->second > 1;
  };
  for (auto s : scopes)
    if (more_than_once(global_key(s, ctx.model(model), name))) out.push_back(s);
  for (auto s : scopes)
    if (more_than_once(local_key(model.value, s, name))) out.push_back(s);
  return out;
}

ConstraintNamespace build_constraint_namespace(const Context& ctx) {
  ConstraintNamespace ns;
  using S = ConstraintScope;
  auto n_models = static_cast<std::uint32_t>(ctx.schema.models.size());
  // Each name is generated once, whatever the number of scopes it is counted in.
  auto& index_names = ns.index_names;
  index_names.resize(n_models);
  auto& pk_names = ns.pk_names;
  pk_names.resize(n_models);
  std::size_t n_names = 0;
  for (std::uint32_t m = 0; m < n_models; ++m) {
    for (const auto& idx : ctx.schema.models[m].indexes)
      index_names[m].push_back(index_constraint_name(ctx, ModelId{m}, idx));
    pk_names[m] = primary_key_constraint_name(ctx, ModelId{m});
    n_names += index_names[m].size() + 1;
  }
  auto& fk_names = ns.fk_names;
  for (const auto& r : ctx.relations)
    if (r.kind == RelationCtx::Kind::OneToOne || r.kind == RelationCtx::Kind::OneToMany)
      fk_names.emplace_back(r.model_a.value, foreign_key_constraint_name(ctx, r));
  ns.counts.reserve((n_names + fk_names.size()) * ctx.connector->scopes.size());
  auto add_global_indexes = [&](S scope) {
    for (std::uint32_t m = 0; m < n_models; ++m)
      for (const auto& name : index_names[m])
        ++ns.counts[ConstraintNamespace::global_key(scope, ctx.schema.models[m], name)];
  };
  auto add_global_pks = [&](S scope) {
    for (std::uint32_t m = 0; m < n_models; ++m)
      if (pk_names[m])
        ++ns.counts[ConstraintNamespace::global_key(scope, ctx.schema.models[m], *pk_names[m])];
  };
  auto add_global_relations = [&](S scope) {
    for (const auto& [m, name] : fk_names)
      ++ns.counts[ConstraintNamespace::global_key(scope, ctx.schema.models[m], name)];
  };
  auto add_local_indexes = [&](S scope) {
    for (std::uint32_t m = 0; m < n_models; ++m)
      for (const auto& name : index_names[m])
        ++ns.counts[ConstraintNamespace::local_key(m, scope, name)];
  };
  auto add_local_pks = [&](S scope) {
    for (std::uint32_t m = 0; m < n_models; ++m)
      if (pk_names[m]) ++ns.counts[ConstraintNamespace::local_key(m, scope, *pk_names[m])];
  };
  auto add_local_relations = [&](S scope) {
    for (const auto& [m, name] : fk_names)
      ++ns.counts[ConstraintNamespace::local_key(m, scope, name)];
  };
  for (auto scope : ctx.connector->scopes) {
    switch (scope) {
      case S::GlobalKeyIndex:
        add_global_indexes(scope);
        break;
      case S::GlobalForeignKey:
        add_global_relations(scope);
        break;
      case S::GlobalPrimaryKeyKeyIndex:
        add_global_pks(scope);
        add_global_indexes(scope);
        break;
      case S::GlobalPrimaryKeyForeignKeyDefault:
        add_global_pks(scope);
        add_global_relations(scope);
        break;
      case S::ModelKeyIndex:
        add_local_indexes(scope);
        break;
      case S::ModelPrimaryKeyKeyIndex:
        add_local_pks(scope);
        add_local_indexes(scope);
        break;
      case S::ModelPrimaryKeyKeyIndexForeignKey:
        add_local_pks(scope);
        add_local_indexes(scope);
        add_local_relations(scope);
        break;
    }
  }
  for (std::uint32_t m = 0; m < n_models; ++m) {
    const Model& model = ctx.schema.models[m];
    if (model.primary_key && model.primary_key->name)
      ++ns.local_custom[{m, *model.primary_key->name}];
    for (const auto& idx : model.indexes)
      if (idx.name) ++ns.local_custom[{m, *idx.name}];
  }
  return ns;
}

void validate_foreign_key_name(Context& ctx, const ConstraintNamespace& ns, const RelationCtx& r) {
  std::string name = foreign_key_constraint_name(ctx, r);
  const Model& m = ctx.model(r.model_a);
  for (auto scope : ns.violations(ctx, r.model_a, ConstraintNamespace::Kind::Relation, name)) {
    Span span = ctx.model(r.model_b).span;
    if (r.field_a) {
      const FieldCtx& fc = ctx.fctx(r.model_a, *r.field_a);
      span = ctx.field(r.model_a, *r.field_a).span;
      if (fc.relation_attr) {
        for (const auto& a : fc.relation_attr->args)
          if (a.name && a.name->name == "map") span = a.span;
      }
    }
    ctx.diags.error(fmt::format("Error parsing attribute \"@relation\": The given constraint name "
                                "`{}` has to be unique in the following namespace: {}. Please "
                                "provide a different name using the `map` argument.",
                                name, describe_scope(scope, m.name)),
                    span);
  }
}

void validate_db_name_length(Context& ctx, const std::string& model_name,
                             const ast::Attribute& attr, const std::optional<std::string>& name,
                             bool double_at) {
  if (!name || name->size() <= ctx.connector->max_identifier_length) return;
  ctx.diags.error(fmt::format("Error validating model \"{}\": The constraint name '{}' specified "
                              "in the `map` argument for the `{}{}` constraint is too long for "
                              "your chosen provider. The maximum allowed length is {} bytes.",
                              model_name, *name, double_at ? "@@" : "@", attr.name.name,
                              ctx.connector->max_identifier_length),
                  attr.span);
}

std::string join_list(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? std::string(sep) : "") + items[i];
  return out;
}

std::optional<Span> attribute_arg_span(const ast::Attribute* attr, std::string_view name) {
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

void rule_attribute_error(Context& ctx, std::string_view attr_name, const std::string& msg,
                          Span span) {
  ctx.diags.error(fmt::format("Error parsing attribute \"{}\": {}", attr_name, msg), span);
}

}  // namespace godwit::psl::detail
