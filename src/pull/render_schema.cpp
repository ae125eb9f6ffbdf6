// Catalog -> Prisma schema, following Prisma's introspection (see render_schema.hpp for the
// rules and the ENG files they come from).
#include "pull/render_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "psl/diagnostics.hpp"
#include "psl/format.hpp"
#include "psl/validate.hpp"
#include "pull/names.hpp"
#include "pull/previous.hpp"
#include "pull/psl_terms.hpp"
#include "schema/naming.hpp"

namespace godwit::pull {
namespace {

using schema::Catalog;
using schema::ColumnId;
using schema::ForeignKeyId;
using schema::IndexId;
using schema::TableId;
using namespace detail;

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  return fmt::format("{}", fmt::join(items, sep));
}

// One relation field, forward (the foreign key's table) or back (the referenced table).
// For an implicit many-to-many relation, `fk` is the join table's foreign key whose
// referenced table is the field's type.
struct RelationField {
  ForeignKeyId fk;
  bool forward = true;
  bool many_to_many = false;
};

// Everything about a catalog that naming and rendering need, computed once.
class PullRenderer {
 public:
  PullRenderer(const Catalog& c, const PullOptions& o)
      : c_(c), o_(o), prev_(match_previous(c, o.previous)) {
    limit_ = o.flavour ? o.flavour->identifier_limit : schema::kPostgresIdentifierLimit;
    for (std::size_t t = 0; t < c_.tables.size(); ++t)
      join_table_.push_back(is_join_table(TableId{static_cast<std::uint32_t>(t)}));
    name_models();
    if (o_.foreign_keys) name_relations();
  }

  std::size_t model_count() const {
    return static_cast<std::size_t>(std::count(join_table_.begin(), join_table_.end(), false));
  }

  std::string render() {
    std::string out = o_.config;
    if (std::any_of(c_.postgres.indexes.begin(), c_.postgres.indexes.end(),
                    [](const auto& entry) { return !entry.second.condition.empty(); }))
      out = with_preview_feature(out, "partialIndexes");
    // ENG rendering/models.rs, enums.rs: the previous schema's models and enums first, in
    // their order there, then the new ones in the catalog's order.
    std::vector<std::uint32_t> tables, enums;
    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      if (!join_table_[t]) tables.push_back(static_cast<std::uint32_t>(t));
    }
    for (std::size_t e = 0; e < c_.enums.size(); ++e)
      enums.push_back(static_cast<std::uint32_t>(e));
    auto by_previous = [](const auto& positions) {
      return [&positions](std::uint32_t a, std::uint32_t b) {
        const auto &pa = positions[a], &pb = positions[b];
        if (pa && pb) return pa->value < pb->value;
        return pa.has_value() && !pb.has_value();
      };
    };
    std::stable_sort(tables.begin(), tables.end(), by_previous(prev_.models));
    std::stable_sort(enums.begin(), enums.end(), by_previous(prev_.enums));
    for (std::uint32_t t : tables)
      out += "\n" + render_model(TableId{t});
    for (std::uint32_t e : enums)
      out += "\n" + render_enum(schema::EnumId{e});
    return out;
  }

