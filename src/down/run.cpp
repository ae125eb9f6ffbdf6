#include "down/run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "db/interrupt.hpp"
#include "dialect/shadow.hpp"
#include "diff/differ.hpp"
#include "down/generate.hpp"
#include "down/replay.hpp"
#include "migrate/checksum.hpp"
#include "migrate/history.hpp"
#include "plan/make_plan.hpp"

namespace godwit::down {
namespace {

std::string run_quote_literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

// Every row of the migration goes: Prisma counts a name with any row as applied (run.hpp).
std::string run_delete_rows_sql(const std::string& name) {
  return fmt::format("DELETE FROM {} WHERE migration_name = {}", migrate::kHistoryTable,
                     run_quote_literal(name));
}

std::optional<std::string> run_read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += "\n  " + n;
  return out;
}

// Which applied migrations to revert, newest first, as indexes into the folder.
std::vector<std::size_t> run_targets(const std::vector<migrate::LocalMigration>& local,
                                     std::size_t applied, const DownOptions& o) {
  std::size_t keep = 0;  // applied migrations that stay applied
  if (o.to) {
    std::optional<std::size_t> at;
    for (std::size_t i = 0; i < applied; ++i)
      if (local[i].name == *o.to) at = i;
    if (!at) {
      throw core::Error(
          "GW2823", fmt::format("`{}` is not an applied migration of this database.", *o.to),
          "--to names the migration to go back to (it stays applied); `godwit migrate status` "
          "lists the applied ones.");
    }
    keep = *at + 1;
  } else {
    const std::size_t steps = o.steps.value_or(1);
    if (steps == 0 || steps > applied) {
      throw core::Error("GW2823",
                        fmt::format("--steps {} asks for {} migrations, and {} {} applied.", steps,
                                    steps, applied, applied == 1 ? "is" : "are"),
                        "Give --steps from 1 to the number of applied migrations, or --to NAME.");
    }
    keep = applied - steps;
  }
  std::vector<std::size_t> out;
  for (std::size_t i = applied; i > keep; --i)
    out.push_back(i - 1);
  return out;
}

// The history must be one the down can reason about: the first `applied` folder migrations
// applied, nothing failed, nothing applied that is missing or edited locally.
std::size_t run_check_history(const std::vector<migrate::LocalMigration>& local,
                              const std::vector<migrate::HistoryRow>& rows) {
  std::vector<std::string> failed;
  std::unordered_map<std::string_view, const migrate::HistoryRow*> applied_rows;
  for (const auto& r : rows) {
    if (r.failed()) failed.push_back(r.migration_name);
    if (r.applied()) applied_rows.emplace(r.migration_name, &r);
  }
  if (!failed.empty()) {
    throw core::Error(
        "GW2821", "These migrations are failed in the database:" + run_names(failed),
        "Resolve them first (`godwit migrate resolve --rolled-back NAME` after undoing what they "
        "did, or --applied); `migrate down` reverts applied migrations only.");
  }
  std::size_t applied = 0;
  while (applied < local.size() && applied_rows.contains(local[applied].name))
    ++applied;
  std::vector<std::string> problems;
  std::unordered_set<std::string_view> local_names;
  for (std::size_t i = 0; i < local.size(); ++i) {
    local_names.insert(local[i].name);
    if (i >= applied && applied_rows.contains(local[i].name)) {
      problems.push_back(local[i].name + " is applied after a migration that is not");
    }
    if (i < applied) {
      const auto* row = applied_rows.at(local[i].name);
      if (!local[i].script) {
        problems.push_back(local[i].name + " has no readable migration.sql");
      } else if (!migrate::checksum_matches(row->checksum, *local[i].script, local[i].checksum)) {
        problems.push_back(local[i].name + " was edited after it was applied");
      }
    }
  }
  for (const auto& [name, row] : applied_rows) {
    if (!local_names.contains(name)) {
      problems.push_back(std::string(name) + " is applied but missing from the migrations folder");
    }
  }
  if (!problems.empty()) {
    std::sort(problems.begin(), problems.end());
    throw core::Error(
        "GW2822",
        "The history cannot be replayed to check the down migrations:" + run_names(problems),
        "`migrate down` replays the applied migrations on a shadow database: they must be the "
        "first migrations of the folder, as applied. `godwit migrate status` shows the history.");
  }
  if (applied == 0) {
    throw core::Error("GW2820", "No migration is applied to this database: nothing to revert.",
                      "`godwit migrate status` shows the history.");
  }
  return applied;
}

std::string run_failure_text(const migrate::ScriptFailure& f, const std::string& path) {
  return fmt::format("Statement {} of {} (line {} of {}) failed: {} (code {})",
                     f.statement_index + 1, f.statement_count, f.line, path, f.db_message,
                     f.db_code);
}

// On the shadow, right after the step's down: each archive's object must be there again
// (else the migration created it: nothing to restore, the archive is dropped) with the
// archived columns' types (else GW2891, before anything ran on the database).
void run_check_restores(ShadowReplay& shadow, const dialect::Parts& parts, DownStep& step) {
  if (step.restores.empty()) return;
  std::vector<archive::ArchiveRecord> keep;
  for (auto& a : step.restores) {
    if (shadow.try_apply(parts.keeper->exists_check_sql(a))) {
      step.dropped.push_back(std::move(a));
      continue;
    }
    if (auto failure = shadow.try_apply(parts.keeper->type_check_sql(a))) {
      std::string types;
      for (const auto& [name, type] : a.column_types)
        types += fmt::format("\n  {} {}", name, type);
      throw core::Error(
          "GW2891",
          fmt::format("The down migration of `{}` re-creates {} in a shape that cannot take "
                      "its archived data (archive `{}`, {} row(s), from deploy --archive): {}. "
                      "The archive holds these columns:{}",
                      step.migration, a.object(), a.archive_table, a.row_count, failure->db_message,
                      types),
          "Make down.sql re-create the columns with the types they had, or run the down with "
          "--no-restore (the archive is kept; `godwit archive list` shows it); nothing was "
          "changed.");
    }
    keep.push_back(std::move(a));
  }
  step.restores = std::move(keep);
}

void run_verify(migrate::Session& session, const dialect::Parts& parts,
                const schema::InspectOptions& inspect,
                const std::vector<migrate::LocalMigration>& local, std::size_t applied,
                const std::vector<std::size_t>& targets, std::vector<DownStep>& steps) {
  auto live = parts.inspector->inspect(*session.conn, inspect);
  dialect::default_to_only_namespace(live.catalog, inspect);

  migrate::SessionCancelPause pause(session);
  db::InterruptibleSection section;
  ShadowReplay shadow(parts, session.project, inspect);
  const std::size_t oldest = targets.back();            // the state before it must be read too
  std::unordered_map<std::size_t, schema::Catalog> at;  // catalog after the first i migrations
  if (oldest == 0) at.emplace(0, shadow.read());
  for (std::size_t i = 0; i < applied; ++i) {
    shadow.apply(local[i]);
    if (i + 1 >= oldest) at.emplace(i + 1, shadow.read());
  }
  const auto drift = diff::diff(at.at(applied), live.catalog, *parts.diff_policy);
  if (!drift.empty()) {
    const auto sql = plan::make_plan(drift, at.at(applied), live.catalog, *parts.renderer).script();
    throw core::Error(
        "GW2825",
        "The database is not in the state its applied migrations make (drift), so the down "
        "migrations cannot be trusted to revert it. This SQL would turn the migrations' schema "
        "into the database's:\n\n" +
            sql,
        "Bring the drift into the history first (a migration recorded with `godwit migrate "
        "resolve --applied`), or undo it; nothing was changed.");
  }
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const std::size_t n = targets[k] + 1;  // the state the down starts from
    const DownStep& step = steps[k];
    if (auto failure = shadow.try_apply(step.text)) {
      throw core::Error(
          "GW2826",
          fmt::format("The down migration of `{}` fails on the shadow database.", step.migration),
          run_failure_text(*failure, step.path) +
              ". Fix down.sql (or regenerate it with `godwit migrate down-gen`); nothing was "
              "changed.");
    }
    const auto result = shadow.read();
    const auto& expected = at.at(n - 1);
    const auto rest = diff::diff(result, expected, *parts.diff_policy);
    if (!rest.empty()) {
      const auto sql = plan::make_plan(rest, result, expected, *parts.renderer).script();
      throw core::Error(
          "GW2827",
          fmt::format("The down migration of `{}` does not restore the schema before that "
                      "migration. After {} the shadow database still needs this SQL to match "
                      "the migrations before `{}`:\n\n{}",
                      step.migration, step.path, step.migration, sql),
          "Fix down.sql so that it undoes the whole migration (or regenerate it with `godwit "
          "migrate down-gen`); nothing was changed.");
    }
    run_check_restores(shadow, parts, steps[k]);
  }
}

}  // namespace

