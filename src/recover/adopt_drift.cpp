#include "recover/adopt_drift.hpp"

#include <fmt/format.h>

#include <memory>

#include "core/error.hpp"
#include "db/interrupt.hpp"
#include "dialect/registry.hpp"
#include "dialect/shadow.hpp"
#include "diff/differ.hpp"
#include "diff/summary.hpp"
#include "migrate/status.hpp"
#include "plan/make_plan.hpp"

namespace godwit::recover {
namespace {

constexpr std::string_view kNothingChanged = " Nothing was written or changed.";

std::string adopt_name_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += "\n  " + n;
  return out;
}

// The history must be complete and agree with the folder before a migration is added on top
// of it: the drift is measured against the applied migrations, and recording a new one as
// applied after a failed or pending one would describe a database that does not exist.
void refuse_unfinished_history(const migrate::StatusReport& s, const std::string& dir) {
  if (!s.has_history_table) {
    throw core::Error(
        "GW2813",
        "The database has no _prisma_migrations table: it was never managed by Prisma Migrate, "
        "so there is no applied history for drift to be measured against.",
        "To start a history from this database, run `godwit migrate baseline` (with an empty "
        "migrations folder); if the database already has what the migrations in " +
            dir + " make, record each with `godwit migrate resolve --applied <name>`." +
            std::string(kNothingChanged));
  }
  if (!s.failed.empty()) {
    const std::string& name = s.failed.front().migration_name;
    std::vector<std::string> names;
    for (const auto& row : s.failed)
      names.push_back(row.migration_name);
    throw core::Error(
        "GW2810",
        "These migrations failed and are not resolved:" + adopt_name_list(names) +
            "\nAdopting drift on top of an unfinished migration would record a history that "
            "does not describe the database.",
        fmt::format("Resolve it first: undo what it did by hand and run `godwit migrate "
                    "resolve --rolled-back \"{0}\"`, or finish it by hand and run `godwit "
                    "migrate resolve --applied \"{0}\"` (or `godwit migrate deploy --resume`); "
                    "then run `godwit migrate adopt-drift` again.{1}",
                    name, kNothingChanged));
  }
  std::string disagree;
  if (!s.edited.empty()) {
    disagree +=
        "\nEdited after they were applied (migration.sql no longer matches the "
        "checksum in _prisma_migrations):" +
        adopt_name_list(s.edited);
  }
  if (!s.missing_locally.empty()) {
    disagree += "\nApplied to the database but missing from " + dir + ":" +
                adopt_name_list(s.missing_locally);
  }
  if (!s.missing_script.empty()) {
    disagree += "\nFolders without a readable migration.sql:" + adopt_name_list(s.missing_script);
  }
  if (!disagree.empty()) {
    throw core::Error(
        "GW2812",
        "The migrations folder and the database's history disagree:" + disagree +
            "\nThe drift is measured by replaying the folder's applied migrations; with these "
            "differences it would not be the database's history that is replayed.",
        "Restore the migrations as they were applied (e.g. from version control) and check "
        "with `godwit migrate status`; then run `godwit migrate adopt-drift` again." +
            std::string(kNothingChanged));
  }
  if (!s.pending.empty()) {
    throw core::Error(
        "GW2811",
        "These migrations are not applied yet:" + adopt_name_list(s.pending) +
            "\nThe drift is measured against the applied history, and a pending migration may "
            "make or undo the very change that drifted.",
        "Apply them first with `godwit migrate deploy` (or `godwit migrate dev`), then run "
        "`godwit migrate adopt-drift` again; if the database already has what one of them "
        "does, record it with `godwit migrate resolve --applied <name>` instead." +
            std::string(kNothingChanged));
  }
}

// Stops a shadow replay after Ctrl-C/SIGTERM (the running statement was cancelled); the shadow
// database is dropped while the exception unwinds and nothing is recorded.
void adopt_stop_if_interrupted() {
  if (const int signal = db::interrupt_signal()) {
    throw db::Interrupted(signal,
                          "The shadow database was dropped and the new migration folder "
                          "removed; nothing was recorded and the database was not changed.",
                          "Run `godwit migrate adopt-drift` again.");
  }
}

// A shadow database that holds the session's Ctrl-C registration while it lives (db/interrupt.hpp:
// one at a time) and gives it back to the session's connection when it is dropped.
class AdoptShadow {
 public:
  AdoptShadow(migrate::Session& session, const dialect::Parts& parts,
              const std::vector<std::string>& namespaces)
      : pause_(session) {
    shadow_ = dialect::open_project_shadow(parts, session.project, namespaces);
    cancel_ = std::make_unique<db::CancelOnSignal>(shadow_->connection().canceller());
  }
  db::Connection& connection() { return shadow_->connection(); }