  /// ENG introspection/warnings.rs and schema-connector warnings.rs: the warnings Prisma prints
  /// after a pull, "" when there are none. Enums, then models, in the catalog's order.
  std::string warnings() const {
    std::vector<std::string> remapped_fields, without_identifiers, id_names, unsupported,
        remapped_models, remapped_values, remapped_enums, copied_relations, duplicates, checks;
    auto q = [](const std::string& s) { return "\"" + s + "\""; };
    for (std::size_t e = 0; e < c_.enums.size(); ++e) {
      const psl::Enum* prev = prev_.enum_(schema::EnumId{static_cast<std::uint32_t>(e)});
      const std::string& name = enum_names_[e];
      if (prev && prev->mapped_name) remapped_enums.push_back(q(name));
      if (enum_duplicate_name_[e])
        duplicates.push_back(fmt::format("Type: \"enum\", name: {}", q(name)));
      for (std::size_t i = 0; prev && i < prev->values.size(); ++i) {
        const auto& v = prev->values[i];
        bool present = std::find(c_.enums[e].values.begin(), c_.enums[e].values.end(),
                                 v.database_name()) != c_.enums[e].values.end();
        if (present && v.mapped_name && !needs_sanitation(v.name))
          remapped_values.push_back(fmt::format("Enum: {}, value: {}", q(name), q(v.name)));
      }
    }
    for (std::size_t i = 0; i < c_.tables.size(); ++i) {
      if (join_table_[i]) continue;
      TableId t{static_cast<std::uint32_t>(i)};
      const auto& table = c_.get(t);
      const psl::Model* prev = prev_.model(t);
      const std::string& name = model_names_[i];
      if (previous_id_name(t)) id_names.push_back(q(name));
      if (!table.columns.empty() && !has_usable_identifier(t) && !(prev && prev->is_ignored))
        without_identifiers.push_back(q(name));
      if (duplicate_name_[i])
        duplicates.push_back(fmt::format("Type: \"model\", name: {}", q(name)));
      if (prev && prev->mapped_name) remapped_models.push_back(q(name));
      for (schema::CheckId id : table.checks)
        checks.push_back(fmt::format("Model: {}, constraint: {}", q(name), q(c_.get(id).name)));
      for (ColumnId id : table.columns) {
        const psl::Field* f = prev_.field(id);
        if (f && f->mapped_name)
          remapped_fields.push_back(fmt::format("Model: {}, field: {}", q(name), q(f->name)));
        const auto& col = c_.get(id);
        if (col.type.family == schema::TypeFamily::Unsupported)
          unsupported.push_back(fmt::format("Model: {}, field: {}, original data type: {}", q(name),
                                            q(field_name(id)), q(col.type.raw)));
      }
      if (!o_.foreign_keys && prev) {
        for (const auto& f : prev->fields) {
          if (f.is_relation() && !prev_.model_missing[f.type.model_id.value] &&
              !prev_.schema->model(f.type.model_id).is_view)
            copied_relations.push_back(q(prev_.schema->model(f.type.model_id).name));
        }
      }
    }
    std::string out;
    auto section = [&](std::string_view message, const std::vector<std::string>& items) {
      if (items.empty()) return;
      out += fmt::format("\n{}\n", message);
      for (const auto& item : items)
        out += "  - " + item + "\n";
    };
    const std::string_view enriched = "were enriched with";
    section(fmt::format("These fields {} `@map` information taken from the previous Prisma schema:",
                        enriched),
            remapped_fields);
    section(
        "The following models were ignored as they do not have a valid unique identifier or id. "
        "This is currently not supported by Prisma Client:",
        without_identifiers);
    section(fmt::format(
                "These models {} custom compound id names taken from the previous Prisma schema:",
                enriched),
            id_names);
    section(
        "These fields are not supported by Prisma Client, because Prisma currently does not "
        "support their types:",
        unsupported);
    section(fmt::format("These models {} `@@map` information taken from the previous Prisma "
                        "schema:",
                        enriched),
            remapped_models);
    section(fmt::format("These enum values {} `@map` information taken from the previous Prisma "
                        "schema:",
                        enriched),
            remapped_values);
    section(fmt::format("These enums {} `@@map` information taken from the previous Prisma "
                        "schema:",
                        enriched),
            remapped_enums);
    section(
        "Relations were copied from the previous data model due to not using foreign keys in the "
        "database. If any of the relation columns changed in the database, the relations might "
        "not be correct anymore:",
        copied_relations);
    section(
        "These items were renamed due to their names being duplicates in the Prisma Schema "
        "Language:",
        duplicates);
    section(
        "These constraints are not supported by Prisma Client, because Prisma currently does not "
        "fully support check constraints. Read more: https://pris.ly/d/check-constraints",
        checks);
    return out.empty() ? out : "*** WARNING ***\n" + out;
  }

