// PostgreSQL's ReadBack (dialect/postgres/introspect/read_back.cpp) against whole reads: every
// PostgreSQL history of ../shared/corpus replayed migration by migration on a fresh database, read
// back after each one (only the tables its statements name are read again) and read whole; the two
// catalogs' dumps and their warnings must be the same at every step. Then the fallbacks: a DO
// block, a renamed enum, a renamed referenced column, an index dropped by name, and an event
// trigger, each of which a read limited to the named tables would get wrong.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/connect/url.hpp"
#include "dialect/registry.hpp"
#include "live/interop/interop_support.hpp"
#include "migrate/dialect.hpp"
#include "migrate/migrations_dir.hpp"
#include "schema/dump.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

struct Replay {
  explicit Replay(const std::string& url)
      : conn(postgres::PgConnection::open(postgres::parse_url(url))),
        parts(*dialect::find_parts("postgresql")),
        runner(*dialect::find("postgresql")),
        read_back(parts.inspector->read_back(options)) {
    conn->reuse_statement_plans();  // as a shadow database's connection
    read_back->read(*conn, {});
  }

  // Applies `sql`, then returns "" when the read-back equals a whole read, else both dumps.
  std::string apply_and_compare(const std::string& sql) {
    auto failure = runner.apply(*conn, runner.split(sql), migrate::HistoryWrites{});
    if (failure) return "the script failed: " + failure->db_message;
    const auto back = read_back->read(*conn, {sql});
    const auto whole = parts.inspector->inspect(*conn, options);
    const std::string a = schema::dump(back.catalog) + schema::format_warnings(back.warnings);
    const std::string b = schema::dump(whole.catalog) + schema::format_warnings(whole.warnings);
    return a == b ? "" : "read back:\n" + a + "\nwhole:\n" + b;
  }

  std::unique_ptr<postgres::PgConnection> conn;
  const dialect::Parts& parts;
  const migrate::Dialect& runner;
  schema::InspectOptions options;
  std::unique_ptr<schema::ReadBack> read_back;
};

std::vector<interop::CorpusHistory> postgres_histories() {
  std::vector<interop::CorpusHistory> out;
  for (const auto& h : interop::corpus_histories()) {
    if (h.provider == "postgresql") out.push_back(h);
  }
  return out;
}

class ReadBackCorpus : public ::testing::TestWithParam<interop::CorpusHistory> {};

TEST_P(ReadBackCorpus, EveryReadBackEqualsAWholeRead) {
  GODWIT_REQUIRE_PG();
  const fs::path history = corpus_dir() / GetParam().name;
  GODWIT_REQUIRE_LIVE_PART(fs::exists(history / "migrations"), "the corpus: " + history.string());
  PgDatabase db("read_back");
  Replay replay(db.url());
  const auto folder = migrate::read_migrations_dir(history / "migrations");
  ASSERT_FALSE(folder.migrations.empty());
  for (const auto& m : folder.migrations) {
    ASSERT_TRUE(m.script) << m.name;
    const std::string difference = replay.apply_and_compare(*m.script);
    ASSERT_EQ(difference, "") << "after " << m.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, ReadBackCorpus, ::testing::ValuesIn(postgres_histories()),
                         interop::corpus_test_name);

const char* const kStart = R"sql(
CREATE TYPE "Role" AS ENUM ('ADMIN', 'USER');
CREATE TABLE "Team" ("id" INTEGER NOT NULL, "name" TEXT NOT NULL,
  CONSTRAINT "Team_pkey" PRIMARY KEY ("id"));
CREATE TABLE "User" ("id" INTEGER NOT NULL, "teamId" INTEGER, "role" "Role" NOT NULL DEFAULT 'USER',
  CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE INDEX "User_teamId_idx" ON "User"("teamId");
ALTER TABLE "User" ADD CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId")
  REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
)sql";

TEST(ReadBack, WhatANamedTableReadCannotSeeIsReadWhole) {
  GODWIT_REQUIRE_PG();
  PgDatabase db("read_back_cases");
  Replay replay(db.url());
  const std::vector<std::string> steps = {
      kStart,
      // The referenced column renamed: "User"'s foreign key names it.
      R"(ALTER TABLE "Team" RENAME COLUMN "id" TO "teamKey";)",
      // The referenced table renamed.
      R"(ALTER TABLE "Team" RENAME TO "Squad";)",
      // An index dropped by its name alone.
      R"(DROP INDEX "User_teamId_idx";)",
      // A renamed enum: "User"."role" changes type name without "User" being named.
      R"(ALTER TYPE "Role" RENAME TO "Kind";)",
      // A DO block that adds a column.
      R"(DO $$ BEGIN EXECUTE 'ALTER TABLE "Squad" ADD COLUMN "motto" TEXT'; END $$;)",
      // Rows only: nothing to read again.
      R"(INSERT INTO "Squad" ("teamKey", "name") VALUES (1, 'a'); UPDATE "Squad" SET "name" = 'b';)",
      // An event trigger that adds a column to every new table behind the statement's back.
      R"sql(CREATE FUNCTION add_note() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = '"Squad"'::regclass
                 AND attname = 'note') THEN
    EXECUTE 'ALTER TABLE "Squad" ADD COLUMN "note" TEXT';
  END IF;
END $$;
CREATE EVENT TRIGGER add_note ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
  EXECUTE FUNCTION add_note();)sql",
      R"(CREATE TABLE "Other" ("id" INTEGER NOT NULL);)",
  };
  for (const auto& sql : steps) {
    EXPECT_EQ(replay.apply_and_compare(sql), "") << sql;
  }
  EXPECT_NE(schema::dump(replay.parts.inspector->inspect(*replay.conn, replay.options).catalog)
                .find("note"),
            std::string::npos)
      << "the event trigger did not run: the last step proves nothing";
}

}  // namespace
}  // namespace godwit::test
