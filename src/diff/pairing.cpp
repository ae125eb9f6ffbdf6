#include "diff/pairing.hpp"

#include <algorithm>
#include <string>

namespace godwit::diff {

namespace {

using schema::Catalog;
using schema::IndexKind;

constexpr std::string_view kMigrationsTable = "_prisma_migrations";

// Prisma's IndexType: a unique constraint and a unique index are one kind.
int index_type(IndexKind k) {
  switch (k) {
    case IndexKind::PrimaryKey:
      return 0;
    case IndexKind::UniqueConstraint:
    case IndexKind::UniqueIndex:
      return 1;
    case IndexKind::Normal:
      return 2;
    case IndexKind::Fulltext:
      return 3;
  }
  return 2;
}

schema::SortOrder sort_or_default(const schema::IndexColumn& c) {
  return c.sort.value_or(schema::SortOrder::Asc);
}

std::vector<IndexId> secondary_indexes(const Catalog& c, TableId t) {
  std::vector<IndexId> out;
  for (IndexId i : c.get(t).indexes) {
    if (c.get(i).kind != IndexKind::PrimaryKey) out.push_back(i);
  }
  return out;
}

// Same column names and index type (what makes two indexes of one table "identical" for
// Prisma's rename detection).
bool same_columns_and_type(const Catalog& c, IndexId a, IndexId b) {
  const auto& x = c.get(a);
  const auto& y = c.get(b);
  if (x.columns.size() != y.columns.size() || index_type(x.kind) != index_type(y.kind))
    return false;
  for (std::size_t i = 0; i < x.columns.size(); ++i) {
    if (c.get(x.columns[i].column).name != c.get(y.columns[i].column).name) return false;
  }
  return true;
}

}  // namespace

DifferDatabase::DifferDatabase(const Catalog& from, const Catalog& to, const DiffPolicy& policy)
    : from_(from), to_(to), policy_(policy), from_lookup_(from), to_lookup_(to) {
  pair_index_.assign(from.tables.size(), SIZE_MAX);
  std::vector<bool> to_paired(to.tables.size(), false);
  for (std::size_t i = 0; i < from.tables.size(); ++i) {
    const schema::Table& t = from.tables[i];
    if (t.name == kMigrationsTable) continue;
    std::optional<TableId> other;
    if (auto ns = to_lookup_.find_namespace(from.get(t.namespace_id).name))
      other = to_lookup_.find_table(*ns, t.name);
    if (!other) {
      dropped_.push_back(TableId{static_cast<std::uint32_t>(i)});
      continue;
    }
    pair_index_[i] = pairs_.size();
    pairs_.push_back({TableId{static_cast<std::uint32_t>(i)}, *other});
    to_paired[other->value] = true;
  }
  for (std::size_t i = 0; i < to.tables.size(); ++i) {
    if (!to_paired[i] && to.tables[i].name != kMigrationsTable)
      created_.push_back(TableId{static_cast<std::uint32_t>(i)});
  }

  // Columns by name: both sides' names sorted, then merged.
  columns_.resize(pairs_.size());
  std::vector<std::pair<std::string_view, ColumnId>> a, b;
  for (std::size_t p = 0; p < pairs_.size(); ++p) {
    a.clear();
    b.clear();
    for (ColumnId c : from.get(pairs_[p].from).columns)
      a.emplace_back(from.get(c).name, c);
    for (ColumnId c : to.get(pairs_[p].to).columns)
      b.emplace_back(to.get(c).name, c);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    auto& out = columns_[p];
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
      if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
        out.push_back({a[i].first, a[i].second, std::nullopt, {}});
        ++i;
      } else if (i == a.size() || b[j].first < a[i].first) {
        out.push_back({b[j].first, std::nullopt, b[j].second, {}});
        ++j;
      } else {
        ColumnPairing cp{a[i].first, a[i].second, b[j].second, {}};
        cp.diff = diff_columns({from, from.get(a[i].second), to, to.get(b[j].second)}, policy);
        out.push_back(cp);
        ++i;
        ++j;
      }
    }
  }

  redefined_.assign(pairs_.size(), false);
  if (policy.redefine_tables) {
    for (std::size_t p = 0; p < pairs_.size(); ++p) {
      redefined_[p] = compute_redefined(pairs_[p]);
      any_redefined_ = any_redefined_ || redefined_[p];
    }
  }
}