 private:
  const Catalog& c_;
  const PullOptions& o_;
  PreviousMatch prev_;  // the existing schema's objects, per catalog object
  std::size_t limit_ = 0;
  std::vector<std::string> model_names_;  // per table
  // Per table, the name without the namespace prefix of a name used in two namespaces: Prisma
  // names relations before it counts duplicate names (ENG introspection_map.rs calls
  // relation_names::introspect before populate_top_level_names), so relation and relation
  // field names use this one. Generated relation names never use a previous schema's names:
  // Prisma computes them while its context's map of the previous schema is still empty
  // (DatamodelCalculatorContext::new), so they use table and column names, as a fresh pull.
  std::vector<std::string> relation_model_names_;
  std::vector<std::string> enum_names_;  // per enum
  // Per table / enum: a new one whose name is used in another namespace too (a warning).
  std::vector<bool> duplicate_name_, enum_duplicate_name_;
  // Per foreign key: [relation name, forward field name, back field name]; absent for
  // duplicated foreign keys, which Prisma leaves out.
  std::map<std::uint32_t, std::array<std::string, 3>> relation_names_;
  std::vector<std::vector<RelationField>> relation_fields_;  // per table, in Prisma's order
  std::vector<bool> join_table_;                             // per table
  // Per join table: [relation name, field on model A, field on model B].
  std::map<std::uint32_t, std::array<std::string, 3>> m2m_names_;

