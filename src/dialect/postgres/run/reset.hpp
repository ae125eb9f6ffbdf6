#pragma once
// PostgreSQL's reset (migrate/reset.hpp): Prisma's `PostgresFlavour::reset` (ENG
// flavour/postgres.rs), as one transaction.

#include "migrate/reset.hpp"

namespace godwit::postgres {

class PostgresResetter final : public migrate::Resetter {
 public:
  void reset(db::Connection& conn, const project::DatabaseTarget& target,
             const std::vector<std::string>& namespaces) const override;
  std::string reset_message(const project::DatabaseTarget& target,
                            const std::vector<std::string>& namespaces) const override;
};

}  // namespace godwit::postgres
