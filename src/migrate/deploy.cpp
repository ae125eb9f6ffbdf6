#include "migrate/deploy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/uuid.hpp"
#include "db/interrupt.hpp"
#include "migrate/apply.hpp"
#include "migrate/progress.hpp"

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
                  "hand, mark it applied:\n  godwit migrate resolve --applied \"{0}\"\nIf godwit "
                  "ran it, continue it at the failed statement once its cause is fixed (nothing "
                  "runs twice):\n  godwit migrate deploy --resume",
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
        "again:\n  godwit migrate resolve --rolled-back \"{}\"\nor run it again on the same "
        "row: godwit migrate deploy --resume",
        name);
  }
  return fmt::format(
      "Fix the cause (the database, or the migration from the failed statement on), then "
      "continue at the failed statement; the statements before it are not run again:\n  godwit "
      "migrate deploy --resume\nOr complete or revert the applied statements by hand, then "
      "mark the migration:\n  godwit migrate resolve --applied \"{0}\"   (if you completed "
      "it)\n  godwit migrate resolve --rolled-back \"{0}\"   (if you reverted it)",
      name);
}

// The logs of a failed row: the P3018 text and godwit's progress line, which `deploy --resume`
// reads back (migrate/progress.hpp).
std::string failure_logs(const std::string& text, const sql::Script& script,
                         const ScriptFailure& f) {
  const std::size_t kept = f.rolled_back ? 0 : f.statements_kept;
  return text + "\n" +
         progress_note(kept, script.statements.size(),
                       kept > 0 ? prefix_digest(script, kept) : std::string()) +
         "\n";
}

// A failed row `deploy --resume` may continue, and where; throws GW2701-GW2705 otherwise.
struct ResumePlan {
  const HistoryRow* row = nullptr;
  const LocalMigration* migration = nullptr;
  ResumePoint point;
};

ResumePlan plan_resume(const Session& s, const std::vector<HistoryRow>& rows) {
  ResumePlan plan;
  std::set<std::string> failed_names;
  for (const auto& r : rows) {
    if (!r.failed()) continue;
    failed_names.insert(r.migration_name);
    plan.row = &r;  // the last started (rows come ORDER BY started_at)
  }
  const auto resolve_hint = [](const std::string& name) {
    return fmt::format(
        "Decide by hand what to do with it: complete or revert what it applied, then\n  godwit "
        "migrate resolve --applied \"{0}\"   (if you completed it)\n  godwit migrate resolve "
        "--rolled-back \"{0}\"   (if you reverted it)",
        name);
  };
  if (failed_names.size() > 1) {
    std::string listed;
    for (const auto& n : failed_names)
      listed += "  " + n + "\n";
    throw core::Error("GW2701",
                      fmt::format("--resume continues one failed migration, and {} are failed:\n{}",
                                  failed_names.size(), listed),
                      "Resolve all but the last one with `godwit migrate resolve` first.");
  }
  const auto& name = plan.row->migration_name;
  for (const auto& m : s.migrations().migrations) {
    if (m.name == name) plan.migration = &m;
  }
  if (!plan.migration || !plan.migration->script) {
    throw core::Error(
        "GW2702",
        fmt::format("--resume: the failed migration `{}` has no migration.sql in the local "
                    "migrations folder{}.",
                    name, plan.migration ? "" : " (no folder of that name)"),
        "Restore the migration's folder as it was deployed, or " + resolve_hint(name));
  }
  auto note = plan.row->logs ? parse_progress(*plan.row->logs) : std::nullopt;
  if (!note) {
    throw core::Error(
        "GW2703",
        fmt::format("--resume: the failed row of `{}` carries no godwit progress note in its "
                    "logs (it was run by Prisma or another tool, or its logs were replaced), so "
                    "which of its statements ran is unknown and nothing is resumed.",
                    name),
        resolve_hint(name));
  }
  plan.point.migration = name;
  plan.point.committed = static_cast<std::size_t>(std::max(0LL, plan.row->applied_steps_count));
  plan.point.total = note->total;
  plan.point.started_at = plan.row->started_at;
  return plan;
}

