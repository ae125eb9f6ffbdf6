// backup create | restore | verify and the backup before deploy (operations.hpp).
#include "backup/operations.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/uuid.hpp"
#include "db/connection.hpp"
#include "dialect/registry.hpp"
#include "migrate/history.hpp"
#include "migrate/migrations_dir.hpp"
#include "schema/dump.hpp"

namespace godwit::backup {
namespace fs = std::filesystem;

namespace {

const dialect::Parts& backup_parts(const project::Project& project) {
  const auto* parts = dialect::find_parts(project.target.provider);
  if (parts == nullptr || parts->archiver == nullptr || parts->inspector == nullptr) {
    throw core::Error("GW2002",
                      fmt::format("godwit cannot back up `{}` databases.", project.target.provider),
                      "godwit backs up `postgresql` and `sqlite` databases.");
  }
  return *parts;
}

std::string backup_quote_ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct SnapshotFacts {
  std::vector<ManifestMigration> migrations;
  std::vector<TableRows> tables;
  std::string schema;
};

// What the manifest says about a database, read on `conn` (the backup's snapshot, or a
// restored copy).
SnapshotFacts read_facts(db::Connection& conn, const dialect::Parts& parts,
                         const std::vector<std::string>& namespaces, bool with_history) {
  SnapshotFacts f;
  if (with_history) {
    migrate::HistoryStore history(conn, parts.runner->history(), core::system_now);
    // exists() then list(): a failing query would end the PostgreSQL snapshot's transaction.
    if (history.exists()) {
      for (const auto& row : history.list()) {
        if (row.applied())
          f.migrations.push_back({row.migration_name, row.checksum, row.finished_at.value_or("")});
      }
    }
  }
  schema::InspectOptions options;
  options.namespaces = namespaces;
  auto inspection = parts.inspector->inspect(conn, options);
  f.schema = schema::dump(inspection.catalog);
  f.tables = count_rows(conn, inspection.catalog);
  return f;
}

// The first line where two texts differ (empty for a line one of them lacks).
std::pair<std::string, std::string> first_difference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  while (true) {
    bool ga = static_cast<bool>(std::getline(sa, la));
    bool gb = static_cast<bool>(std::getline(sb, lb));
    if (!ga && !gb) return {};
    if (!ga) la = "(end of schema)";
    if (!gb) lb = "(end of schema)";
    if (!ga || !gb || la != lb) return {la, lb};
  }
}

}  // namespace

std::vector<TableRows> count_rows(db::Connection& conn, const schema::Catalog& catalog) {
  std::vector<TableRows> out;
  if (catalog.tables.empty()) return out;
  std::string sql;
  for (std::size_t i = 0; i < catalog.tables.size(); ++i) {
    const auto& t = catalog.tables[i];
    const auto& ns = catalog.get(t.namespace_id).name;
    out.push_back({ns + "." + t.name, 0});
    if (i > 0) sql += " UNION ALL ";
    sql += fmt::format("SELECT {}, count(*) FROM {}.{}", i, backup_quote_ident(ns),
                       backup_quote_ident(t.name));
  }
  for (const auto& row : conn.query(sql).rows) {
    auto i = std::stoull(row.at(0).value_or("0"));
    out.at(i).rows = std::stoll(row.at(1).value_or("0"));
  }
  return out;
}

CreateResult create_backup(const project::Project& project, const Policy& policy,
                           const core::Clock& clock) {
  const auto& parts = backup_parts(project);
  const auto& archiver = *parts.archiver;
  const auto& target = project.target;
  const auto scope = archiver.scope(target, project.datasource.schemas);
  const auto database = archiver.database_name(target);
  const auto now = clock();
  ensure_folder(policy.dir);

  // The name holds the last applied migration, known only once the snapshot is read: the
  // file is written under a temporary name first.
  const fs::path partial =
      policy.dir / fmt::format(".{}.{}.partial", core::uuid_v4(), archiver.file_extension());
  create_private_file(partial);
  Manifest m;
  fs::path file;
  try {
    SnapshotFacts facts;
    auto info = archiver.dump(target, scope, partial, [&](db::Connection& conn) {
      facts = read_facts(conn, parts, scope.namespaces, /*with_history=*/true);
    });
    m.created_at = iso_utc_millis(now);
    m.provider = parts.provider;
    m.target = target.display;
    m.database = database;
    m.namespaces = scope.namespaces;
    m.server_version = info.server_version;
    m.tool = info.tool;
    m.migrations = std::move(facts.migrations);
    m.tables = std::move(facts.tables);
    m.schema = std::move(facts.schema);
    m.schema_fingerprint = core::sha256_hex(m.schema);
    const std::string stem = backup_stem(now, database, m.last_migration());
    file = policy.dir / fmt::format("{}.{}", stem, archiver.file_extension());
    for (int n = 2; fs::exists(file) || fs::exists(file.string() + ".json"); ++n)
      file = policy.dir / fmt::format("{}-{}.{}", stem, n, archiver.file_extension());
    m.file = file.filename().string();
    auto digest = digest_file(partial);
    m.size_bytes = digest.size;
    m.sha256 = digest.sha256;
    fs::rename(partial, file);
    write_manifest(file.string() + ".json", m);
  } catch (...) {
    std::error_code ec;
    fs::remove(partial, ec);
    if (!file.empty() && !fs::exists(file.string() + ".json", ec)) fs::remove(file, ec);
    throw;
  }
  CreateResult r;
  r.backup = Entry{file, file.string() + ".json", std::move(m)};
  r.removed = apply_retention(policy, database, now, file);
  return r;
}

