#include "diff/differ.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/column_diff.hpp"
#include "diff/pairing.hpp"
#include "schema/lookup.hpp"
#include "schema/renderer.hpp"

namespace godwit::diff {

namespace {

using schema::Catalog;
using schema::StepKind;

std::uint32_t u32(std::size_t i) {
  return static_cast<std::uint32_t>(i);
}

// A change with the position Prisma sorts it to: its step, then the step's own fields (ids;
// ENG sql_migration.rs derives Ord on `SqlMigrationStep`). -1 sorts an absent id first.
struct Keyed {
  StepKind step;
  std::array<std::int64_t, 4> key;
  Change change;
};

class Differ {
 public:
  Differ(const Catalog& from, const Catalog& to, const DiffPolicy& policy)
      : db_(from, to, policy), from_(from), to_(to), policy_(policy) {}

  ChangeSet run() {
    push_namespaces();
    push_extensions();
    push_created_tables();
    push_dropped_tables();
    push_dropped_indexes();
    push_created_indexes();
    push_altered_tables();
    push_redefined_tables();
    push_enums();
    std::stable_sort(out_.begin(), out_.end(), [](const Keyed& a, const Keyed& b) {
      return a.step != b.step ? a.step < b.step : a.key < b.key;
    });
    move_unique_drops_after_new_primary_keys();
    ChangeSet set;
    set.changes.reserve(out_.size());
    for (auto& k : out_)
      set.changes.push_back(std::move(k.change));
    return set;
  }

 private:
  void add(StepKind step, std::array<std::int64_t, 4> key, Change change) {
    out_.push_back({step, key, std::move(change)});
  }
  static std::array<std::int64_t, 4> key(std::int64_t a, std::int64_t b = 0, std::int64_t c = 0,
                                         std::int64_t d = 0) {
    return {a, b, c, d};
  }

  void push_namespaces() {
    if (!policy_.namespaces) return;
    auto holding = to_.namespaces_holding_objects();
    for (std::size_t i = 0; i < to_.namespaces.size(); ++i) {
      if (!holding[i] || db_.from_lookup().find_namespace(to_.namespaces[i].name)) continue;
      add(StepKind::CreateSchema, key(std::int64_t(i), 0, 0, 0),
          CreateNamespace{NamespaceId{u32(i)}});
    }
  }

  // Extensions present on `to`'s side only are created (Prisma never drops them). Present on
  // both sides with a changed version or schema, an extension is dropped and created again:
  // Prisma treats the extensions of a Prisma schema as not relocatable (ENG postgres.rs
  // `push_extension_steps`; ALTER EXTENSION is for relocatable ones, which the catalog does not
  // record yet).
  void push_extensions() {
    auto schema_of = [](const Catalog& c, const schema::Extension& e) -> std::string_view {
      return e.namespace_id ? std::string_view(c.get(*e.namespace_id).name) : "";
    };
    for (std::size_t i = 0; i < to_.extensions.size(); ++i) {
      const schema::Extension& next = to_.extensions[i];
      const ExtensionId next_id{u32(i)};
      auto prev_id = db_.from_lookup().find_extension(next.name);
      if (!prev_id) {
        add(StepKind::CreateExtension, key(std::int64_t(i)), CreateExtension{next_id});
        continue;
      }
      const schema::Extension& prev = from_.get(*prev_id);
      bool version_changed =
          !prev.version.empty() && !next.version.empty() && prev.version != next.version;
      auto ps = schema_of(from_, prev), ns = schema_of(to_, next);
      bool schema_changed = !ps.empty() && !ns.empty() && ps != ns;
      if (version_changed || schema_changed) {
        add(StepKind::DropExtension, key(std::int64_t(prev_id->value)), DropExtension{*prev_id});
        add(StepKind::CreateExtension, key(std::int64_t(i)), CreateExtension{next_id});
      }
    }
  }

  void push_created_tables() {
    for (TableId t : db_.created_tables()) {
      add(StepKind::CreateTable, key(std::int64_t(t.value), 0, 0, 0), CreateTable{t});
      if (!policy_.foreign_keys_in_create_table) {
        for (ForeignKeyId fk : to_.get(t).foreign_keys)
          add(StepKind::AddForeignKey, key(std::int64_t(fk.value), 0, 0, 0), AddForeignKey{fk});
      }
      for (IndexId i : to_.get(t).indexes) {
        if (to_.get(i).kind == schema::IndexKind::PrimaryKey) continue;
        add(StepKind::CreateIndex, key(-1, std::int64_t(t.value), std::int64_t(i.value), 0),
            CreateIndex{i, std::nullopt, false});
      }
    }
  }