// Checks that the file as it is now still starts with the statements the failed run committed,
// and that it can continue after them. Throws GW2704 / GW2705.
void check_resumable(ResumePlan& plan, const sql::Script& script) {
  const auto& m = *plan.migration;
  const std::size_t k = plan.point.committed;
  plan.point.total = script.statements.size();
  if (k == 0) return;  // nothing of it is applied: it runs from its start
  const auto note = parse_progress(*plan.row->logs);
  const bool unchanged = plan.row->checksum == m.checksum;
  plan.point.edited_after = !unchanged;
  const bool prefix_kept =
      k <= script.statements.size() &&
      (unchanged || (note && !note->digest.empty() && note->digest == prefix_digest(script, k)));
  if (!prefix_kept) {
    throw core::Error(
        "GW2704",
        fmt::format("--resume: `{}` changed in the {} statement(s) its failed run already "
                    "committed{}, so godwit cannot tell where to continue.",
                    m.name, k,
                    unchanged || (note && !note->digest.empty())
                        ? ""
                        : " (or changed at all: the run stopped before recording the digest of "
                          "those statements, so only an unchanged file can be resumed)"),
        "Put back the statements that ran as they were (edit only the failed statement and "
        "those after it), or " +
            std::string("resolve the migration by hand with `godwit migrate resolve`."),
        core::SourceLocation{m.script_path().string(), 0, 0});
  }
  if (script.mode == sql::TransactionMode::kSingle) {
    throw core::Error(
        "GW2705",
        fmt::format("--resume: `{}` now runs in one transaction (it no longer has statements "
                    "that cannot run in one, nor its own BEGIN/COMMIT), but {} of its statements "
                    "are already committed; continuing it in one transaction would not match "
                    "how it ran.",
                    m.name, k),
        "Keep the statement that made it run statement by statement, or resolve the migration "
        "by hand with `godwit migrate resolve`.");
  }
}

// A statement's first line for timing reports: white space folded, at most 80 bytes.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (out.size() >= 80) break;
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

std::vector<StatementTime> slowest_of(std::vector<StatementTime> times, const sql::Script& script) {
  std::stable_sort(times.begin(), times.end(),
                   [](const auto& a, const auto& b) { return a.ms > b.ms; });
  if (times.size() > kSlowestShown) times.resize(kSlowestShown);
  for (auto& t : times) {
    if (t.first < script.statements.size()) {
      t.line = script.statements[t.first].line;
      t.excerpt = one_line(script.statements[t.first].text);
    }
  }
  return times;
}

