#include "plan/make_plan.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace godwit::plan {

namespace {

using schema::StepKind;

struct Rendered {
  StepKind step = StepKind::CreateTable;
  std::vector<std::string> statements;
};

Rendered render(const diff::Change& change, const schema::Catalog& to, const schema::Renderer& r) {
  if (const auto* c = std::get_if<diff::CreateNamespace>(&change))
    return {StepKind::CreateSchema, r.create_namespace(to, c->to)};
  if (const auto* c = std::get_if<diff::CreateExtension>(&change))
    return {StepKind::CreateExtension, r.create_extension(to, c->to)};
  if (const auto* c = std::get_if<diff::CreateEnum>(&change))
    return {StepKind::CreateEnum, r.create_enum(to, c->to)};
  if (const auto* c = std::get_if<diff::CreateTable>(&change))
    return {StepKind::CreateTable, {r.create_table(to, c->to)}};
  if (const auto* c = std::get_if<diff::CreateIndex>(&change))
    return {StepKind::CreateIndex, {r.create_index(to, c->to)}};
  if (const auto* c = std::get_if<diff::AddForeignKey>(&change))
    return {StepKind::AddForeignKey, {r.add_foreign_key(to, c->to)}};
  throw core::Error("GW1102",
                    "Rendering changes other than creations is not supported yet: this version "
                    "of godwit diffs only from an empty schema.");
}

}  // namespace

Plan make_plan(const diff::ChangeSet& changes, const schema::Catalog& /*from*/,
               const schema::Catalog& to, const schema::Renderer& renderer) {
  Plan plan;
  for (std::size_t i = 0; i < changes.changes.size(); ++i) {
    Rendered rendered = render(changes.changes[i], to, renderer);
    for (auto& sql : rendered.statements)
      plan.statements.push_back({std::move(sql), rendered.step, i, true, std::nullopt});
  }
  // Stable: statements of one step keep the order of their changes, and of one change.
  std::stable_sort(plan.statements.begin(), plan.statements.end(),
                   [](const Statement& a, const Statement& b) { return a.step < b.step; });
  return plan;
}

}  // namespace godwit::plan
