#include "diff/differ.hpp"

#include <algorithm>
#include <utility>

#include "core/error.hpp"

namespace godwit::diff {

namespace {

std::uint32_t u32(std::size_t i) {
  return static_cast<std::uint32_t>(i);
}

}  // namespace

ChangeSet diff(const schema::Catalog& from, const schema::Catalog& to, const DiffPolicy& policy) {
  if (!from.empty()) {
    throw core::Error("GW1102",
                      "Comparing two schemas that both hold objects is not supported yet: this "
                      "version of godwit diffs only from an empty schema.");
  }
  ChangeSet out;
  auto& changes = out.changes;
  if (policy.namespaces) {
    auto holding = to.namespaces_holding_objects();
    for (std::size_t i = 0; i < to.namespaces.size(); ++i) {
      if (holding[i]) changes.push_back(CreateNamespace{NamespaceId{u32(i)}});
    }
  }
  for (std::size_t i = 0; i < to.extensions.size(); ++i)
    changes.push_back(CreateExtension{ExtensionId{u32(i)}});
  for (std::size_t i = 0; i < to.enums.size(); ++i)
    changes.push_back(CreateEnum{EnumId{u32(i)}});
  for (std::size_t i = 0; i < to.tables.size(); ++i)
    changes.push_back(CreateTable{TableId{u32(i)}});

  // Prisma sorts created indexes by (table, index id); primary keys are part of CREATE TABLE.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> indexes;
  for (std::size_t i = 0; i < to.indexes.size(); ++i) {
    if (to.indexes[i].kind == schema::IndexKind::PrimaryKey) continue;
    indexes.emplace_back(to.indexes[i].table.value, u32(i));
  }
  std::sort(indexes.begin(), indexes.end());
  for (const auto& [table, index] : indexes)
    changes.push_back(CreateIndex{IndexId{index}});

  if (!policy.foreign_keys_in_create_table) {
    for (std::size_t i = 0; i < to.foreign_keys.size(); ++i)
      changes.push_back(AddForeignKey{ForeignKeyId{u32(i)}});
  }
  return out;
}

}  // namespace godwit::diff
