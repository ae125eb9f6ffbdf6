#include "migrate/deploy.hpp"

#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/uuid.hpp"
#include "db/interrupt.hpp"
#include "migrate/apply.hpp"

namespace godwit::migrate {
namespace {

constexpr std::string_view kResolveDocs =
    "Read more about how to resolve migration issues in a production database: "
    "https://pris.ly/d/migrate-resolve";

std::string statement_excerpt(std::string_view text) {
  constexpr std::size_t kMaxLines = 12;
  auto ls = core::lines(core::trim(text));
  std::string out;
  for (std::size_t i = 0; i < ls.size() && i < kMaxLines; ++i) {
    out += "    ";
    out += ls[i];
    out += '\n';
  }
  if (ls.size() > kMaxLines) out += fmt::format("    ... ({} more lines)\n", ls.size() - kMaxLines);
  return out;
}

[[noreturn]] void throw_failed_migrations(const std::vector<HistoryRow>& rows) {
  std::string details;
  for (const auto& r : rows) {
    if (!r.failed()) continue;
    details +=
        fmt::format("The `{}` migration started at {} failed", r.migration_name, r.started_at);
    if (r.logs && !core::trim(*r.logs).empty()) {
      details += " with the following logs:\n" + *r.logs;
    }
    details += "\n";
  }
  std::string first;
  for (const auto& r : rows) {
    if (r.failed()) {
      first = r.migration_name;
      break;
    }
  }
  throw core::Error(
      "P3009",
      fmt::format("migrate found failed migrations in the target database, new migrations will "
                  "not be applied. {}\n{}",
                  kResolveDocs, details),
      fmt::format("If the failed migration left nothing applied, mark it rolled back and deploy "
                  "again:\n  godwit migrate resolve --rolled-back \"{0}\"\nIf you completed it by "
                  "hand, mark it applied:\n  godwit migrate resolve --applied \"{0}\"",
                  first));
}

[[noreturn]] void throw_not_empty(const Session& s, const std::vector<std::string>& objects) {
  std::string listed;
  for (std::size_t i = 0; i < objects.size() && i < 10; ++i)
    listed += "  - " + objects[i] + "\n";
  if (objects.size() > 10) listed += fmt::format("  ... and {} more\n", objects.size() - 10);
  std::string first =
      s.migrations().migrations.empty() ? "<migration>" : s.migrations().migrations.front().name;
  throw core::Error(
      "P3005",
      fmt::format("The database schema is not empty. Read more about how to baseline an existing "
                  "production database: https://pris.ly/d/migrate-baseline\nFound {} existing "
                  "object(s) and no _prisma_migrations table:\n{}",
                  objects.size(), listed),
      fmt::format("If the database already has the schema of some migrations, baseline it: mark "
                  "each of them applied without running it, e.g.\n  godwit migrate resolve "
                  "--applied \"{}\"\nthen run `godwit migrate deploy` for the rest.",
                  first));
}

std::string recovery_hint(const std::string& name, bool rolled_back) {
  if (rolled_back) {
    return fmt::format(
        "Fix the migration or the database, then mark the failed row rolled back and deploy "
        "again:\n  godwit migrate resolve --rolled-back \"{}\"",
        name);
  }
  return fmt::format(
      "Complete or revert the applied statements by hand, then mark the migration:\n  godwit "
      "migrate resolve --applied \"{0}\"   (if you completed it)\n  godwit migrate resolve "
      "--rolled-back \"{0}\"   (if you reverted it)",
      name);
}

// Ctrl-C/SIGTERM stopped the migration `m` (db/interrupt.hpp): its row is recorded as failed,
// as any failure is, with "interrupted by signal" in `logs`, and the command ends with exit 130.
[[noreturn]] void stop_interrupted(HistoryStore& history, const std::string& id,
                                   const LocalMigration& m, const ScriptFailure& failure) {
  const int signal = db::interrupt_signal();
  auto text = fmt::format(
      "godwit was interrupted by signal {}: it cancelled the statement running on the database "
      "and stopped.\n\n{}",
      db::signal_name(signal), describe_failure(m.name, failure, m.script_path().string()));
  try {
    history.mark_failed(id, text);
  } catch (const std::exception& e) {
    text +=
        fmt::format("\n(godwit could not write these logs to the history table: {})\n", e.what());
  }
  throw db::Interrupted(
      signal,
      fmt::format(
          "The migration `{}` was stopped and is recorded as failed, with these logs:\n\n{}",
          m.name, text),
      failure.rolled_back
          ? fmt::format("To run it again, mark the failed row rolled back and deploy:\n  godwit "
                        "migrate resolve --rolled-back \"{}\"\n  godwit migrate deploy",
                        m.name)
          : recovery_hint(m.name, false));
}

}  // namespace

std::string describe_failure(const std::string& migration, const ScriptFailure& f,
                             const std::string& script_path) {
  std::string out = migration.empty() ? "" : fmt::format("Migration name: {}\n\n", migration);
  out += fmt::format(
      "Database error code: {}\n\nDatabase error:\n{}\n\nFailed statement: {} of {}, at "
      "{}:{}\n{}",
      f.db_code.empty() ? "none" : f.db_code, f.db_message, f.statement_index + 1,
      f.statement_count, script_path, f.line, statement_excerpt(f.statement));
  if (f.statements_kept > 0) {
    out += fmt::format(
        "\nThis migration does not run in one transaction (it has its own transaction control or "
        "statements that cannot run in a transaction block): {} statement(s) before the failed "
        "one stay applied.\n",
        f.statements_kept);
  } else {
    out += "\nNothing of this migration is applied: what ran of it was rolled back.\n";
  }
  return out;
}

DeployReport deploy(Session& s, const RunOptions& options, const DeployProgress& progress) {
  DeployReport report;
  report.migrations_found = s.migrations().migrations.size();
  auto& conn = *s.conn;
  std::unique_ptr<RunLock> lock;
  if (run_lock_enabled()) lock = s.dialect.lock(conn, options.lock_timeout);

  HistoryStore history(conn, s.dialect.history(), options.clock);
  if (!history.exists()) {
    auto objects = s.dialect.existing_objects(conn);
    if (!objects.empty()) throw_not_empty(s, objects);
    history.create();
    report.created_history_table = true;
  }
  auto rows = history.list();
  for (const auto& r : rows) {
    if (r.failed()) throw_failed_migrations(rows);
  }
  std::set<std::string> applied;
  for (const auto& r : rows) {
    if (!r.rolled_back_at) applied.insert(r.migration_name);
  }

  // Every pending script must be there before anything runs.
  const LocalMigration* last_pending = nullptr;
  for (const auto& m : s.migrations().migrations) {
    if (applied.contains(m.name)) continue;
    last_pending = &m;
    if (!m.script) {
      throw core::Error("P3015",
                        fmt::format("Could not find the migration file at {}. Please delete the "
                                    "directory or restore the migration file.",
                                    m.script_path().string()),
                        m.read_error);
    }
    // SQLite stops reading a script at a NUL byte (Prisma 7.10.1 then records a failed
    // migration) and PostgreSQL accepts none in SQL text: refused before any migration applies.
    if (auto nul = m.script->find('\0'); nul != std::string::npos) {
      int line = core::line_of_offset(*m.script, nul);
      throw core::Error(
          "GW1201",
          fmt::format("The migration `{}` contains a NUL byte (line {} of {}), which the database "
                      "would not read as SQL. No migration was applied.",
                      m.name, line, m.script_path().string()),
          "Remove the NUL byte; a file holding many of them was probably saved as UTF-16 (save "
          "it as UTF-8).",
          core::SourceLocation{m.script_path().string(), line, 0});
    }
  }
  std::shared_ptr<void> lock_budget_state;  // the dialect's, for this run (ApplyContext)
  for (const auto& m : s.migrations().migrations) {
    if (applied.contains(m.name)) continue;
    auto script = s.dialect.split(*m.script);
    if (progress) progress(m.name);
    auto id = core::uuid_v4();
    auto started = std::chrono::steady_clock::now();
    // Outside a transaction, the finishing UPDATE is a commit of its own; it need not wait for
    // the disk unless it is the run's last (the next synchronous commit flushes it).
    const bool relaxed = script.mode != sql::TransactionMode::kSingle && &m != last_pending;
    migrate::HistoryWrites writes{history.started_sql(id, m.name, m.checksum),
                                  history.finished_sql(id, relaxed)};
    // Until this migration's row is written, a signal lets this code finish instead of ending
    // the process: the running statement fails and the row is recorded below.
    db::InterruptibleSection section;
    std::optional<ScriptFailure> failure;
    LockStats lock_stats;
    ApplyContext context{&options.lock_budget, m.name, options.on_lock_event, &lock_stats,
                         &lock_budget_state};
    try {
      failure = s.dialect.apply_guarded(conn, script, writes, context);
    } catch (const db::DatabaseError& e) {
      // A history write around the script was cancelled (the script's own statements come
      // back as a failure).
      if (db::interrupt_signal() == 0) throw;
      ScriptFailure f;
      f.statement_count = script.statements.size();
      f.statement = "(godwit's history write)";
      f.db_code = e.code();
      f.db_message = database_error_text(e);
      f.rolled_back = false;  // unknown: the script may have run whole
      stop_interrupted(history, id, m, f);
    }
    if (failure && db::interrupt_signal() != 0) stop_interrupted(history, id, m, *failure);
    if (failure) {
      auto text = describe_failure(m.name, *failure, m.script_path().string());
      try {
        history.mark_failed(id, text);
      } catch (const std::exception& e) {
        text += fmt::format("\n(godwit could not write these logs to the history table: {})\n",
                            e.what());
      }
      throw core::Error(
          "P3018",
          fmt::format("A migration failed to apply. New migrations cannot be applied before the "
                      "error is recovered from. {}\n\n{}",
                      kResolveDocs, text),
          recovery_hint(m.name, failure->rolled_back),
          core::SourceLocation{m.script_path().string(), failure->line, 0});
    }
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    if (lock_stats.retries > 0) {
      // The row tells the truth about the retries (Prisma's readers show `logs` only for failed
      // rows; a finished row with logs still counts as applied).
      std::string note = fmt::format(
          "godwit: applied after {} lock timeout retr{} (SQLSTATE 55P03, lock_timeout {} ms); "
          "nothing was applied twice: each retry ran again only what the timeout had rolled "
          "back.\n",
          lock_stats.retries, lock_stats.retries == 1 ? "y" : "ies",
          options.lock_budget.lock_timeout.count());
      for (const auto& b : lock_stats.blockers)
        note += "Blocked by " + describe_blocker(b) + "\n";
      try {
        history.set_logs(id, note);
      } catch (const db::DatabaseError&) {
        // The migration is applied and recorded; the note is only informative.
      }
    }
    report.applied.push_back(
        {m.name, script.statements.size(), script.mode, ms.count(), std::move(lock_stats)});
    if (int signal = db::interrupt_signal()) {
      // The signal came as the migration committed: it is applied and recorded; stop here.
      throw db::Interrupted(signal,
                            fmt::format("The migration `{}` was applied and recorded just before "
                                        "godwit stopped; the pending migrations after it were "
                                        "not started.",
                                        m.name),
                            "Run `godwit migrate deploy` again to apply the rest.");
    }
  }
  return report;
}

}  // namespace godwit::migrate
