// The parts of godwit's man page that its command tree does not hold (docgen::ManExtras).
#include "cli/app.hpp"

namespace godwit::cli {

docgen::ManExtras man_extras(std::string date) {
  docgen::ManExtras m;
  m.date = std::move(date);
  m.version = "godwit " + std::string(version());
  m.description = {
      "godwit reads the same prisma/schema.prisma, the same "
      "prisma/migrations/<timestamp>_<name>/migration.sql folders and migration_lock.toml, and "
      "writes the same _prisma_migrations history table with the same checksums as Prisma "
      "Migrate, so a project can switch between the two tools on the same database. SQLite and "
      "PostgreSQL are supported.",
      "The schema is prisma/schema.prisma, then ./schema.prisma, unless --schema names a file "
      "or a folder of .prisma files. The database URL is the datasource's url, usually "
      "env(\"DATABASE_URL\"), looked up in the environment, then in a .env file next to the "
      "schema, then in .env in the current directory; --url overrides it.",
      "Errors print \"Error: <code>\" (Prisma's P-codes where Prisma has one, GW-codes "
      "otherwise), then what happened, where (file:line), and what to do.",
  };
  m.exit_status = {
      {"0", "Success; for migrate status: the database is up to date."},
      {"1",
       "An error, including an invalid command line; for migrate status: migrations are "
       "pending, failed or diverged, or the database is not managed by Prisma Migrate (with "
       "--strict also: migrations edited after they were applied or missing locally)."},
      {"2", "migrate diff --exit-code: the diff is not empty."},
  };
  m.environment = {
      {"DATABASE_URL",
       "The database URL when the schema's datasource reads it (url = env(\"DATABASE_URL\")) "
       "and --url is not given; any variable the datasource names is read the same way."},
      {"PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK",
       "Any value but empty or 0: migrate commands take no lock (as Prisma)."},
  };
  m.see_also = {
      "The Prisma Migrate documentation: https://www.prisma.io/docs/orm/prisma-migrate; "
      "godwit's README.md and docs/error-codes.md (every error code) in its source tree.",
  };
  return m;
}

}  // namespace godwit::cli
