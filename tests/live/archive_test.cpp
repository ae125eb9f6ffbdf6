// `migrate deploy --archive`, the restore in `migrate down`, `godwit archive list | drop`
// (issue 11) on a real SQLite file and the suite's PostgreSQL, with the real Prisma 7.10.1
// (GODWIT_PRISMA_ORACLE) as the judge of what the archive must not disturb:
// - a migration drops columns of many types (text with quotes, NULLs and a line break,
//   bytea/blob, timestamps, json, decimal, an enum on PostgreSQL) and the next drops a table;
//   deploy --archive, down: every value and row is back byte for byte (compared as text/hex),
//   and the sequence goes on past the restored ids;
// - Prisma's status, migrate diff and migrate dev (and godwit's diff and dev) against the
//   database see no archive (PostgreSQL: another schema; SQLite: another file);
// - archive list / drop (refused without --yes when not on a terminal);
// - godwit.toml: `[env.NAME] archive` defaults to `protected`; --no-archive wins;
// - a migration that fails after its archive leaves no archive; a dropped column of a table
//   without a key is refused before anything runs (GW2890);
// - SQLite's own ALTER TABLE ... DROP COLUMN comes back too; on PostgreSQL a down whose
//   re-created column cannot take the archived type is refused (GW2891), and --no-restore
//   reverts it keeping the archive.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "live/interop/interop_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;
using interop::Database;
using interop::Project;

const char* const kInit = "20240101000000_init";
const char* const kDropColumns = "20240102000000_drop_columns";
const char* const kDropLog = "20240103000000_drop_log";

std::string archive_schema(bool pg) {
  return std::string("datasource db {\n  provider = \"") + (pg ? "postgresql" : "sqlite") +
         "\"\n}\n\nmodel Item {\n  id    Int    @id @default(autoincrement())\n"
         "  label String\n}\n";
}

std::string archive_migration(bool pg, const std::string& name) {
  if (name == kInit) {
    return pg ? "-- CreateEnum\nCREATE TYPE \"Kind\" AS ENUM ('A', 'B');\n\n"
                "-- CreateTable\nCREATE TABLE \"Item\" (\n    \"id\" SERIAL NOT NULL,\n"
                "    \"label\" TEXT NOT NULL,\n    \"note\" TEXT,\n    \"blob\" BYTEA,\n"
                "    \"at\" TIMESTAMP(3),\n    \"meta\" JSONB,\n    \"price\" DECIMAL(65,30),\n"
                "    \"kind\" \"Kind\",\n\n    CONSTRAINT \"Item_pkey\" PRIMARY KEY "
                "(\"id\")\n);\n\n"
                "-- CreateTable\nCREATE TABLE \"Log\" (\n    \"id\" SERIAL NOT NULL,\n"
                "    \"message\" TEXT,\n    \"data\" BYTEA,\n    \"at\" TIMESTAMPTZ(6),\n\n"
                "    CONSTRAINT \"Log_pkey\" PRIMARY KEY (\"id\")\n);\n"
              : "-- CreateTable\nCREATE TABLE \"Item\" (\n    \"id\" INTEGER NOT NULL PRIMARY "
                "KEY AUTOINCREMENT,\n    \"label\" TEXT NOT NULL,\n    \"note\" TEXT,\n"
                "    \"blob\" BLOB,\n    \"at\" DATETIME,\n    \"meta\" JSONB,\n"
                "    \"price\" DECIMAL\n);\n\n"
                "-- CreateTable\nCREATE TABLE \"Log\" (\n    \"id\" INTEGER NOT NULL PRIMARY "
                "KEY AUTOINCREMENT,\n    \"message\" TEXT,\n    \"data\" BLOB,\n"
                "    \"at\" DATETIME\n);\n";
  }
  if (name == kDropColumns) {
    return pg ? "-- AlterTable\nALTER TABLE \"Item\" DROP COLUMN \"at\",\nDROP COLUMN \"blob\",\n"
                "DROP COLUMN \"kind\",\nDROP COLUMN \"meta\",\nDROP COLUMN \"note\",\n"
                "DROP COLUMN \"price\";\n\n-- DropEnum\nDROP TYPE \"Kind\";\n"
              // Prisma's table redefinition.
              : "-- RedefineTables\nPRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\n"
                "CREATE TABLE \"new_Item\" (\n    \"id\" INTEGER NOT NULL PRIMARY KEY "
                "AUTOINCREMENT,\n    \"label\" TEXT NOT NULL\n);\n"
                "INSERT INTO \"new_Item\" (\"id\", \"label\") SELECT \"id\", \"label\" FROM "
                "\"Item\";\nDROP TABLE \"Item\";\nALTER TABLE \"new_Item\" RENAME TO \"Item\";\n"
                "PRAGMA foreign_keys=ON;\nPRAGMA defer_foreign_keys=OFF;\n";
  }
  return "-- DropTable\nDROP TABLE \"Log\";\n";
}

