#include "dialect/postgres/run/reset.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.hpp"
#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/connect/url.hpp"

namespace godwit::postgres {
namespace {

// The schemas Prisma resets: the datasource's `schemas`, else the URL's schema.
std::vector<std::string> schemas_to_reset(const ConnectionTarget& t,
                                          const std::vector<std::string>& namespaces) {
  if (!namespaces.empty()) return namespaces;
  return {t.schema};
}

}  // namespace

void PostgresResetter::reset(db::Connection& conn, const project::DatabaseTarget& target,
                             const std::vector<std::string>& namespaces) const {
  const auto t = parse_url(target.url, target.base_dir);
  // Prisma sends these one by one and falls back to dropping object by object when one fails;
  // in one transaction a failure leaves the database as it was. `IF EXISTS`: a configured
  // schema that does not exist yet is created empty instead of failing the reset.
  std::string sql = "BEGIN;\n";
  for (const auto& s : schemas_to_reset(t, namespaces)) {
    sql += fmt::format("DROP SCHEMA IF EXISTS {0} CASCADE;\nCREATE SCHEMA {0};\n", quote_ident(s));
  }
  // The history table of the URL's schema, when that schema was not among the reset ones (Prisma
  // drops it so that `migrate dev` sees the reset; it ignores a failure, hence IF EXISTS).
  sql += fmt::format("DROP TABLE IF EXISTS {}.\"_prisma_migrations\";\nCOMMIT;",
                     quote_ident(t.schema));
  try {
    conn.execute(sql);
  } catch (const db::DatabaseError& e) {
    if (conn.in_transaction()) {
      try {
        conn.execute("ROLLBACK");
      } catch (const db::DatabaseError&) {
        // The connection is unusable; the error below is what matters.
      }
    }
    throw core::Error("GW1235",
                      fmt::format("The database could not be reset: {} (code {}). Nothing was "
                                  "dropped.",
                                  e.message(), e.code().empty() ? "none" : e.code()),
                      "The reset drops and re-creates the schema(s): the database user must own "
                      "them (or be a superuser).");
  }
}

std::string PostgresResetter::reset_message(const project::DatabaseTarget& target,
                                            const std::vector<std::string>& namespaces) const {
  const auto t = parse_url(target.url, target.base_dir);
  // Prisma's DbPush text: ` schemas "a, b"` and "were" for several configured schemas.
  std::string out = fmt::format("The PostgreSQL database \"{}\"", t.database);
  if (namespaces.size() > 0) {
    out += fmt::format(" schema{} \"{}\"", namespaces.size() > 1 ? "s" : "",
                       fmt::join(namespaces, ", "));
  } else {
    out += fmt::format(" schema \"{}\"", t.schema);
  }
  out += fmt::format(" at \"{}:{}\" {} successfully reset.", t.host, t.port,
                     namespaces.size() > 1 ? "were" : "was");
  return out;
}

}  // namespace godwit::postgres
