// The differ on hand-made catalogs, for what the golden cases (tests/golden/diff) cannot show:
// pairing by name and by definition, deterministic ids and order, linear pairing; and the
// summary.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "diff/differ.hpp"
#include "diff/summary.hpp"

namespace godwit::diff {
namespace {

using namespace godwit::schema;

Column col(TableId t, std::string name) {
  Column c;
  c.table = t;
  c.name = std::move(name);
  c.type.family = TypeFamily::Int;
  return c;
}

// Two tables whose indexes and foreign keys are added out of table order, an extension in a
// namespace that holds nothing, an enum.
Catalog shuffled() {
  Catalog c;
  c.default_namespace = "public";
  auto ns = c.add_namespace("public");
  auto a = c.add_table(ns, "a");
  auto b = c.add_table(ns, "b");
  auto a_id = c.add_column(col(a, "id"));
  auto b_id = c.add_column(col(b, "id"));
  auto b_a = c.add_column(col(b, "a_id"));
  c.add_index({b, "b_a_id_idx", IndexKind::Normal, {{b_a}}});
  c.add_index({a, "a_pkey", IndexKind::PrimaryKey, {{a_id}}});
  c.add_index({a, "a_id_key", IndexKind::UniqueIndex, {{a_id}}});
  c.add_foreign_key({b, "b_a_id_fkey", {b_a}, a, {a_id}});
  c.add_foreign_key({a, "a_id_fkey", {a_id}, b, {b_id}});
  c.add_extension({"pg_trgm", c.add_namespace("ext"), ""});
  c.add_extension({"citext", {}, ""});
  c.add_enum({ns, "E", {"X"}});
  return c;
}

TEST(Differ, FromEmptyCreatesEverythingInPrismasOrder) {
  Catalog to = shuffled();
  ChangeSet changes = diff(Catalog{}, to, DiffPolicy{.namespaces = true});
  std::vector<Change> expected = {
      CreateNamespace{NamespaceId{0}},  // not "ext": it holds no object
      CreateExtension{ExtensionId{0}},
      CreateExtension{ExtensionId{1}},
      CreateEnum{EnumId{0}},
      CreateTable{TableId{0}},
      CreateTable{TableId{1}},
      CreateIndex{IndexId{2}},  // table a first, though added after b's index
      CreateIndex{IndexId{0}},
      AddForeignKey{ForeignKeyId{0}},  // by foreign key id
      AddForeignKey{ForeignKeyId{1}},
  };
  EXPECT_EQ(changes.changes, expected);
}

TEST(Differ, SqlitePolicyHasNoNamespacesAndInlineForeignKeys) {
  ChangeSet changes = diff(Catalog{}, shuffled(), DiffPolicy{.foreign_keys_in_create_table = true});
  for (const auto& c : changes.changes) {
    EXPECT_FALSE(std::holds_alternative<CreateNamespace>(c));
    EXPECT_FALSE(std::holds_alternative<AddForeignKey>(c));
  }
}

TEST(Differ, IdenticalCatalogsHaveNoDifference) {
  EXPECT_TRUE(diff(shuffled(), shuffled(), postgres_policy()).empty());
  EXPECT_TRUE(diff(shuffled(), shuffled(), sqlite_policy()).empty());
}

// Objects pair by (namespace name, name), never by id: the same tables added in another
// order, with their namespaces in another order, are no change.
TEST(Differ, PairsByNameNotById) {
  Catalog from;
  from.default_namespace = "public";
  auto ext = from.add_namespace("ext");
  auto pub = from.add_namespace("public");
  auto b = from.add_table(pub, "b");
  auto a = from.add_table(pub, "a");
  from.add_column(col(b, "y"));
  from.add_column(col(b, "x"));
  from.add_column(col(a, "id"));
  from.add_enum({ext, "E", {"X"}});
  Catalog to;
  to.default_namespace = "public";
  auto pub2 = to.add_namespace("public");
  auto ext2 = to.add_namespace("ext");
  to.add_enum({ext2, "E", {"X"}});
  auto a2 = to.add_table(pub2, "a");
  auto b2 = to.add_table(pub2, "b");
  to.add_column(col(a2, "id"));
  to.add_column(col(b2, "x"));
  to.add_column(col(b2, "y"));
  EXPECT_TRUE(diff(from, to, postgres_policy()).empty());
}

// A column renamed is a drop and an add (Prisma never infers renames); an index renamed with
// the same definition is a rename (PostgreSQL) or a redefinition (SQLite).
TEST(Differ, ColumnsByNameIndexesByDefinition) {
  Catalog from = shuffled();
  Catalog to = shuffled();
  to.columns[2].name = "a_ref";  // b.a_id
  to.indexes[2].name = "a_id_unique";
  ChangeSet pg = diff(from, to, postgres_policy());
  ASSERT_EQ(pg.changes.size(), 6u);
  // DropForeignKey and DropIndex (their column went), AlterTable (drop a_id, add a_ref),
  // CreateIndex on the new column, AddForeignKey, RenameIndex.
  EXPECT_EQ(pg.changes[0], Change(DropForeignKey{ForeignKeyId{0}}));
  EXPECT_EQ(pg.changes[1], Change(DropIndex{IndexId{0}}));
  const auto& alter = std::get<AlterTable>(pg.changes[2]);
  ASSERT_EQ(alter.columns.size(), 2u);
  EXPECT_EQ(alter.columns[0].kind, ColumnChange::Kind::Drop);
  EXPECT_EQ(alter.columns[0].from, ColumnId{2});
  EXPECT_EQ(alter.columns[1].kind, ColumnChange::Kind::Add);
  EXPECT_EQ(alter.columns[1].to, ColumnId{2});
  EXPECT_EQ(pg.changes[3], Change(CreateIndex{IndexId{0}, TableId{1}, false}));
  EXPECT_EQ(pg.changes[4], Change(AddForeignKey{ForeignKeyId{0}}));
  EXPECT_EQ(pg.changes[5], Change(RenameIndex{IndexId{2}, IndexId{2}}));

  ChangeSet lite = diff(from, to, sqlite_policy());
  // Table b is rebuilt (a column went); table a only redefines its renamed index.
  ASSERT_EQ(lite.changes.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<RedefineTable>(lite.changes[0]));
  EXPECT_EQ(std::get<RedefineTable>(lite.changes[0]).from, TableId{1});
  EXPECT_EQ(lite.changes[1], Change(RedefineIndex{IndexId{2}, IndexId{2}}));
}

// The same inputs give the same change set, in Prisma's step order whatever the order in
// which the differ found the changes.
TEST(Differ, DeterministicStepOrder) {
  Catalog from = shuffled();
  Catalog to = shuffled();
  to.enums[0].values.push_back("Y");
  to.columns[0].arity = Arity::Nullable;  // a.id
  ChangeSet first = diff(from, to, postgres_policy());
  ChangeSet second = diff(from, to, postgres_policy());
  EXPECT_EQ(first, second);
  ASSERT_EQ(first.changes.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<AlterEnum>(first.changes[0]));  // AlterEnum before AlterTable
  EXPECT_EQ(std::get<AlterEnum>(first.changes[0]).added, std::vector<std::string>{"Y"});
  EXPECT_TRUE(std::holds_alternative<AlterTable>(first.changes[1]));
}

TEST(Differ, SummaryRepeatsTheExtensionHeaderAndSortsChangedTables) {
  Catalog to = shuffled();
  ChangeSet changes = diff(Catalog{}, to, DiffPolicy{.namespaces = true});
  EXPECT_EQ(summary(changes, Catalog{}, to),
            "\n[+] Added extensions\n  - citext\n"
            "\n[+] Added extensions\n  - pg_trgm\n"
            "\n[+] Added Schemas\n  - public\n"
            "\n[+] Added enums\n  - E\n"
            "\n[+] Added tables\n  - a\n  - b\n"
            "\n[*] Changed the `a` table\n"
            "  [+] Added unique index on columns (id)\n"
            "  [+] Added foreign key on columns (id)\n"
            "\n[*] Changed the `b` table\n"
            "  [+] Added index on columns (a_id)\n"
            "  [+] Added foreign key on columns (a_id)\n");
  EXPECT_EQ(summary(ChangeSet{}, Catalog{}, Catalog{}), "No difference detected.");
}

}  // namespace
}  // namespace godwit::diff