const std::vector<ColumnPairing>& DifferDatabase::columns(const TablePair& pair) const {
  return columns_[pair_index(pair)];
}

const ColumnPairing* DifferDatabase::column_pair_of_next(const TablePair& pair,
                                                         ColumnId next) const {
  for (const auto& c : columns(pair)) {
    if (c.to == next) return c.from ? &c : nullptr;
  }
  return nullptr;
}

bool DifferDatabase::is_redefined(const TablePair& pair) const {
  return redefined_[pair_index(pair)];
}

bool DifferDatabase::compute_redefined(const TablePair& pair) const {
  const bool pk_from = from_.primary_key(pair.from).has_value();
  const bool pk_to = to_.primary_key(pair.to).has_value();
  if (pk_from != pk_to || primary_key_changed(pair)) return true;
  for (const auto& c : columns(pair)) {
    if (c.from && !c.to) return true;
    if (!c.from && c.to && to_.get(*c.to).arity == schema::Arity::Required) return true;
    if (c.from && c.to && c.diff.changes != ColumnChanges::None) return true;
  }
  return !created_foreign_keys(pair).empty() || !dropped_foreign_keys(pair).empty();
}

bool DifferDatabase::primary_key_changed(const TablePair& pair) const {
  auto pf = from_.primary_key(pair.from);
  auto pt = to_.primary_key(pair.to);
  if (!pf || !pt) return false;
  const auto& a = from_.get(*pf).columns;
  const auto& b = to_.get(*pt).columns;
  if (a.size() != b.size()) return true;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (from_.get(a[i].column).name != to_.get(b[i].column).name ||
        sort_or_default(a[i]) != sort_or_default(b[i]) || a[i].length != b[i].length)
      return true;
  }
  for (const auto& c : columns(pair)) {
    if (!c.from || !c.to || !has(c.diff.changes, ColumnChanges::Type)) continue;
    for (const auto& pk_col : a) {
      if (from_.get(pk_col.column).name == c.name) return true;
    }
  }
  return false;
}

bool DifferDatabase::indexes_match(IndexId ia, IndexId ib) const {
  const schema::Index& a = from_.get(ia);
  const schema::Index& b = to_.get(ib);
  if (a.columns.size() != b.columns.size()) return false;
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    if (from_.get(a.columns[i].column).name != to_.get(b.columns[i].column).name ||
        a.columns[i].length != b.columns[i].length ||
        sort_or_default(a.columns[i]) != sort_or_default(b.columns[i]))
      return false;
  }
  if (index_type(a.kind) != index_type(b.kind)) return false;
  // Predicates count only where the schema enables Prisma's partialIndexes preview feature
  // (Catalog::partial_indexes); without it a database's predicate is not part of the model.
  if (compare_predicates() &&
      !(policy_.predicates_match ? policy_.predicates_match(a.predicate, b.predicate)
                                 : a.predicate == b.predicate)) {
    return false;
  }
  return !policy_.indexes_match || policy_.indexes_match(from_, ia, to_, ib);
}

std::vector<IndexId> DifferDatabase::created_indexes(const TablePair& pair) const {
  auto prev = secondary_indexes(from_, pair.from);
  std::vector<IndexId> out;
  for (IndexId n : secondary_indexes(to_, pair.to)) {
    if (std::none_of(prev.begin(), prev.end(), [&](IndexId p) { return indexes_match(p, n); }))
      out.push_back(n);
  }
  return out;
}

std::vector<IndexId> DifferDatabase::dropped_indexes(const TablePair& pair) const {
  auto next = secondary_indexes(to_, pair.to);
  std::vector<IndexId> out;
  for (IndexId p : secondary_indexes(from_, pair.from)) {
    if (!compare_predicates() && policy_.index_kept && policy_.index_kept(from_, p)) continue;
    if (std::none_of(next.begin(), next.end(), [&](IndexId n) { return indexes_match(p, n); }))
      out.push_back(p);
  }
  return out;
}

