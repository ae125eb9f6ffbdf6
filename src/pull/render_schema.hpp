#pragma once
// `db pull`: an introspected catalog (schema/inspector.hpp) written as the Prisma schema that
// Prisma 7.10.1's introspection writes for it (ENG schema-engine/connectors/sql-schema-connector
// src/introspection: introspection_map.rs, relation_names.rs, introspection_pair/*.rs,
// rendering/*.rs), then formatted with psl/format.hpp as Prisma reformats it.
//
// What is rendered for a fresh pull (`--force`, or a schema with only its datasource and
// generators); with a previous schema see "Re-introspection" below:
// - the existing schema's generator blocks (keys in Prisma's order: provider, output,
//   previewFeatures sorted, binaryTargets, the rest by name), then its datasource block as
//   written (the lines `url`, `directUrl` and `shadowDatabaseUrl`, which Prisma 7 rejects,
//   left out);
// - enums, then models, in the catalog's order (by namespace and name, as Prisma's describer);
// - names that are not PSL identifiers sanitised (leading non-letters dropped, other characters
//   as `_`) with `@map` / `@@map` keeping the database name; tables and enums named as the
//   client reserves (`PrismaClient`, `default`, ...) as `Renamed<name>` with Prisma's comment;
// - scalar fields in column order: Prisma type, `?` / `[]`, `@db.X(args)` unless it is the
//   dialect's default native type for the scalar type, `@default(...)` (autoincrement() for
//   serial and identity columns and `nextval(...)` defaults, now(), constants, dbgenerated),
//   `@id` / `@unique` for one-column keys, with `map:` when the name is not Prisma's default;
// - relation fields after the scalar fields, in Prisma's order (for each table in catalog order,
//   each foreign key gives the forward field on its table and the back field on the referenced
//   one), named after the other model (`<Model>_<cols>To<Model>` names and `@relation("...")`
//   when two models are related more than once, or when the field name would clash with a
//   foreign key column), `onDelete`/`onUpdate` only when not Prisma's default, `map:` when the
//   foreign key's name is not the default; none with `relationMode = "prisma"`;
// - `@@id`, `@@unique`, `@@index` (sort order, `ops:` for a non-default operator class,
//   `type:` for non-B-tree PostgreSQL indexes) and `@@ignore` with Prisma's comment for tables
//   without a usable unique key; Prisma's comments for check constraints and deferrable
//   foreign keys;
// - `@@schema("...")` when the datasource lists `schemas` (sorted, as Prisma re-renders them);
//   a name used in two namespaces becomes `<namespace>_<name>` with `@@map`, while relation
//   names keep the plain name, as Prisma's do.
//
// - implicit many-to-many join tables (`_<Name>` with columns A and B) as list relation fields
//   on both models (`@relation("<Name>")` when the name is not Prisma's default), not as models.
// - a partial PostgreSQL index's condition as `where: raw("...")` (as Prisma 7.10.1 writes it,
//   with or without the partialIndexes preview feature).
//
// Re-introspection (PullOptions::previous, ENG introspection_map.rs, introspection_pair/*.rs),
// objects matched by database name (pull/previous.hpp):
// - a model keeps its name, `@@map`, documentation and `@@ignore`; models the previous schema
//   has come first in its order, new ones after them in the catalog's order; models whose
//   table is gone are left out; the same for enums, and enum values keep their names, `@map`
//   and documentation;
// - a field keeps its name, `@map`, documentation, `@updatedAt`, `@ignore` and a Prisma-level
//   `@default(cuid())` / `uuid()` / `nanoid(n)` when the database has no default; fields stay
//   in column order, as Prisma's;
// - an inline relation keeps its field names, its explicit name and its `map:`; an implicit
//   many-to-many one its name and (not for a self-relation) its field names; with
//   `relationMode = "prisma"` the previous relation fields are copied as written;
// - indexes the previous model has come first, in its order, with `@@unique(name: ...)`;
//   `@@id(name: ...)` is kept;
// - Prisma's comments for check constraints, deferring and reserved names only on new models.
//
// Views (PullOptions::views, the `views` preview feature; ENG rendering/views.rs,
// introspection_pair/view.rs, warnings/view.rs): a `view` block per database view after the
// models, previous ones first in their order, new ones in the order the database lists them
// (View::listed); its fields are the view's columns, nullable as the database reports them
// unless the previous field says otherwise; names, `@map`/`@@map`, `@unique`,
// `@@unique(name:)`, `@@ignore` and documentation come from the previous `view` block only (a
// view has no keys in the database, and validation allows it no others); a new view with a
// database comment gets Prisma's comment and the warning for it; a name used in two namespaces
// is prefixed as a model's. Their definitions go to views/<schema>/<name>.sql (view_files()).
//
// Not rendered yet (prisma-compat.md, db pull): partial SQLite indexes' conditions and
// deferrable unique constraints (the inspectors do not keep them); the comments Prisma adds
// for expression indexes, row level security, exclusion constraints, partitions and tables'
// database comments.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "psl/catalog_builder.hpp"
#include "psl/datasource.hpp"
#include "psl/model.hpp"
#include "schema/catalog.hpp"

