// The differ from an empty catalog (all that `migrate diff --from-empty` needs so far): the
// changes in Prisma's creation order, shaped by the dialect's policy, and the summary.
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

TEST(Differ, ComparingTwoNonEmptySchemasIsNotSupportedYet) {
  try {
    diff(shuffled(), shuffled(), DiffPolicy{});
    FAIL() << "expected GW1102";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW1102");
  }
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
