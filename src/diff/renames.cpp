#include "diff/renames.hpp"

#include <algorithm>
#include <type_traits>

#include "diff/column_diff.hpp"
#include "diff/differ.hpp"

namespace godwit::diff {

bool is_rename(const Change& change) {
  return std::holds_alternative<RenameTable>(change) ||
         std::holds_alternative<RenameColumn>(change) ||
         std::holds_alternative<RenameEnum>(change) ||
         std::holds_alternative<RenameEnumValue>(change);
}

namespace {

using schema::Catalog;

// An enum default (or list of them) naming `from_value` names `to_value` instead.
void rename_default_value(schema::Value& v, const std::string& from_value,
                          const std::string& to_value) {
  if (v.kind == schema::Value::Kind::Enum && v.text == from_value) v.text = to_value;
  for (auto& item : v.items)
    rename_default_value(item, from_value, to_value);
}

// The position of a rename kind in the order the renames run (schema::StepKind's).
int rename_rank(const Change& c) {
  if (std::holds_alternative<RenameTable>(c)) return 0;
  if (std::holds_alternative<RenameEnum>(c)) return 1;
  if (std::holds_alternative<RenameColumn>(c)) return 2;
  return 3;
}

bool same_namespace(const Catalog& from, schema::NamespaceId a, const Catalog& to,
                    schema::NamespaceId b) {
  return from.get(a).name == to.get(b).name;
}

bool same_shape(const Catalog& from, ColumnId a, const Catalog& to, ColumnId b,
                const DiffPolicy& policy) {
  return diff_columns({from, from.get(a), to, to.get(b)}, policy).changes == ColumnChanges::None;
}

// The dropped table has a column of the same name and shape in the created one for each of its
// columns, and they have as many columns.
bool same_columns(const Catalog& from, TableId a, const Catalog& to, TableId b,
                  const DiffPolicy& policy) {
  const auto& ca = from.get(a).columns;
  const auto& cb = to.get(b).columns;
  if (ca.size() != cb.size() || ca.empty()) return false;
  for (ColumnId c : ca) {
    auto other = to.find_column(b, from.get(c).name);
    if (!other || !same_shape(from, c, to, *other, policy)) return false;
  }
  return true;
}

void column_candidates(const std::vector<ColumnChange>& columns, const Catalog& from,
                       const Catalog& to, const DiffPolicy& policy, std::vector<Change>& out) {
  for (const ColumnChange& dropped : columns) {
    if (dropped.kind != ColumnChange::Kind::Drop) continue;
    for (const ColumnChange& added : columns) {
      if (added.kind != ColumnChange::Kind::Add) continue;
      if (same_shape(from, *dropped.from, to, *added.to, policy))
        out.push_back(RenameColumn{*dropped.from, *added.to});
    }
  }
}

}  // namespace

Catalog renamed_catalog(const Catalog& from, const Catalog& to,
                        const std::vector<Change>& renames) {
  Catalog out = from;
  for (const Change& change : renames) {
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, RenameTable>) {
            out.tables[c.from.value].name = to.get(c.to).name;
          } else if constexpr (std::is_same_v<T, RenameColumn>) {
            out.columns[c.from.value].name = to.get(c.to).name;
          } else if constexpr (std::is_same_v<T, RenameEnum>) {
            out.enums[c.from.value].name = to.get(c.to).name;
          } else if constexpr (std::is_same_v<T, RenameEnumValue>) {
            for (auto& v : out.enums[c.from.value].values)
              if (v == c.from_value) v = c.to_value;
            for (auto& col : out.columns) {
              if (col.type.family != schema::TypeFamily::Enum || col.type.enum_id != c.from ||
                  !col.default_value || col.default_value->kind != schema::DefaultKind::Value)
                continue;
              rename_default_value(col.default_value->value, c.from_value, c.to_value);
            }
          }
        },
        change);
  }
  return out;
}

ChangeSet diff(const Catalog& from, const Catalog& to, const DiffPolicy& policy,
               const std::vector<Change>& renames) {
  if (renames.empty()) return diff(from, to, policy);
  Catalog renamed = renamed_catalog(from, to, renames);
  ChangeSet rest = diff(renamed, to, policy);
  ChangeSet out;
  out.changes = renames;
  std::stable_sort(out.changes.begin(), out.changes.end(), [](const Change& a, const Change& b) {
    return rename_rank(a) < rename_rank(b);
  });
  out.changes.insert(out.changes.end(), std::make_move_iterator(rest.changes.begin()),
                     std::make_move_iterator(rest.changes.end()));
  out.renamed_from = std::move(renamed);
  return out;
}

std::vector<Change> rename_candidates(const ChangeSet& changes, const Catalog& from,
                                      const Catalog& to, const DiffPolicy& policy) {
  std::vector<Change> out;
  std::vector<TableId> dropped_tables, created_tables;
  std::vector<EnumId> dropped_enums, created_enums;
  for (const Change& change : changes.changes) {
    if (const auto* c = std::get_if<AlterTable>(&change)) {
      column_candidates(c->columns, from, to, policy, out);
    } else if (const auto* r = std::get_if<RedefineTable>(&change)) {
      column_candidates(r->columns, from, to, policy, out);
    } else if (const auto* d = std::get_if<DropTable>(&change)) {
      dropped_tables.push_back(d->from);
    } else if (const auto* t = std::get_if<CreateTable>(&change)) {
      created_tables.push_back(t->to);
    } else if (const auto* de = std::get_if<DropEnum>(&change)) {
      dropped_enums.push_back(de->from);
    } else if (const auto* ce = std::get_if<CreateEnum>(&change)) {
      created_enums.push_back(ce->to);
    } else if (const auto* ae = std::get_if<AlterEnum>(&change)) {
      if (ae->removed.empty() || ae->removed.size() != ae->added.size()) continue;
      for (std::size_t i = 0; i < ae->removed.size(); ++i)
        out.push_back(RenameEnumValue{ae->from, ae->to, ae->removed[i], ae->added[i]});
    }
  }
  for (TableId d : dropped_tables) {
    for (TableId c : created_tables) {
      if (same_namespace(from, from.get(d).namespace_id, to, to.get(c).namespace_id) &&
          same_columns(from, d, to, c, policy))
        out.push_back(RenameTable{d, c});
    }
  }
  for (EnumId d : dropped_enums) {
    for (EnumId c : created_enums) {
      if (same_namespace(from, from.get(d).namespace_id, to, to.get(c).namespace_id) &&
          from.get(d).values == to.get(c).values)
        out.push_back(RenameEnum{d, c});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Change& a, const Change& b) {
    return rename_rank(a) < rename_rank(b);
  });
  return out;
}

}  // namespace godwit::diff
