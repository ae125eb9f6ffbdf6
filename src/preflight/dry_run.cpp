#include "preflight/dry_run.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "migrate/migrations_dir.hpp"
#include "migrate/status.hpp"
#include "preflight/lint_gate.hpp"

namespace godwit::preflight {
namespace {
namespace fs = std::filesystem;

std::string dry_run_mode_name(sql::TransactionMode m) {
  switch (m) {
    case sql::TransactionMode::kSingle:
      return "single transaction";
    case sql::TransactionMode::kAutocommit:
      return "statement by statement (no transaction)";
    case sql::TransactionMode::kAsWritten:
      return "as written (its own BEGIN/COMMIT)";
  }
  return "";
}

std::string backup_text(const project::Project& p) {
  const auto& b = p.environment.backup;
  const bool on = b.before_deploy.value_or(p.environment.is_protected);
  if (!on) return "none configured";
  std::string why =
      b.before_deploy ? "[backup] before_deploy = true" : "the default of a protected environment";
  return fmt::format("a backup of {} into {} before the first migration ({})", p.target.display,
                     b.dir ? b.dir->string() : std::string("the backup folder"), why);
}

std::string size_text(const migrate::TableSize& s) {
  if (!s.exists) return "not there yet";
  std::string rows = s.rows < 0 ? "rows unknown" : fmt::format("{} rows", s.rows);
  if (s.bytes < 0) return rows;
  double b = static_cast<double>(s.bytes);
  std::string bytes = b >= 1024.0 * 1024 * 1024
                          ? fmt::format("{:.1f} GB", b / (1024.0 * 1024 * 1024))
                      : b >= 1024.0 * 1024 ? fmt::format("{:.1f} MB", b / (1024.0 * 1024))
                      : b >= 1024.0        ? fmt::format("{:.1f} kB", b / 1024.0)
                                           : fmt::format("{} bytes", s.bytes);
  return rows + ", " + bytes;
}

nlohmann::json finding_json(const lint::Finding& f) {
  return {{"code", f.code},       {"severity", std::string(lint::severity_name(f.severity))},
          {"file", f.file},       {"line", f.line},
          {"message", f.message}, {"lock", f.lock},
          {"blocks", f.blocks},   {"safeSql", f.safe_sql}};
}

}  // namespace

DryRunReport dry_run(const project::Project& project, const DryRunOptions& options) {
  const auto* parts = dialect::find_parts(project.datasource.provider);
  if (parts == nullptr || parts->runner == nullptr || parts->preview == nullptr) {
    throw core::Error("GW2002", fmt::format("The provider `{}` is not supported by godwit yet.",
                                            project.datasource.provider));
  }
  DryRunReport r;
  r.target = project.target.display;
  r.environment = project.environment.name;
  r.is_protected = project.environment.is_protected;
  r.lint_gate = std::string(project::lint_gate_name(project.environment.lint_gate));
  r.backup = backup_text(project);
  auto show = [&](const fs::path& p) {
    return options.display_path ? options.display_path(p) : p.string();
  };

  // The database, read only: never created (create=false), never locked.
  std::optional<migrate::Session> session;
  try {
    session.emplace(migrate::open_session(project, *parts->runner, /*create=*/false));
  } catch (const core::Error& e) {
    if (e.code() != "P1003") throw;
    r.database_exists = false;
  }
  migrate::MigrationsDir folder_read;
  const migrate::MigrationsDir* folder = nullptr;
  std::set<std::string> pending_names;
  std::vector<std::string> applied;
  if (session) {
    migrate::RunOptions run;
    run.lock_timeout = options.lock_timeout;
    auto status = migrate::status(*session, run);
    r.history_table_exists = status.has_history_table;
    for (const auto& f : status.failed)
      r.failed.push_back(f.migration_name);
    pending_names.insert(status.pending.begin(), status.pending.end());
    folder = &session->migrations();
    for (const auto& m : folder->migrations) {
      if (!pending_names.contains(m.name)) applied.push_back(m.name);
    }
    applied.insert(applied.end(), status.missing_locally.begin(), status.missing_locally.end());
  } else {
    folder_read = migrate::read_migrations_dir(project.migrations_dir);
    migrate::check_lock_provider(folder_read, project.datasource.provider);
    folder = &folder_read;
    for (const auto& m : folder->migrations)
      pending_names.insert(m.name);
  }
  r.migrations_found = folder->migrations.size();

  std::vector<lint::Input> inputs;
  std::vector<std::string> tables;
  for (const auto& m : folder->migrations) {
    if (!pending_names.contains(m.name)) continue;
    DryRunMigration dm;
    dm.name = m.name;
    dm.file = show(m.script_path());
    if (m.script) {
      dm.script = parts->preview->preview(*m.script);
      inputs.push_back({dm.file, m.name, *m.script, {}});
      for (const auto& st : dm.script.statements) {
        for (const auto& l : st.locks) {
          if (std::find(tables.begin(), tables.end(), l.table) == tables.end()) {
            tables.push_back(l.table);
          }
        }
      }
    }
    r.pending.push_back(std::move(dm));
  }
  if (parts->linter != nullptr && !inputs.empty()) {
    lint::Config config = project.godwit.lint;
    exempt_budgeted_timeouts(config, *parts->linter, options.sets_lock_timeout,
                             options.sets_statement_timeout);
    auto gate = lint_pending(*parts->linter, config, inputs, applied, project.environment.lint_gate,
                             options.allow);
    r.stopping = gate.stopping;
    for (auto& f : gate.report.findings) {
      for (auto& m : r.pending) {
        if (m.file == f.file) m.findings.push_back(f);
      }
    }
  }
  if (session && !tables.empty()) {
    r.tables = parts->preview->table_sizes(*session->conn, tables);
  } else {
    for (const auto& t : tables)
      r.tables.push_back({t, false, -1, -1});
  }
  return r;
}

std::string render_dry_run(const DryRunReport& r) {
  std::string out = "Dry run: nothing is changed, not even the history table.\n\n";
  out += fmt::format("Target: {}\n", r.target);
  if (!r.environment.empty()) {
    out += fmt::format("Environment: {}{}\n", r.environment, r.is_protected ? " (protected)" : "");
  }
  if (!r.database_exists) out += "The database does not exist: deploy would create it.\n";
  if (!r.history_table_exists) out += "No _prisma_migrations table: deploy would create it.\n";
  out += fmt::format("Backup before deploy: {}\n",
                     r.pending.empty() ? std::string("none (nothing to apply)") : r.backup);
  if (!r.failed.empty()) {
    out +=
        "Failed migrations in the history: deploy would stop with P3009 before applying "
        "anything:\n";
    for (const auto& f : r.failed)
      out += "  - " + f + "\n";
  }
  if (r.pending.empty()) {
    out += fmt::format("\n{} found; no pending migrations to apply.\n",
                       r.migrations_found == 1 ? std::string("1 migration")
                                               : fmt::format("{} migrations", r.migrations_found));
    return out;
  }
  out += fmt::format("\n{} pending migration{} would be applied, in this order:\n",
                     r.pending.size(), r.pending.size() == 1 ? "" : "s");
  auto size_of = [&](const std::string& table) {
    for (const auto& t : r.tables) {
      if (t.table == table) return size_text(t);
    }
    return std::string("size unknown");
  };
  for (const auto& m : r.pending) {
    out += fmt::format("\n{} ({})\n  Transaction: {}\n", m.name, m.file,
                       dry_run_mode_name(m.script.mode));
    for (const auto& st : m.script.statements) {
      auto first_line = st.text.substr(0, st.text.find('\n'));
      if (first_line.size() > 100) first_line = first_line.substr(0, 97) + "...";
      if (first_line.size() < st.text.size()) first_line += " ...";
      out += fmt::format("  line {}: {}\n", st.line, first_line);
      for (const auto& l : st.locks) {
        out += fmt::format("    lock: {} on {} ({}): {}\n", l.mode, l.table, size_of(l.table),
                           l.blocks);
      }
    }
    if (m.findings.empty()) {
      out += "  Lint: no findings\n";
    } else {
      out += "  Lint:\n";
      for (const auto& f : m.findings) {
        out += fmt::format("    {} [{}] line {}: {}\n", f.code, lint::severity_name(f.severity),
                           f.line, f.message);
      }
    }
  }
  out += fmt::format("\nLint gate (lint_stops_deploy = \"{}\"): ", r.lint_gate);
  if (r.stopping.empty()) {
    out += "the deploy would go on.\n";
  } else {
    std::set<std::string> codes;
    for (const auto& f : r.stopping)
      codes.insert(f.code);
    std::string flags;
    for (const auto& c : codes)
      flags += " --allow " + c;
    out += fmt::format("{} finding{} would stop the deploy (acknowledge with{}).\n",
                       r.stopping.size(), r.stopping.size() == 1 ? "" : "s", flags);
  }
  return out;
}

nlohmann::json dry_run_json(const DryRunReport& r) {
  nlohmann::json j;
  j["command"] = "deploy";
  j["dryRun"] = true;
  j["target"] = r.target;
  j["environment"] =
      r.environment.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.environment);
  j["protected"] = r.is_protected;
  j["databaseExists"] = r.database_exists;
  j["historyTableExists"] = r.history_table_exists;
  j["migrationsFound"] = r.migrations_found;
  j["failed"] = r.failed;
  j["backup"] = r.pending.empty() ? std::string("none (nothing to apply)") : r.backup;
  j["lintGate"] = r.lint_gate;
  j["wouldStop"] = nlohmann::json::array();
  for (const auto& f : r.stopping)
    j["wouldStop"].push_back(finding_json(f));
  j["tables"] = nlohmann::json::array();
  for (const auto& t : r.tables) {
    j["tables"].push_back(
        {{"table", t.table},
         {"exists", t.exists},
         {"rows", t.rows < 0 ? nlohmann::json(nullptr) : nlohmann::json(t.rows)},
         {"bytes", t.bytes < 0 ? nlohmann::json(nullptr) : nlohmann::json(t.bytes)}});
  }
  j["pending"] = nlohmann::json::array();
  for (const auto& m : r.pending) {
    nlohmann::json pm{
        {"name", m.name}, {"file", m.file}, {"transactionMode", dry_run_mode_name(m.script.mode)}};
    pm["statements"] = nlohmann::json::array();
    for (const auto& st : m.script.statements) {
      nlohmann::json locks = nlohmann::json::array();
      for (const auto& l : st.locks)
        locks.push_back({{"table", l.table}, {"mode", l.mode}, {"blocks", l.blocks}});
      pm["statements"].push_back(
          {{"line", st.line}, {"kind", st.kind}, {"sql", st.text}, {"locks", locks}});
    }
    pm["findings"] = nlohmann::json::array();
    for (const auto& f : m.findings)
      pm["findings"].push_back(finding_json(f));
    j["pending"].push_back(std::move(pm));
  }
  return j;
}

}  // namespace godwit::preflight
