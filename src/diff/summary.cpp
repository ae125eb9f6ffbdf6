#include "diff/summary.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <vector>

#include "core/error.hpp"

namespace godwit::diff {

namespace {

using schema::Catalog;

// The section a summary line belongs to; the order of the values is the order of sections
// (ENG sql_migration.rs `DriftType`, with Prisma 7's added-schemas section).
enum class Drift : std::uint8_t {
  AlteredExtension,
  DroppedExtension,
  CreatedExtension,
  AddedSchema,
  AddedEnum,
  AddedTable,
  RemovedEnum,
  RemovedTable,
  RemovedUdt,
  RemovedView,
  RedefinedTable,
  ChangedEnum,
  ChangedTable,
};

std::string joined_columns(const Catalog& c, const std::vector<ColumnId>& cols) {
  std::string out;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) out += ", ";
    out += c.get(cols[i]).name;
  }
  return out;
}

[[noreturn]] void not_yet() {
  throw core::Error("GW1102",
                    "Describing changes other than creations is not supported yet: this version "
                    "of godwit diffs only from an empty schema.");
}

// The section and item name of a change (the name sorts "Changed the `T` table" sections).
std::pair<Drift, std::string> section_of(const Change& change, const Catalog& to) {
  if (const auto* c = std::get_if<CreateExtension>(&change))
    return {Drift::CreatedExtension, to.get(c->to).name};
  if (std::holds_alternative<CreateNamespace>(change)) return {Drift::AddedSchema, ""};
  if (std::holds_alternative<CreateEnum>(change)) return {Drift::AddedEnum, ""};
  if (std::holds_alternative<CreateTable>(change)) return {Drift::AddedTable, ""};
  if (const auto* c = std::get_if<CreateIndex>(&change))
    return {Drift::ChangedTable, to.get(to.get(c->to).table).name};
  if (const auto* c = std::get_if<AddForeignKey>(&change))
    return {Drift::ChangedTable, to.get(to.get(c->to).table).name};
  not_yet();
}

std::string line_of(const Change& change, const Catalog& to) {
  if (const auto* c = std::get_if<CreateExtension>(&change))
    return "  - " + to.get(c->to).name + "\n";
  if (const auto* c = std::get_if<CreateNamespace>(&change))
    return "  - " + to.get(c->to).name + "\n";
  if (const auto* c = std::get_if<CreateEnum>(&change)) return "  - " + to.get(c->to).name + "\n";
  if (const auto* c = std::get_if<CreateTable>(&change)) return "  - " + to.get(c->to).name + "\n";
  if (const auto* c = std::get_if<CreateIndex>(&change)) {
    const schema::Index& idx = to.get(c->to);
    std::vector<ColumnId> cols;
    for (const auto& ic : idx.columns)
      cols.push_back(ic.column);
    return (schema::is_unique(idx.kind) ? "  [+] Added unique index on columns ("
                                        : "  [+] Added index on columns (") +
           joined_columns(to, cols) + ")\n";
  }
  if (const auto* c = std::get_if<AddForeignKey>(&change)) {
    return "  [+] Added foreign key on columns (" + joined_columns(to, to.get(c->to).columns) +
           ")\n";
  }
  not_yet();
}

}  // namespace

std::string summary(const ChangeSet& changes, const Catalog& /*from*/, const Catalog& to) {
  if (changes.empty()) return "No difference detected.";
  // (section, item name, change index): sorted like Prisma's BTreeSet, so "Changed the `T`
  // table" sections come sorted by table name, and each extension gets its own header.
  std::vector<std::tuple<Drift, std::string, std::size_t>> items;
  for (std::size_t i = 0; i < changes.changes.size(); ++i) {
    auto [drift, name] = section_of(changes.changes[i], to);
    items.emplace_back(drift, std::move(name), i);
  }
  std::sort(items.begin(), items.end());

  std::string out;
  for (std::size_t n = 0; n < items.size(); ++n) {
    const auto& [drift, name, index] = items[n];
    bool new_section =
        n == 0 || std::get<0>(items[n - 1]) != drift || std::get<1>(items[n - 1]) != name;
    if (new_section) {
      switch (drift) {
        case Drift::CreatedExtension:
          out += "\n[+] Added extensions\n";
          break;
        case Drift::AddedSchema:
          out += "\n[+] Added Schemas\n";
          break;
        case Drift::AddedEnum:
          out += "\n[+] Added enums\n";
          break;
        case Drift::AddedTable:
          out += "\n[+] Added tables\n";
          break;
        case Drift::ChangedTable:
          out += "\n[*] Changed the `" + name + "` table\n";
          break;
        default:
          break;
      }
    }
    out += line_of(changes.changes[index], to);
  }
  return out;
}

}  // namespace godwit::diff
