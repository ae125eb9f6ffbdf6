// PostgreSQL backups with pg_dump / pg_restore (backup.hpp).
#include "dialect/postgres/backup/backup.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "dialect/postgres/backup/pg_tools.hpp"
#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/run/lock.hpp"

namespace godwit::postgres {
namespace fs = std::filesystem;

namespace {

// pg_dump's -n / -e take patterns; a double-quoted name matches exactly that name.
std::string pg_backup_exact_pattern(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string pg_backup_literal_list(PgConnection& conn, const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += conn.quote_literal(n);
  }
  return out;
}

std::string pg_backup_server_version(PgConnection& conn) {
  auto rows = conn.query("SHOW server_version");
  std::string v = rows.rows.empty() || !rows.rows[0][0] ? "" : *rows.rows[0][0];
  return v.substr(0, v.find(' '));
}

// The tool's last lines are what explains a failure; its whole output can be long.
std::string pg_backup_tail(const std::string& text) {
  constexpr std::size_t kMax = 4000;
  std::string t = text;
  while (!t.empty() && (t.back() == '\n' || t.back() == ' '))
    t.pop_back();
  if (t.size() > kMax) t = "..." + t.substr(t.size() - kMax);
  return t;
}

// pg_restore of `file` into `target`; `extra` before the file name.
void pg_backup_run_restore(const ConnectionTarget& target, int server_major, const fs::path& file,
                           std::vector<std::string> extra, std::string_view what) {
  auto tool = require_tool("pg_restore", server_major, what);
  std::vector<std::string> args{"--no-password", "--exit-on-error",
                                "--dbname=" + conninfo_without_password(target)};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(file.string());
  ToolProcess p(tool, args, &target);
  auto o = p.wait();
  if (o.exit_code != 0) {
    throw core::Error(
        "GW2603",
        fmt::format("pg_restore of {} into database \"{}\" failed (exit {}):\n{}", file.string(),
                    target.database, o.exit_code, pg_backup_tail(o.err)),
        "Nothing of the failed pg_restore is kept (it ran in one transaction). "
        "Check that pg_restore is at least as new as the pg_dump that wrote the "
        "file and that the user may create the backup's objects.");
  }
}

// SQL that re-creates `public` as it is now (read before it is dropped): owner, privileges
// (aclexplode of its ACL, the owner's own implied), comment.
std::string pg_backup_recreate_public(PgConnection& conn) {
  auto row = conn.query(
                     "SELECT pg_get_userbyid(nspowner), obj_description(oid, 'pg_namespace') "
                     "FROM pg_namespace WHERE nspname = 'public'")
                 .rows.at(0);
  std::string sql = " CREATE SCHEMA public AUTHORIZATION " + quote_ident(row[0].value_or("")) + ";";
  if (row[1]) sql += " COMMENT ON SCHEMA public IS " + conn.quote_literal(*row[1]) + ";";
  auto grants = conn.query(
      "SELECT a.privilege_type, CASE WHEN a.grantee = 0 THEN NULL ELSE "
      "pg_get_userbyid(a.grantee) END, a.is_grantable FROM pg_namespace n, "
      "aclexplode(n.nspacl) a WHERE n.nspname = 'public' AND a.grantee <> n.nspowner");
  for (const auto& g : grants.rows) {
    sql += " GRANT " + g[0].value_or("USAGE") + " ON SCHEMA public TO " +
           (g[1] ? quote_ident(*g[1]) : std::string("PUBLIC")) +
           (g[2].value_or("f") == "t" ? " WITH GRANT OPTION;" : ";");
  }
  return sql;
}

// An owner-only temporary file for pg_restore's --use-list, removed afterwards.
class TempList {
 public:
  ~TempList() {
    if (!path_.empty()) {
      std::error_code ec;
      fs::remove(path_, ec);
    }
  }
  void write(const std::string& text) {
    path_ = fs::temp_directory_path() / ("godwit-restore-" + core::uuid_v4() + ".list");
    int fd = ::open(path_.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    if (fd >= 0) ::close(fd);
    if (!ok)
      throw core::Error("GW2604", "The restore list " + path_.string() + " could not be written.");
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// `pg_restore --list` of `file` without the entries that create `public` or set its comment.
std::string pg_backup_list_without_public(const ConnectionTarget& target, int server_major,
                                          const fs::path& file) {
  auto tool = require_tool("pg_restore", server_major, "`godwit backup restore`");
  ToolProcess p(tool, {"--list", file.string()}, &target);
  auto o = p.wait();
  if (o.exit_code != 0) {
    throw core::Error("GW2603", fmt::format("pg_restore --list {} failed (exit {}):\n{}",
                                            file.string(), o.exit_code, pg_backup_tail(o.err)));
  }
  static const std::regex kPublic(R"(^\d+; \d+ \d+ (SCHEMA - public |COMMENT - SCHEMA public ))");
  std::string out;
  std::istringstream in(o.out);
  for (std::string line; std::getline(in, line);) {
    if (!std::regex_search(line, kPublic)) out += line + "\n";
  }
  return out;
}

class PgScratch final : public backup::ScratchCopy {
 public:
  PgScratch(ConnectionTarget target) : target_(std::move(target)) {
    try {
      create_database(target_);
    } catch (const db::DatabaseError& e) {
      throw core::Error(
          "GW2604",
          fmt::format("The scratch database \"{}\" for `backup verify` could not be created: "
                      "{} ({})",
                      target_.database, e.message(), e.code()),
          "`backup verify` restores the backup into a temporary database on the same server: "
          "grant the user CREATEDB.");
    }
    created_ = true;
  }
  ~PgScratch() override {
    conn_.reset();  // its session would keep DROP DATABASE waiting
    if (!created_) return;
    try {
      drop_database(target_);
    } catch (...) {
      // A destructor has nowhere to report to; the name (godwit_verify_*) says what it was.
    }
  }
  void open() { conn_ = PgConnection::open(target_); }
  const ConnectionTarget& target() const { return target_; }
  db::Connection& connection() override { return *conn_; }
  std::string describe() const override {
    return fmt::format("scratch database \"{}\"", target_.database);
  }

 private:
  ConnectionTarget target_;
  bool created_ = false;
  std::unique_ptr<PgConnection> conn_;
};

}  // namespace

std::string PostgresArchiver::database_name(const project::DatabaseTarget& target) const {
  return parse_url(target.url, target.base_dir).database;
}

backup::Scope PostgresArchiver::scope(const project::DatabaseTarget& target,
                                      const std::vector<std::string>& datasource_schemas) const {
  backup::Scope s;
  s.namespaces = datasource_schemas;
  if (s.namespaces.empty()) s.namespaces.push_back(parse_url(target.url, target.base_dir).schema);
  std::sort(s.namespaces.begin(), s.namespaces.end());
  s.namespaces.erase(std::unique(s.namespaces.begin(), s.namespaces.end()), s.namespaces.end());
  return s;
}

backup::DumpInfo PostgresArchiver::dump(const project::DatabaseTarget& target,
                                        const backup::Scope& scope, const fs::path& out,
                                        const backup::SnapshotReader& read) const {
  auto t = parse_url(target.url, target.base_dir);
  auto conn = PgConnection::open(t);
  const int server_major = conn->server_version() / 10000;
  auto tool = require_tool("pg_dump", server_major, "`godwit backup create`");
  auto version = tool_version(tool);
  if (version.major < server_major) {
    throw core::Error(
        "GW2601",
        fmt::format("{} is older than the server (PostgreSQL {}): pg_dump cannot dump a newer "
                    "server ({}).",
                    version.text, pg_backup_server_version(*conn), tool.string()),
        fmt::format("Install pg_dump {0} or newer (Debian/Ubuntu: `apt-get install "
                    "postgresql-client-{0}`) and put it first on PATH.",
                    server_major));
  }
  backup::DumpInfo info{version.text, pg_backup_server_version(*conn), t.database};

  // One snapshot for pg_dump and the manifest's reads: the row counts and schema in the
  // manifest are exactly what the file holds, even while the application writes.
  conn->execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  auto snapshot = conn->query("SELECT pg_export_snapshot()").rows.at(0).at(0).value_or("");
  const auto list = pg_backup_literal_list(*conn, scope.namespaces);
  std::vector<std::string> present, extensions;
  for (const auto& row :
       conn->query("SELECT nspname FROM pg_namespace WHERE nspname IN (" + list + ") ORDER BY 1")
           .rows)
    present.push_back(row[0].value_or(""));
  if (present.empty()) {
    throw core::Error("GW2605",
                      fmt::format("Nothing to back up: database \"{}\" has no schema {}.",
                                  t.database, fmt::join(scope.namespaces, ", ")),
                      "The schema is created by the first `migrate deploy`.");
  }
  for (const auto& row :
       conn->query("SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = "
                   "e.extnamespace WHERE n.nspname IN (" +
                   list + ") ORDER BY 1")
           .rows)
    extensions.push_back(row[0].value_or(""));

  std::vector<std::string> args{"--format=custom", "--no-password", "--snapshot=" + snapshot,
                                "--file=" + out.string()};
  for (const auto& n : present)
    args.push_back("--schema=" + pg_backup_exact_pattern(n));
  for (const auto& e : extensions)
    args.push_back("--extension=" + pg_backup_exact_pattern(e));
  args.push_back("--dbname=" + conninfo_without_password(t));
  {
    // pg_dump works while this session reads the same snapshot for the manifest (the
    // snapshot lives as long as this transaction: it ends after pg_dump).
    ToolProcess p(tool, args, &t);
    if (read) read(*conn);
    auto o = p.wait();
    if (o.exit_code != 0) {
      throw core::Error("GW2602",
                        fmt::format("pg_dump of database \"{}\" failed (exit {}):\n{}", t.database,
                                    o.exit_code, pg_backup_tail(o.err)),
                        "Nothing was kept of the failed backup.");
    }
  }
  conn->execute("COMMIT");
  return info;
}

void PostgresArchiver::restore(const project::DatabaseTarget& target, const backup::Scope& scope,
                               const fs::path& file) const {
  auto t = parse_url(target.url, target.base_dir);
  auto conn = PgConnection::open(t);
  const int server_major = conn->server_version() / 10000;
  require_tool("pg_restore", server_major, "`godwit backup restore`");
  const bool locked = acquire_advisory_lock(*conn);
  // `public` is special to pg_dump: it assumes the schema exists with its default owner,
  // privileges and comment, and dumps only differences from them. So `public` is re-created
  // as it was (owner, grants, comment) and the dump's CREATE SCHEMA public is left out;
  // dropping it and letting pg_restore create it would lose the PUBLIC usage grant.
  const bool keep_public =
      std::find(scope.namespaces.begin(), scope.namespaces.end(), "public") !=
          scope.namespaces.end() &&
      !conn->query("SELECT 1 FROM pg_namespace WHERE nspname = 'public'").rows.empty();
  std::string sql = "BEGIN;";
  for (const auto& n : scope.namespaces)
    sql += " DROP SCHEMA IF EXISTS " + quote_ident(n) + " CASCADE;";
  if (keep_public) sql += pg_backup_recreate_public(*conn);
  conn->execute(sql + " COMMIT;");
  try {
    std::vector<std::string> extra{"--single-transaction"};
    TempList list;
    if (keep_public) {
      list.write(pg_backup_list_without_public(t, server_major, file));
      extra.push_back("--use-list=" + list.path().string());
    }
    pg_backup_run_restore(t, server_major, file, extra, "`godwit backup restore`");
  } catch (const core::Error& e) {
    throw core::Error(e.code(),
                      e.message() + fmt::format("\nThe schemas {} were dropped before pg_restore "
                                                "ran and are now missing.",
                                                fmt::join(scope.namespaces, ", ")),
                      "Fix the cause and run `godwit backup restore` again with the same file.");
  }
  if (locked) release_advisory_lock(*conn);
}

std::unique_ptr<backup::ScratchCopy> PostgresArchiver::restore_scratch(
    const project::DatabaseTarget& main, const backup::Scope& scope, const fs::path& file) const {
  auto t = parse_url(main.url, main.base_dir);
  std::string id = core::uuid_v4();
  id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
  auto scratch = std::make_unique<PgScratch>(t.with_database("godwit_verify_" + id));
  int server_major = 0;
  {
    // A new database has the template's `public`: the dump creates its schemas itself.
    auto conn = PgConnection::open(scratch->target());
    server_major = conn->server_version() / 10000;
    std::string drop;
    for (const auto& n : scope.namespaces)
      drop += "DROP SCHEMA IF EXISTS " + quote_ident(n) + " CASCADE;";
    conn->execute(drop);
  }
  pg_backup_run_restore(scratch->target(), server_major, file,
                        {"--single-transaction", "--no-owner"}, "`godwit backup verify`");
  scratch->open();
  return scratch;
}

}  // namespace godwit::postgres
