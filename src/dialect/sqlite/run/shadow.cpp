// SQLite shadow databases: a private in-memory database, as Prisma's (ENG sqlite.rs
// `sql_schema_from_migration_history`); it is gone when its connection closes.
#include "dialect/sqlite/connect/connection.hpp"
#include "dialect/sqlite/run/migration_dialect.hpp"

namespace godwit::sqlite {

namespace {

class MemoryShadow final : public migrate::ShadowDatabase {
 public:
  MemoryShadow() : conn_(SqliteConnection::open(":memory:", /*create=*/true)) {}
  db::Connection& connection() override { return *conn_; }

 private:
  std::unique_ptr<SqliteConnection> conn_;
};

}  // namespace

std::unique_ptr<migrate::ShadowDatabase> SqliteDialect::create_shadow(
    const project::DatabaseTarget& /*main*/) const {
  return std::make_unique<MemoryShadow>();
}

}  // namespace godwit::sqlite