  // ENG introspection_helpers.rs `is_prisma_join_table`: `_<Name>` with the columns A and B,
  // one foreign key on each, and a unique index or primary key on (A, B).
  bool is_join_table(TableId t) const {
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

  // The join table's foreign keys as (on column A, on column B).
  std::pair<ForeignKeyId, ForeignKeyId> join_fks(TableId t) const {
    const auto& table = c_.get(t);
    ForeignKeyId first = table.foreign_keys[0], second = table.foreign_keys[1];
    const auto& name = c_.get(c_.get(first).columns[0]).name;
    bool first_is_a = name == "A" || name == "a";
    return first_is_a ? std::pair{first, second} : std::pair{second, first};
  }

  std::array<std::uint32_t, 2> join_pair(TableId t) const {
    auto [a, b] = join_fks(t);
    return table_pair(c_.get(a).referenced_table, c_.get(b).referenced_table);
  }

  // ENG sanitize_datamodel_names.rs ModelName::new_from_sql: a name used by a table or enum of
  // another namespace gets the namespace as a prefix.
  void name_models() {
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
  }

  // The name of the model's table: `@@map`, as the previous model has it, or when the
  // model's name is not the table's.
  std::optional<std::string> model_map(TableId t) const {
    if (const psl::Model* m = prev_.model(t)) return m->mapped_name;
    const auto& name = c_.get(t).name;
    if (model_names_[t.value] != name) return name;
    return std::nullopt;
  }

  // `@map` of a column's field: the previous field's, else the name when it is sanitised.
  std::optional<std::string> field_map(ColumnId id) const {
    if (const psl::Field* f = prev_.field(id)) return f->mapped_name;
    const auto& name = c_.get(id).name;
    if (needs_sanitation(name)) return name;
    return std::nullopt;
  }

  // ENG ModelPair::ignored: `@@ignore` in the previous schema, or no usable identifier.
  bool ignored(TableId t) const {
    const psl::Model* m = prev_.model(t);
    return (m && m->is_ignored) || (!has_usable_identifier(t) && !c_.get(t).columns.empty());
  }

  static std::string doc_lines(const std::string& doc, std::string_view indent) {
    if (doc.empty()) return "";
    std::string out;
    std::size_t start = 0;
    while (true) {
      auto end = doc.find('\n', start);
      auto line = doc.substr(start, end - start);
      out += fmt::format("{}///{}{}\n", indent, line.empty() ? "" : " ", line);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return out;
  }

  // A column's field name in a fresh pull (sanitised), which relation names use.
  std::string fresh_field_name(ColumnId id) const {
    const auto& name = c_.get(id).name;
    return needs_sanitation(name) ? sanitize(name) : name;
  }

  std::string field_name(ColumnId id) const {
    if (const psl::Field* f = prev_.field(id)) return f->name;
    const auto& name = c_.get(id).name;
    return needs_sanitation(name) ? sanitize(name) : name;
  }

  static std::array<std::uint32_t, 2> table_pair(TableId a, TableId b) {
    return {std::min(a.value, b.value), std::max(a.value, b.value)};
  }

  // ENG relation_names.rs.
  void name_relations() {
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

  // ENG relation_names.rs prisma_m2m_relation_name.
  std::array<std::string, 3> m2m_relation_name(
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
      std::string default_name =
          relation_model_names_[ids[0]] + "To" + relation_model_names_[ids[1]];
      relation = (found == default_name && !self) ? "" : found;
    }
    return {relation, relation_model_names_[ids[1]] + suffix + (self ? "_A" : ""),
            relation_model_names_[ids[0]] + suffix + (self ? "_B" : "")};
  }

  std::array<std::string, 3> inline_relation_name(
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

  bool has_usable_identifier(TableId t) const {
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

  std::vector<std::string> column_names(const std::vector<schema::IndexColumn>& cols) const {
    std::vector<std::string> out;
    for (const auto& ic : cols)
      out.push_back(c_.get(ic.column).name);
    return out;
  }

  // A partial index's condition: the model's, or the one read from a PostgreSQL database.
  const std::string& condition(IndexId id) const {
    const auto& predicate = c_.get(id).predicate;
    return predicate.empty() ? c_.postgres.index(id).condition : predicate;
  }

  std::string namespace_attribute(schema::NamespaceId ns) const {
    return o_.namespaces ? fmt::format("  @@schema({})\n", psl_quoted(c_.get(ns).name)) : "";
  }

  std::string type_name(const schema::Column& col) const {
    if (auto scalar = scalar_of(col.type.family)) return std::string(psl::to_string(*scalar));
    if (col.type.family == schema::TypeFamily::Enum) return enum_names_[col.type.enum_id.value];
    return "Unsupported(" + psl_quoted(col.type.raw) + ")";
  }

  // ENG introspection_pair/default.rs: the database's default; an enum value by its name in
  // the previous enum; with none in the database, a String field's Prisma-level cuid(),
  // uuid() or nanoid(n) of the previous field.
  std::string field_default(const schema::Column& col, const psl::Field* prev) const {
    const auto& d = col.default_value;
    if (col.type.family == schema::TypeFamily::Enum && col.identity == schema::Identity::None &&
        d && d->kind == schema::DefaultKind::Value && d->value.kind == schema::Value::Kind::Enum) {
      if (const psl::Enum* e = prev_.enum_(col.type.enum_id)) {
        for (const auto& v : e->values) {
          if (v.database_name() == d->value.text) return "@default(" + v.name + ")";
        }
      }
    }
    std::string out = default_attribute(col);
    bool none_in_database = col.identity == schema::Identity::None &&
                            (!d || d->kind == schema::DefaultKind::PrismaLevel);
    bool string = col.type.family == schema::TypeFamily::String ||
                  col.type.family == schema::TypeFamily::Uuid;
    if (!none_in_database || !string || !prev || !prev->default_value ||
        prev->default_value->kind != psl::DefaultValue::Kind::Function)
      return out;
    switch (prev->default_value->function) {
      case psl::DefaultFunction::Cuid:
        return "@default(cuid())";
      case psl::DefaultFunction::Uuid:
        return "@default(uuid())";
      case psl::DefaultFunction::Nanoid:
        return prev->default_value->length
                   ? fmt::format("@default(nanoid({}))", *prev->default_value->length)
                   : "@default(nanoid())";
      default:
        return out;
    }
  }

  // Attributes in the order of ENG datamodel-renderer field.rs: @updatedAt, @unique, @id,
  // @default, @map, @db, @ignore; the previous field's documentation above it.
  std::string render_scalar_field(TableId t, ColumnId id) const {
    const auto& table = c_.get(t);
    const auto& col = c_.get(id);
    const psl::Field* prev = prev_.field(id);
    std::string line = (prev ? doc_lines(prev->documentation, "  ") : "") + "  " + field_name(id) +
                       " " + type_name(col);
    if (col.arity == schema::Arity::Nullable) line += "?";
    if (col.arity == schema::Arity::List) line += "[]";
    std::vector<std::string> attrs;
    if (prev && prev->is_updated_at) attrs.push_back("@updatedAt");
    std::string id_attr;
    // @id: a one-column primary key.
    if (auto pk = c_.primary_key(t)) {
      const auto& idx = c_.get(*pk);
      if (idx.columns.size() == 1 && idx.columns[0].column == id) {
        std::vector<std::string> args;
        if (idx.columns[0].sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
        if (idx.name != schema::primary_key_name(table.name, limit_))
          args.push_back("map: " + psl_quoted(idx.name));
        id_attr = args.empty() ? "@id" : "@id(" + join(args, ", ") + ")";
      }
    }
    // @unique: the first one-column unique index on this column.
    for (IndexId iid : table.indexes) {
      const auto& idx = c_.get(iid);
      if (!schema::is_unique(idx.kind) || idx.columns.size() != 1 || idx.columns[0].column != id)
        continue;
      std::vector<std::string> args;
      if (idx.columns[0].sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
      if (idx.name != schema::unique_index_name(table.name, {col.name}, limit_))
        args.push_back("map: " + psl_quoted(idx.name));
      if (auto& where = condition(iid); !where.empty())
        args.push_back("where: raw(" + psl_quoted(where) + ")");
      attrs.push_back(args.empty() ? "@unique" : "@unique(" + join(args, ", ") + ")");
      break;
    }
    if (!id_attr.empty()) attrs.push_back(id_attr);
    if (auto d = field_default(col, prev); !d.empty()) attrs.push_back(d);
    if (auto map = field_map(id)) attrs.push_back("@map(" + psl_quoted(*map) + ")");
    if (auto n = native_type_attribute(col.type, o_); !n.empty()) attrs.push_back(n);
    if (prev && prev->is_ignored) attrs.push_back("@ignore");
    for (const auto& a : attrs)
      line += " " + a;
    return line + "\n";
  }

  std::string render_relation_field(TableId t, const RelationField& rf) const {
    const auto& fk = c_.get(rf.fk);
    if (rf.many_to_many) {
      const auto& names = m2m_names_.at(fk.table.value);
      std::string line =
          "  " + names[rf.forward ? 1 : 2] + " " + model_names_[fk.referenced_table.value] + "[]";
      if (!names[0].empty()) line += " @relation(" + psl_quoted(names[0]) + ")";
      return line + "\n";
    }
    const auto& names = relation_names_.at(rf.fk.value);
    std::string line;
    std::vector<std::string> args;
    if (!names[0].empty()) args.push_back(psl_quoted(names[0]));
    if (rf.forward) {
      bool any_optional = std::any_of(fk.columns.begin(), fk.columns.end(), [&](ColumnId c) {
        return c_.get(c).arity != schema::Arity::Required;
      });
      bool any_required = std::any_of(fk.columns.begin(), fk.columns.end(), [&](ColumnId c) {
        return c_.get(c).arity == schema::Arity::Required;
      });
      line = "  " + names[1] + " " + model_names_[fk.referenced_table.value] +
             (any_optional ? "?" : "");
      std::vector<std::string> fields, references, db_columns;
      for (ColumnId c : fk.columns) {
        fields.push_back(field_name(c));
        db_columns.push_back(c_.get(c).name);
      }
      for (ColumnId c : fk.referenced_columns)
        references.push_back(field_name(c));
      args.push_back("fields: [" + join(fields, ", ") + "]");
      args.push_back("references: [" + join(references, ", ") + "]");
      using R = schema::ReferentialAction;
      bool default_delete = (!any_required && fk.on_delete == R::SetNull) ||
                            (any_required && fk.on_delete == R::Restrict);
      if (!default_delete) args.push_back(fmt::format("onDelete: {}", action_name(fk.on_delete)));
      if (fk.on_update != R::Cascade)
        args.push_back(fmt::format("onUpdate: {}", action_name(fk.on_update)));
      // ENG relation_field.rs constraint_name: the previous relation's `map:` is kept.
      auto rel = prev_.inline_relations[rf.fk.value];
      if (rel && prev_.schema->relation(*rel).map) {
        args.push_back("map: " + psl_quoted(*prev_.schema->relation(*rel).map));
      } else if (fk.name &&
                 *fk.name != schema::foreign_key_name(c_.get(t).name, db_columns, limit_)) {
        args.push_back("map: " + psl_quoted(*fk.name));
      }
    } else {
      line =
          "  " + names[2] + " " + model_names_[fk.table.value] + (back_is_unique(fk) ? "?" : "[]");
    }
    if (!args.empty()) line += " @relation(" + join(args, ", ") + ")";
    // ENG relation_field.rs `ignore`: a side whose model has no usable identifier is ignored
    // as a whole; a relation to such a model from a model that is not ignored is marked
    // @ignore. As Prisma's: "ignored" is the field's table without a usable identifier, or,
    // when the relation is in the previous schema, its foreign key's model with `@@ignore`
    // there (also for the back field).
    bool missing = !has_usable_identifier(fk.table) || !has_usable_identifier(fk.referenced_table);
    const psl::Model* referencing = prev_.model(fk.table);
    bool explicit_ignore =
        prev_.inline_relations[rf.fk.value] && referencing && referencing->is_ignored;
    bool implicit_ignore = !has_usable_identifier(t) && !c_.get(t).columns.empty();
    if (missing && !explicit_ignore && !implicit_ignore) line += " @ignore";
    return line + "\n";
  }

  // ENG model.rs relation_fields without foreign keys (relationMode = "prisma"): the previous
  // model's relation fields, copied as written, but those to a model whose table is gone.
  std::string render_emulated_relation_fields(TableId t) const {
    const psl::Model* m = prev_.model(t);
    if (o_.foreign_keys || !m) return "";
    std::string out;
    for (const auto& f : m->fields) {
      if (!f.is_relation() || prev_.model_missing[f.type.model_id.value]) continue;
      const auto& related = prev_.schema->model(f.type.model_id);
      if (related.is_view) continue;
      std::string line = "  " + f.name + " " + related.name +
                         (f.arity == psl::Arity::Optional ? "?"
                          : f.arity == psl::Arity::List   ? "[]"
                                                          : "");
      if (f.relation_attribute) {
        const auto& r = *f.relation_attribute;
        std::vector<std::string> args;
        if (r.name) args.push_back(psl_quoted(*r.name));
        auto names = [](const psl::Model& model, const std::vector<psl::FieldId>& ids) {
          std::vector<std::string> out;
          for (auto id : ids)
            out.push_back(model.fields[id.value].name);
          return "[" + join(out, ", ") + "]";
        };
        if (r.fields) args.push_back("fields: " + names(*m, *r.fields));
        if (r.references) args.push_back("references: " + names(related, *r.references));
        if (r.on_delete) args.push_back(fmt::format("onDelete: {}", psl::to_string(*r.on_delete)));
        if (r.on_update) args.push_back(fmt::format("onUpdate: {}", psl::to_string(*r.on_update)));
        if (r.map) args.push_back("map: " + psl_quoted(*r.map));
        line += args.empty() ? " @relation" : " @relation(" + join(args, ", ") + ")";
      }
      if (f.is_ignored) line += " @ignore";
      out += line + "\n";
    }
    return out;
  }

  bool back_is_unique(const schema::ForeignKey& fk) const {
    for (IndexId id : c_.get(fk.table).indexes) {
      const auto& idx = c_.get(id);
      if (idx.kind != schema::IndexKind::PrimaryKey && !schema::is_unique(idx.kind)) continue;
      bool covered = std::all_of(idx.columns.begin(), idx.columns.end(), [&](const auto& ic) {
        return std::find(fk.columns.begin(), fk.columns.end(), ic.column) != fk.columns.end();
      });
      if (covered) return true;
    }
    return false;
  }

  std::string index_fields(IndexId id) const {
    const auto& idx = c_.get(id);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < idx.columns.size(); ++i) {
      const auto& ic = idx.columns[i];
      std::vector<std::string> args;
      if (ic.sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
      // A column type's default class is not printed (pg_opclass.opcdefault).
      const auto& defaults = c_.postgres.index(id).default_operator_classes;
      bool is_default = i < defaults.size() && defaults[i];
      if (auto ops = c_.postgres.operator_class(id, i); !ops.empty() && !is_default)
        args.push_back("ops: " + ops_argument(ops));
      out.push_back(field_name(ic.column) + (args.empty() ? "" : "(" + join(args, ", ") + ")"));
    }
    return "[" + join(out, ", ") + "]";
  }

  // ENG model.rs indexes(): the previous model's index whose constraint name (`map:`, else
  // Prisma's default name) is the index's name, or, as before Prisma 3, whose `name:` is.
  std::optional<std::size_t> previous_index(TableId t, IndexId id) const {
    const psl::Model* m = prev_.model(t);
    if (!m) return std::nullopt;
    const auto& idx = c_.get(id);
    for (std::size_t i = 0; i < m->indexes.size(); ++i) {
      const auto& pi = m->indexes[i];
      if (!pi.map && pi.name == idx.name) return i;
      std::string constraint;
      if (pi.map) {
        constraint = *pi.map;
      } else {
        std::vector<std::string> cols;
        for (const auto& f : pi.fields)
          cols.push_back(m->fields[f.field.value].database_name());
        constraint = pi.kind == psl::Index::Kind::Unique
                         ? schema::unique_index_name(m->database_name(), cols, limit_)
                         : schema::index_name(m->database_name(), cols, limit_);
      }
      if (constraint == idx.name) return i;
    }
    return std::nullopt;
  }

  // A compound primary key's client name (`@@id(name: ...)`) from the previous model.
  std::optional<std::string> previous_id_name(TableId t) const {
    const psl::Model* m = prev_.model(t);
    auto pk = c_.primary_key(t);
    if (!m || !pk || c_.get(*pk).columns.size() < 2 || !m->primary_key) return std::nullopt;
    return m->primary_key->name;
  }

  std::string render_block_attributes(TableId t) const {
    const auto& table = c_.get(t);
    std::string out;
    if (auto pk = c_.primary_key(t); pk && c_.get(*pk).columns.size() > 1) {
      const auto& idx = c_.get(*pk);
      std::string args = index_fields(*pk);
      if (auto name = previous_id_name(t)) args += ", name: " + psl_quoted(*name);
      if (idx.name != schema::primary_key_name(table.name, limit_))
        args += ", map: " + psl_quoted(idx.name);
      out += "  @@id(" + args + ")\n";
    }
    // ENG rendering/models.rs: the indexes the previous model has first, in its order.
    std::vector<std::pair<std::optional<std::size_t>, IndexId>> ordered;
    for (IndexId id : table.indexes) {
      const auto& idx = c_.get(id);
      if (idx.kind == schema::IndexKind::PrimaryKey) continue;
      if (schema::is_unique(idx.kind) && idx.columns.size() == 1) continue;
      ordered.emplace_back(previous_index(t, id), id);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
      if (a.first && b.first) return *a.first < *b.first;
      return a.first.has_value() && !b.first.has_value();
    });
    for (const auto& [position, id] : ordered) {
      const auto& idx = c_.get(id);
      bool unique = schema::is_unique(idx.kind);
      std::string args = index_fields(id);
      if (position && unique) {
        if (const auto& name = prev_.model(t)->indexes[*position].name)
          args += ", name: " + psl_quoted(*name);
      }
      auto cols = column_names(idx.columns);
      std::string default_name = unique ? schema::unique_index_name(table.name, cols, limit_)
                                        : schema::index_name(table.name, cols, limit_);
      if (idx.name != default_name) args += ", map: " + psl_quoted(idx.name);
      if (auto algo = c_.postgres.index(id).algorithm; algo != schema::IndexAlgorithm::BTree)
        args += fmt::format(", type: {}", algorithm_name(algo));
      if (auto& where = condition(id); !where.empty())
        args += ", where: raw(" + psl_quoted(where) + ")";
      const char* attr = unique                                    ? "@@unique"
                         : idx.kind == schema::IndexKind::Fulltext ? "@@fulltext"
                                                                   : "@@index";
      out += fmt::format("  {}({})\n", attr, args);
    }
    if (auto map = model_map(t)) out += "  @@map(" + psl_quoted(*map) + ")\n";
    if (ignored(t)) out += "  @@ignore\n";
    out += namespace_attribute(table.namespace_id);
    return out;
  }

  // ENG rendering/models.rs: the previous model's documentation, then Prisma's comments (most
  // only on a model the previous schema does not have).
  std::string render_model(TableId t) const {
    const auto& table = c_.get(t);
    const psl::Model* prev = prev_.model(t);
    std::string docs = prev ? doc_lines(prev->documentation, "") : "";
    if (!prev && psl::is_reserved_model_name(table.name) &&
        model_names_[t.value] == "Renamed" + table.name) {
      docs += fmt::format(
          "/// This model has been renamed to '{}' during introspection, because the original "
          "name '{}' is reserved.\n",
          model_names_[t.value], table.name);
    }
    if (!prev && !table.checks.empty()) {
      docs +=
          "/// This table contains check constraints and requires additional setup for "
          "migrations. Visit https://pris.ly/d/check-constraints for more info.\n";
    }
    if (!has_usable_identifier(t) && !(prev && prev->is_ignored)) {
      docs +=
          "/// The underlying table does not contain a valid unique identifier and can therefore "
          "currently not be handled by Prisma Client.\n";
    }
    bool deferring =
        std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(), [&](ForeignKeyId id) {
          return c_.get(id).deferrable != schema::Deferrable::NotDeferrable;
        });
    if (!prev && deferring) {
      docs +=
          "/// This model has constraints using non-default deferring rules and requires "
          "additional setup for migrations. Visit https://pris.ly/d/constraint-deferring for "
          "more info.\n";
    }
    std::string out = docs + "model " + model_names_[t.value] + " {\n";
    for (ColumnId id : table.columns)
      out += render_scalar_field(t, id);
    if (t.value < relation_fields_.size()) {
      for (const auto& rf : relation_fields_[t.value])
        out += render_relation_field(t, rf);
    }
    out += render_emulated_relation_fields(t);
    std::string block = render_block_attributes(t);
    if (!block.empty()) out += "\n" + block;
    return out + "}\n";
  }

  std::string render_enum(schema::EnumId id) const {
    const auto& e = c_.get(id);
    const psl::Enum* prev = prev_.enum_(id);
    std::string out =
        (prev ? doc_lines(prev->documentation, "") : "") + "enum " + enum_names_[id.value] + " {\n";
    for (const auto& v : e.values) {
      // ENG context.rs enum_variant_name: a value the previous enum has keeps its name, @map
      // and documentation.
      const psl::EnumValue* pv = nullptr;
      for (std::size_t i = 0; prev && i < prev->values.size() && !pv; ++i) {
        if (prev->values[i].database_name() == v) pv = &prev->values[i];
      }
      if (pv) {
        out += doc_lines(pv->documentation, "  ") + "  " + pv->name;
        if (pv->mapped_name) out += " @map(" + psl_quoted(*pv->mapped_name) + ")";
        out += "\n";
      } else if (v.empty()) {
        out += "  EMPTY_ENUM_VALUE @map(\"\")\n";
      } else if (needs_sanitation(v)) {
        out += "  " + sanitize(v) + " @map(" + psl_quoted(v) + ")\n";
      } else {
        out += "  " + v + "\n";
      }
    }
    std::string block;
    std::optional<std::string> map = prev ? prev->mapped_name : std::nullopt;
    if (!prev && enum_names_[id.value] != e.name) map = e.name;
    if (map) block += "  @@map(" + psl_quoted(*map) + ")\n";
    block += namespace_attribute(e.namespace_id);
    if (!block.empty()) out += "\n" + block;
    return out + "}\n";
  }
};

}  // namespace

std::string render_unformatted(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).render();
}

std::string introspection_warnings(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).warnings();
}

std::size_t model_count(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).model_count();
}

std::string render_schema(const schema::Catalog& catalog, const PullOptions& options) {
  std::string text = render_unformatted(catalog, options);
  psl::Diagnostics diags;
  std::string formatted = psl::format_file(text, 0, diags);
  if (diags.has_errors()) {
    throw core::Error("GW1151",
                      "The schema written from the database does not parse; this is a defect "
                      "in godwit's db pull.",
                      "Report it with the database's schema (pg_dump --schema-only or "
                      "sqlite3 .schema).");
  }
  return formatted;
}

}  // namespace godwit::pull
