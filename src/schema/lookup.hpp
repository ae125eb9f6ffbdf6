#pragma once
// Name lookups over a finished catalog through hash maps built once, so that comparing two
// catalogs of 500 tables stays linear: the differ pairs every object of one side with the
// other side's object of the same (owner, name) in O(1).
//
// Keys follow the database's name scopes (PostgreSQL): tables, enums, views, sequences and
// indexes are unique per namespace; columns, named foreign keys and check constraints per table;
// namespaces and extensions per database. When a catalog holds two objects with one key (a
// hand-made or invalid catalog), the lookup returns the one with the lower id.
//
// The lookup keeps views of the catalog's names: the catalog must outlive it and must not be
// changed while it is used (build a new lookup after changing the catalog).

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "schema/catalog.hpp"

namespace godwit::schema {

class CatalogLookup {
 public:
  explicit CatalogLookup(const Catalog& catalog);

  std::optional<NamespaceId> find_namespace(std::string_view name) const;
  std::optional<ExtensionId> find_extension(std::string_view name) const;
  std::optional<TableId> find_table(NamespaceId ns, std::string_view name) const;
  std::optional<EnumId> find_enum(NamespaceId ns, std::string_view name) const;
  std::optional<IndexId> find_index(NamespaceId ns, std::string_view name) const;
  std::optional<ColumnId> find_column(TableId table, std::string_view name) const;
  std::optional<ForeignKeyId> find_foreign_key(TableId table, std::string_view name) const;
  std::optional<ViewId> find_view(NamespaceId ns, std::string_view name) const;
  std::optional<SequenceId> find_sequence(NamespaceId ns, std::string_view name) const;
  std::optional<CheckId> find_check(TableId table, std::string_view name) const;

 private:
  struct Key {
    std::uint32_t owner = 0;  ///< the id value of the namespace or table; 0 for global names
    std::string_view name;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };
  using Map = std::unordered_map<Key, std::uint32_t, KeyHash>;

  static std::optional<std::uint32_t> get(const Map& map, std::uint32_t owner,
                                          std::string_view name);

  Map namespaces_, extensions_, tables_, enums_, indexes_, columns_, foreign_keys_, views_,
      sequences_, checks_;
};

}  // namespace godwit::schema
