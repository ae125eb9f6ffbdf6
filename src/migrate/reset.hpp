#pragma once
// Emptying a database as Prisma's schema engine `reset` does (prisma-compat.md §1.6), for
// `migrate reset` and `db push --force-reset`. Each dialect implements it
// (dialect/<name>/reset.cpp); dialect::Parts::resetter hands it out.

#include <string>
#include <vector>

#include "db/connection.hpp"
#include "project/target.hpp"

namespace godwit::migrate {

class Resetter {
 public:
  virtual ~Resetter() = default;

  /// Drops every object of the database behind `conn`, `_prisma_migrations` included, as one
  /// transaction where the database allows it (nothing is dropped when it fails).
  /// - PostgreSQL: `DROP SCHEMA "<s>" CASCADE` and `CREATE SCHEMA "<s>"` for each of
  ///   `namespaces` (the datasource's `schemas`), or for the URL's schema when it is empty, then
  ///   `_prisma_migrations` of the URL's schema if it is still there (Prisma's reset).
  /// - SQLite: every table, view, index and trigger dropped (Prisma truncates the file).
  /// Errors: GW1235 with the database's message when a statement is refused.
  virtual void reset(db::Connection& conn, const project::DatabaseTarget& target,
                     const std::vector<std::string>& namespaces) const = 0;

  /// Prisma's line after a reset, e.g. `The PostgreSQL database "app" schema "public" at
  /// "localhost:5432" was successfully reset.` (no trailing newline).
  virtual std::string reset_message(const project::DatabaseTarget& target,
                                    const std::vector<std::string>& namespaces) const = 0;
};

}  // namespace godwit::migrate
