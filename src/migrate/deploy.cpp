#include "migrate/deploy.hpp"

#include <fmt/format.h>

#include <chrono>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/uuid.hpp"

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
    auto failure = s.dialect.apply(conn, script, writes);
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
          failure->rolled_back
              ? fmt::format("Fix the migration or the database, then mark the failed row rolled "
                            "back and deploy again:\n  godwit migrate resolve --rolled-back "
                            "\"{}\"",
                            m.name)
              : fmt::format("Complete or revert the applied statements by hand, then mark the "
                            "migration:\n  godwit migrate resolve --applied \"{0}\"   (if you "
                            "completed it)\n  godwit migrate resolve --rolled-back \"{0}\"   (if "
                            "you reverted it)",
                            m.name),
          core::SourceLocation{m.script_path().string(), failure->line, 0});
    }
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    report.applied.push_back({m.name, script.statements.size(), script.mode, ms.count()});
  }
  return report;
}

}  // namespace godwit::migrate
