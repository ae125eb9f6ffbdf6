#include "preflight/check.hpp"

#include <fmt/format.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <exception>
#include <set>

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "dialect/introspect.hpp"
#include "dialect/registry.hpp"
#include "dialect/shadow.hpp"
#include "diff/differ.hpp"
#include "diff/summary.hpp"
#include "lint/run.hpp"
#include "migrate/history.hpp"
#include "migrate/probe.hpp"
#include "migrate/session.hpp"
#include "migrate/status.hpp"
#include "psl/validate.hpp"

namespace godwit::preflight {
namespace {

namespace fs = std::filesystem;

CheckLine line(std::string name, Status status, std::string message,
               std::vector<std::string> details = {}) {
  return {std::move(name), status, std::move(message), std::move(details)};
}

// A check that threw: a failed line naming the error, instead of ending the command.
CheckLine errored(const std::string& name, const std::exception& e) {
  if (const auto* ge = dynamic_cast<const core::Error*>(&e)) {
    return line(name, Status::kFail, fmt::format("{}: {}", ge->code(), ge->message()));
  }
  return line(name, Status::kFail, e.what());
}

std::string joined(const std::vector<std::string>& names, std::size_t max = 5) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < max; ++i)
    out += (i ? ", " : "") + names[i];
  if (names.size() > max) out += fmt::format(" and {} more", names.size() - max);
  return out;
}

std::string bytes_text(std::uint64_t b) {
  const double v = static_cast<double>(b);
  if (v >= 1024.0 * 1024 * 1024) return fmt::format("{:.1f} GB", v / (1024.0 * 1024 * 1024));
  if (v >= 1024.0 * 1024) return fmt::format("{:.1f} MB", v / (1024.0 * 1024));
  return fmt::format("{:.0f} KB", v / 1024.0);
}

CheckLine migrations_line(const migrate::StatusReport& r,
                          const std::vector<std::string>& existing_objects) {
  std::vector<std::string> details;
  for (const auto& f : r.failed) {
    details.push_back(fmt::format("failed: {} (started at {})", f.migration_name, f.started_at));
  }
  for (const auto& n : r.edited)
    details.push_back("edited after it was applied: " + n);
  for (const auto& n : r.missing_locally)
    details.push_back("applied but not in the migrations folder: " + n);
  for (const auto& n : r.missing_script)
    details.push_back("no readable migration.sql: " + n);
  if (!r.failed.empty()) {
    return line("migrations", Status::kFail,
                fmt::format("{} failed migration(s): deploy stops with P3009 (resolve them, or "
                            "`godwit migrate deploy --resume`)",
                            r.failed.size()),
                details);
  }
  if (r.diverged()) {
    return line("migrations", Status::kFail,
                "the database's history and the migrations folder have diverged", details);
  }
  if (!r.has_history_table && !existing_objects.empty()) {
    return line("migrations", Status::kFail,
                fmt::format("the database is not managed by Prisma Migrate and is not empty ({} "
                            "table(s)): deploy stops with P3005 (baseline it with `godwit "
                            "migrate resolve --applied`)",
                            existing_objects.size()),
                details);
  }
  const Status status = r.edited.empty() && r.missing_locally.empty() && r.missing_script.empty()
                            ? Status::kOk
                            : Status::kWarn;
  std::string message = r.pending.empty()
                            ? fmt::format("{} migration(s), all applied", r.local.size())
                            : fmt::format("{} of {} migration(s) pending: {}", r.pending.size(),
                                          r.local.size(), joined(r.pending));
  if (!r.has_history_table) message += " (no history table yet)";
  return line("migrations", status, message, details);
}

