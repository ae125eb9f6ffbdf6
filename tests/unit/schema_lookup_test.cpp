// CatalogLookup: (owner, name) lookups through hash maps built once, in the database's name
// scopes, and its behaviour on large catalogs (the differ's 500-table case stays linear).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "schema/lookup.hpp"

namespace godwit::schema {
namespace {

Column column(TableId t, std::string name) {
  Column c;
  c.table = t;
  c.name = std::move(name);
  c.type.family = TypeFamily::Int;
  return c;
}

Catalog two_schemas() {
  Catalog c;
  c.default_namespace = "public";
  auto pub = c.add_namespace("public");
  auto billing = c.add_namespace("billing");
  auto users = c.add_table(pub, "users");
  auto invoices = c.add_table(billing, "users");  // same name, other namespace
  auto uid = c.add_column(column(users, "id"));
  auto iid = c.add_column(column(invoices, "id"));
  c.add_index({users, "users_pkey", IndexKind::PrimaryKey, {{uid}}});
  c.add_index({invoices, "users_pkey", IndexKind::PrimaryKey, {{iid}}});
  c.add_foreign_key({invoices, "users_id_fkey", {iid}, users, {uid}});
  c.add_enum({billing, "Status", {"OPEN"}});
  c.add_extension({"pgcrypto", pub, ""});
  c.add_view({billing, "open_invoices", "SELECT 1"});
  c.add_sequence({billing, "invoice_no"});
  c.add_check({invoices, "users_id_check", "id > 0"});
  c.add_foreign_key({users, std::nullopt, {uid}, invoices, {iid}});  // unnamed: not by name
  return c;
}

TEST(SchemaLookup, FindsObjectsInTheirNameScope) {
  Catalog c = two_schemas();
  CatalogLookup l(c);
  EXPECT_EQ(l.find_namespace("billing"), NamespaceId{1});
  EXPECT_EQ(l.find_namespace("nope"), std::nullopt);
  EXPECT_EQ(l.find_table(NamespaceId{0}, "users"), TableId{0});
  EXPECT_EQ(l.find_table(NamespaceId{1}, "users"), TableId{1});
  EXPECT_EQ(l.find_table(NamespaceId{1}, "Users"), std::nullopt);  // names are case-sensitive
  EXPECT_EQ(l.find_column(TableId{1}, "id"), ColumnId{1});
  EXPECT_EQ(l.find_index(NamespaceId{0}, "users_pkey"), IndexId{0});
  EXPECT_EQ(l.find_index(NamespaceId{1}, "users_pkey"), IndexId{1});
  EXPECT_EQ(l.find_foreign_key(TableId{1}, "users_id_fkey"), ForeignKeyId{0});
  EXPECT_EQ(l.find_foreign_key(TableId{0}, "users_id_fkey"), std::nullopt);
  EXPECT_EQ(l.find_enum(NamespaceId{1}, "Status"), EnumId{0});
  EXPECT_EQ(l.find_enum(NamespaceId{0}, "Status"), std::nullopt);
  EXPECT_EQ(l.find_extension("pgcrypto"), ExtensionId{0});
  EXPECT_EQ(l.find_view(NamespaceId{1}, "open_invoices"), ViewId{0});
  EXPECT_EQ(l.find_sequence(NamespaceId{1}, "invoice_no"), SequenceId{0});
  EXPECT_EQ(l.find_sequence(NamespaceId{0}, "invoice_no"), std::nullopt);
  EXPECT_EQ(l.find_check(TableId{1}, "users_id_check"), CheckId{0});
  EXPECT_EQ(l.find_foreign_key(TableId{0}, ""), std::nullopt);
}

TEST(SchemaLookup, DuplicateNamesResolveToTheFirstObject) {
  Catalog c;
  auto ns = c.add_namespace("main");
  c.add_table(ns, "t");
  c.add_table(ns, "t");
  EXPECT_EQ(CatalogLookup(c).find_table(ns, "t"), TableId{0});
}

// 20,000 tables of 10 columns: building the lookup and finding every column must take
// time linear in the catalog, far from the quadratic scan (2e9 comparisons) it replaced.
TEST(SchemaLookup, LargeCatalogsStayLinear) {
  Catalog c;
  auto ns = c.add_namespace("public");
  constexpr int kTables = 20000, kColumns = 10;
  for (int t = 0; t < kTables; ++t) {
    auto id = c.add_table(ns, "table_" + std::to_string(t));
    for (int k = 0; k < kColumns; ++k)
      c.add_column(column(id, "col_" + std::to_string(k)));
  }
  auto start = std::chrono::steady_clock::now();
  CatalogLookup l(c);
  std::size_t found = 0;
  for (int t = 0; t < kTables; ++t) {
    auto id = l.find_table(ns, "table_" + std::to_string(t));
    ASSERT_TRUE(id);
    found += l.find_column(*id, "col_" + std::to_string(t % kColumns)).has_value();
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(found, std::size_t{kTables});
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

}  // namespace
}  // namespace godwit::schema
