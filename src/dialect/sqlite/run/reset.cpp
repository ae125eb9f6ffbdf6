#include "dialect/sqlite/run/reset.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "dialect/sqlite/connect/url.hpp"

namespace godwit::sqlite {
namespace {

std::string quote_sqlite_name(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void rollback_quietly(db::Connection& conn) {
  try {
    if (conn.in_transaction()) conn.execute("ROLLBACK");
  } catch (const db::DatabaseError&) {
    // The error that made us roll back is the one reported.
  }
}

}  // namespace

void SqliteResetter::reset(db::Connection& conn, const project::DatabaseTarget& target,
                           const std::vector<std::string>& namespaces) const {
  (void)target;
  (void)namespaces;  // SQLite has one schema, "main"
  try {
    // Foreign keys off (a no-op inside a transaction, hence before BEGIN) so that dropping a
    // referenced table does not check the rows that point at it; the connection's setting
    // (on) is restored afterwards.
    conn.execute("PRAGMA foreign_keys=OFF");
    conn.execute("BEGIN IMMEDIATE");
    // Views first (a view over a dropped table would stay behind, broken); a table's indexes
    // and triggers go with it. SQLite's own tables (sqlite_sequence, sqlite_stat*) stay:
    // they cannot be dropped, and sqlite_sequence is emptied below.
    auto rows = conn.query(
        "SELECT type, name FROM sqlite_schema WHERE type IN ('view', 'table') AND name NOT LIKE "
        "'sqlite\\_%' ESCAPE '\\' ORDER BY type = 'table', name");
    bool has_sequence =
        !conn.query("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'").rows.empty();
    std::string sql;
    for (const auto& r : rows.rows) {
      sql += fmt::format("DROP {} {};\n", r[0].value_or("") == "view" ? "VIEW" : "TABLE",
                         quote_sqlite_name(r[1].value_or("")));
    }
    if (has_sequence) sql += "DELETE FROM sqlite_sequence;\n";
    // Prisma's truncated file has user_version 0 too.
    sql += "PRAGMA user_version = 0;\n";
    conn.execute(sql);
    conn.execute("COMMIT");
    conn.execute("PRAGMA foreign_keys=ON");
    // The space goes back to the file system, as with Prisma's truncation.
    conn.execute("VACUUM");
  } catch (const db::DatabaseError& e) {
    rollback_quietly(conn);
    try {
      conn.execute("PRAGMA foreign_keys=ON");
    } catch (const db::DatabaseError&) {
      // Reported below.
    }
    throw core::Error("GW1235",
                      fmt::format("The database could not be reset: {} (code {}).", e.message(),
                                  e.code().empty() ? "none" : e.code()),
                      "Nothing was dropped unless the message is about VACUUM; close other "
                      "programs that hold the database file open and run the command again.");
  }
}

std::string SqliteResetter::reset_message(const project::DatabaseTarget& target,
                                          const std::vector<std::string>& namespaces) const {
  (void)namespaces;
  auto t = parse_url(target.url, target.base_dir);
  return fmt::format("The SQLite database \"{}\" at \"{}\" was successfully reset.",
                     t.file.filename().string(), target.display);
}

}  // namespace godwit::sqlite