CheckLine locks_line(const migrate::Probe& probe, db::Connection& conn,
                     const std::vector<const sql::Script*>& scripts, const CheckOptions& options) {
  if (scripts.empty()) return line("locks", Status::kOk, "no pending migrations to hold up");
  auto h = probe.holdups(conn, scripts, options.long_transaction);
  if (!h.supported) {
    return line("locks", Status::kSkip, "not applicable: the database has no lock queue");
  }
  if (h.tables.empty()) {
    return line("locks", Status::kOk, "the pending migrations lock no existing table");
  }
  std::vector<std::string> details;
  for (const auto& b : h.long_transactions)
    details.push_back("holds a lock: " + migrate::describe_blocker(b));
  for (const auto& b : h.waiting)
    details.push_back("waits for a lock: " + migrate::describe_blocker(b));
  if (details.empty()) {
    return line("locks", Status::kOk,
                fmt::format("no long-running transaction or waiting lock on the {} table(s) the "
                            "pending migrations lock ({})",
                            h.tables.size(), joined(h.tables)));
  }
  return line(
      "locks", Status::kFail,
      fmt::format("{} session(s) would hold up the pending migrations on {} (transactions open "
                  "longer than {} ms holding locks, or locks not granted)",
                  h.long_transactions.size() + h.waiting.size(), joined(h.tables),
                  options.long_transaction.count()),
      details);
}

CheckLine standbys_line(const migrate::Probe& probe, db::Connection& conn,
                        const CheckOptions& options) {
  auto standbys = probe.standbys(conn);
  if (!standbys) return line("standbys", Status::kSkip, "not applicable: no replication");
  if (standbys->empty()) return line("standbys", Status::kOk, "no standbys");
  double worst = 0;
  std::vector<std::string> details;
  for (const auto& s : *standbys) {
    const double lag = s.replay_lag_s.value_or(0);
    worst = std::max(worst, lag);
    details.push_back(fmt::format(
        "{} ({}): replay lag {}", s.name, s.state,
        s.replay_lag_s ? fmt::format("{:.1f} s", lag) : std::string("none reported (caught up)")));
  }
  const bool lagging = worst > options.max_standby_lag_s;
  return line("standbys", lagging ? Status::kFail : Status::kOk,
              fmt::format("{} standby(s), largest replay lag {:.1f} s (limit {:.0f} s)",
                          standbys->size(), worst, options.max_standby_lag_s),
              details);
}

CheckLine disk_line(const migrate::Probe& probe, db::Connection& conn,
                    const project::DatabaseTarget& target, const CheckOptions& options) {
  std::optional<fs::path> folder = options.backup_dir;
  std::string what = "the backup folder";
  if (!folder) {
    folder = probe.local_folder(target);
    what = "the database file's folder";
  }
  if (!folder) {
    return line("disk", Status::kSkip,
                "the database is on a server and no backup folder is configured: no local disk "
                "to check");
  }
  // The folder may not exist yet (a first backup makes it): measure its nearest parent.
  fs::path probe_at = *folder;
  std::error_code ec;
  while (!probe_at.empty() && !fs::exists(probe_at, ec) && probe_at != probe_at.parent_path())
    probe_at = probe_at.parent_path();
  struct statvfs st {};
  if (probe_at.empty() || ::statvfs(probe_at.c_str(), &st) != 0) {
    return line("disk", Status::kWarn,
                fmt::format("cannot measure {} ({})", what, folder->string()));
  }
  const std::uint64_t free_bytes =
      static_cast<std::uint64_t>(st.f_bavail) * static_cast<std::uint64_t>(st.f_frsize);
  const auto size = probe.database_bytes(conn, target);
  std::string message =
      fmt::format("{} free in {} ({})", bytes_text(free_bytes), what, folder->string());
  if (!size) return line("disk", Status::kOk, message);
  message += fmt::format("; the database is {}", bytes_text(*size));
  // A backup, or a table rewrite of a file database, needs about the database's size.
  if (free_bytes < *size) return line("disk", Status::kFail, message + ": not enough room");
  if (free_bytes < 2 * *size) return line("disk", Status::kWarn, message + ": little room left");
  return line("disk", Status::kOk, message);
}

