// Matching an existing schema's models, fields, enums and relations to a live catalog (see
// previous.hpp; ENG introspection_map.rs match_existing_models, match_enums,
// match_existing_scalar_fields, match_existing_inline_relations, match_existing_m2m_relations).
#include "pull/previous.hpp"

#include <string>

namespace godwit::pull::detail {

PreviousMatch match_previous(const schema::Catalog& c, const psl::Schema* previous) {
  PreviousMatch m;
  m.schema = previous;
  m.models.resize(c.tables.size());
  m.enums.resize(c.enums.size());
  m.columns.assign(c.columns.size(), nullptr);
  m.inline_relations.resize(c.foreign_keys.size());
  m.m2m_relations.resize(c.tables.size());
  m.views.resize(c.views.size());
  for (const auto& v : c.views)
    m.view_columns.emplace_back(v.columns.size(), nullptr);
  if (!previous) return m;
  m.model_missing.assign(previous->models.size(), false);

  // ENG SqlSchema::find_table: by name, and by namespace when the model names one.
  auto find = [&](const auto& items, const std::string& name,
                  const std::optional<std::string>& ns) -> std::optional<std::uint32_t> {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].name != name) continue;
      if (ns && c.get(items[i].namespace_id).name != *ns) continue;
      return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
  };
  for (std::size_t i = 0; i < previous->models.size(); ++i) {
    const auto& model = previous->models[i];
    if (model.is_view) {
      auto v = find(c.views, model.database_name(), model.schema);
      if (v && !m.views[*v]) m.views[*v] = psl::ModelId{static_cast<std::uint32_t>(i)};
      continue;
    }
    auto t = find(c.tables, model.database_name(), model.schema);
    if (t && !m.models[*t]) {
      m.models[*t] = psl::ModelId{static_cast<std::uint32_t>(i)};
    } else if (!t) {
      m.model_missing[i] = true;
    }
  }
  for (std::size_t i = 0; i < previous->enums.size(); ++i) {
    const auto& e = previous->enums[i];
    if (auto id = find(c.enums, e.database_name(), e.schema); id && !m.enums[*id])
      m.enums[*id] = psl::EnumId{static_cast<std::uint32_t>(i)};
  }
  for (std::size_t t = 0; t < c.tables.size(); ++t) {
    if (!m.models[t]) continue;
    const auto& model = previous->model(*m.models[t]);
    for (schema::ColumnId col : c.tables[t].columns) {
      for (std::size_t f = 0; f < model.fields.size(); ++f) {
        const auto& field = model.fields[f];
        if (!field.is_relation() && field.database_name() == c.get(col).name) {
          m.columns[col.value] = &field;
          break;
        }
      }
    }
  }
  for (std::size_t v = 0; v < c.views.size(); ++v) {
    if (!m.views[v]) continue;
    const auto& model = previous->model(*m.views[v]);
    for (std::size_t col = 0; col < c.views[v].columns.size(); ++col) {
      for (const auto& field : model.fields) {
        if (!field.is_relation() && field.database_name() == c.views[v].columns[col].name) {
          m.view_columns[v][col] = &field;
          break;
        }
      }
    }
  }
  for (std::size_t f = 0; f < c.foreign_keys.size(); ++f) {
    const auto& fk = c.foreign_keys[f];
    auto model_id = m.models[fk.table.value];
    if (!model_id) continue;
    const auto& model = previous->model(*model_id);
    for (std::size_t r = 0; r < previous->relations.size(); ++r) {
      const auto& rel = previous->relations[r];
      if (rel.kind == psl::Relation::Kind::ManyToMany || rel.model_a != *model_id) continue;
      if (rel.fields.empty() || rel.fields.size() != fk.columns.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < rel.fields.size() && same; ++i)
        same = model.fields[rel.fields[i].value].database_name() == c.get(fk.columns[i]).name;
      if (same) {
        m.inline_relations[f] = psl::RelationId{static_cast<std::uint32_t>(r)};
        break;
      }
    }
  }
  for (std::size_t t = 0; t < c.tables.size(); ++t) {
    const auto& name = c.tables[t].name;
    if (!name.starts_with("_")) continue;
    for (std::size_t r = 0; r < previous->relations.size(); ++r) {
      const auto& rel = previous->relations[r];
      if (rel.kind == psl::Relation::Kind::ManyToMany && rel.name == name.substr(1)) {
        m.m2m_relations[t] = psl::RelationId{static_cast<std::uint32_t>(r)};
        break;
      }
    }
  }
  return m;
}

}  // namespace godwit::pull::detail
