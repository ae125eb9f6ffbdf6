#include "plan/make_plan.hpp"

#include <type_traits>

namespace godwit::plan {

namespace {

using schema::StepKind;

struct Rendered {
  StepKind step = StepKind::CreateTable;
  std::vector<std::string> statements;
};

struct PlanInputs {
  const schema::Catalog& from;
  const schema::Catalog& to;
  const schema::Renderer& r;
};

// One change's statements and step. RedefineTable is rendered for all tables at once by
// make_plan (Prisma's single RedefineTables step).
Rendered render(const diff::Change& change, const PlanInputs& in) {
  const schema::Catalog& from = in.from;
  const schema::Catalog& to = in.to;
  const schema::Renderer& r = in.r;
  return std::visit(
      [&](const auto& c) -> Rendered {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, diff::CreateNamespace>) {
          return {StepKind::CreateSchema, r.create_namespace(to, c.to)};
        } else if constexpr (std::is_same_v<T, diff::CreateExtension>) {
          return {StepKind::CreateExtension, r.create_extension(to, c.to)};
        } else if constexpr (std::is_same_v<T, diff::DropExtension>) {
          return {StepKind::DropExtension, r.drop_extension(from, c.from)};
        } else if constexpr (std::is_same_v<T, diff::AlterExtension>) {
          return {StepKind::AlterExtension, r.alter_extension(from, c.from, to, c.to)};
        } else if constexpr (std::is_same_v<T, diff::CreateEnum>) {
          return {StepKind::CreateEnum, r.create_enum(to, c.to)};
        } else if constexpr (std::is_same_v<T, diff::DropEnum>) {
          return {StepKind::DropEnum, r.drop_enum(from, c.from)};
        } else if constexpr (std::is_same_v<T, diff::AlterEnum>) {
          return {StepKind::AlterEnum, r.alter_enum(from, to, c)};
        } else if constexpr (std::is_same_v<T, diff::CreateTable>) {
          return {StepKind::CreateTable, {r.create_table(to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::DropTable>) {
          return {StepKind::DropTable, r.drop_table(from, c.from)};
        } else if constexpr (std::is_same_v<T, diff::AlterTable>) {
          return {StepKind::AlterTable, r.alter_table(from, to, c)};
        } else if constexpr (std::is_same_v<T, diff::RedefineTable>) {
          return {StepKind::RedefineTables, r.redefine_tables(from, to, {&c})};
        } else if constexpr (std::is_same_v<T, diff::CreateIndex>) {
          return {StepKind::CreateIndex, {r.create_index(to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::DropIndex>) {
          return {StepKind::DropIndex, {r.drop_index(from, c.from)}};
        } else if constexpr (std::is_same_v<T, diff::RenameIndex>) {
          return {StepKind::RenameIndex, {r.rename_index(from, c.from, to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::RedefineIndex>) {
          return {StepKind::RedefineIndex, {r.drop_index(from, c.from), r.create_index(to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::AddForeignKey>) {
          return {StepKind::AddForeignKey, {r.add_foreign_key(to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::DropForeignKey>) {
          return {StepKind::DropForeignKey, {r.drop_foreign_key(from, c.from)}};
        } else if constexpr (std::is_same_v<T, diff::RenameForeignKey>) {
          return {StepKind::RenameForeignKey, {r.rename_foreign_key(from, c.from, to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::RenameTable>) {
          return {StepKind::RenameTable, {r.rename_table(from, c.from, to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::RenameEnum>) {
          return {StepKind::RenameEnum, {r.rename_enum(from, c.from, to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::RenameColumn>) {
          return {StepKind::RenameColumn, {r.rename_column(from, c.from, to, c.to)}};
        } else if constexpr (std::is_same_v<T, diff::RenameEnumValue>) {
          return {StepKind::RenameEnumValue, {r.rename_enum_value(to, c)}};
        } else {
          // Kinds the differ does not produce (yet): changes of sequences and views, which
          // catalogs from a Prisma schema do not hold, and AlterPrimaryKey, which Prisma uses
          // on CockroachDB only (PostgreSQL drops and adds the constraint in AlterTable).
          static_assert(
              std::is_same_v<T, diff::AlterPrimaryKey> || std::is_same_v<T, diff::CreateSequence> ||
              std::is_same_v<T, diff::DropSequence> || std::is_same_v<T, diff::AlterSequence> ||
              std::is_same_v<T, diff::DropView>);
          return {StepKind::AlterTable, {}};
        }
      },
      change);
}

}  // namespace

Plan make_plan(const diff::ChangeSet& changes, const schema::Catalog& from,
               const schema::Catalog& to, const schema::Renderer& renderer) {
  Plan plan;
  // After renames, the other changes name objects in `from` as renamed (change_set.hpp).
  const schema::Catalog& after_renames = changes.renamed_from ? *changes.renamed_from : from;
  // All redefinitions are one step, rendered where the first of them is.
  std::vector<const diff::RedefineTable*> redefined;
  for (const auto& change : changes.changes) {
    if (const auto* r = std::get_if<diff::RedefineTable>(&change)) redefined.push_back(r);
  }
  bool redefinitions_rendered = false;
  for (std::size_t i = 0; i < changes.changes.size(); ++i) {
    const diff::Change& change = changes.changes[i];
    Rendered rendered;
    if (std::holds_alternative<diff::RedefineTable>(change)) {
      if (redefinitions_rendered) continue;
      redefinitions_rendered = true;
      rendered = {StepKind::RedefineTables, renderer.redefine_tables(after_renames, to, redefined)};
    } else {
      rendered = render(change, {changes.from_of(i, from), to, renderer});
    }
    for (auto& sql : rendered.statements)
      plan.statements.push_back({std::move(sql), rendered.step, i, true, std::nullopt});
  }
  return plan;
}

}  // namespace godwit::plan