CheckLine lint_line(const dialect::Parts& parts, const std::vector<lint::Input>& inputs,
                    const std::vector<std::string>& applied, const CheckOptions& options) {
  if (!parts.linter) return line("lint", Status::kSkip, "no linter for this database");
  if (inputs.empty()) return line("lint", Status::kOk, "no pending migrations to lint");
  lint::RunOptions run;
  run.config = options.lint;
  run.applied = applied;
  run.pending_run = true;  // the pending migrations, in the order deploy applies them
  const auto report = lint::run(*parts.linter, inputs, run);
  std::vector<std::string> details;
  for (const auto& f : report.findings) {
    details.push_back(fmt::format("{}:{}: {} {}: {}", f.file, f.line,
                                  f.severity == lint::Severity::kError ? "error" : "warning",
                                  f.code, f.message));
  }
  const auto errors = report.count(lint::Severity::kError);
  const auto warnings = report.findings.size() - errors;
  const Status status = errors > 0 ? Status::kFail : (warnings > 0 ? Status::kWarn : Status::kOk);
  return line("lint", status,
              fmt::format("{} pending migration(s): {} error(s), {} warning(s)", inputs.size(),
                          errors, warnings),
              details);
}

// The applied migrations replayed on a shadow database (dialect/shadow.hpp) and compared with
// the database, as Prisma's drift detection does: a copy of the folder holding only them.
CheckLine drift_line(const project::Project& project, const dialect::Parts& parts,
                     const migrate::MigrationsDir& folder, const migrate::StatusReport& status) {
  if (!status.has_history_table) {
    return line("drift", Status::kSkip, "no history table: nothing applied to compare");
  }
  if (!status.failed.empty()) {
    return line("drift", Status::kSkip,
                "a migration failed: its partial state would read as drift");
  }
  const fs::path copy = fs::temp_directory_path() / ("godwit-check-" + core::uuid_v4());
  struct RemoveCopy {
    fs::path dir;
    ~RemoveCopy() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } remove_copy{copy};
  fs::create_directories(copy);
  const std::set<std::string> pending(status.pending.begin(), status.pending.end());
  std::size_t replayed = 0;
  for (const auto& m : folder.migrations) {
    if (pending.contains(m.name) || !m.script) continue;
    fs::create_directories(copy / m.name);
    fs::copy_file(m.script_path(), copy / m.name / "migration.sql");
    ++replayed;
  }
  const fs::path lock_file = project.migrations_dir / "migration_lock.toml";
  std::error_code ec;
  if (fs::exists(lock_file, ec)) fs::copy_file(lock_file, copy / "migration_lock.toml");
  // Read as `migrate dev` reads them (the schema's preview features count; an invalid schema
  // still names them, and its errors are not this check's concern).
  const schema::InspectOptions options = dialect::inspect_options(project);
  schema::Inspection expected;
  try {
    expected = dialect::replay_migrations(project.target, copy, options,
                                          project.shadow_database_url, project.init_shadow_db);
  } catch (const core::Error& e) {
    return line("drift", Status::kWarn,
                fmt::format("could not replay the applied migrations on a shadow database: {}: "
                            "{}",
                            e.code(), e.message()));
  }
  auto actual = dialect::inspect_database(project.target, options);
  auto changes = diff::diff(expected.catalog, actual.catalog, *parts.diff_policy);
  if (changes.empty()) {
    return line("drift", Status::kOk,
                fmt::format("the database matches its {} applied migration(s)", replayed));
  }
  std::vector<std::string> details;
  const auto text = diff::summary(changes, expected.catalog, actual.catalog);
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) details.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return line("drift", Status::kFail,
              fmt::format("the database differs from what its {} applied migration(s) create "
                          "(changed outside migrations)",
                          replayed),
              details);
}

