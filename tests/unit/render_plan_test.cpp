// ChangeSet -> Plan with each dialect's renderer and policy from the registry: statements
// sorted by step in Prisma's order (prisma-compat.md §7.2), one header per step, steps that
// render nothing get no header.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "diff/differ.hpp"
#include "plan/make_plan.hpp"

namespace godwit::plan {
namespace {

using namespace godwit::schema;

Column col(TableId t, std::string name) {
  Column c;
  c.table = t;
  c.name = std::move(name);
  c.type = {TypeFamily::Int, {"Integer", {}}, {}, {}};
  return c;
}

Catalog two_tables() {
  Catalog c;
  c.default_namespace = "public";
  auto ns = c.add_namespace("public");
  auto a = c.add_table(ns, "a");
  auto b = c.add_table(ns, "b");
  auto a_id = c.add_column(col(a, "id"));
  auto b_a = c.add_column(col(b, "a_id"));
  c.add_index({b, "b_a_id_idx", IndexKind::Normal, {{b_a}}});
  c.add_index({a, "a_pkey", IndexKind::PrimaryKey, {{a_id}}});
  c.add_foreign_key({b, "b_a_id_fkey", {b_a}, a, {a_id}});
  c.add_extension({"pg_trgm", c.add_namespace("ext"), ""});
  c.add_enum({ns, "E", {"X"}});
  return c;
}

std::string script(std::string_view provider, const Catalog& to) {
  const dialect::Parts& parts = *dialect::find_parts(provider);
  auto changes = diff::diff(Catalog{}, to, *parts.diff_policy);
  return make_plan(changes, Catalog{}, to, *parts.renderer).script();
}

TEST(RenderPlan, PostgresCreatesInPrismasStepOrder) {
  EXPECT_EQ(
      script("postgresql", two_tables()),
      "-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS \"public\";\n\n"
      "-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS \"pg_trgm\" WITH SCHEMA \"ext\";\n\n"
      "-- CreateEnum\nCREATE TYPE \"E\" AS ENUM ('X');\n\n"
      "-- CreateTable\nCREATE TABLE \"a\" (\n    \"id\" INTEGER NOT NULL,\n\n"
      "    CONSTRAINT \"a_pkey\" PRIMARY KEY (\"id\")\n);\n\n"
      "-- CreateTable\nCREATE TABLE \"b\" (\n    \"a_id\" INTEGER NOT NULL\n);\n\n"
      "-- CreateIndex\nCREATE INDEX \"b_a_id_idx\" ON \"b\"(\"a_id\");\n\n"
      "-- AddForeignKey\nALTER TABLE \"b\" ADD CONSTRAINT \"b_a_id_fkey\" FOREIGN KEY "
      "(\"a_id\") REFERENCES \"a\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION;\n");
}

// Extension and enum changes render nothing on SQLite, so they get no header; foreign keys
// are inside CREATE TABLE.
TEST(RenderPlan, SqliteHasNoSchemaStepsAndInlineForeignKeys) {
  std::string text = script("sqlite", two_tables());
  EXPECT_EQ(text.rfind("-- CreateTable\n", 0), 0u) << text;
  EXPECT_EQ(text.find("CreateExtension"), std::string::npos);
  EXPECT_EQ(text.find("AddForeignKey"), std::string::npos);
  EXPECT_NE(text.find("CONSTRAINT \"b_a_id_fkey\" FOREIGN KEY"), std::string::npos);
}

TEST(RenderPlan, EmptyCatalogIsTheEmptyMigration) {
  EXPECT_EQ(script("postgresql", Catalog{}), "-- This is an empty migration.");
  EXPECT_EQ(script("sqlite", Catalog{}), "-- This is an empty migration.");
}

// A dropped table: PostgreSQL drops its foreign keys first, SQLite turns foreign keys off
// around the DROP; every redefined table shares one RedefineTables step.
TEST(RenderPlan, DropsAndRedefinitions) {
  Catalog from = two_tables();
  Catalog to = two_tables();
  to.tables[1].name = "c";  // b dropped, c created
  const auto& pg = *dialect::find_parts("postgresql");
  std::string text =
      make_plan(diff::diff(from, to, *pg.diff_policy), from, to, *pg.renderer).script();
  EXPECT_NE(text.find("-- DropForeignKey\nALTER TABLE \"b\" DROP CONSTRAINT \"b_a_id_fkey\";\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("-- DropTable\nDROP TABLE \"b\";\n"), std::string::npos) << text;
  EXPECT_LT(text.find("DropTable"), text.find("CreateTable")) << text;

  Catalog lite_from = two_tables();
  Catalog lite_to = two_tables();
  lite_to.columns[0].arity = Arity::Nullable;  // a.id
  lite_to.columns[1].arity = Arity::Nullable;  // b.a_id
  const auto& lite = *dialect::find_parts("sqlite");
  auto changes = diff::diff(lite_from, lite_to, *lite.diff_policy);
  auto plan = make_plan(changes, lite_from, lite_to, *lite.renderer);
  std::string script = plan.script();
  EXPECT_EQ(
      script.rfind("-- RedefineTables\nPRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\n"
                   "CREATE TABLE \"new_a\"",
                   0),
      0u)
      << script;
  EXPECT_EQ(script.find("\n\n-- "), std::string::npos) << "one step only:\n" << script;
  EXPECT_NE(script.find("INSERT INTO \"new_b\" (\"a_id\") SELECT \"a_id\" FROM \"b\";\n"),
            std::string::npos)
      << script;
}

}  // namespace
}  // namespace godwit::plan