std::vector<std::pair<IndexId, IndexId>> DifferDatabase::index_pairs(const TablePair& pair) const {
  auto prev = secondary_indexes(from_, pair.from);
  auto next = secondary_indexes(to_, pair.to);
  std::vector<std::pair<IndexId, IndexId>> out;
  for (IndexId p : prev) {
    // Renaming one of several identical indexes is unstable: Prisma leaves them alone.
    auto identical = std::count_if(prev.begin(), prev.end(),
                                   [&](IndexId q) { return same_columns_and_type(from_, p, q); });
    if (identical != 1) continue;
    for (IndexId n : next) {
      if (indexes_match(p, n)) {
        out.emplace_back(p, n);
        break;
      }
    }
  }
  return out;
}

bool DifferDatabase::foreign_keys_match(ForeignKeyId ia, ForeignKeyId ib) const {
  const schema::ForeignKey& a = from_.get(ia);
  const schema::ForeignKey& b = to_.get(ib);
  if (from_.get(a.referenced_table).name != to_.get(b.referenced_table).name) return false;
  if (a.columns.size() != b.columns.size() ||
      a.referenced_columns.size() != b.referenced_columns.size())
    return false;
  const TablePair pair{a.table, b.table};
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    const std::string& name = from_.get(a.columns[i]).name;
    if (name != to_.get(b.columns[i]).name) return false;
    for (const auto& c : columns(pair)) {
      if (c.from == a.columns[i] && has(c.diff.changes, ColumnChanges::Type)) return false;
    }
  }
  for (std::size_t i = 0; i < a.referenced_columns.size(); ++i) {
    if (from_.get(a.referenced_columns[i]).name != to_.get(b.referenced_columns[i]).name)
      return false;
  }
  return a.on_delete == b.on_delete && a.on_update == b.on_update;
}

std::vector<ForeignKeyId> DifferDatabase::created_foreign_keys(const TablePair& pair) const {
  const auto& prev = from_.get(pair.from).foreign_keys;
  std::vector<ForeignKeyId> out;
  for (ForeignKeyId n : to_.get(pair.to).foreign_keys) {
    if (std::none_of(prev.begin(), prev.end(),
                     [&](ForeignKeyId p) { return foreign_keys_match(p, n); }))
      out.push_back(n);
  }
  return out;
}

std::vector<ForeignKeyId> DifferDatabase::dropped_foreign_keys(const TablePair& pair) const {
  const auto& next = to_.get(pair.to).foreign_keys;
  std::vector<ForeignKeyId> out;
  for (ForeignKeyId p : from_.get(pair.from).foreign_keys) {
    if (std::none_of(next.begin(), next.end(),
                     [&](ForeignKeyId n) { return foreign_keys_match(p, n); }))
      out.push_back(p);
  }
  return out;
}

std::vector<std::pair<ForeignKeyId, ForeignKeyId>> DifferDatabase::foreign_key_pairs(
    const TablePair& pair) const {
  const auto& next = to_.get(pair.to).foreign_keys;
  std::vector<bool> seen(next.size(), false);
  std::vector<std::pair<ForeignKeyId, ForeignKeyId>> out;
  for (ForeignKeyId p : from_.get(pair.from).foreign_keys) {
    for (std::size_t i = 0; i < next.size(); ++i) {
      if (!seen[i] && foreign_keys_match(p, next[i])) {
        seen[i] = true;
        out.emplace_back(p, next[i]);
        break;
      }
    }
  }
  return out;
}

std::optional<EnumId> DifferDatabase::enum_pair_of(EnumId id) const {
  const schema::Enum& e = from_.get(id);
  auto ns = to_lookup_.find_namespace(from_.get(e.namespace_id).name);
  return ns ? to_lookup_.find_enum(*ns, e.name) : std::nullopt;
}

std::optional<EnumId> DifferDatabase::enum_pair_of_next(EnumId id) const {
  const schema::Enum& e = to_.get(id);
  auto ns = from_lookup_.find_namespace(to_.get(e.namespace_id).name);
  return ns ? from_lookup_.find_enum(*ns, e.name) : std::nullopt;
}

}  // namespace godwit::diff
