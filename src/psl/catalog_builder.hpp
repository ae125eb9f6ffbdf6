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

#include "psl/model.hpp"
#include "schema/catalog.hpp"

namespace godwit::psl {

/// Builds the catalog of `schema` for `schema.provider()`.
/// Errors: GW1100 when the provider has no SQL renderer in godwit yet (only "postgresql" and
/// "sqlite" are supported) or there is no datasource.
/// Precondition: `schema` comes from a validation without errors.
schema::Catalog build_catalog(const Schema& schema);

}  // namespace godwit::psl