  void push_dropped_tables() {
    for (TableId t : db_.dropped_tables()) {
      add(StepKind::DropTable, key(std::int64_t(t.value), 0, 0, 0), DropTable{t});
      if (!policy_.drop_foreign_keys_of_dropped_tables) continue;
      for (ForeignKeyId fk : from_.get(t).foreign_keys)
        add(StepKind::DropForeignKey, key(std::int64_t(fk.value), 0, 0, 0), DropForeignKey{fk});
    }
  }

  void push_dropped_indexes() {
    std::vector<IndexId> dropped;
    for (const TablePair& pair : db_.table_pairs()) {
      if (db_.is_redefined(pair)) continue;
      for (IndexId i : db_.dropped_indexes(pair))
        dropped.push_back(i);
    }
    // SQLite recreates indexes in RedefineTables; those of dropped tables go explicitly.
    if (db_.any_redefined() && policy_.drop_indexes_of_dropped_tables) {
      for (TableId t : db_.dropped_tables()) {
        for (IndexId i : from_.get(t).indexes) {
          if (from_.get(i).kind != schema::IndexKind::PrimaryKey) dropped.push_back(i);
        }
      }
    }
    std::sort(dropped.begin(), dropped.end());
    dropped.erase(std::unique(dropped.begin(), dropped.end()), dropped.end());
    for (IndexId i : dropped)
      add(StepKind::DropIndex, key(std::int64_t(i.value), 0, 0, 0), DropIndex{i});
  }

  void push_created_indexes() {
    for (const TablePair& pair : db_.table_pairs()) {
      if (db_.is_redefined(pair)) continue;
      for (IndexId i : db_.created_indexes(pair)) {
        add(StepKind::CreateIndex,
            key(std::int64_t(pair.from.value), std::int64_t(pair.to.value), std::int64_t(i.value),
                0),
            CreateIndex{i, pair.from, false});
      }
      if (!policy_.recreate_indexes_of_recreated_columns) continue;
      // PostgreSQL drops an index with its column: indexes over a dropped-and-added column
      // are created again.
      for (const auto& [prev, next] : db_.index_pairs(pair)) {
        bool recreated = false;
        for (const auto& ic : to_.get(next).columns) {
          const ColumnPairing* cp = db_.column_pair_of_next(pair, ic.column);
          if (cp && cp->diff.type_change == TypeChange::NotCastable) recreated = true;
        }
        if (recreated) {
          add(StepKind::CreateIndex,
              key(std::int64_t(pair.from.value), std::int64_t(pair.to.value),
                  std::int64_t(next.value), 1),
              CreateIndex{next, pair.from, true});
        }
      }
    }
  }

  void push_altered_tables() {
    for (const TablePair& pair : db_.table_pairs()) {
      if (db_.is_redefined(pair)) continue;
      push_foreign_key_changes(pair);
      for (const auto& [prev, next] : db_.index_pairs(pair)) {
        if (from_.get(prev).name == to_.get(next).name) continue;
        if (policy_.rename_indexes) {
          add(StepKind::RenameIndex, key(std::int64_t(prev.value), std::int64_t(next.value), 0, 0),
              RenameIndex{prev, next});
        } else {
          add(StepKind::RedefineIndex,
              key(std::int64_t(prev.value), std::int64_t(next.value), 0, 0),
              RedefineIndex{prev, next});
        }
      }
      AlterTable alter{pair.from, pair.to, {}, false, false, false};
      const auto pf = from_.primary_key(pair.from);
      const auto pt = to_.primary_key(pair.to);
      const bool pk_changed = db_.primary_key_changed(pair);
      alter.drop_primary_key = (pf && !pt) || pk_changed;
      // A primary key's name is a database object only where indexes can be renamed in place
      // (PostgreSQL); SQLite keeps none, and a renamed table (--rename) must not ask it to.
      alter.rename_primary_key =
          policy_.rename_indexes && pf && pt && from_.get(*pf).name != to_.get(*pt).name;
      for (const ColumnPairing& c : db_.columns(pair)) {
        if (c.from && !c.to) alter.columns.push_back({ColumnChange::Kind::Drop, c.from, {}});
      }
      for (const ColumnPairing& c : db_.columns(pair)) {
        if (c.to && !c.from) {
          ColumnChange add_column{ColumnChange::Kind::Add, {}, c.to};
          add_column.prisma_level_default = has_prisma_level_default(to_.get(*c.to));
          alter.columns.push_back(add_column);
        }
      }
      // Altered columns in `from`'s column order (Prisma sorts them by column id).
      std::vector<const ColumnPairing*> altered;
      for (const ColumnPairing& c : db_.columns(pair)) {
        if (c.from && c.to && c.diff.changes != ColumnChanges::None) altered.push_back(&c);
      }
      std::sort(altered.begin(), altered.end(),
                [](const ColumnPairing* a, const ColumnPairing* b) { return *a->from < *b->from; });
      for (const ColumnPairing* c : altered) {
        auto kind = c->diff.type_change == TypeChange::NotCastable ? ColumnChange::Kind::Recreate
                                                                   : ColumnChange::Kind::Alter;
        ColumnChange change{kind, c->from, c->to, c->diff.changes, c->diff.type_change};
        alter.columns.push_back(change);
      }
      alter.add_primary_key = (!pf && pt) || pk_changed;
      if (alter.columns.empty() && !alter.drop_primary_key && !alter.rename_primary_key &&
          !alter.add_primary_key)
        continue;
      add(StepKind::AlterTable,
          key(std::int64_t(pair.from.value), std::int64_t(pair.to.value), 0, 0), std::move(alter));
    }
  }

