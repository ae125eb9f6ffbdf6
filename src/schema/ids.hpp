#pragma once
// Typed ids of the catalog's objects (schema/catalog.hpp): an object's index in its vector,
// wrapped so that ids of different kinds do not convert (TableId{3} is catalog.tables[3]).

#include <compare>
#include <cstdint>

namespace godwit::schema {

template <class Tag>
struct Id {
  std::uint32_t value = 0;
  friend auto operator<=>(const Id&, const Id&) = default;
};

using NamespaceId = Id<struct NamespaceTag>;
using TableId = Id<struct TableTag>;
using ColumnId = Id<struct ColumnTag>;
using IndexId = Id<struct IndexTag>;
using ForeignKeyId = Id<struct ForeignKeyTag>;
using EnumId = Id<struct EnumTag>;
using ExtensionId = Id<struct ExtensionTag>;
using ViewId = Id<struct ViewTag>;
using SequenceId = Id<struct SequenceTag>;
using CheckId = Id<struct CheckTag>;

}  // namespace godwit::schema
