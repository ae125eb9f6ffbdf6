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
  PullRenderer(const Catalog& c, const PullOptions& o) : c_(c), o_(o) {
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
    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      if (!join_table_[t]) out += "\n" + render_model(TableId{static_cast<std::uint32_t>(t)});
    }
    for (std::size_t e = 0; e < c_.enums.size(); ++e)
      out += "\n" + render_enum(schema::EnumId{static_cast<std::uint32_t>(e)});
    return out;
  }

 private:
  const Catalog& c_;
  const PullOptions& o_;
  std::size_t limit_ = 0;
  std::vector<std::string> model_names_;  // per table
  // Per table, the name without the namespace prefix of a name used in two namespaces: Prisma
  // names relations before it counts duplicate names (ENG introspection_map.rs calls
  // relation_names::introspect before populate_top_level_names), so relation and relation
  // field names use this one.
  std::vector<std::string> relation_model_names_;
  std::vector<std::string> enum_names_;  // per enum
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
    std::map<std::string, int> counts;
    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      if (!join_table_[t]) ++counts[sanitize(c_.tables[t].name)];
    }
    for (const auto& e : c_.enums)
      ++counts[sanitize(e.name)];
    auto name_of = [&](const std::string& name, schema::NamespaceId ns) {
      if (o_.namespaces && counts[sanitize(name)] > 1)
        return sanitize(c_.get(ns).name + "_" + name);
      return plain_model_name(name);
    };
    for (const auto& t : c_.tables) {
      model_names_.push_back(name_of(t.name, t.namespace_id));
      relation_model_names_.push_back(plain_model_name(t.name));
    }
    for (const auto& e : c_.enums)
      enum_names_.push_back(name_of(e.name, e.namespace_id));
  }

  std::string field_name(ColumnId id) const {
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
        if (field_name(col) == default_field) found = true;
      }
      if (found) ambiguous.insert(pair);
    }

    for (std::size_t t = 0; t < c_.tables.size(); ++t) {
      const auto& table = c_.tables[t];
      if (join_table_[t]) {
        m2m_names_[t] = m2m_relation_name(TableId{static_cast<std::uint32_t>(t)}, ambiguous);
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
        relation_names_[table.foreign_keys[i].value] = inline_relation_name(fk, ambiguous);
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
      cols.push_back(field_name(col));
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

  std::string render_scalar_field(TableId t, ColumnId id) const {
    const auto& table = c_.get(t);
    const auto& col = c_.get(id);
    std::string line = "  " + field_name(id) + " " + type_name(col);
    if (col.arity == schema::Arity::Nullable) line += "?";
    if (col.arity == schema::Arity::List) line += "[]";
    std::vector<std::string> attrs;
    // @id: a one-column primary key.
    if (auto pk = c_.primary_key(t)) {
      const auto& idx = c_.get(*pk);
      if (idx.columns.size() == 1 && idx.columns[0].column == id) {
        std::vector<std::string> args;
        if (idx.columns[0].sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
        if (idx.name != schema::primary_key_name(table.name, limit_))
          args.push_back("map: " + psl_quoted(idx.name));
        attrs.push_back(args.empty() ? "@id" : "@id(" + join(args, ", ") + ")");
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
    if (auto d = default_attribute(col); !d.empty()) attrs.push_back(d);
    if (needs_sanitation(col.name)) attrs.push_back("@map(" + psl_quoted(col.name) + ")");
    if (auto n = native_type_attribute(col.type, o_); !n.empty()) attrs.push_back(n);
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
      if (fk.name && *fk.name != schema::foreign_key_name(c_.get(t).name, db_columns, limit_))
        args.push_back("map: " + psl_quoted(*fk.name));
    } else {
      line =
          "  " + names[2] + " " + model_names_[fk.table.value] + (back_is_unique(fk) ? "?" : "[]");
    }
    if (!args.empty()) line += " @relation(" + join(args, ", ") + ")";
    // ENG relation_field.rs `ignore`: a side whose model has no usable identifier is ignored
    // as a whole; a relation to such a model from a usable one is marked @ignore.
    bool missing = !has_usable_identifier(fk.table) || !has_usable_identifier(fk.referenced_table);
    if (missing && has_usable_identifier(t)) line += " @ignore";
    return line + "\n";
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

  std::string render_block_attributes(TableId t) const {
    const auto& table = c_.get(t);
    std::string out;
    if (auto pk = c_.primary_key(t); pk && c_.get(*pk).columns.size() > 1) {
      const auto& idx = c_.get(*pk);
      std::string args = index_fields(*pk);
      if (idx.name != schema::primary_key_name(table.name, limit_))
        args += ", map: " + psl_quoted(idx.name);
      out += "  @@id(" + args + ")\n";
    }
    for (IndexId id : table.indexes) {
      const auto& idx = c_.get(id);
      if (idx.kind == schema::IndexKind::PrimaryKey) continue;
      bool unique = schema::is_unique(idx.kind);
      if (unique && idx.columns.size() == 1) continue;
      std::string args = index_fields(id);
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
    const std::string& name = model_names_[t.value];
    if (name != table.name) out += "  @@map(" + psl_quoted(table.name) + ")\n";
    if (!has_usable_identifier(t)) out += "  @@ignore\n";
    out += namespace_attribute(table.namespace_id);
    return out;
  }

  std::string render_model(TableId t) const {
    const auto& table = c_.get(t);
    std::string docs;
    if (psl::is_reserved_model_name(table.name) &&
        model_names_[t.value] == "Renamed" + table.name) {
      docs += fmt::format(
          "/// This model has been renamed to '{}' during introspection, because the original "
          "name '{}' is reserved.\n",
          model_names_[t.value], table.name);
    }
    if (!table.checks.empty()) {
      docs +=
          "/// This table contains check constraints and requires additional setup for "
          "migrations. Visit https://pris.ly/d/check-constraints for more info.\n";
    }
    if (!has_usable_identifier(t)) {
      docs +=
          "/// The underlying table does not contain a valid unique identifier and can therefore "
          "currently not be handled by Prisma Client.\n";
    }
    bool deferring =
        std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(), [&](ForeignKeyId id) {
          return c_.get(id).deferrable != schema::Deferrable::NotDeferrable;
        });
    if (deferring) {
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
    std::string block = render_block_attributes(t);
    if (!block.empty()) out += "\n" + block;
    return out + "}\n";
  }

  std::string render_enum(schema::EnumId id) const {
    const auto& e = c_.get(id);
    std::string out = "enum " + enum_names_[id.value] + " {\n";
    for (const auto& v : e.values) {
      if (v.empty()) {
        out += "  EMPTY_ENUM_VALUE @map(\"\")\n";
      } else if (needs_sanitation(v)) {
        out += "  " + sanitize(v) + " @map(" + psl_quoted(v) + ")\n";
      } else {
        out += "  " + v + "\n";
      }
    }
    std::string block;
    if (enum_names_[id.value] != e.name) block += "  @@map(" + psl_quoted(e.name) + ")\n";
    block += namespace_attribute(e.namespace_id);
    if (!block.empty()) out += "\n" + block;
    return out + "}\n";
  }
};

}  // namespace

std::string render_unformatted(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).render();
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
