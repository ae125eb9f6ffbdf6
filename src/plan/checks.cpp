#include "plan/checks.hpp"

#include <optional>

namespace godwit::plan {

namespace {

using diff::ColumnChange;
using diff::ColumnChanges;
using diff::TypeChange;
using schema::Arity;
using schema::Catalog;
using schema::Column;

// What the database said (or nullopt for each count when there is no database).
struct Counted {
  std::optional<long long> rows;
  std::optional<long long> values;
};

// Counts asked for by the names of `after` (the catalog after a change set's renames) read the
// database as it is, before the renames: a renamed table or column is counted under its old
// name, found through its id (the same in both catalogs).
class CountsBeforeRenames final : public RowCounts {
 public:
  CountsBeforeRenames(const RowCounts& inner, const Catalog& before, const Catalog& after)
      : inner_(inner), before_(before), after_(after) {}

  std::optional<long long> rows(std::string_view ns, std::string_view table) const override {
    auto t = find(ns, table);
    return t ? inner_.rows(ns, before_.get(*t).name) : inner_.rows(ns, table);
  }
  std::optional<long long> non_null_values(std::string_view ns, std::string_view table,
                                           std::string_view column) const override {
    auto t = find(ns, table);
    if (!t) return inner_.non_null_values(ns, table, column);
    std::string_view old_column = column;
    for (schema::ColumnId c : after_.get(*t).columns) {
      if (after_.get(c).name == column) old_column = before_.get(c).name;
    }
    return inner_.non_null_values(ns, before_.get(*t).name, old_column);
  }

 private:
  std::optional<schema::TableId> find(std::string_view ns, std::string_view table) const {
    for (std::size_t i = 0; i < after_.tables.size(); ++i) {
      const auto& t = after_.tables[i];
      if (t.name == table && after_.get(t.namespace_id).name == ns)
        return schema::TableId{static_cast<std::uint32_t>(i)};
    }
    return std::nullopt;
  }
  const RowCounts& inner_;
  const Catalog& before_;
  const Catalog& after_;
};

class Checker {
 public:
  Checker(const Catalog& from, const Catalog& to, const RowCounts* counts)
      : from_(from), to_(to), counts_(counts) {}

  Checks run(const diff::ChangeSet& changes) {
    for (std::size_t i = 0; i < changes.changes.size(); ++i) {
      index_ = i;
      std::visit([&](const auto& c) { check(c); }, changes.changes[i]);
    }
    return std::move(out_);
  }

 private:
  template <class T>
  void check(const T&) {}

  void check(const diff::DropTable& c) {
    const auto& t = from_.get(c.from);
    auto rows = table_rows(t);
    if (rows == 0) return;
    warn(rows ? "You are about to drop the `" + t.name + "` table, which is not empty (" +
                    std::to_string(*rows) + " rows)."
              : "You are about to drop the `" + t.name +
                    "` table. If the table is not empty, all the data it contains will be lost.");
  }

  void check(const diff::AlterTable& c) {
    if (c.drop_primary_key) primary_key_change(c.from);
    for (const ColumnChange& col : c.columns) {
      switch (col.kind) {
        case ColumnChange::Kind::Drop:
          column_drop(from_.get(*col.from));
          break;
        case ColumnChange::Kind::Add:
          add_column(to_.get(*col.to), col.prisma_level_default);
          break;
        case ColumnChange::Kind::Alter:
          alter_column(col);
          break;
        case ColumnChange::Kind::Recreate:
          drop_and_recreate(col);
          break;
        case ColumnChange::Kind::Rename:
        case ColumnChange::Kind::Keep:
          break;
      }
    }
  }

  void check(const diff::RedefineTable& c) {
    if (c.dropped_primary_key) primary_key_change(c.from);
    for (const ColumnChange& col : c.columns) {
      if (col.kind == ColumnChange::Kind::Add)
        add_column(to_.get(*col.to), col.prisma_level_default);
    }
    for (const ColumnChange& col : c.columns) {
      if (col.kind == ColumnChange::Kind::Drop) column_drop(from_.get(*col.from));
    }
    for (const ColumnChange& col : c.columns) {
      if (!col.from || !col.to) continue;
      const Column& prev = from_.get(*col.from);
      const Column& next = to_.get(*col.to);
      const bool arity_safe = !(prev.arity == Arity::Nullable && next.arity == Arity::Required);
      if (!has(col.changes, ColumnChanges::Type) && arity_safe) continue;
      if (has(col.changes, ColumnChanges::Arity) && next.arity == Arity::Required &&
          !has_default(next))
        made_required(prev);
      type_warning(col, family_name(prev), family_name(next));
    }
  }

