// The plan value type: statements in order, each with its change, step, transactionality and
// reverse; its script is Prisma's layout (prisma-compat.md §7.1) with one header per step.
// Also that the change set is a plain value (variant per kind, compared with ==).
#include <gtest/gtest.h>

#include <type_traits>

#include "plan/plan.hpp"

namespace godwit::plan {
namespace {

using schema::StepKind;

TEST(PlanScript, OneHeaderPerChangeAndStep) {
  Plan p;
  p.statements = {
      {"CREATE TABLE \"a\" ()", StepKind::CreateTable, 0, true, "DROP TABLE \"a\""},
      {"CREATE TABLE \"b\" ()", StepKind::CreateTable, 1, true, "DROP TABLE \"b\""},
      {"CREATE INDEX \"i\" ON \"b\"(\"x\")", StepKind::CreateIndex, 2, true, std::nullopt},
      {"SELECT 1", StepKind::CreateIndex, 2, true, std::nullopt},
  };
  EXPECT_EQ(p.script(),
            "-- CreateTable\nCREATE TABLE \"a\" ();\n\n"
            "-- CreateTable\nCREATE TABLE \"b\" ();\n\n"
            "-- CreateIndex\nCREATE INDEX \"i\" ON \"b\"(\"x\");\nSELECT 1;\n");
  EXPECT_TRUE(p.transactional());
  p.statements[2].transactional = false;
  EXPECT_FALSE(p.transactional());
}

TEST(PlanScript, WarningsThenUnexecutableStepsLeadTheScript) {
  Plan p;
  p.warnings = {{"You are about to drop the column `x`.", 0}};
  p.unexecutable = {{"Added the required column `y` without a default value.", 1}};
  p.statements = {{"ALTER TABLE \"t\" DROP COLUMN \"x\"", StepKind::AlterTable, 0}};
  EXPECT_EQ(p.script(),
            "/*\n  Warnings:\n\n"
            "  - You are about to drop the column `x`.\n"
            "  - Added the required column `y` without a default value.\n\n*/\n"
            "-- AlterTable\nALTER TABLE \"t\" DROP COLUMN \"x\";\n");
}

TEST(PlanScript, EmptyPlanIsTheEmptyMigration) {
  EXPECT_TRUE(Plan{}.empty());
  EXPECT_EQ(Plan{}.script(), "-- This is an empty migration.");
}

TEST(ChangeSet, IsAPlainValue) {
  static_assert(std::is_copy_constructible_v<diff::ChangeSet>);
  diff::ChangeSet a;
  a.changes.push_back(diff::CreateTable{schema::TableId{0}});
  diff::AlterTable alter{schema::TableId{1}, schema::TableId{2}, {}};
  alter.columns.push_back({diff::ColumnChange::Kind::Alter, schema::ColumnId{3},
                           schema::ColumnId{4},
                           diff::ColumnChanges::Type | diff::ColumnChanges::Arity});
  a.changes.push_back(alter);
  a.changes.push_back(diff::AlterEnum{schema::EnumId{0}, schema::EnumId{0}, {"NEW"}, {"OLD"}});
  diff::ChangeSet b = a;
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a.empty());
  const auto& cols = std::get<diff::AlterTable>(b.changes[1]).columns;
  EXPECT_TRUE(diff::has(cols[0].changes, diff::ColumnChanges::Arity));
  EXPECT_FALSE(diff::has(cols[0].changes, diff::ColumnChanges::Default));
  std::get<diff::AlterEnum>(b.changes[2]).added.push_back("OTHER");
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace godwit::plan
