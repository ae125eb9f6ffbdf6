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

TEST(RenderPlan, ChangesOtherThanCreationsAreNotRenderedYet) {
  diff::ChangeSet changes;
  changes.changes.push_back(diff::DropTable{TableId{0}});
  try {
    make_plan(changes, two_tables(), Catalog{}, *dialect::find_parts("postgresql")->renderer);
    FAIL() << "expected GW1102";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW1102");
  }
}

}  // namespace
}  // namespace godwit::plan
