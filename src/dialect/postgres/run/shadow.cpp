// PostgreSQL shadow databases: a temporary database on the project database's server, as
// Prisma makes them (ENG sql-schema-connector `new_shadow_database_name`), dropped afterwards.
#include <fmt/format.h>

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/connect/url.hpp"
#include "dialect/postgres/run/migration_dialect.hpp"

namespace godwit::postgres {

namespace {

class PgShadow final : public migrate::ShadowDatabase {
 public:
  explicit PgShadow(ConnectionTarget target) : target_(std::move(target)) {
    try {
      create_database(target_);
    } catch (const db::DatabaseError& e) {
      throw core::Error(
          "P3014",
          fmt::format("Prisma Migrate could not create the shadow database. Please make sure "
                      "the database user has permission to create databases. Read more about "
                      "the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow"
                      "\n\nOriginal error: {} ({})",
                      e.message(), e.code()),
          "Grant the user CREATEDB, or point `shadowDatabaseUrl` in prisma.config.ts at a "
          "database godwit may reset.");
    }
    created_ = true;
    conn_ = PgConnection::open(target_);
    conn_->reuse_statement_plans();  // read back after every migration by down-gen and down
    if (!conn_->current_schema()) {
      conn_->execute(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", quote_ident(target_.schema)));
    }
  }

  ~PgShadow() override {
    conn_.reset();  // its session would keep DROP DATABASE waiting
    if (!created_) return;
    try {
      drop_database(target_);
    } catch (...) {
      // Nothing to report it to from a destructor; the name says what it was
      // (prisma_migrate_shadow_db_*), as with Prisma's own leftovers.
    }
  }

  db::Connection& connection() override { return *conn_; }

  std::unique_ptr<db::Connection> open_second() override {
    auto conn = PgConnection::open(target_);
    conn->reuse_statement_plans();  // as the first: it is read back after every migration
    return conn;
  }

 private:
  ConnectionTarget target_;
  bool created_ = false;
  std::unique_ptr<PgConnection> conn_;
};

}  // namespace

std::unique_ptr<migrate::ShadowDatabase> PostgresDialect::create_shadow(
    const project::DatabaseTarget& main) const {
  auto t = parse_url(main.url, main.base_dir);
  return std::make_unique<PgShadow>(t.with_database("prisma_migrate_shadow_db_" + core::uuid_v4()));
}

}  // namespace godwit::postgres