void write_archive_source(const fs::path& dir, bool pg) {
  write_file(dir / "schema.prisma", archive_schema(pg));
  fs::create_directories(dir / "migrations");
  write_file(dir / "migrations" / "migration_lock.toml",
             std::string("provider = \"") + (pg ? "postgresql" : "sqlite") + "\"\n");
  for (const char* n : {kInit, kDropColumns, kDropLog})
    write_file(dir / "migrations" / n / "migration.sql", archive_migration(pg, n));
}

// Rows as text, exact: PostgreSQL's text output and bytea as hex; SQLite's quote() (which shows
// the storage class: 'text', X'blob', integer, real) and typeof().
std::string item_rows(const Database& db) {
  if (db.is_postgres()) {
    return db.query(
        "SELECT id, label, coalesce(quote_literal(note), 'NULL'), coalesce(encode(blob, 'hex'), "
        "'NULL'), coalesce(at::text, 'NULL'), coalesce(meta::text, 'NULL'), coalesce(price::text, "
        "'NULL'), coalesce(kind::text, 'NULL') FROM \"Item\" ORDER BY id");
  }
  return db.query(
      "SELECT id, quote(label), quote(note), quote(blob), typeof(blob), quote(at), typeof(at), "
      "quote(meta), typeof(meta), quote(price), typeof(price) FROM \"Item\" ORDER BY id");
}

std::string log_rows(const Database& db) {
  if (db.is_postgres()) {
    return db.query(
        "SELECT id, coalesce(quote_literal(message), 'NULL'), coalesce(encode(data, 'hex'), "
        "'NULL'), coalesce(at::text, 'NULL') FROM \"Log\" ORDER BY id");
  }
  return db.query(
      "SELECT id, quote(message), quote(data), quote(at), typeof(at) FROM \"Log\" ORDER BY id");
}

void fill(const Database& db) {
  if (db.is_postgres()) {
    db.query(
        "INSERT INTO \"Item\" (label, note, blob, at, meta, price, kind) VALUES "
        "('a', 'it''s \"quoted\"', '\\x00ff10'::bytea, '2024-02-29 12:34:56.789', "
        "'{\"k\": [1, 2.50, \"x\"], \"u\": \"\\u00e9\"}', "
        "12345678901234567890.123456789012345678901234567890, 'B'), "
        "('b', NULL, NULL, NULL, NULL, NULL, NULL), "
        "('c', E'line\\nbreak\\t\\u00e9', '\\x'::bytea, '1970-01-01 00:00:00', 'null', -0.5, "
        "'A');\n"
        "INSERT INTO \"Log\" (message, data, at) VALUES ('first', '\\xdeadbeef', "
        "'2024-01-01 10:00:00.123456+02'), (NULL, NULL, NULL), ('third', '\\x00', "
        "'2000-01-01 00:00:00+00');");
    return;
  }
  db.query(
      "INSERT INTO \"Item\" (label, note, blob, at, meta, price) VALUES "
      "('a', 'it''s \"quoted\"', X'00FF10', 1709210096789, '{\"k\":[1,2.50,\"x\"]}', "
      "'12345678901234567890.1234'), "
      "('b', NULL, NULL, NULL, NULL, NULL), "
      "('c', 'line' || char(10) || 'break', X'', '1970-01-01 00:00:00', 'null', -0.5);\n"
      "INSERT INTO \"Log\" (message, data, at) VALUES ('first', X'DEADBEEF', 1704096000123), "
      "(NULL, NULL, NULL), ('third', X'00', '2000-01-01T00:00:00.000Z');");
}

