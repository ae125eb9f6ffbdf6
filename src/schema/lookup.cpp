#include "schema/lookup.hpp"

#include <functional>

namespace godwit::schema {

namespace {

// Fills `map` with one entry per object, keyed by owner and name; emplace keeps the first
// (lowest) id when two objects share a key.
template <class Vec, class OwnerOf, class NameOf, class Map>
void fill(Map& map, const Vec& objects, OwnerOf owner_of, NameOf name_of) {
  map.reserve(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    map.emplace(typename Map::key_type{owner_of(objects[i]), name_of(objects[i])},
                static_cast<std::uint32_t>(i));
  }
}

template <class T>
std::string_view name_of(const T& object) {
  return object.name;
}

// Unnamed foreign keys (SQLite) cannot be looked up by name: the differ pairs them by columns.
template <class Map>
void fill_foreign_keys(Map& map, const std::vector<ForeignKey>& fks) {
  map.reserve(fks.size());
  for (std::size_t i = 0; i < fks.size(); ++i) {
    if (!fks[i].name) continue;
    map.emplace(typename Map::key_type{fks[i].table.value, *fks[i].name},
                static_cast<std::uint32_t>(i));
  }
}

}  // namespace

std::size_t CatalogLookup::KeyHash::operator()(const Key& k) const noexcept {
  std::size_t h = std::hash<std::string_view>{}(k.name);
  return h ^ (std::size_t{k.owner} + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

CatalogLookup::CatalogLookup(const Catalog& c) {
  auto global = [](const auto&) { return std::uint32_t{0}; };
  auto in_namespace = [](const auto& o) { return o.namespace_id.value; };
  auto in_table = [](const auto& o) { return o.table.value; };
  auto index_namespace = [&c](const Index& i) { return c.get(i.table).namespace_id.value; };
  fill(namespaces_, c.namespaces, global, name_of<Namespace>);
  fill(extensions_, c.extensions, global, name_of<Extension>);
  fill(tables_, c.tables, in_namespace, name_of<Table>);
  fill(enums_, c.enums, in_namespace, name_of<Enum>);
  fill(indexes_, c.indexes, index_namespace, name_of<Index>);
  fill(columns_, c.columns, in_table, name_of<Column>);
  fill_foreign_keys(foreign_keys_, c.foreign_keys);
  fill(views_, c.views, in_namespace, name_of<View>);
  fill(sequences_, c.sequences, in_namespace, name_of<Sequence>);
  fill(checks_, c.checks, in_table, name_of<CheckConstraint>);
}

namespace {

// A found index as the typed id of its object kind.
template <typename Id>
std::optional<Id> typed_id(std::optional<std::uint32_t> index) {
  if (!index) return std::nullopt;
  return Id{*index};
}

}  // namespace

std::optional<std::uint32_t> CatalogLookup::get(const Map& map, std::uint32_t owner,
                                                std::string_view name) {
  auto it = map.find(Key{owner, name});
  if (it == map.end()) return std::nullopt;
  return it->second;
}

std::optional<NamespaceId> CatalogLookup::find_namespace(std::string_view name) const {
  return typed_id<NamespaceId>(get(namespaces_, 0, name));
}

std::optional<ExtensionId> CatalogLookup::find_extension(std::string_view name) const {
  return typed_id<ExtensionId>(get(extensions_, 0, name));
}

std::optional<TableId> CatalogLookup::find_table(NamespaceId ns, std::string_view name) const {
  return typed_id<TableId>(get(tables_, ns.value, name));
}

std::optional<EnumId> CatalogLookup::find_enum(NamespaceId ns, std::string_view name) const {
  return typed_id<EnumId>(get(enums_, ns.value, name));
}

std::optional<IndexId> CatalogLookup::find_index(NamespaceId ns, std::string_view name) const {
  return typed_id<IndexId>(get(indexes_, ns.value, name));
}

std::optional<ColumnId> CatalogLookup::find_column(TableId table, std::string_view name) const {
  return typed_id<ColumnId>(get(columns_, table.value, name));
}

std::optional<ForeignKeyId> CatalogLookup::find_foreign_key(TableId table,
                                                            std::string_view name) const {
  return typed_id<ForeignKeyId>(get(foreign_keys_, table.value, name));
}

std::optional<ViewId> CatalogLookup::find_view(NamespaceId ns, std::string_view name) const {
  return typed_id<ViewId>(get(views_, ns.value, name));
}

std::optional<SequenceId> CatalogLookup::find_sequence(NamespaceId ns,
                                                       std::string_view name) const {
  return typed_id<SequenceId>(get(sequences_, ns.value, name));
}

std::optional<CheckId> CatalogLookup::find_check(TableId table, std::string_view name) const {
  return typed_id<CheckId>(get(checks_, table.value, name));
}

}  // namespace godwit::schema