  void check(const diff::CreateIndex& c) {
    if (!c.from_table || c.recreated) return;
    const auto& idx = to_.get(c.to);
    if (!schema::is_unique(idx.kind)) return;
    std::string cols;
    for (std::size_t i = 0; i < idx.columns.size(); ++i) {
      if (i > 0) cols += ',';
      cols += to_.get(idx.columns[i].column).name;
    }
    warn("A unique constraint covering the columns `[" + cols + "]` on the table `" +
         to_.get(idx.table).name +
         "` will be added. If there are existing duplicate values, "
         "this will fail.");
  }

  void check(const diff::AlterEnum& c) {
    if (c.removed.empty()) return;
    std::string values;
    for (std::size_t i = 0; i < c.removed.size(); ++i) {
      if (i > 0) values += ',';
      values += c.removed[i];
    }
    warn("The values [" + values + "] on the enum `" + to_.get(c.to).name +
         "` will be removed. If these variants are still used in the database, this will fail.");
  }

  // --- the checks of columns

  void primary_key_change(schema::TableId t) {
    const auto& table = from_.get(t);
    if (table_rows(table) == 0) return;
    warn("The primary key for the `" + table.name +
         "` table will be changed. If it partially fails, the table could be left without "
         "primary key constraint.");
  }

  void column_drop(const Column& c) {
    Counted n = column_counts(c);
    if (n.rows == 0 || n.values == 0) return;
    const std::string& t = from_.get(c.table).name;
    warn(n.values ? "You are about to drop the column `" + c.name + "` on the `" + t +
                        "` table, which still contains " + std::to_string(*n.values) +
                        " non-null values."
                  : "You are about to drop the column `" + c.name + "` on the `" + t +
                        "` table. All the data in the column will be lost.");
  }

  // Columns cannot be added when the table has rows, the column is required and it has no
  // database default.
  void add_column(const Column& c, bool prisma_level_default) {
    if (c.arity != Arity::Required || has_default(c)) return;
    const std::string& t = to_.get(c.table).name;
    auto rows = table_rows_by_name(to_, c.table);
    if (rows == 0) return;
    std::string details = rows ? "There are " + std::to_string(*rows) +
                                     " rows in this table, it is not possible to execute this "
                                     "step."
                               : "This is not possible if the table is not empty.";
    if (prisma_level_default) {
      unexecutable("The required column `" + c.name + "` was added to the `" + t +
                   "` table with a prisma-level default value. " + details +
                   " Please add this column as optional, then populate it before making it "
                   "required.");
    } else {
      unexecutable("Added the required column `" + c.name + "` to the `" + t +
                   "` table without a default value. " + details);
    }
  }

  void made_required(const Column& prev) {
    Counted n = column_counts(prev);
    const std::string& t = from_.get(prev.table).name;
    if (n.rows == 0) return;
    if (n.rows && n.values) {
      long long nulls = *n.rows - *n.values;
      if (nulls == 0) return;
      unexecutable("Made the column `" + prev.name + "` on table `" + t +
                   "` required, but there are " + std::to_string(nulls) + " existing NULL values.");
      return;
    }
    unexecutable("Made the column `" + prev.name + "` on table `" + t +
                 "` required. This step will fail if there are existing NULL values in that "
                 "column.");
  }

  // PostgreSQL's AlterColumn checks (ENG destructive_change_checker_flavour/postgres.rs).
  void alter_column(const ColumnChange& col) {
    const Column& prev = from_.get(*col.from);
    const Column& next = to_.get(*col.to);
    if (has(col.changes, ColumnChanges::Arity) && prev.arity == Arity::Nullable &&
        next.arity == Arity::Required)
      made_required(prev);
    if (has(col.changes, ColumnChanges::Arity) && prev.arity != Arity::List &&
        next.arity == Arity::List) {
      Counted n = column_counts(prev);
      if (n.rows != 0 && n.values != 0) {
        std::string details =
            n.values ? "There are " + std::to_string(*n.values) +
                           " existing non-null values in that column, this step cannot be "
                           "executed."
                     : "If there are non-null values in that column, this step will fail.";
        unexecutable("Changed the column `" + prev.name + "` on the `" +
                     from_.get(prev.table).name + "` table from a scalar field to a list field. " +
                     details);
      }
    }
    type_warning(col, type_name(prev), type_name(next));
  }