nlohmann::json archive_list(const Project& p, const Database& db) {
  auto r = interop::godwit(p, db, {"archive", "list", "--json"});
  EXPECT_EQ(r.exit_code, 0) << interop::describe(r);
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  if (!j.is_object() || !j.contains("archives")) {
    ADD_FAILURE() << "archive list --json: " << r.out;
    return nlohmann::json::array();
  }
  return j["archives"];
}

class Archive : public interop::ShadowCheckedTest {
 protected:
  bool pg() const { return GetParam() == "postgresql"; }
  // init deployed and filled; the two dropping migrations pending, with generated downs.
  void filled(TempDir& src, std::unique_ptr<Project>& p, std::unique_ptr<Database>& db) {
    write_archive_source(src.path(), pg());
    p = std::make_unique<Project>(src.path());
    db = std::make_unique<Database>(GetParam(), "archive");
    auto gen = interop::godwit(*p, *db, {"migrate", "down-gen"});
    ASSERT_EQ(gen.exit_code, 0) << interop::describe(gen);
    // Deploy only init first: the drops come later, on data.
    fs::rename(p->migrations() / kDropColumns, src.path() / "held1");
    fs::rename(p->migrations() / kDropLog, src.path() / "held2");
    auto init = interop::godwit(*p, *db, {"migrate", "deploy"});
    ASSERT_EQ(init.exit_code, 0) << interop::describe(init);
    fs::rename(src.path() / "held1", p->migrations() / kDropColumns);
    fs::rename(src.path() / "held2", p->migrations() / kDropLog);
    fill(*db);
  }
};

