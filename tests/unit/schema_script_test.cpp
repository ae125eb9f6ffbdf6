// Script assembly (prisma-compat.md §7.1), step names and the CLI's line endings.
#include <gtest/gtest.h>

#include "schema/script.hpp"

namespace godwit::schema {
namespace {

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

TEST(SchemaScript, CliText) {
  EXPECT_EQ(cli_stdout_text("-- This is an empty migration."),
            "-- This is an empty migration.\n\n");
  EXPECT_EQ(cli_stdout_text("x;\n"), "x;\n\n");
  EXPECT_EQ(cli_file_text("No difference detected."), "No difference detected.\n");
  EXPECT_EQ(cli_file_text("x;\n"), "x;\n");
}

}  // namespace
}  // namespace godwit::schema