  void drop_and_recreate(const ColumnChange& col) {
    const Column& prev = from_.get(*col.from);
    const Column& next = to_.get(*col.to);
    const std::string& t = from_.get(prev.table).name;
    if (has(col.changes, ColumnChanges::Arity) && prev.arity == Arity::Nullable &&
        next.arity == Arity::Required && !has_default(next)) {
      auto rows = table_rows(from_.get(prev.table));
      if (rows == 0) return;
      std::string details = rows ? "There are " + std::to_string(*rows) +
                                       " rows in this table, it is not possible to execute this "
                                       "step."
                                 : "This is not possible if the table is not empty.";
      unexecutable("Added the required column `" + prev.name + "` to the `" + t +
                   "` table without a default value. " + details);
    } else if (next.arity == Arity::Required && !has_default(next)) {
      auto rows = table_rows(from_.get(prev.table));
      if (rows == 0) return;
      unexecutable("Changed the type of `" + prev.name + "` on the `" + t +
                   (rows ? "` table. No cast exists, the column would be dropped and recreated, "
                           "which cannot be done since the column is required and there is data "
                           "in the table."
                         : "` table. No cast exists, the column would be dropped and recreated, "
                           "which cannot be done if there is data, since the column is "
                           "required."));
    } else {
      Counted n = column_counts(prev);
      if (n.rows == 0 || n.values == 0) return;
      warn("The `" + prev.name + "` column on the `" + t +
           (n.values ? "` table would be dropped and recreated. This will lead to data loss."
                     : "` table would be dropped and recreated. This will lead to data loss if "
                       "there is data in the column."));
    }
  }

  void type_warning(const ColumnChange& col, const std::string& prev_type,
                    const std::string& next_type) {
    if (col.type_change != TypeChange::RiskyCast && col.type_change != TypeChange::NotCastable)
      return;
    const Column& prev = from_.get(*col.from);
    Counted n = column_counts(prev);
    if (n.rows == 0 || n.values == 0) return;
    const std::string head =
        "You are about to alter the column `" + prev.name + "` on the `" +
        from_.get(prev.table).name + "` table" +
        (n.values ? ", which contains " + std::to_string(*n.values) + " non-null values." : ".");
    const std::string cast =
        " The data in that column will be cast from `" + prev_type + "` to `" + next_type + "`.";
    if (col.type_change == TypeChange::RiskyCast) {
      warn(head + (n.values ? "" : " The data in that column could be lost.") + cast);
    } else {
      warn(head + cast +
           " This cast may fail. Please make sure the data in the column can be "
           "cast.");
    }
  }

  // --- helpers

  static bool has_default(const Column& c) {
    return c.default_value && c.default_value->kind != schema::DefaultKind::PrismaLevel;
  }

  // Prisma's `display_column_type`: the native type as the schema spells it, else the family.
  static std::string type_name(const Column& c) {
    if (c.type.native.empty()) return family_name(c);
    std::string out = c.type.native.name;
    if (!c.type.native.args.empty()) {
      out += '(';
      for (std::size_t i = 0; i < c.type.native.args.size(); ++i) {
        if (i > 0) out += ',';
        out += std::to_string(c.type.native.args[i]);
      }
      out += ')';
    }
    return out;
  }
  static std::string family_name(const Column& c) {
    return std::string(schema::to_string(c.type.family));
  }

  std::optional<long long> table_rows(const schema::Table& t) const {
    if (!counts_) return std::nullopt;
    return counts_->rows(from_.get(t.namespace_id).name, t.name);
  }
  // A table of `to` counted under its name (added columns belong to a table that exists).
  std::optional<long long> table_rows_by_name(const Catalog& c, schema::TableId id) const {
    if (!counts_) return std::nullopt;
    const auto& t = c.get(id);
    return counts_->rows(c.get(t.namespace_id).name, t.name);
  }
  Counted column_counts(const Column& c) const {
    if (!counts_) return {};
    const auto& t = from_.get(c.table);
    const std::string& ns = from_.get(t.namespace_id).name;
    return {counts_->rows(ns, t.name), counts_->non_null_values(ns, t.name, c.name)};
  }

  void warn(std::string message) { out_.warnings.push_back({std::move(message), index_}); }
  void unexecutable(std::string message) {
    out_.unexecutable.push_back({std::move(message), index_});
  }

  const Catalog& from_;
  const Catalog& to_;
  const RowCounts* counts_;
  std::size_t index_ = 0;
  Checks out_;
};

}  // namespace

Checks check_changes(const diff::ChangeSet& changes, const Catalog& from, const Catalog& to,
                     const RowCounts* counts) {
  if (!changes.renamed_from) return Checker(from, to, counts).run(changes);
  // Renames lose nothing; every other change names objects in `renamed_from`, and the
  // database is counted before the renames run.
  std::optional<CountsBeforeRenames> before;
  if (counts) before.emplace(*counts, from, *changes.renamed_from);
  return Checker(*changes.renamed_from, to, before ? &*before : nullptr).run(changes);
}

}  // namespace godwit::plan