TEST_P(Archive, DroppedColumnsAndTableComeBackByteForByteAfterDown) {
  TempDir src;
  std::unique_ptr<Project> p;
  std::unique_ptr<Database> db;
  filled(src, p, db);
  if (HasFatalFailure()) return;
  const std::string items = item_rows(*db);
  const std::string logs = log_rows(*db);
  ASSERT_NE(items.find("quoted"), std::string::npos) << items;

  auto deploy = interop::godwit(*p, *db, {"migrate", "deploy", "--archive"});
  ASSERT_EQ(deploy.exit_code, 0) << interop::describe(deploy);
  EXPECT_FALSE(db->has_table("Log"));
  EXPECT_NE(deploy.err.find("archived column"), std::string::npos) << interop::describe(deploy);

  auto listed = archive_list(*p, *db);
  ASSERT_EQ(listed.size(), pg() ? 7u : 6u) << listed.dump(2);
  std::size_t columns = 0;
  for (const auto& a : listed) {
    EXPECT_EQ(a["rows"], 3) << a.dump();
    if (a["kind"] == "column") {
      ++columns;
      EXPECT_EQ(a["migration"], kDropColumns);
      EXPECT_EQ(a["keyColumns"], nlohmann::json::array({"id"}));
    } else {
      EXPECT_EQ(a["migration"], kDropLog);
      EXPECT_EQ(a["table"], "Log");
    }
  }
  EXPECT_EQ(columns, pg() ? 6u : 5u);
  auto text = interop::godwit(*p, *db, {"archive", "list"});
  EXPECT_EQ(text.exit_code, 0) << interop::describe(text);
  EXPECT_NE(text.out.find(pg() ? "table public.Log" : "table main.Log"), std::string::npos)
      << text.out;

  // Prisma sees no archive: up to date, and no drift between the migrations and the database.
  auto status = interop::prisma(*p, *db, {"migrate", "status"});
  EXPECT_EQ(status.exit_code, 0) << interop::describe(status);
  EXPECT_NE(status.out.find("Database schema is up to date!"), std::string::npos)
      << interop::describe(status);
  auto diff = interop::prisma(*p, *db,
                              {"migrate", "diff", "--from-migrations", "migrations",
                               "--to-config-datasource", "--exit-code"});
  EXPECT_EQ(diff.exit_code, 0) << interop::describe(diff);
  auto gdiff = interop::godwit(*p, *db,
                               {"migrate", "diff", "--from-migrations", "migrations",
                                "--to-config-datasource", "--exit-code"});
  EXPECT_EQ(gdiff.exit_code, 0) << interop::describe(gdiff);
  // migrate dev of both tools: no drift, nothing to do.
  for (const bool by_prisma : {false, true}) {
    const std::vector<std::string> args{"migrate", "dev", "--name", "nothing"};
    auto dev = by_prisma ? interop::prisma(*p, *db, args) : interop::godwit(*p, *db, args);
    EXPECT_EQ(dev.exit_code, 0) << interop::describe(dev);
    EXPECT_NE(dev.out.find("Already in sync, no schema change or pending migration was found."),
              std::string::npos)
        << interop::describe(dev);
  }

  // The dry run says what would come back and changes nothing.
  auto dry = interop::godwit(*p, *db, {"migrate", "down", "--steps", "2", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << interop::describe(dry);
  EXPECT_NE(dry.out.find("-- would restore table"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("-- would restore column"), std::string::npos) << dry.out;
  EXPECT_EQ(archive_list(*p, *db).size(), listed.size());

  auto down = interop::godwit(*p, *db, {"migrate", "down", "--steps", "2"});
  ASSERT_EQ(down.exit_code, 0) << interop::describe(down);
  EXPECT_NE(down.out.find("Restored"), std::string::npos) << down.out;
  EXPECT_EQ(item_rows(*db), items);
  EXPECT_EQ(log_rows(*db), logs);
  EXPECT_TRUE(archive_list(*p, *db).empty());
  // The sequence goes on after the restored ids.
  db->query("INSERT INTO \"Log\" (message) VALUES ('after')");
  EXPECT_EQ(db->query("SELECT max(id) FROM \"Log\""), "4\n");

  // Both tools agree the two migrations are pending again.
  auto after = interop::prisma(*p, *db, {"migrate", "status"});
  EXPECT_EQ(after.exit_code, 1) << interop::describe(after);
  EXPECT_NE(after.out.find(std::string("have not yet been applied:\n") + kDropColumns + "\n" +
                           kDropLog + "\n"),
            std::string::npos)
      << interop::describe(after);
}

TEST_P(Archive, ListAndDropNeedYesWhenNotOnATerminal) {
  TempDir src;
  std::unique_ptr<Project> p;
  std::unique_ptr<Database> db;
  filled(src, p, db);
  if (HasFatalFailure()) return;
  auto deploy = interop::godwit(*p, *db, {"migrate", "deploy", "--archive"});
  ASSERT_EQ(deploy.exit_code, 0) << interop::describe(deploy);
  const auto all = archive_list(*p, *db).size();

  auto refused = interop::godwit(*p, *db, {"archive", "drop", "--migration", kDropLog});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("GW2896"), std::string::npos) << interop::describe(refused);
  EXPECT_EQ(archive_list(*p, *db).size(), all);

  auto neither = interop::godwit(*p, *db, {"archive", "drop", "--yes"});
  EXPECT_NE(neither.err.find("GW2894"), std::string::npos) << interop::describe(neither);

  auto one = interop::godwit(*p, *db, {"archive", "drop", "--migration", kDropLog, "--yes"});
  ASSERT_EQ(one.exit_code, 0) << interop::describe(one);
  auto left = archive_list(*p, *db);
  EXPECT_EQ(left.size(), all - 1);
  for (const auto& a : left)
    EXPECT_EQ(a["migration"], kDropColumns);

  auto none_old = interop::godwit(*p, *db, {"archive", "drop", "--older-than", "1", "--yes"});
  ASSERT_EQ(none_old.exit_code, 0) << interop::describe(none_old);
  EXPECT_EQ(archive_list(*p, *db).size(), all - 1);

  auto rest = interop::godwit(*p, *db, {"archive", "drop", "--all", "--yes"});
  ASSERT_EQ(rest.exit_code, 0) << interop::describe(rest);
  EXPECT_TRUE(archive_list(*p, *db).empty());

  // Without archives the down still runs (no data comes back: the archive was dropped).
  auto down = interop::godwit(*p, *db, {"migrate", "down"});
  ASSERT_EQ(down.exit_code, 0) << interop::describe(down);
  EXPECT_TRUE(db->has_table("Log"));
  EXPECT_EQ(db->query("SELECT count(*) FROM \"Log\""), "0\n");
}

TEST_P(Archive, FailingMigrationLeavesNoArchiveAndKeylessTableIsRefused) {
  TempDir src;
  std::unique_ptr<Project> p;
  std::unique_ptr<Database> db;
  filled(src, p, db);
  if (HasFatalFailure()) return;
  fs::remove_all(p->migrations() / kDropColumns);
  fs::remove_all(p->migrations() / kDropLog);
  // Drops a column, then fails: the migration and its archive roll back together.
  p->put_migration(
      "20240105000000_fails",
      "ALTER TABLE \"Item\" DROP COLUMN \"note\";\nINSERT INTO \"Missing\" VALUES (1);\n");
  auto failed = interop::godwit(*p, *db, {"migrate", "deploy", "--archive"});
  EXPECT_NE(failed.exit_code, 0);
  EXPECT_NE(failed.err.find("P3018"), std::string::npos) << interop::describe(failed);
  EXPECT_TRUE(archive_list(*p, *db).empty());
  EXPECT_NE(item_rows(*db).find("quoted"), std::string::npos);
  auto resolved =
      interop::godwit(*p, *db, {"migrate", "resolve", "--rolled-back", "20240105000000_fails"});
  ASSERT_EQ(resolved.exit_code, 0) << interop::describe(resolved);
  fs::remove_all(p->migrations() / "20240105000000_fails");

  // A table without a key: its dropped column's values could not find their rows again.
  p->put_migration("20240106000000_nokey", "CREATE TABLE \"NoKey\" (\"a\" TEXT, \"b\" TEXT);\n");
  auto nokey = interop::godwit(*p, *db, {"migrate", "deploy"});
  ASSERT_EQ(nokey.exit_code, 0) << interop::describe(nokey);
  db->query("INSERT INTO \"NoKey\" VALUES ('x', 'y')");
  p->put_migration("20240107000000_drop_b", "ALTER TABLE \"NoKey\" DROP COLUMN \"b\";\n");
  auto refused = interop::godwit(*p, *db, {"migrate", "deploy", "--archive"});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("GW2890"), std::string::npos) << interop::describe(refused);
  EXPECT_EQ(db->query("SELECT count(*) FROM _prisma_migrations WHERE migration_name = "
                      "'20240107000000_drop_b'"),
            "0\n");
  EXPECT_EQ(db->query("SELECT b FROM \"NoKey\""), "y\n");
  // --no-archive runs it as Prisma would.
  auto plain = interop::godwit(*p, *db, {"migrate", "deploy", "--no-archive"});
  EXPECT_EQ(plain.exit_code, 0) << interop::describe(plain);
}

TEST_P(Archive, PlainDropColumnAndTheTypeCheckOfTheDown) {
  TempDir src;
  std::unique_ptr<Project> p;
  std::unique_ptr<Database> db;
  filled(src, p, db);
  if (HasFatalFailure()) return;
  fs::remove_all(p->migrations() / kDropColumns);
  fs::remove_all(p->migrations() / kDropLog);
  const std::string items = item_rows(*db);
  const std::string name = "20240108000000_drop_note";
  if (pg()) {
    // The column changes type before it is dropped: the archive holds varchar(50) values and
    // the verified down re-creates the column as it was before the migration (text), which is
    // not the archived type: refused before anything runs.
    p->put_migration(name,
                     "ALTER TABLE \"Item\" ALTER COLUMN \"note\" TYPE VARCHAR(50);\n"
                     "ALTER TABLE \"Item\" DROP COLUMN \"note\";\n");
  } else {
    // SQLite's own ALTER TABLE ... DROP COLUMN (Prisma writes a redefinition instead).
    p->put_migration(name, "ALTER TABLE \"Item\" DROP COLUMN \"note\";\n");
  }
  write_file(p->migrations() / name / "down.sql",
             "ALTER TABLE \"Item\" ADD COLUMN \"note\" TEXT;\n");
  auto deploy = interop::godwit(*p, *db, {"migrate", "deploy", "--archive"});
  ASSERT_EQ(deploy.exit_code, 0) << interop::describe(deploy);
  ASSERT_EQ(archive_list(*p, *db).size(), 1u);
  if (!pg()) {
    auto down = interop::godwit(*p, *db, {"migrate", "down"});
    ASSERT_EQ(down.exit_code, 0) << interop::describe(down);
    EXPECT_EQ(item_rows(*db), items);
    EXPECT_TRUE(archive_list(*p, *db).empty());
    return;
  }
  auto down = interop::godwit(*p, *db, {"migrate", "down"});
  EXPECT_NE(down.exit_code, 0);
  EXPECT_NE(down.err.find("GW2891"), std::string::npos) << interop::describe(down);
  EXPECT_NE(down.err.find("character varying(50)"), std::string::npos) << interop::describe(down);
  EXPECT_EQ(archive_list(*p, *db).size(), 1u);
  EXPECT_EQ(
      db->query("SELECT count(*) FROM _prisma_migrations WHERE migration_name = '" + name + "'"),
      "1\n");
  // --no-restore reverts it and keeps the archive.
  auto kept = interop::godwit(*p, *db, {"migrate", "down", "--no-restore"});
  ASSERT_EQ(kept.exit_code, 0) << interop::describe(kept);
  EXPECT_EQ(archive_list(*p, *db).size(), 1u);
  EXPECT_EQ(db->query("SELECT count(*) FROM \"Item\" WHERE note IS NOT NULL"), "0\n");
}

TEST_P(Archive, EnvironmentsArchiveByDefaultWhenProtected) {
  TempDir src;
  std::unique_ptr<Project> p;
  std::unique_ptr<Database> db;
  filled(src, p, db);
  if (HasFatalFailure()) return;
  // `archive` defaults to `protected`; --no-archive wins over both.
  write_file(p->root() / "godwit.toml",
             "[env.prod]\nprotected = true\nlint_stops_deploy = \"never\"\n\n"
             "[env.staging]\nlint_stops_deploy = \"never\"\n\n"
             "[env.qa]\narchive = true\n");
  auto off =
      interop::godwit(*p, *db, {"migrate", "deploy", "--env", "prod", "--yes", "--no-archive"});
  ASSERT_EQ(off.exit_code, 0) << interop::describe(off);
  EXPECT_TRUE(archive_list(*p, *db).empty());
  auto down = interop::godwit(*p, *db, {"migrate", "down", "--steps", "2"});
  ASSERT_EQ(down.exit_code, 0) << interop::describe(down);

  auto staging = interop::godwit(*p, *db, {"migrate", "deploy", "--env", "staging"});
  ASSERT_EQ(staging.exit_code, 0) << interop::describe(staging);
  EXPECT_TRUE(archive_list(*p, *db).empty());
  ASSERT_EQ(interop::godwit(*p, *db, {"migrate", "down", "--steps", "2"}).exit_code, 0);

  auto prod = interop::godwit(*p, *db, {"migrate", "deploy", "--env", "prod", "--yes"});
  ASSERT_EQ(prod.exit_code, 0) << interop::describe(prod);
  EXPECT_EQ(archive_list(*p, *db).size(), pg() ? 7u : 6u);
  ASSERT_EQ(interop::godwit(*p, *db, {"migrate", "down", "--steps", "2"}).exit_code, 0);
  EXPECT_TRUE(archive_list(*p, *db).empty());

  auto qa = interop::godwit(*p, *db, {"migrate", "deploy", "--env", "qa"});
  ASSERT_EQ(qa.exit_code, 0) << interop::describe(qa);
  EXPECT_EQ(archive_list(*p, *db).size(), pg() ? 7u : 6u);
}

INSTANTIATE_TEST_SUITE_P(Providers, Archive, ::testing::Values("postgresql", "sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace godwit::test
