#pragma once
// Introspection: a live database read into the dialect-neutral catalog (schema/catalog.hpp),
// the same model the Prisma schema builder makes (psl/catalog_builder.hpp), so that a database
// migrated from a Prisma schema introspects to the catalog that schema builds, and
// `migrate diff --from-empty --to-url <db> --script` prints what Prisma prints for that database.
//
// Each dialect follows Prisma's describer (ENG libs/sql-schema-describer, prisma-compat.md §7)
// for what it reads and how it normalises types and defaults:
// - PostgreSQL (dialect/postgres/introspect/introspect*.cpp): pg_catalog only (never
//   information_schema), one query per object kind for all tables of the requested namespaces
//   (a small fixed number, never one per table). Needs PostgreSQL 11 or later
//   (pg_index.indnkeyatts; tested on 15).
// - SQLite (dialect/sqlite/introspect/introspect.cpp): sqlite_schema and the PRAGMA table-valued
//   functions (pragma_table_xinfo, pragma_index_list, pragma_index_xinfo,
//   pragma_foreign_key_list), joined to sqlite_schema so that each PRAGMA is one query for all
//   tables.
//
// Order of objects: tables, enums, views and sequences sorted by (namespace, name) in byte
// order, columns in column order, indexes by name within their table (the primary key first),
// foreign keys by name within their table (PostgreSQL) or in PRAGMA order (SQLite): Prisma's
// describer order, which decides the order of Prisma's script.
//
// Namespaces: PostgreSQL names every object's namespace, and the catalog's `default_namespace`
// is left empty, so renderers qualify every name ("public"."User") and `CREATE SCHEMA IF NOT
// EXISTS "public"` comes first, as Prisma renders a schema it read from a database. SQLite
// catalogs hold the one namespace "main", which is the default.
//
// What the model cannot express is not dropped silently: it is left out of the catalog and
// reported as an InspectWarning (expression indexes, exclusion constraints, partitions of a
// partitioned table, generated columns, ...), so that callers can say what a script made from
// the catalog will not re-create.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "schema/catalog.hpp"

namespace godwit::db {
class Connection;
}

namespace godwit::schema {

/// What to read.
struct InspectOptions {
  /// PostgreSQL schemas to read (the datasource's `schemas = [...]`); empty: the connection's
  /// current schema (the URL's `?schema=`, else "public"). Ignored on SQLite.
  std::vector<std::string> namespaces;
  /// Tables and enums to leave out, as prisma.config.ts's `tables.external` /
  /// `enums.external` name them: "name" (in any namespace read) or "namespace.name".
  /// `_prisma_migrations` is always left out.
  std::vector<std::string> external_tables;
  std::vector<std::string> external_enums;
  /// Read extensions (PostgreSQL). Prisma reads them only with the `postgresqlExtensions`
  /// preview feature; otherwise a script never creates them.
  bool extensions = false;
  /// Read partial index predicates into the model (Index::predicate) and set
  /// Catalog::partial_indexes, so that a diff compares them: Prisma reads them so only with
  /// the `partialIndexes` preview feature (PostgreSQL; SQLite's are not read, as in Prisma
  /// 7.10.1). Without it a partial index is read as a whole-table one, with a warning.
  bool partial_indexes = false;
  /// Read each view's columns and comments (View::columns): `db pull` with Prisma's `views`
  /// preview feature, which writes views as `view` blocks. Otherwise only their definitions.
  bool views = false;
  /// A second connection to the same database, on which the inspector may run some of its
  /// catalog queries while it reads others on the first (PostgreSQL: indexes, foreign keys
  /// and checks while tables and columns are read; 500 tables: the server's ~100 ms become
  /// ~60). Called once per inspect(), on another thread; the connection stays the caller's
  /// and must stay open until inspect() returns. Null, a failure to open it, or a query failing
  /// on it only means those queries run on the first connection. Unset: one connection.
  /// dialect::inspect_database opens one for its one-off read of a live database;
  /// down::ShadowReplay keeps one open for all its reads of a shadow database.
  std::function<db::Connection*()> second_connection;
};

/// Something in the database that the catalog does not hold (or holds only in part).
struct InspectWarning {
  std::string object;   ///< e.g. `index "public"."User_lower_email_idx"`
  std::string message;  ///< what was left out and why, one sentence
  friend bool operator==(const InspectWarning&, const InspectWarning&) = default;
};

struct Inspection {
  Catalog catalog;
  std::vector<InspectWarning> warnings;  ///< in the order they were found
};

/// The stable text form of warnings for golden files and the CLI: one line each,
/// `warning: <object>: <message>`.
std::string format_warnings(const std::vector<InspectWarning>& warnings);

/// Reads one database again and again while scripts change it: a shadow replay read back after
/// every migration (`migrate down-gen`, `migrate down`'s verification).
class ReadBack {
 public:
  virtual ~ReadBack() = default;
  /// The database's schema now, the same as Inspector::inspect would read. `changed_by`: the
  /// scripts applied since the previous read, in order; the first read reads everything. A
  /// dialect may read again only what those scripts' statements can have changed and keep the
  /// rest of the previous read; whenever a statement's effect is not known it reads everything
  /// (PostgreSQL: dialect/postgres/introspect/read_back.cpp). Errors: as Inspector::inspect.
  virtual Inspection read(db::Connection& conn, const std::vector<std::string>& changed_by) = 0;
};

/// A dialect's reader of live databases (dialect::Parts::inspector).
class Inspector {
 public:
  virtual ~Inspector() = default;
  /// Reads the database behind `conn`. Errors: db::DatabaseError when a catalog query fails
  /// (e.g. permissions), core::Error when the connection is lost.
  virtual Inspection inspect(db::Connection& conn, const InspectOptions& options) const = 0;
  /// A ReadBack with these options. Default: inspect() every time.
  virtual std::unique_ptr<ReadBack> read_back(const InspectOptions& options) const;
};

}  // namespace godwit::schema