CheckLine backup_line(const CheckOptions& options) {
  if (!options.backup_configured) return line("backup", Status::kSkip, "not configured");
  if (!options.last_backup) {
    return line("backup", Status::kWarn,
                fmt::format("no backup of this database in {} yet (godwit backup create)",
                            options.backup_dir ? options.backup_dir->string() : "the folder"));
  }
  const auto& [age_s, name] = *options.last_backup;
  const Status status = age_s > options.max_backup_age_s ? Status::kWarn : Status::kOk;
  return line("backup", status,
              fmt::format("last backup {} taken {:.1f} h ago", name, age_s / 3600.0));
}

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::kOk:
      return "ok";
    case Status::kWarn:
      return "warn";
    case Status::kFail:
      return "FAIL";
    case Status::kSkip:
      return "skip";
  }
  return "?";
}

int CheckReport::exit_code() const {
  return std::any_of(lines.begin(), lines.end(),
                     [](const auto& l) { return l.status == Status::kFail; })
             ? 1
             : 0;
}

CheckReport run_checks(const project::Project& project, const dialect::Parts& parts,
                       const CheckOptions& options) {
  CheckReport report;
  const auto& runner = *parts.runner;
  std::optional<migrate::Session> session;
  try {
    session.emplace(migrate::open_session(project, runner, /*create=*/false));
  } catch (const std::exception& e) {
    report.lines.push_back(errored("connection", e));
    for (const char* name : {"migrations", "locks", "standbys", "disk", "lint", "drift"})
      report.lines.push_back(line(name, Status::kSkip, "no connection"));
    report.lines.push_back(backup_line(options));
    return report;
  }
  auto& conn = *session->conn;
  const migrate::Probe* probe = parts.probe;
  try {
    report.lines.push_back(
        line("connection", Status::kOk,
             fmt::format("{}: {}", probe ? probe->server_version(conn) : std::string(),
                         runner.describe(project.target))));
  } catch (const std::exception& e) {
    report.lines.push_back(errored("connection", e));
  }

  migrate::StatusReport status;
  std::vector<const sql::Script*> scripts;
  std::vector<sql::Script> split;
  std::vector<lint::Input> inputs;
  std::vector<std::string> applied;
  bool status_read = false;
  try {
    status = migrate::status(*session, migrate::RunOptions{});
    status_read = true;
    const auto objects =
        status.has_history_table ? std::vector<std::string>{} : runner.existing_objects(conn);
    report.lines.push_back(migrations_line(status, objects));
    const std::set<std::string> pending(status.pending.begin(), status.pending.end());
    const auto& folder = session->migrations();
    split.reserve(folder.migrations.size());
    for (const auto& m : folder.migrations) {
      if (!pending.contains(m.name)) {
        applied.push_back(m.name);
        continue;
      }
      if (!m.script) continue;
      split.push_back(runner.split(*m.script));
      inputs.push_back({m.script_path().string(), m.name, *m.script, {}});
    }
    for (const auto& s : split)
      scripts.push_back(&s);
    for (const auto& n : status.missing_locally)
      applied.push_back(n);
  } catch (const std::exception& e) {
    report.lines.push_back(errored("migrations", e));
  }

  auto guarded = [&](const std::string& name, auto&& check) {
    try {
      report.lines.push_back(check());
    } catch (const std::exception& e) {
      report.lines.push_back(errored(name, e));
    }
  };
  if (!probe) {
    for (const char* name : {"locks", "standbys", "disk"})
      report.lines.push_back(line(name, Status::kSkip, "no probe for this database"));
  } else {
    guarded("locks", [&] {
      return status_read ? locks_line(*probe, conn, scripts, options)
                         : line("locks", Status::kSkip, "the history could not be read");
    });
    guarded("standbys", [&] { return standbys_line(*probe, conn, options); });
    guarded("disk", [&] { return disk_line(*probe, conn, project.target, options); });
  }
  guarded("lint", [&] { return lint_line(parts, inputs, applied, options); });
  if (!options.drift) {
    report.lines.push_back(line("drift", Status::kSkip, "--no-drift"));
  } else {
    guarded("drift", [&] {
      return status_read ? drift_line(project, parts, session->migrations(), status)
                         : line("drift", Status::kSkip, "the history could not be read");
    });
  }
  report.lines.push_back(backup_line(options));
  return report;
}

}  // namespace godwit::preflight
