#pragma once
// SQLite's reset (migrate/reset.hpp). Prisma truncates the database file under its open
// connection (ENG flavour/sqlite connector `reset`); godwit drops every object in one
// transaction instead, which leaves no file half written and works with a WAL journal or
// another open connection.

#include "migrate/reset.hpp"

namespace godwit::sqlite {

class SqliteResetter final : public migrate::Resetter {
 public:
  void reset(db::Connection& conn, const project::DatabaseTarget& target,
             const std::vector<std::string>& namespaces) const override;
  std::string reset_message(const project::DatabaseTarget& target,
                            const std::vector<std::string>& namespaces) const override;
};

}  // namespace godwit::sqlite