namespace godwit::pull {

struct PullOptions {
  /// The existing schema's configuration blocks as they are to be printed (config_blocks()).
  std::string config;
  /// The datasource block's name: the prefix of native type attributes (`@db.VarChar`).
  std::string datasource_name = "db";
  /// The dialect's PSL flavour (native type defaults, identifier length limit).
  const psl::CatalogFlavour* flavour = nullptr;
  /// Foreign keys become relation fields (false with `relationMode = "prisma"`).
  bool foreign_keys = true;
  /// The datasource lists `schemas`: every model and enum gets `@@schema`.
  bool namespaces = false;
  /// Prisma's `views` preview feature: the catalog's views (read with InspectOptions::views)
  /// become `view` blocks after the models (render_schema.hpp, "Views").
  bool views = false;
  /// The existing schema to re-introspect (its names, order and attributes kept); none for a
  /// fresh pull. Must outlive the call.
  const psl::Schema* previous = nullptr;
};

/// The schema text (unformatted) for `catalog`.
std::string render_unformatted(const schema::Catalog& catalog, const PullOptions& options);

/// The formatted schema, as `prisma db pull` writes it to schema.prisma (ends with one line
/// break). Errors: core::Error GW1151 when the rendered text does not parse (a defect).
std::string render_schema(const schema::Catalog& catalog, const PullOptions& options);

/// Prisma's warnings for the pull (schema-connector warnings.rs, `*** WARNING ***` and one
/// section per kind, each line ending with a line break), "" when there are none. Kinds
/// rendered: fields, models, enums and enum values enriched from the previous schema, models
/// without a unique identifier, compound id names, unsupported types, copied relations,
/// duplicate names, check constraints.
std::string introspection_warnings(const schema::Catalog& catalog, const PullOptions& options);

/// One file of a re-introspected multi-file schema.
struct PulledFile {
  std::filesystem::path path;
  std::string text;  ///< formatted; "\n" for a file whose models are all gone, as Prisma
};

/// A multi-file schema re-introspected as Prisma 7.10.1 writes it back (ENG
/// IntrospectionContext::introspection_file_path): the configuration blocks and each previous
/// model and enum stay in their file (`options.previous` is the schema of `files`), new ones go
/// to `new_file` (`introspected.prisma` in the schema folder, which may be one of `files`);
/// `options.config` is not used. Returns every file of `files` in order, then `new_file` when it
/// is not among them and gets something. Errors: as render_schema.
std::vector<PulledFile> render_schema_files(const schema::Catalog& catalog,
                                            const PullOptions& options,
                                            const std::vector<psl::SourceFile>& files,
                                            const std::filesystem::path& new_file);

/// A view's definition as `db pull` writes it to `<views folder>/<schema>/<name>.sql`.
struct ViewFile {
  std::filesystem::path relative_path;  ///< `<schema>/<view name in the schema>.sql`
  std::string text;                     ///< formatted as Prisma formats it (sql/view_format.hpp)
};

/// The view files Prisma 7.10.1 writes for the catalog's views (with PullOptions::views; none
/// without): the schema is the view's namespace (SQLite: "main"), the name the view's name in
/// the pulled schema.
std::vector<ViewFile> view_files(const schema::Catalog& catalog, const PullOptions& options);

/// Writes `files` under `dir` (the project's views folder) as Prisma's CLI does: the folders
/// created, each file written, then every other `.sql` file in a subfolder of `dir` removed and
/// the folders left empty removed (`dir` too). Errors: core::Error GW1153 when a folder or file
/// cannot be created, written or removed.
void write_view_files(const std::filesystem::path& dir, const std::vector<ViewFile>& files);

/// How many models the schema has: the tables but implicit many-to-many join tables.
std::size_t model_count(const schema::Catalog& catalog, const PullOptions& options);

/// The generator blocks, then the datasource block, of a schema's source text, verbatim but
/// without the url lines Prisma 7 rejects, separated by blank lines.
std::string config_blocks(const std::string& schema_text);

/// `config` (config_blocks()) with `feature` in every generator's `previewFeatures` (the line
/// added when there is none), in Prisma's order: `db pull` adds `partialIndexes` when it writes
/// a partial index, as Prisma 7.10.1 does.
std::string with_preview_feature(const std::string& config, std::string_view feature);

}  // namespace godwit::pull