  // A unique index that was a table's only key is dropped after the AlterTable that makes
  // its columns the primary key, so the table is never without a key (ENG
  // sql_schema_differ.rs `apply_partial_order_permutations`).
  void move_unique_drops_after_new_primary_keys() {
    for (std::size_t i = 0; i < out_.size(); ++i) {
      const auto* drop = std::get_if<DropIndex>(&out_[i].change);
      if (!drop) continue;
      const schema::Index& idx = from_.get(drop->from);
      if (!schema::is_unique(idx.kind) || from_.primary_key(idx.table)) continue;
      for (std::size_t j = i + 1; j < out_.size(); ++j) {
        const auto* alter = std::get_if<AlterTable>(&out_[j].change);
        if (!alter || alter->from != idx.table || !alter->add_primary_key) continue;
        if (!keeps_index_columns(*alter, idx) || !pk_has_index_columns(alter->to, idx)) continue;
        Keyed moved = std::move(out_[i]);
        out_.erase(out_.begin() + std::ptrdiff_t(i));
        out_.insert(out_.begin() + std::ptrdiff_t(j), std::move(moved));
        --i;  // the next change moved into position i
        break;
      }
    }
  }

  static bool index_has_column(const schema::Index& idx, ColumnId c) {
    return std::any_of(idx.columns.begin(), idx.columns.end(),
                       [&](const schema::IndexColumn& ic) { return ic.column == c; });
  }

  // The AlterTable neither drops nor recreates a column of the index.
  static bool keeps_index_columns(const AlterTable& alter, const schema::Index& idx) {
    for (const ColumnChange& c : alter.columns) {
      if ((c.kind == ColumnChange::Kind::Drop || c.kind == ColumnChange::Kind::Recreate) &&
          c.from && index_has_column(idx, *c.from))
        return false;
    }
    return true;
  }

  bool pk_has_index_columns(TableId to_table, const schema::Index& idx) const {
    auto pk = to_.primary_key(to_table);
    if (!pk) return false;
    const auto& cols = to_.get(*pk).columns;
    if (cols.size() != idx.columns.size()) return false;
    for (std::size_t k = 0; k < cols.size(); ++k) {
      if (to_.get(cols[k].column).name != from_.get(idx.columns[k].column).name) return false;
    }
    return true;
  }

  static bool has_prisma_level_default(const schema::Column& c) {
    return c.default_value && c.default_value->kind == schema::DefaultKind::PrismaLevel;
  }

  void push_foreign_key_changes(const TablePair& pair) {
    for (ForeignKeyId fk : db_.created_foreign_keys(pair))
      add(StepKind::AddForeignKey, key(std::int64_t(fk.value), 0, 0, 0), AddForeignKey{fk});
    for (ForeignKeyId fk : db_.dropped_foreign_keys(pair))
      add(StepKind::DropForeignKey, key(std::int64_t(fk.value), 0, 0, 0), DropForeignKey{fk});
    if (!policy_.named_foreign_keys) return;
    for (const auto& [prev, next] : db_.foreign_key_pairs(pair)) {
      const auto& a = from_.get(prev).name;
      const auto& b = to_.get(next).name;
      if (!a || !b || *a == *b) continue;
      // Join tables of implicit many-to-many relations once had unnamed foreign keys; Prisma
      // ignores their names so that old databases need no migration.
      if (is_implicit_m2m_table(from_, pair.from) && is_implicit_m2m_table(to_, pair.to)) continue;
      add(StepKind::RenameForeignKey, key(std::int64_t(prev.value), std::int64_t(next.value), 0, 0),
          RenameForeignKey{prev, next});
    }
  }

  static bool is_implicit_m2m_table(const Catalog& c, TableId t) {
    const auto& cols = c.get(t).columns;
    if (cols.size() != 2) return false;
    return c.find_column(t, "A") && c.find_column(t, "B");
  }

