// db pull: the names of models, fields and relations, as Prisma's introspection gives them
// (renderer.hpp).
#include "pull/renderer.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "pull/names.hpp"
#include "pull/psl_terms.hpp"
#include "schema/naming.hpp"

namespace godwit::pull::detail {

bool PullRenderer::is_join_table(TableId t) const {
  const auto& table = c_.get(t);
  if (!table.name.starts_with("_") || table.columns.size() != 2 || table.foreign_keys.size() != 2)
    return false;
  if (c_.get(table.columns[0]).name != "A" || c_.get(table.columns[1]).name != "B") return false;
  for (ForeignKeyId id : table.foreign_keys) {
    if (c_.get(id).columns.size() != 1) return false;
  }
  for (IndexId id : table.indexes) {
    const auto& idx = c_.get(id);
    if ((idx.kind == schema::IndexKind::PrimaryKey || schema::is_unique(idx.kind)) &&
        idx.columns.size() == 2 && idx.columns[0].column == table.columns[0] &&
        idx.columns[1].column == table.columns[1])
      return true;
  }
  return false;
}

std::pair<ForeignKeyId, ForeignKeyId> PullRenderer::join_fks(TableId t) const {
  const auto& table = c_.get(t);
  ForeignKeyId first = table.foreign_keys[0], second = table.foreign_keys[1];
  const auto& name = c_.get(c_.get(first).columns[0]).name;
  bool first_is_a = name == "A" || name == "a";
  return first_is_a ? std::pair{first, second} : std::pair{second, first};
}

std::array<std::uint32_t, 2> PullRenderer::join_pair(TableId t) const {
  auto [a, b] = join_fks(t);
  return table_pair(c_.get(a).referenced_table, c_.get(b).referenced_table);
}

void PullRenderer::name_models() {
  // ENG populate_top_level_names: a previous model or enum counts with its own name.
  std::map<std::string, int> counts;
  for (std::size_t t = 0; t < c_.tables.size(); ++t) {
    const psl::Model* m = prev_.model(TableId{static_cast<std::uint32_t>(t)});
    if (!join_table_[t]) ++counts[m ? m->name : sanitize(c_.tables[t].name)];
  }
  for (std::size_t e = 0; e < c_.enums.size(); ++e) {
    const psl::Enum* p = prev_.enum_(schema::EnumId{static_cast<std::uint32_t>(e)});
    ++counts[p ? p->name : sanitize(c_.enums[e].name)];
  }
  for (std::size_t v = 0; o_.views && v < c_.views.size(); ++v) {
    const psl::Model* p = prev_.view(schema::ViewId{static_cast<std::uint32_t>(v)});
    ++counts[p ? p->name : sanitize(c_.views[v].name)];
  }
  auto duplicate = [&](const std::string& name) { return counts[sanitize(name)] > 1; };
  auto name_of = [&](const std::string& name, schema::NamespaceId ns) {
    if (o_.namespaces && duplicate(name)) return sanitize(c_.get(ns).name + "_" + name);
    return plain_model_name(name);
  };
  for (std::size_t t = 0; t < c_.tables.size(); ++t) {
    const auto& table = c_.tables[t];
    const psl::Model* m = prev_.model(TableId{static_cast<std::uint32_t>(t)});
    model_names_.push_back(m ? m->name : name_of(table.name, table.namespace_id));
    relation_model_names_.push_back(plain_model_name(table.name));
    duplicate_name_.push_back(!m && !join_table_[t] && o_.namespaces && duplicate(table.name));
  }
  for (std::size_t e = 0; e < c_.enums.size(); ++e) {
    const auto& en = c_.enums[e];
    const psl::Enum* p = prev_.enum_(schema::EnumId{static_cast<std::uint32_t>(e)});
    enum_names_.push_back(p ? p->name : name_of(en.name, en.namespace_id));
    enum_duplicate_name_.push_back(!p && o_.namespaces && duplicate(en.name));
  }
  for (std::size_t v = 0; o_.views && v < c_.views.size(); ++v) {
    const auto& view = c_.views[v];
    const psl::Model* p = prev_.view(schema::ViewId{static_cast<std::uint32_t>(v)});
    view_names_.push_back(p ? p->name : name_of(view.name, view.namespace_id));
    view_duplicate_name_.push_back(!p && o_.namespaces && duplicate(view.name));
  }
}

std::optional<std::string> PullRenderer::model_map(TableId t) const {
  if (const psl::Model* m = prev_.model(t)) return m->mapped_name;
  const auto& name = c_.get(t).name;
  if (model_names_[t.value] != name) return name;
  return std::nullopt;
}

std::optional<std::string> PullRenderer::field_map(ColumnId id) const {
  if (const psl::Field* f = prev_.field(id)) return f->mapped_name;
  const auto& name = c_.get(id).name;
  if (needs_sanitation(name)) return name;
  return std::nullopt;
}

bool PullRenderer::ignored(TableId t) const {
  const psl::Model* m = prev_.model(t);
  return (m && m->is_ignored) || (!has_usable_identifier(t) && !c_.get(t).columns.empty());
}

std::string PullRenderer::fresh_field_name(ColumnId id) const {
  const auto& name = c_.get(id).name;
  return needs_sanitation(name) ? sanitize(name) : name;
}

std::string PullRenderer::field_name(ColumnId id) const {
  if (const psl::Field* f = prev_.field(id)) return f->name;
  const auto& name = c_.get(id).name;
  return needs_sanitation(name) ? sanitize(name) : name;
}

std::array<std::uint32_t, 2> PullRenderer::table_pair(TableId a, TableId b) {
  return {std::min(a.value, b.value), std::max(a.value, b.value)};
}

void PullRenderer::name_relations() {
  auto distinct = [&](ForeignKeyId a, ForeignKeyId b) {
    if (a == b) return false;
    return c_.get(a).columns != c_.get(b).columns;
  };
  std::set<std::array<std::uint32_t, 2>> ambiguous;
  for (std::size_t t = 0; t < c_.tables.size(); ++t) {
    if (!join_table_[t]) continue;
    auto pair = join_pair(TableId{static_cast<std::uint32_t>(t)});
    if (ambiguous.contains(pair)) continue;
    // Another relation between the same two models: an inline one, or another join table.
    for (std::uint32_t model : pair) {
      for (ForeignKeyId other : c_.tables[model].foreign_keys) {
        const auto& o = c_.get(other);
        if (table_pair(TableId{model}, o.referenced_table) == pair) ambiguous.insert(pair);
      }
    }
    for (std::size_t u = 0; u < c_.tables.size(); ++u) {
      if (u != t && join_table_[u] && join_pair(TableId{static_cast<std::uint32_t>(u)}) == pair)
        ambiguous.insert(pair);
    }
  }
  for (std::size_t f = 0; f < c_.foreign_keys.size(); ++f) {
    ForeignKeyId id{static_cast<std::uint32_t>(f)};
    const auto& fk = c_.get(id);
    if (join_table_[fk.table.value]) continue;
    auto pair = table_pair(fk.table, fk.referenced_table);
    if (ambiguous.contains(pair)) continue;
    bool found = false;
    for (TableId t : {fk.table, fk.referenced_table}) {
      for (ForeignKeyId other : c_.get(t).foreign_keys) {
        const auto& o = c_.get(other);
        if (distinct(id, other) && table_pair(o.table, o.referenced_table) == pair) found = true;
      }
    }
    const std::string& default_field = relation_model_names_[fk.referenced_table.value];
    for (ColumnId col : fk.columns) {
      if (fresh_field_name(col) == default_field) found = true;
    }
    if (found) ambiguous.insert(pair);
  }

  for (std::size_t t = 0; t < c_.tables.size(); ++t) {
    const auto& table = c_.tables[t];
    if (join_table_[t]) {
      auto& names = m2m_names_[t];
      names = m2m_relation_name(TableId{static_cast<std::uint32_t>(t)}, ambiguous);
      // ENG context.rs m2m_relation_prisma_name and *_m2m_relation_field_prisma_name: an
      // existing relation keeps its name (also a generated one) and, unless it relates a
      // model to itself, its field names.
      if (auto rel = prev_.m2m_relations[t]) {
        const auto& r = prev_.schema->relation(*rel);
        names[0] = r.name;
        if (!r.is_self_relation()) {
          names[1] = prev_.schema->model(r.model_a).fields[r.field_a.value].name;
          names[2] = prev_.schema->model(r.model_b).fields[r.field_b.value].name;
        }
      }
      continue;
    }
    for (std::size_t i = 0; i < table.foreign_keys.size(); ++i) {
      const auto& fk = c_.get(table.foreign_keys[i]);
      bool duplicated = false;
      for (std::size_t j = 0; j < i; ++j) {
        const auto& earlier = c_.get(table.foreign_keys[j]);
        if (earlier.columns == fk.columns && earlier.referenced_columns == fk.referenced_columns)
          duplicated = true;
      }
      if (duplicated) continue;
      auto& names = relation_names_[table.foreign_keys[i].value];
      names = inline_relation_name(fk, ambiguous);
      // ENG context.rs: an existing relation keeps its field names, and its name when the
      // schema gives one.
      if (auto rel = prev_.inline_relations[table.foreign_keys[i].value]) {
        const auto& r = prev_.schema->relation(*rel);
        names = {r.name_is_explicit ? r.name : std::string(),
                 prev_.schema->model(r.model_a).fields[r.field_a.value].name,
                 prev_.schema->model(r.model_b).fields[r.field_b.value].name};
      }
    }
  }

  relation_fields_.resize(c_.tables.size());
  for (const auto& table : c_.tables) {
    for (ForeignKeyId id : table.foreign_keys) {
      if (!relation_names_.contains(id.value)) continue;
      const auto& fk = c_.get(id);
      relation_fields_[fk.table.value].push_back({id, true, false});
      relation_fields_[fk.referenced_table.value].push_back({id, false, false});
    }
  }
  // ENG introspection_map.rs position_m2m_relation_fields: after the inline ones; model A's
  // field has model B's type and the other way round.
  for (std::size_t t = 0; t < c_.tables.size(); ++t) {
    if (!join_table_[t]) continue;
    auto [fk_a, fk_b] = join_fks(TableId{static_cast<std::uint32_t>(t)});
    relation_fields_[c_.get(fk_a).referenced_table.value].push_back({fk_b, true, true});
    relation_fields_[c_.get(fk_b).referenced_table.value].push_back({fk_a, false, true});
  }
}

bool PullRenderer::has_usable_identifier(TableId t) const {
  for (IndexId id : c_.get(t).indexes) {
    const auto& idx = c_.get(id);
    if (idx.kind != schema::IndexKind::PrimaryKey && !schema::is_unique(idx.kind)) continue;
    bool usable = std::all_of(idx.columns.begin(), idx.columns.end(), [&](const auto& ic) {
      const auto& col = c_.get(ic.column);
      return col.type.family != schema::TypeFamily::Unsupported &&
             col.arity == schema::Arity::Required;
    });
    if (usable) return true;
  }
  return false;
}

std::array<std::string, 3> PullRenderer::m2m_relation_name(
    TableId t, const std::set<std::array<std::uint32_t, 2>>& ambiguous) const {
  auto ids = join_pair(t);
  bool self = ids[0] == ids[1];
  const std::string& table_name = c_.get(t).name;
  std::string found = table_name.substr(1);
  std::string relation, suffix;
  if (ambiguous.contains(ids)) {
    relation = found;
    suffix = table_name;
  } else {
    std::string default_name = relation_model_names_[ids[0]] + "To" + relation_model_names_[ids[1]];
    relation = (found == default_name && !self) ? "" : found;
  }
  return {relation, relation_model_names_[ids[1]] + suffix + (self ? "_A" : ""),
          relation_model_names_[ids[0]] + suffix + (self ? "_B" : "")};
}

std::array<std::string, 3> PullRenderer::inline_relation_name(
    const schema::ForeignKey& fk, const std::set<std::array<std::uint32_t, 2>>& ambiguous) const {
  bool self = fk.table == fk.referenced_table;
  const std::string& referencing = relation_model_names_[fk.table.value];
  const std::string& referenced = relation_model_names_[fk.referenced_table.value];
  std::string prefix = self ? "other_" : "";
  if (!ambiguous.contains(table_pair(fk.table, fk.referenced_table))) {
    return {self ? referencing + "To" + referenced : std::string(), referenced,
            prefix + referencing};
  }
  std::vector<std::string> cols;
  for (ColumnId col : fk.columns)
    cols.push_back(fresh_field_name(col));
  std::string name = referencing + "_" + join(cols, "_") + "To" + referenced;
  return {name, referenced + "_" + name, prefix + referencing + "_" + name};
}

}  // namespace godwit::pull::detail
