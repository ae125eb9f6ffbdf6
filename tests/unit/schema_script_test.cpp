// Creation steps (Prisma's order), script assembly (prisma-compat.md §7.1) and the summary
// layout (§7.11), on hand-built catalogs and both renderers.
#include <gtest/gtest.h>

#include <algorithm>

#include "dialect/postgres/render.hpp"
#include "dialect/sqlite/render.hpp"
#include "schema/script.hpp"

namespace godwit::schema {
namespace {

Column col(TableId t, std::string name, TypeFamily f = TypeFamily::Int) {
  Column c;
  c.table = t;
  c.name = std::move(name);
  c.type.family = f;
  if (f == TypeFamily::Int) c.type.native = {"Integer", {}};
  return c;
}

// Two tables whose indexes and foreign keys are added out of table order.
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
  c.add_foreign_key({b,
                     "b_a_id_fkey",
                     {b_a},
                     a,
                     {a_id},
                     ReferentialAction::Restrict,
                     ReferentialAction::Cascade});
  c.add_foreign_key(
      {a, "a_id_fkey", {a_id}, b, {b_id}, ReferentialAction::Restrict, ReferentialAction::Cascade});
  c.add_extension({"pg_trgm", {}, ""});
  c.add_enum({ns, "E", {"X"}});
  return c;
}

TEST(SchemaScript, StepsFollowPrismasOrder) {
  Catalog c = shuffled();
  auto steps = creation_steps(c, postgres::PostgresRenderer{});
  std::vector<CreationStep> expected = {
      {StepKind::CreateSchema, 0},
      {StepKind::CreateExtension, 0},
      {StepKind::CreateEnum, 0},
      {StepKind::CreateTable, 0},
      {StepKind::CreateTable, 1},
      {StepKind::CreateIndex, 2},  // table a first, though added after b's index
      {StepKind::CreateIndex, 0},
      {StepKind::AddForeignKey, 0},  // by foreign key id
      {StepKind::AddForeignKey, 1},
  };
  EXPECT_EQ(steps, expected);
}

// Only namespaces holding objects are created: not one only an extension lives in.
TEST(SchemaScript, NamespacesWithoutObjectsAreNotCreated) {
  Catalog c = shuffled();
  auto ext = c.add_namespace("ext");
  c.extensions[0].namespace_id = ext;
  auto steps = creation_steps(c, postgres::PostgresRenderer{});
  EXPECT_EQ(std::count_if(steps.begin(), steps.end(),
                          [](const CreationStep& s) { return s.kind == StepKind::CreateSchema; }),
            1);
  EXPECT_NE(render_create_script(c, postgres::PostgresRenderer{})
                .find("CREATE EXTENSION IF NOT EXISTS \"pg_trgm\" WITH SCHEMA \"ext\""),
            std::string::npos);
}

TEST(SchemaScript, SqliteHasNoSchemaStepsAndInlineForeignKeys) {
  Catalog c = shuffled();
  auto steps = creation_steps(c, sqlite::SqliteRenderer{});
  for (const auto& s : steps) {
    EXPECT_NE(s.kind, StepKind::CreateSchema);
    EXPECT_NE(s.kind, StepKind::AddForeignKey);
  }
  // Extension and enum steps exist but render nothing on SQLite, so they get no header.
  std::string script = render_create_script(c, sqlite::SqliteRenderer{});
  EXPECT_EQ(script.rfind("-- CreateTable\n", 0), 0u) << script;
  EXPECT_EQ(script.find("CreateExtension"), std::string::npos);
}

TEST(SchemaScript, AssembleScriptLayout) {
  EXPECT_EQ(assemble_script({}), "-- This is an empty migration.");
  EXPECT_EQ(assemble_script({{StepKind::CreateEnum, {}}}), "-- This is an empty migration.");
  std::vector<RenderedStep> steps = {{StepKind::CreateTable, {"CREATE TABLE a ()"}},
                                     {StepKind::CreateEnum, {}},
                                     {StepKind::CreateIndex, {"CREATE INDEX i", "SELECT 1"}}};
  EXPECT_EQ(assemble_script(steps),
            "-- CreateTable\nCREATE TABLE a ();\n\n-- CreateIndex\nCREATE INDEX i;\nSELECT 1;\n");
  EXPECT_EQ(assemble_script(steps, {"first", "second"}),
            "/*\n  Warnings:\n\n  - first\n  - second\n\n*/\n-- CreateTable\nCREATE TABLE a ();\n\n"
            "-- CreateIndex\nCREATE INDEX i;\nSELECT 1;\n");
}

TEST(SchemaScript, StepNames) {
  EXPECT_EQ(step_name(StepKind::CreateSchema), "CreateSchema");
  EXPECT_EQ(step_name(StepKind::RedefineTables), "RedefineTables");
  EXPECT_EQ(step_name(StepKind::AddForeignKey), "AddForeignKey");
  EXPECT_EQ(step_name(StepKind::RedefineIndex), "RedefineIndex");
}

TEST(SchemaScript, SummaryRepeatsTheExtensionHeaderAndSortsChangedTables) {
  Catalog c = shuffled();
  c.add_extension({"citext", {}, ""});
  EXPECT_EQ(render_create_summary(c, postgres::PostgresRenderer{}),
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
  EXPECT_EQ(render_create_summary(Catalog{}, postgres::PostgresRenderer{}),
            "No difference detected.");
}

TEST(SchemaScript, CliText) {
  EXPECT_EQ(cli_stdout_text("-- This is an empty migration."),
            "-- This is an empty migration.\n\n");
  EXPECT_EQ(cli_stdout_text("x;\n"), "x;\n\n");
  EXPECT_EQ(cli_file_text("No difference detected."), "No difference detected.\n");
  EXPECT_EQ(cli_file_text("x;\n"), "x;\n");
}

}  // namespace
}  // namespace godwit::schema
