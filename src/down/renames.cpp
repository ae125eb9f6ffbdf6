#include "down/renames.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace godwit::down {
namespace {

// A table or type followed through the script: its name before the migration and now.
struct TrackedName {
  std::string schema;
  std::string before;
  std::string now;
};

// A column or enum value of one tracked owner (named by its name before the migration).
struct TrackedPart {
  std::string schema;
  std::string owner_before;
  std::string before;
  std::string now;
};

TrackedName& track_name(std::vector<TrackedName>& names, const std::string& schema,
                        const std::string& now) {
  for (auto& n : names)
    if (n.schema == schema && n.now == now) return n;
  names.push_back({schema, now, now});
  return names.back();
}

// The owner's name before the migration, following its renames so far.
std::string name_before(const std::vector<TrackedName>& names, const std::string& schema,
                        const std::string& now) {
  for (const auto& n : names)
    if (n.schema == schema && n.now == now) return n.before;
  return now;
}

// Its name after the whole script.
std::string name_after(const std::vector<TrackedName>& names, const std::string& schema,
                       const std::string& before) {
  for (const auto& n : names)
    if (n.schema == schema && n.before == before) return n.now;
  return before;
}

void track_part(std::vector<TrackedPart>& parts, const std::string& schema,
                const std::string& owner_before, const std::string& from, const std::string& to) {
  for (auto& p : parts) {
    if (p.schema == schema && p.owner_before == owner_before && p.now == from) {
      p.now = to;
      return;
    }
  }
  parts.push_back({schema, owner_before, from, to});
}

// Whether `ns` is the namespace a statement's schema (empty: the default one) names.
bool rn_in_namespace(const schema::Catalog& c, schema::NamespaceId ns, const std::string& schema) {
  return schema.empty() ? c.is_default_namespace(ns) : c.get(ns).name == schema;
}

std::optional<schema::TableId> rn_table(const schema::Catalog& c, const std::string& schema,
                                        const std::string& name) {
  for (std::size_t i = 0; i < c.tables.size(); ++i) {
    const auto& t = c.tables[i];
    if (t.name == name && rn_in_namespace(c, t.namespace_id, schema)) {
      return schema::TableId{static_cast<std::uint32_t>(i)};
    }
  }
  return std::nullopt;
}

std::optional<schema::EnumId> rn_enum(const schema::Catalog& c, const std::string& schema,
                                      const std::string& name) {
  for (std::size_t i = 0; i < c.enums.size(); ++i) {
    const auto& e = c.enums[i];
    if (e.name == name && rn_in_namespace(c, e.namespace_id, schema)) {
      return schema::EnumId{static_cast<std::uint32_t>(i)};
    }
  }
  return std::nullopt;
}

bool rn_has_value(const schema::Enum& e, const std::string& v) {
  return std::find(e.values.begin(), e.values.end(), v) != e.values.end();
}

}  // namespace

std::vector<diff::Change> reversed_renames(const std::vector<StatementRename>& renames,
                                           const schema::Catalog& after,
                                           const schema::Catalog& before) {
  using Kind = StatementRename::Kind;
  std::vector<TrackedName> tables, enums;
  std::vector<TrackedPart> columns, values;
  for (const auto& r : renames) {
    switch (r.kind) {
      case Kind::kTable:
        track_name(tables, r.schema, r.owner).now = r.to;
        break;
      case Kind::kEnum:
        track_name(enums, r.schema, r.owner).now = r.to;
        break;
      case Kind::kColumn:
        track_part(columns, r.schema, name_before(tables, r.schema, r.owner), r.from, r.to);
        break;
      case Kind::kEnumValue:
        track_part(values, r.schema, name_before(enums, r.schema, r.owner), r.from, r.to);
        break;
    }
  }

  // The down renames each object from its name after the migration (in `after`) back to its
  // name before (in `before`), when the catalogs show the old name gone and the new one new.
  std::vector<diff::Change> out;
  for (const auto& t : tables) {
    if (t.before == t.now) continue;
    auto from = rn_table(after, t.schema, t.now);
    auto to = rn_table(before, t.schema, t.before);
    if (from && to && !rn_table(after, t.schema, t.before) && !rn_table(before, t.schema, t.now)) {
      out.push_back(diff::RenameTable{*from, *to});
    }
  }
  for (const auto& e : enums) {
    if (e.before == e.now) continue;
    auto from = rn_enum(after, e.schema, e.now);
    auto to = rn_enum(before, e.schema, e.before);
    if (from && to && !rn_enum(after, e.schema, e.before) && !rn_enum(before, e.schema, e.now)) {
      out.push_back(diff::RenameEnum{*from, *to});
    }
  }
  for (const auto& c : columns) {
    if (c.before == c.now) continue;
    auto from_table = rn_table(after, c.schema, name_after(tables, c.schema, c.owner_before));
    auto to_table = rn_table(before, c.schema, c.owner_before);
    if (!from_table || !to_table) continue;
    auto from = after.find_column(*from_table, c.now);
    auto to = before.find_column(*to_table, c.before);
    if (from && to && !after.find_column(*from_table, c.before) &&
        !before.find_column(*to_table, c.now)) {
      out.push_back(diff::RenameColumn{*from, *to});
    }
  }
  for (const auto& v : values) {
    if (v.before == v.now) continue;
    auto from = rn_enum(after, v.schema, name_after(enums, v.schema, v.owner_before));
    auto to = rn_enum(before, v.schema, v.owner_before);
    if (!from || !to) continue;
    const auto& fe = after.get(*from);
    const auto& te = before.get(*to);
    if (rn_has_value(fe, v.now) && !rn_has_value(te, v.now) && rn_has_value(te, v.before) &&
        !rn_has_value(fe, v.before)) {
      out.push_back(diff::RenameEnumValue{*from, *to, v.now, v.before});
    }
  }
  return out;
}

}  // namespace godwit::down
