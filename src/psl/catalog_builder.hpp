#pragma once
// Lowers a validated Prisma schema (model.hpp) to the SQL catalog (schema/catalog.hpp) for
// its provider, with Prisma's rules (ENG sql_schema_calculator.rs and the flavours'
// schema calculators; prisma-compat.md §7.4–§7.7):
// - one table per model (views skipped; @@ignore'd models and @ignore'd fields kept), columns
//   in field order, scalar type -> family + native type (PostgreSQL defaults: TEXT, INTEGER,
//   BIGINT, DOUBLE PRECISION, DECIMAL(65,30), BOOLEAN, TIMESTAMP(3), JSONB, BYTEA);
// - autoincrement() as the column's Identity::Serial (SERIAL / SQLite rowid), not a default;
// - defaults: now(), dbgenerated("sql"), literals in Prisma's printed form,
//   uuid()/cuid()/nanoid()/ulid() as Prisma-level (no SQL);
// - primary key, then @unique / @@index / @@unique in Prisma's order, names from map: or the
//   63-byte-truncated defaults;
// - foreign keys for inline relations (not with relationMode = "prisma"): onDelete defaults to
//   Restrict when a referencing field is required, else SetNull; onUpdate to Cascade;
// - implicit many-to-many tables `_<Relation>` with A/B columns, `_AB_pkey` (PostgreSQL) or
//   `_AB_unique` (SQLite), `_B_index` and cascading foreign keys;
// - PostgreSQL: enums, @@schema namespaces (only those holding objects, sorted by name),
//   extensions sorted by name (an extension's `schema:` is a namespace; created only when it
//   holds objects), @@index type and ops in Catalog::postgres. SQLite: enums become TEXT.

#include <cstddef>
#include <string_view>

#include "psl/model.hpp"
#include "schema/catalog.hpp"

namespace godwit::psl {

/// How Prisma lowers a schema for one dialect (the "flavour" of ENG sql_schema_calculator):
/// plain data, one instance per dialect, handed out by the dialect registry
/// (dialect/registry.hpp) so that the builder never compares provider strings.
struct CatalogFlavour {
  std::string_view default_namespace;  ///< "public" (PostgreSQL), "main" (SQLite)
  std::size_t identifier_limit = 0;    ///< bytes; names are cut to it (prisma-compat.md §7.4)
  /// `@@schema` places objects in namespaces; otherwise everything is in the default one.
  bool namespaces = false;
  /// Enums are types of their own (CREATE TYPE); otherwise enum columns are TEXT.
  bool native_enums = false;
  /// The native type of an unannotated scalar (PostgreSQL: TEXT, INTEGER, ...); nullptr: the
  /// dialect has no native types and columns carry none.
  schema::NativeType (*default_native_type)(ScalarType) = nullptr;
  /// A one-field Int id is a rowid alias, so it auto-increments without autoincrement()
  /// (SQLite; ENG sqlite schema_calculator.rs `field_is_implicit_autoincrement_primary_key`).
  bool implicit_rowid_autoincrement = false;
  /// Implicit many-to-many tables get a primary key `_AB_pkey` (PostgreSQL) instead of a
  /// unique index `_AB_unique` (SQLite) (prisma-compat.md §7.7).
  bool join_table_primary_key = false;
  /// `@@index(type: ...)` and `ops:` become Catalog::postgres details.
  bool postgres_index_details = false;
  /// `extensions = [...]` become Extension objects (postgresqlExtensions).
  bool extensions = false;
};

/// Prisma's PostgreSQL and SQLite flavours.
const CatalogFlavour& postgres_catalog_flavour();
const CatalogFlavour& sqlite_catalog_flavour();

/// Builds the catalog of `schema` with `flavour`, the flavour of the schema's provider (the
/// caller picks it: dialect::find_parts(schema.provider())->psl).
/// Precondition: `schema` comes from a validation without errors.
schema::Catalog build_catalog(const Schema& schema, const CatalogFlavour& flavour);

}  // namespace godwit::psl