DownReport migrate_down(migrate::Session& session, const dialect::Parts& parts,
                        const schema::InspectOptions& inspect, const migrate::RunOptions& run,
                        const DownOptions& options, const DownProgress& progress) {
  const auto& local = session.migrations().migrations;
  std::unique_ptr<migrate::RunLock> lock;
  if (!options.dry_run && migrate::run_lock_enabled()) {
    lock = session.dialect.lock(*session.conn, run.lock_timeout);
  }
  migrate::HistoryStore history(*session.conn, session.dialect.history(), run.clock);
  auto rows = history.list_if_exists();
  if (!rows) {
    throw core::Error("GW2820",
                      "The database has no _prisma_migrations table: no migration is applied, "
                      "nothing to revert.",
                      "`godwit migrate status` shows the history.");
  }
  const std::size_t applied = run_check_history(local, *rows);
  const auto targets = run_targets(local, applied, options);

  DownReport report;
  std::vector<std::string> missing;
  for (std::size_t i : targets) {
    DownStep step;
    step.migration = local[i].name;
    const auto path = down_path(local[i]);
    step.path = path.string();
    auto text = run_read_text(path);
    if (!text) {
      missing.push_back(step.path);
      continue;
    }
    step.text = std::move(*text);
    step.statements = parts.runner->split(step.text).statements.size();
    report.steps.push_back(std::move(step));
  }
  if (!missing.empty()) {
    throw core::Error("GW2824", "These migrations have no down.sql:" + run_names(missing),
                      "Write one by hand, or run `godwit migrate down-gen NAME` to generate it "
                      "(some migrations cannot be reverted: down-gen says why); nothing was "
                      "changed.");
  }
  // deploy --archive's archives of the migrations to revert (tables first, then columns, each
  // in the order they were archived: a restored column may reference a restored table).
  if (!options.no_restore && parts.keeper && parts.keeper->attach(*session.conn, false)) {
    const auto archives = parts.keeper->list(*session.conn);
    for (auto& step : report.steps) {
      for (const char* kind : {"table", "column"}) {
        for (const auto& a : archives)
          if (a.migration == step.migration && a.kind == kind) step.restores.push_back(a);
      }
    }
  }
  run_verify(session, parts, inspect, local, applied, targets, report.steps);
  if (options.dry_run) return report;

  for (const auto& step : report.steps) {
    if (progress) progress(step);
    auto script = parts.runner->split(step.text);
    // The restores run after down.sql, in its transaction when it runs in one.
    std::deque<std::string> restore_sql;
    if (!step.restores.empty() || !step.dropped.empty()) {
      std::vector<archive::Injection> after;
      for (const auto& a : step.restores)
        for (auto& sql : parts.keeper->restore_sql(a))
          after.push_back({script.statements.size(), std::move(sql), a.object()});
      for (const auto& a : step.dropped)
        for (auto& sql : parts.keeper->drop_sql(a))
          after.push_back({script.statements.size(), std::move(sql), a.object()});
      script = archive::with_injections(script, after, restore_sql);
    }
    migrate::HistoryWrites writes;
    writes.on_success = run_delete_rows_sql(step.migration);
    std::optional<migrate::ScriptFailure> failure;
    {
      db::InterruptibleSection section;
      migrate::ApplyContext context{&run.lock_budget, step.migration, run.on_lock_event,
                                    nullptr,          nullptr,        {}};
      failure = session.dialect.apply_guarded(*session.conn, script, writes, context);
    }
    if (failure) {
      std::string done = report.reverted.empty()
                             ? std::string(" No migration was reverted.")
                             : " Reverted before it:" + run_names(report.reverted);
      throw core::Error(
          "GW2828",
          fmt::format("The down migration of `{}` failed on the database; `{}` stays applied{}.{}",
                      step.migration, step.migration,
                      failure->rolled_back ? " (its transaction was rolled back)"
                                           : ", and some of its statements were committed",
                      done),
          run_failure_text(*failure, step.path));
    }
    if (const int signal = db::interrupt_signal()) {
      throw db::Interrupted(signal,
                            fmt::format("`{}` was reverted; the migrations after it in this run "
                                        "were not.",
                                        step.migration),
                            "Run `godwit migrate status`.");
    }
    report.reverted.push_back(step.migration);
  }
  return report;
}

}  // namespace godwit::down
