#include "push/push.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "dialect/introspect.hpp"
#include "dialect/row_counts.hpp"
#include "diff/differ.hpp"
#include "migrate/deploy.hpp"
#include "plan/checks.hpp"
#include "plan/make_plan.hpp"
#include "psl/catalog_builder.hpp"
#include "psl/validate.hpp"

namespace godwit::push {

PushPlan plan_push(db::Connection& conn, const project::Project& project,
                   const dialect::Parts& parts) {
  PushPlan out;
  out.desired = psl::build_catalog(*project.model, *parts.psl);

  const schema::InspectOptions options = dialect::inspect_options(project);
  schema::Inspection inspection;
  try {
    inspection = parts.inspector->inspect(conn, options);
  } catch (const db::DatabaseError& e) {
    throw core::Error("GW1120",
                      fmt::format("Reading the database's schema failed: {} (code {})", e.message(),
                                  e.code().empty() ? "none" : e.code()),
                      "Check that the database user may read the catalog of the schema(s).");
  }
  out.live = std::move(inspection.catalog);
  out.inspect_warnings = std::move(inspection.warnings);

  out.changes = diff::diff(out.live, out.desired, *parts.diff_policy);
  out.plan = plan::make_plan(out.changes, out.live, out.desired, *parts.renderer);
  dialect::LiveRowCounts counts(conn);
  auto checks = plan::check_changes(out.changes, out.live, out.desired, &counts);
  for (auto& w : checks.warnings)
    out.warnings.push_back(std::move(w.message));
  for (auto& u : checks.unexecutable)
    out.unexecutable.push_back(std::move(u.message));
  return out;
}

void apply_push(db::Connection& conn, const dialect::Parts& parts, const plan::Plan& plan) {
  if (plan.empty()) return;
  // The plan's script is the text Prisma would write for a migration: the runner splits and
  // runs it as it runs a migration.sql, so a push behaves as `migrate deploy` of that script.
  const std::string text = plan.script();
  auto script = parts.runner->split(text);
  auto failure = parts.runner->apply(conn, script, migrate::HistoryWrites{});
  if (failure) {
    throw core::Error(
        "GW1233",
        fmt::format("The schema could not be pushed.\n\n{}",
                    migrate::describe_failure("", *failure, "db push")),
        failure->rolled_back
            ? "Nothing of the push was applied. Fix the data or the schema and push again."
            : "The statements before the failing one stay applied; run `godwit db push` "
              "again after fixing the cause.");
  }
}

}  // namespace godwit::push
