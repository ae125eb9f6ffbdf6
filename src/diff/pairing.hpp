#pragma once
// The differ's view of two catalogs (ENG sql_schema_differ/differ_database.rs, table.rs): which
// tables, columns, enums, indexes and foreign keys of `from` and `to` are the same object.
//
// Tables pair by (namespace name, table name) and enums likewise, through the catalogs' hash
// lookups (schema/lookup.hpp), so pairing 500 tables stays linear. Columns pair by name
// within a table pair and are listed in name order, as Prisma's BTreeMap lists them. Indexes
// and foreign keys pair by definition, not by name (a new name is a rename): that comparison
// is quadratic only within one table. `_prisma_migrations` is never diffed.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/change_set.hpp"
#include "diff/column_diff.hpp"
#include "diff/policy.hpp"
#include "schema/lookup.hpp"

namespace godwit::diff {

struct TablePair {
  TableId from, to;
  friend bool operator==(const TablePair&, const TablePair&) = default;
};

/// A column name of a table pair and the column of each side that has it.
struct ColumnPairing {
  std::string_view name;
  std::optional<ColumnId> from;
  std::optional<ColumnId> to;
  ColumnDiff diff;  ///< both sides only
};

class DifferDatabase {
 public:
  DifferDatabase(const schema::Catalog& from, const schema::Catalog& to, const DiffPolicy& policy);

  const schema::CatalogLookup& from_lookup() const { return from_lookup_; }
  const schema::CatalogLookup& to_lookup() const { return to_lookup_; }

  /// Tables on both sides, in `from`'s order.
  const std::vector<TablePair>& table_pairs() const { return pairs_; }
  /// Tables of `to` only, in `to`'s order; tables of `from` only, in `from`'s order.
  const std::vector<TableId>& created_tables() const { return created_; }
  const std::vector<TableId>& dropped_tables() const { return dropped_; }

  /// The pair's columns by name (both sides, `from` only, `to` only).
  const std::vector<ColumnPairing>& columns(const TablePair& pair) const;
  /// The pairing of a column of the pair's `to` table (nullptr when it is not in the pair).
  const ColumnPairing* column_pair_of_next(const TablePair& pair, ColumnId next) const;

  /// SQLite: the pair changes beyond ADD COLUMN and is rebuilt (ENG sqlite.rs
  /// `set_tables_to_redefine`). Always false where the policy does not redefine tables.
  bool is_redefined(const TablePair& pair) const;
  bool any_redefined() const { return any_redefined_; }

  /// Non-primary indexes of `to` with no same-definition index in `from`, and the reverse.
  std::vector<IndexId> created_indexes(const TablePair& pair) const;
  std::vector<IndexId> dropped_indexes(const TablePair& pair) const;
  /// Partial index predicates are part of the comparison (either side's
  /// Catalog::partial_indexes).
  bool compare_predicates() const { return from_.partial_indexes || to_.partial_indexes; }
  /// Indexes with the same definition on both sides (names may differ), for `from` indexes
  /// whose definition is unique in their table (ENG table.rs `index_pairs`).
  std::vector<std::pair<IndexId, IndexId>> index_pairs(const TablePair& pair) const;

  std::vector<ForeignKeyId> created_foreign_keys(const TablePair& pair) const;
  std::vector<ForeignKeyId> dropped_foreign_keys(const TablePair& pair) const;
  std::vector<std::pair<ForeignKeyId, ForeignKeyId>> foreign_key_pairs(const TablePair& pair) const;

  /// Both tables have a primary key and it differs in columns, sort order or the type of a
  /// column (ENG table.rs `primary_key_changed`).
  bool primary_key_changed(const TablePair& pair) const;

  /// The enum of the other side with the same (namespace name, name).
  std::optional<EnumId> enum_pair_of(EnumId from) const;
  std::optional<EnumId> enum_pair_of_next(EnumId to) const;

 private:
  std::size_t pair_index(const TablePair& pair) const { return pair_index_[pair.from.value]; }
  bool indexes_match(IndexId a, IndexId b) const;
  bool foreign_keys_match(ForeignKeyId a, ForeignKeyId b) const;
  bool compute_redefined(const TablePair& pair) const;

  const schema::Catalog& from_;
  const schema::Catalog& to_;
  const DiffPolicy& policy_;
  schema::CatalogLookup from_lookup_;
  schema::CatalogLookup to_lookup_;
  std::vector<TablePair> pairs_;
  std::vector<TableId> created_;
  std::vector<TableId> dropped_;
  std::vector<std::size_t> pair_index_;              ///< from table id -> index into pairs_
  std::vector<std::vector<ColumnPairing>> columns_;  ///< per pair
  std::vector<bool> redefined_;                      ///< per pair
  bool any_redefined_ = false;
};

}  // namespace godwit::diff