 private:
  // Destroyed in reverse: the shadow's registration, the shadow (a PostgreSQL one is dropped),
  // then the session's registration is back.
  migrate::SessionCancelPause pause_;
  std::unique_ptr<migrate::ShadowDatabase> shadow_;
  std::unique_ptr<db::CancelOnSignal> cancel_;
};

// The whole migrations folder (the applied migrations and the new one) replayed on a new shadow
// database and read back.
schema::Catalog adopt_replay_folder(migrate::Session& session, const dialect::Parts& parts,
                                    const schema::InspectOptions& options) {
  const auto folder = migrate::read_migrations_dir(session.project.migrations_dir);
  db::InterruptibleSection section;
  AdoptShadow shadow(session, parts, options.namespaces);
  for (const auto& m : folder.migrations) {
    if (!m.script) {
      throw core::Error(
          "P3015",
          fmt::format("Could not find the migration file at {}.", m.script_path().string()),
          m.read_error);
    }
    const auto script = parts.runner->split(*m.script);
    auto failure = parts.runner->apply(shadow.connection(), script, migrate::HistoryWrites{});
    adopt_stop_if_interrupted();
    if (failure) {
      throw dialect::shadow_replay_error(
          m, *failure, "The migration written from the drift was removed; nothing was recorded.");
    }
  }
  auto inspection = parts.inspector->inspect(shadow.connection(), options);
  adopt_stop_if_interrupted();
  dialect::default_to_only_namespace(inspection.catalog, options);
  return std::move(inspection.catalog);
}

}  // namespace

Drift capture_drift(migrate::Session& session, const dialect::Parts& parts,
                    const schema::InspectOptions& options, const migrate::RunOptions& run_options) {
  const std::string dir = session.project.migrations_dir.string();
  refuse_unfinished_history(migrate::status(session, run_options), dir);
  Drift d;
  d.check = dev::check_history(session, parts, options);
  // The same conditions, as the replay's own reading of the history saw them (another process
  // may have deployed in between).
  migrate::StatusReport seen;
  seen.has_history_table = d.check.has_history_table;
  seen.pending = d.check.pending;
  seen.edited = d.check.edited;
  seen.missing_locally = d.check.missing_locally;
  for (const auto& name : d.check.failed) {
    migrate::HistoryRow row;
    row.migration_name = name;
    seen.failed.push_back(row);
  }
  refuse_unfinished_history(seen, dir);
  d.script = database_diff_script(parts, d.check.after_applied, d.check.live);
  d.summary = diff::summary(d.check.drift, d.check.after_applied, d.check.live);
  return d;
}

Recorded adopt_drift(migrate::Session& session, const dialect::Parts& parts,
                     const schema::InspectOptions& options, const migrate::RunOptions& run_options,
                     const Drift& drift, const std::string& folder) {
  auto verify = [&] {
    const schema::Catalog replayed = adopt_replay_folder(session, parts, options);
    const auto left = diff::diff(replayed, drift.check.live, *parts.diff_policy);
    if (left.empty()) return;
    const auto script = plan::make_plan(left, replayed, drift.check.live, *parts.renderer).script();
    throw core::Error(
        "GW2814",
        fmt::format("The migration written from the drift does not reproduce the database: "
                    "replayed with the history on a shadow database, it still differs from the "
                    "database by\n{}\nThis SQL would make the replay into the database:\n\n{}",
                    diff::summary(left, replayed, drift.check.live), script),
        "The drift holds something godwit cannot render as a migration that replays to the same "
        "schema (please report it). The migration folder was removed and nothing was recorded; "
        "write the migration by hand and record it with `godwit migrate resolve --applied "
        "<name>`.");
  };
  return write_and_record(session.project, session.dialect, run_options, parts.provider, folder,
                          drift.script.text, verify);
}

}  // namespace godwit::recover