  void push_redefined_tables() {
    for (const TablePair& pair : db_.table_pairs()) {
      if (!db_.is_redefined(pair)) continue;
      RedefineTable r{pair.from, pair.to, {}, false};
      const auto pf = from_.primary_key(pair.from);
      const auto pt = to_.primary_key(pair.to);
      r.dropped_primary_key = (pf && !pt) || db_.primary_key_changed(pair);
      for (const ColumnPairing& c : db_.columns(pair)) {
        if (!c.from || !c.to) continue;
        auto kind = c.diff.changes == ColumnChanges::None           ? ColumnChange::Kind::Keep
                    : c.diff.type_change == TypeChange::NotCastable ? ColumnChange::Kind::Recreate
                                                                    : ColumnChange::Kind::Alter;
        r.columns.push_back({kind, c.from, c.to, c.diff.changes, c.diff.type_change});
      }
      for (const ColumnPairing& c : db_.columns(pair)) {
        if (c.to && !c.from) {
          ColumnChange add_column{ColumnChange::Kind::Add, {}, c.to};
          add_column.prisma_level_default = has_prisma_level_default(to_.get(*c.to));
          r.columns.push_back(add_column);
        }
      }
      for (const ColumnPairing& c : db_.columns(pair)) {
        if (c.from && !c.to) r.columns.push_back({ColumnChange::Kind::Drop, c.from, {}});
      }
      add(StepKind::RedefineTables,
          key(std::int64_t(pair.from.value), std::int64_t(pair.to.value), 0, 0), std::move(r));
    }
  }

  void push_enums() {
    for (std::size_t i = 0; i < from_.enums.size(); ++i) {
      EnumId prev{u32(i)};
      auto next = db_.enum_pair_of(prev);
      if (!next) continue;
      AlterEnum alter{prev, *next, {}, {}, {}};
      const auto& pv = from_.get(prev).values;
      const auto& nv = to_.get(*next).values;
      for (const auto& v : nv) {
        if (std::find(pv.begin(), pv.end(), v) == pv.end()) alter.added.push_back(v);
      }
      for (const auto& v : pv) {
        if (std::find(nv.begin(), nv.end(), v) == nv.end()) alter.removed.push_back(v);
      }
      if (alter.added.empty() && alter.removed.empty()) continue;
      alter.defaults = enum_default_usages(prev, *next);
      add(StepKind::AlterEnum, key(std::int64_t(prev.value), std::int64_t(next->value), 0, 0),
          std::move(alter));
    }
    for (std::size_t i = 0; i < to_.enums.size(); ++i) {
      if (!db_.enum_pair_of_next(EnumId{u32(i)}))
        add(StepKind::CreateEnum, key(std::int64_t(i), 0, 0, 0), CreateEnum{EnumId{u32(i)}});
    }
    for (std::size_t i = 0; i < from_.enums.size(); ++i) {
      if (!db_.enum_pair_of(EnumId{u32(i)}))
        add(StepKind::DropEnum, key(std::int64_t(i), 0, 0, 0), DropEnum{EnumId{u32(i)}});
    }
  }

  // Columns of the enum (by name, as Prisma matches them) that have a default: those of
  // dropped tables, dropped columns, then column pairs (ENG postgres.rs
  // `push_alter_enum_previous_usages_as_default`).
  std::vector<EnumDefaultUsage> enum_default_usages(EnumId prev, EnumId next) const {
    const std::string& prev_name = from_.get(prev).name;
    const std::string& next_name = to_.get(next).name;
    auto of_enum = [](const Catalog& c, const schema::Column& col, const std::string& name) {
      return col.type.family == schema::TypeFamily::Enum && c.get(col.type.enum_id).name == name &&
             col.default_value.has_value();
    };
    std::vector<EnumDefaultUsage> out;
    for (TableId t : db_.dropped_tables()) {
      for (ColumnId c : from_.get(t).columns) {
        if (of_enum(from_, from_.get(c), prev_name)) out.push_back({c, std::nullopt});
      }
    }
    for (const TablePair& pair : db_.table_pairs()) {
      for (const ColumnPairing& c : db_.columns(pair)) {
        if (c.from && !c.to && of_enum(from_, from_.get(*c.from), prev_name))
          out.push_back({*c.from, std::nullopt});
      }
      for (const ColumnPairing& c : db_.columns(pair)) {
        if (!c.from || !c.to || !of_enum(from_, from_.get(*c.from), prev_name)) continue;
        std::optional<ColumnId> next_usage;
        if (of_enum(to_, to_.get(*c.to), next_name)) next_usage = *c.to;
        out.push_back({*c.from, next_usage});
      }
    }
    return out;
  }

  DifferDatabase db_;
  const Catalog& from_;
  const Catalog& to_;
  const DiffPolicy& policy_;
  std::vector<Keyed> out_;
};

}  // namespace

ChangeSet diff(const Catalog& from, const Catalog& to, const DiffPolicy& policy) {
  return Differ(from, to, policy).run();
}

}  // namespace godwit::diff