// Ctrl-C/SIGTERM stopped the migration `m` (db/interrupt.hpp): its row is recorded as failed,
// as any failure is, with "interrupted by signal" in `logs`, and the command ends with exit 130.
[[noreturn]] void stop_interrupted(HistoryStore& history, const std::string& id,
                                   const LocalMigration& m, const sql::Script& script,
                                   const ScriptFailure& failure) {
  const int signal = db::interrupt_signal();
  auto text = fmt::format(
      "godwit was interrupted by signal {}: it cancelled the statement running on the database "
      "and stopped.\n\n{}",
      db::signal_name(signal), describe_failure(m.name, failure, m.script_path().string()));
  try {
    history.mark_failed(id, failure_logs(text, script, failure));
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

DeployReport deploy(Session& s, const RunOptions& options, const DeployProgress& progress,
                    const DeployOptions& deploy_options) {
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
  std::optional<ResumePlan> resume;
  for (const auto& r : rows) {
    if (!r.failed()) continue;
    if (!deploy_options.resume) throw_failed_migrations(rows);
    resume = plan_resume(s, rows);
    break;
  }
  std::set<std::string> applied;
  for (const auto& r : rows) {
    if (!r.rolled_back_at && !(resume && &r == resume->row)) applied.insert(r.migration_name);
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
    // --archive: the keeper's statements go in before those that destroy data (they are
    // counted with the script's own, also in deploy --resume's progress).
    std::deque<std::string> archive_sql;
    std::vector<std::string> archived;
    if (deploy_options.keeper) {
      const bool attached = deploy_options.keeper->attach(conn, /*create=*/false);
      const auto injections = deploy_options.keeper->plan(conn, m.name, script);
      if (!injections.empty() && !attached &&
          !deploy_options.keeper->attach(conn, /*create=*/true)) {
        throw core::Error("GW2892",
                          fmt::format("--archive: the migration `{}` destroys data and this "
                                      "database has no place for an archive (an in-memory "
                                      "SQLite database). It was not started.",
                                      m.name),
                          "Deploy with --no-archive.");
      }
      for (const auto& in : injections)
        archived.push_back(in.what);
      script = archive::with_injections(script, injections, archive_sql);
    }
    const bool resuming = resume && resume->migration == &m;
    if (resuming) {
      check_resumable(*resume, script);
      if (deploy_options.on_resume) deploy_options.on_resume(resume->point);
    }
    if (progress) progress(m.name);
    auto id = resuming ? resume->row->id : core::uuid_v4();
    auto started = std::chrono::steady_clock::now();
    // Outside a transaction, the finishing UPDATE is a commit of its own; it need not wait for
    // the disk unless it is the run's last (the next synchronous commit flushes it).
    const bool relaxed = script.mode != sql::TransactionMode::kSingle && &m != last_pending;
    const std::size_t total = script.statements.size();
    migrate::HistoryWrites writes{
        resuming ? std::string()
                 : history.started_sql(id, m.name, m.checksum, progress_note(0, total)),
        history.finished_sql(id, relaxed)};
    if (resuming) {
      // The same row goes on: it now stands for the file as it is (its committed statements
      // were checked unchanged).
      if (resume->row->checksum != m.checksum) history.set_checksum(id, m.checksum);
      writes.start = resume->point.committed;
    }
    if (script.mode != sql::TransactionMode::kSingle) {
      writes.progress = [&history, id, total](std::size_t committed) {
        return history.progress_sql(id, committed, progress_note(committed, total));
      };
    }
    std::vector<StatementTime> times;
    // Until this migration's row is written, a signal lets this code finish instead of ending
    // the process: the running statement fails and the row is recorded below.
    db::InterruptibleSection section;
    std::optional<ScriptFailure> failure;
    LockStats lock_stats;
    ApplyContext context{&options.lock_budget, m.name, options.on_lock_event, &lock_stats,
                         &lock_budget_state};
    context.timed = [&times](std::size_t first, std::size_t last, std::chrono::nanoseconds took) {
      times.push_back(
          {first, last, 0, {}, std::chrono::duration<double, std::milli>(took).count()});
    };
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
      stop_interrupted(history, id, m, script, f);
    }
    if (failure && db::interrupt_signal() != 0) {
      stop_interrupted(history, id, m, script, *failure);
    }
    if (failure) {
      auto text = describe_failure(m.name, *failure, m.script_path().string());
      try {
        history.mark_failed(id, failure_logs(text, script, *failure));
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
    std::string note;
    if (resuming) {
      note += fmt::format(
          "godwit: resumed (deploy --resume) at statement {} of {}; statements 1-{} were "
          "committed by the run started at {} and were not run again.\n",
          resume->point.committed + 1, total, resume->point.committed, resume->point.started_at);
      for (const auto& n : lock_stats.notes)
        note += "godwit " + n + ".\n";
    }
    if (lock_stats.retries > 0) {
      // The row tells the truth about the retries (Prisma's readers show `logs` only for failed
      // rows; a finished row with logs still counts as applied).
      note += fmt::format(
          "godwit: applied after {} lock timeout retr{} (SQLSTATE 55P03, lock_timeout {} ms); "
          "nothing was applied twice: each retry ran again only what the timeout had rolled "
          "back.\n",
          lock_stats.retries, lock_stats.retries == 1 ? "y" : "ies",
          options.lock_budget.lock_timeout.count());
      for (const auto& b : lock_stats.blockers)
        note += "Blocked by " + describe_blocker(b) + "\n";
    }
    if (!note.empty()) {
      try {
        history.set_logs(id, note);
      } catch (const db::DatabaseError&) {
        // The migration is applied and recorded; the note is only informative.
      }
    }
    AppliedMigration done{m.name,
                          total,
                          script.mode,
                          ms.count(),
                          std::move(lock_stats),
                          slowest_of(std::move(times), script),
                          std::nullopt};
    if (resuming) done.resumed = resume->point;
    done.archived = std::move(archived);
    report.applied.push_back(std::move(done));
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
