// Prisma's destructive change checks on hand-made catalogs: each warning and unexecutable
// message of prisma-compat.md §7.10, with and without counts from a database.
#include <gtest/gtest.h>

#include <map>

#include "diff/differ.hpp"
#include "plan/checks.hpp"

namespace godwit::plan {
namespace {

using namespace godwit::schema;

Column int_col(TableId t, std::string name, Arity arity = Arity::Required) {
  Column c;
  c.table = t;
  c.name = std::move(name);
  c.type = {TypeFamily::Int, {"Integer", {}}, {}, {}};
  c.arity = arity;
  return c;
}

struct Fixture {
  Catalog c;
  NamespaceId ns;
  TableId user;
  Fixture() {
    c.default_namespace = "public";
    ns = c.add_namespace("public");
    user = c.add_table(ns, "User");
    auto id = c.add_column(int_col(user, "id"));
    c.add_column(int_col(user, "age", Arity::Nullable));
    c.add_index({user, "User_pkey", IndexKind::PrimaryKey, {{id}}});
  }
};

// Counts as a database would give them.
class FakeCounts : public RowCounts {
 public:
  std::map<std::string, long long> rows_by_table, values_by_column;
  std::optional<long long> rows(std::string_view, std::string_view table) const override {
    auto it = rows_by_table.find(std::string(table));
    return it == rows_by_table.end() ? std::nullopt : std::optional(it->second);
  }
  std::optional<long long> non_null_values(std::string_view, std::string_view table,
                                           std::string_view column) const override {
    auto it = values_by_column.find(std::string(table) + "." + std::string(column));
    return it == values_by_column.end() ? std::nullopt : std::optional(it->second);
  }
};

std::vector<std::string> messages(const std::vector<Warning>& ws) {
  std::vector<std::string> out;
  for (const auto& w : ws)
    out.push_back(w.message);
  return out;
}

Checks run(const Catalog& from, const Catalog& to, const RowCounts* counts = nullptr) {
  return check_changes(diff::diff(from, to, diff::postgres_policy()), from, to, counts);
}

TEST(PlanChecks, DroppedTableWithoutAndWithCounts) {
  Fixture from;
  Catalog to;
  to.default_namespace = "public";
  to.add_namespace("public");
  EXPECT_EQ(messages(run(from.c, to).warnings),
            std::vector<std::string>{"You are about to drop the `User` table. If the table is "
                                     "not empty, all the data it contains will be lost."});
  FakeCounts counts;
  counts.rows_by_table["User"] = 0;
  EXPECT_TRUE(run(from.c, to, &counts).warnings.empty());
  counts.rows_by_table["User"] = 3;
  EXPECT_EQ(messages(run(from.c, to, &counts).warnings),
            std::vector<std::string>{
                "You are about to drop the `User` table, which is not empty (3 rows)."});
}

TEST(PlanChecks, DroppedColumnAndAddedRequiredColumns) {
  Fixture from;
  Fixture to;
  to.c.columns[1].name = "years";  // age dropped, years (nullable) added
  to.c.add_column(int_col(to.user, "score"));
  Column token = int_col(to.user, "token");
  token.default_value = DefaultValue::prisma_level();
  to.c.add_column(token);
  Checks checks = run(from.c, to.c);
  EXPECT_EQ(messages(checks.warnings),
            std::vector<std::string>{"You are about to drop the column `age` on the `User` "
                                     "table. All the data in the column will be lost."});
  EXPECT_EQ(messages(checks.unexecutable),
            (std::vector<std::string>{
                "Added the required column `score` to the `User` table without a default value. "
                "This is not possible if the table is not empty.",
                "The required column `token` was added to the `User` table with a prisma-level "
                "default value. This is not possible if the table is not empty. Please add this "
                "column as optional, then populate it before making it required."}));
  FakeCounts counts;
  counts.rows_by_table["User"] = 2;
  counts.values_by_column["User.age"] = 1;
  checks = run(from.c, to.c, &counts);
  EXPECT_EQ(messages(checks.warnings),
            std::vector<std::string>{"You are about to drop the column `age` on the `User` "
                                     "table, which still contains 1 non-null values."});
  EXPECT_EQ(checks.unexecutable.front().message,
            "Added the required column `score` to the `User` table without a default value. "
            "There are 2 rows in this table, it is not possible to execute this step.");
}

TEST(PlanChecks, RequiredRiskyCastAndList) {
  Fixture from;
  Fixture to;
  to.c.columns[1].arity = Arity::Required;         // age made required
  to.c.columns[0].type.native = {"SmallInt", {}};  // id: Integer -> SmallInt, risky
  Checks checks = run(from.c, to.c);
  EXPECT_EQ(messages(checks.unexecutable),
            std::vector<std::string>{"Made the column `age` on table `User` required. This step "
                                     "will fail if there are existing NULL values in that "
                                     "column."});
  EXPECT_EQ(messages(checks.warnings),
            (std::vector<std::string>{
                "The primary key for the `User` table will be changed. If it partially fails, "
                "the table could be left without primary key constraint.",
                "You are about to alter the column `id` on the `User` table. The data in that "
                "column could be lost. The data in that column will be cast from `Integer` to "
                "`SmallInt`."}));
  FakeCounts counts;
  counts.rows_by_table["User"] = 5;
  counts.values_by_column["User.age"] = 3;
  counts.values_by_column["User.id"] = 5;
  checks = run(from.c, to.c, &counts);
  EXPECT_EQ(messages(checks.unexecutable),
            std::vector<std::string>{
                "Made the column `age` on table `User` required, but there are 2 existing NULL "
                "values."});
  EXPECT_EQ(checks.warnings.back().message,
            "You are about to alter the column `id` on the `User` table, which contains 5 "
            "non-null values. The data in that column will be cast from `Integer` to "
            "`SmallInt`.");
}

TEST(PlanChecks, EnumValuesRemovedAndUniqueAdded) {
  Fixture from;
  from.c.add_enum({from.ns, "Role", {"A", "B", "C"}});
  Fixture to;
  to.c.add_enum({to.ns, "Role", {"A"}});
  to.c.add_index({to.user, "User_age_key", IndexKind::UniqueIndex, {{ColumnId{1}}}});
  Checks checks = run(from.c, to.c);
  EXPECT_EQ(messages(checks.warnings),
            (std::vector<std::string>{
                "The values [B,C] on the enum `Role` will be removed. If these variants are "
                "still used in the database, this will fail.",
                "A unique constraint covering the columns `[age]` on the table `User` will be "
                "added. If there are existing duplicate values, this will fail."}));
}

}  // namespace
}  // namespace godwit::plan