RestoreResult restore_backup(const project::Project& project, const Entry& backup, bool force) {
  const auto& parts = backup_parts(project);
  if (backup.manifest.provider != parts.provider) {
    throw core::Error(
        "GW2611",
        fmt::format("{} is a backup of a {} database; the target is {}.", backup.file.string(),
                    backup.manifest.provider, project.target.display),
        "Restore a backup into a database of the provider it was taken from.");
  }
  check_file_unchanged(backup);
  RestoreResult r;
  r.backup = backup;
  {
    std::set<std::string> in_backup;
    for (const auto& m : backup.manifest.migrations)
      in_backup.insert(m.name);
    auto conn = parts.runner->connect(project.target, /*create=*/true);
    migrate::HistoryStore history(*conn, parts.runner->history(), core::system_now);
    if (auto rows = history.list_if_exists()) {
      for (const auto& row : *rows) {
        if (row.applied() && !in_backup.contains(row.migration_name))
          r.newer.push_back(row.migration_name);
      }
    }
  }
  if (!r.newer.empty() && !force) {
    throw core::Error(
        "GW2610",
        fmt::format("The database {} has migrations that the backup {} does not have:\n{}\n"
                    "Restoring would undo them. Nothing was changed.",
                    project.target.display, backup.file.filename().string(),
                    fmt::join(r.newer, "\n")),
        "Pass --force to restore anyway (the database then holds exactly the backup, including "
        "its migration history).");
  }
  Scope scope{backup.manifest.namespaces};
  parts.archiver->restore(project.target, scope, backup.file);
  return r;
}

VerifyResult verify_backup(const project::Project& project, const Entry& backup) {
  const auto& parts = backup_parts(project);
  if (backup.manifest.provider != parts.provider) {
    throw core::Error(
        "GW2611",
        fmt::format("{} is a backup of a {} database; the project's database is {}.",
                    backup.file.string(), backup.manifest.provider, project.target.display),
        "Verify a backup with the project (or --url) of the provider it was taken "
        "from: the scratch copy is made next to that database.");
  }
  check_file_unchanged(backup);
  VerifyResult r;
  r.backup = backup;
  Scope scope{backup.manifest.namespaces};
  SnapshotFacts facts;
  {
    auto scratch = parts.archiver->restore_scratch(project.target, scope, backup.file);
    r.scratch = scratch->describe();
    facts = read_facts(scratch->connection(), parts, scope.namespaces, /*with_history=*/false);
  }
  r.schema_matches = facts.schema == backup.manifest.schema &&
                     core::sha256_hex(facts.schema) == backup.manifest.schema_fingerprint;
  if (!r.schema_matches) {
    std::tie(r.schema_expected_line, r.schema_actual_line) =
        first_difference(backup.manifest.schema, facts.schema);
  }
  std::map<std::string, long long> expected, actual;
  for (const auto& t : backup.manifest.tables)
    expected[t.table] = t.rows;
  for (const auto& t : facts.tables) {
    actual[t.table] = t.rows;
    r.total_rows += t.rows;
  }
  r.tables = actual.size();
  for (const auto& [table, rows] : expected) {
    auto it = actual.find(table);
    if (it == actual.end())
      r.rows.push_back({table, rows, std::nullopt});
    else if (it->second != rows)
      r.rows.push_back({table, rows, it->second});
  }
  for (const auto& [table, rows] : actual) {
    if (!expected.contains(table)) r.rows.push_back({table, std::nullopt, rows});
  }
  return r;
}

std::optional<CreateResult> backup_before_deploy(const project::Project& project,
                                                 const Policy& policy, const core::Clock& clock,
                                                 std::string* reason) {
  auto why = [&](std::string text) {
    if (reason != nullptr) *reason = std::move(text);
    return std::nullopt;
  };
  auto stop = [](const std::string& code, const std::string& message, const std::string& hint) {
    return core::Error("GW2613",
                       fmt::format("The backup before deploy failed, so no migration was applied.\n"
                                   "{}: {}",
                                   code, message),
                       hint.empty() ? "Fix the backup (`godwit backup create` shows the same "
                                      "error), or deploy without --backup / before_deploy."
                                    : hint);
  };
  try {
    const auto& parts = backup_parts(project);
    std::set<std::string> recorded;
    {
      std::unique_ptr<db::Connection> conn;
      try {
        conn = parts.runner->connect(project.target, /*create=*/false);
      } catch (const core::Error& e) {
        if (e.code() == "P1003") return why("the database does not exist yet");
        throw;
      }
      migrate::HistoryStore history(*conn, parts.runner->history(), clock);
      auto rows = history.list_if_exists();
      if (!rows) return why("the database has no migration history yet");
      for (const auto& row : *rows) {
        if (!row.rolled_back_at) recorded.insert(row.migration_name);
      }
    }
    auto folder = migrate::read_migrations_dir(project.migrations_dir);
    std::size_t pending = 0;
    for (const auto& m : folder.migrations)
      if (!recorded.contains(m.name)) ++pending;
    if (pending == 0) return why("no migration is pending");
    return create_backup(project, policy, clock);
  } catch (const core::Error& e) {
    throw stop(e.code(), e.message(), e.hint());
  } catch (const db::DatabaseError& e) {
    throw stop("GW2008", fmt::format("{} (code {})", e.message(), e.code()), "");
  }
}

}  // namespace godwit::backup
