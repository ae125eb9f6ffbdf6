// SQLite statements for changes between two catalogs, as Prisma 7 prints them (ENG
// flavour/sqlite/renderer.rs: render_drop_table, render_alter_table,
// render_redefine_tables, copy_current_table_into_new_table; prisma-compat.md §7.8).
#include "core/error.hpp"
#include "core/text.hpp"
#include "dialect/sqlite/render/render.hpp"
#include "diff/change_set.hpp"

namespace godwit::sqlite {

using namespace godwit::schema;
using diff::ColumnChange;

namespace {

std::string sqlite_quoted(std::string_view name) {
  std::string out;
  core::append_double_quoted(out, name);
  return out;
}

[[noreturn]] void sqlite_cannot(std::string_view what) {
  throw core::Error("GW0001",
                    "Internal error: the SQLite renderer was asked for " + std::string(what) +
                        ", which SQLite's differ policy never produces.",
                    "Please report this as a godwit bug, with the two schemas.");
}

}  // namespace

std::vector<std::string> SqliteRenderer::drop_table(const Catalog& from, TableId id) const {
  // Prisma turns foreign keys off: tables referencing each other can then go in any order.
  return {"PRAGMA foreign_keys=off", "DROP TABLE " + sqlite_quoted(from.get(id).name),
          "PRAGMA foreign_keys=on"};
}

std::string SqliteRenderer::drop_index(const Catalog& from, IndexId id) const {
  return "DROP INDEX " + sqlite_quoted(from.get(id).name);
}

std::string SqliteRenderer::drop_foreign_key(const Catalog&, ForeignKeyId) const {
  sqlite_cannot("DropForeignKey");
}

std::vector<std::string> SqliteRenderer::drop_enum(const Catalog&, EnumId) const {
  return {};
}

std::vector<std::string> SqliteRenderer::alter_table(const Catalog& from, const Catalog& to,
                                                     const diff::AlterTable& change) const {
  if (change.drop_primary_key || change.rename_primary_key || change.add_primary_key)
    sqlite_cannot("a primary key change in AlterTable");
  std::vector<std::string> out;
  for (const ColumnChange& c : change.columns) {
    if (c.kind != ColumnChange::Kind::Add) sqlite_cannot("a column change other than ADD COLUMN");
    out.push_back("ALTER TABLE " + sqlite_quoted(from.get(change.from).name) + " ADD COLUMN " +
                  render_column(to, *c.to));
  }
  return out;
}

std::vector<std::string> SqliteRenderer::alter_enum(const Catalog&, const Catalog&,
                                                    const diff::AlterEnum&) const {
  return {};
}

std::vector<std::string> SqliteRenderer::redefine_tables(
    const Catalog& from, const Catalog& to,
    const std::vector<const diff::RedefineTable*>& tables) const {
  std::vector<std::string> out = {"PRAGMA defer_foreign_keys=ON", "PRAGMA foreign_keys=OFF"};
  for (const diff::RedefineTable* r : tables) {
    const Table& next = to.get(r->to);
    const std::string temporary = "new_" + next.name;
    // CREATE TABLE "new_T" (...): the new definition under the temporary name.
    std::string create = create_table(to, r->to);
    const std::string prefix = "CREATE TABLE " + sqlite_quoted(next.name);
    out.push_back("CREATE TABLE " + sqlite_quoted(temporary) + create.substr(prefix.size()));

    std::string destination, source;
    for (const ColumnChange& c : r->columns) {
      if (!c.from || !c.to) continue;
      const Column& prev_col = from.get(*c.from);
      const Column& next_col = to.get(*c.to);
      if (!destination.empty()) {
        destination += ", ";
        source += ", ";
      }
      destination += sqlite_quoted(next_col.name);
      const bool has_default =
          next_col.default_value && next_col.default_value->kind != DefaultKind::PrismaLevel;
      const bool became_required = has(c.changes, diff::ColumnChanges::Arity) &&
                                   next_col.arity == Arity::Required && has_default;
      if (became_required) {
        // SQLite has no DEFAULT keyword in expressions: NULLs take the new default.
        source += "coalesce(" + sqlite_quoted(prev_col.name) + ", " +
                  render_default(*next_col.default_value) + ") AS " + sqlite_quoted(prev_col.name);
      } else {
        source += sqlite_quoted(prev_col.name);
      }
    }
    if (!destination.empty()) {
      out.push_back("INSERT INTO " + sqlite_quoted(temporary) + " (" + destination + ") SELECT " +
                    source + " FROM " + sqlite_quoted(from.get(r->from).name));
    }
    out.push_back("DROP TABLE " + sqlite_quoted(from.get(r->from).name));
    out.push_back("ALTER TABLE " + sqlite_quoted(temporary) + " RENAME TO " +
                  sqlite_quoted(next.name));
    for (IndexId i : next.indexes) {
      if (to.get(i).kind != IndexKind::PrimaryKey) out.push_back(create_index(to, i));
    }
  }
  out.push_back("PRAGMA foreign_keys=ON");
  out.push_back("PRAGMA defer_foreign_keys=OFF");
  return out;
}

std::string SqliteRenderer::rename_index(const Catalog&, IndexId, const Catalog&, IndexId) const {
  sqlite_cannot("RenameIndex");
}

std::string SqliteRenderer::rename_foreign_key(const Catalog&, ForeignKeyId, const Catalog&,
                                               ForeignKeyId) const {
  sqlite_cannot("RenameForeignKey");
}

std::vector<std::string> SqliteRenderer::alter_extension(const Catalog&, ExtensionId,
                                                         const Catalog&, ExtensionId) const {
  return {};
}

std::vector<std::string> SqliteRenderer::drop_extension(const Catalog&, ExtensionId) const {
  return {};
}

// Renames (godwit's --rename): SQLite >= 3.25 renames a column, and >= 3.26 (legacy_alter_table
// off, the default) rewrites the indexes, triggers and foreign keys of other tables that name
// the renamed table or column, so no table is redefined and no row is copied.

std::string SqliteRenderer::rename_table(const Catalog& from, TableId a, const Catalog& to,
                                         TableId b) const {
  return "ALTER TABLE " + sqlite_quoted(from.get(a).name) + " RENAME TO " +
         sqlite_quoted(to.get(b).name);
}

std::string SqliteRenderer::rename_column(const Catalog& from, ColumnId a, const Catalog& to,
                                          ColumnId b) const {
  const Column& next = to.get(b);
  return "ALTER TABLE " + sqlite_quoted(to.get(next.table).name) + " RENAME COLUMN " +
         sqlite_quoted(from.get(a).name) + " TO " + sqlite_quoted(next.name);
}

std::string SqliteRenderer::rename_enum(const Catalog&, EnumId, const Catalog&, EnumId) const {
  sqlite_cannot("RenameEnum (SQLite stores enums as TEXT)");
}

std::string SqliteRenderer::rename_enum_value(const Catalog&, const diff::RenameEnumValue&) const {
  sqlite_cannot("RenameEnumValue (SQLite stores enums as TEXT)");
}

}  // namespace godwit::sqlite
