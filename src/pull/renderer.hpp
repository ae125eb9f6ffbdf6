#pragma once
// The catalog -> Prisma schema renderer of `db pull` (render_schema.hpp), internal to src/pull:
// one object computes the names Prisma's introspection gives (models, fields, relations, with a
// previous schema's names kept) once, then renders and lists the warnings. Its parts:
// render_schema.cpp (models, enums, block attributes), renderer_names.cpp (model and relation
// names), renderer_fields.cpp (scalar and relation fields), renderer_warnings.cpp.

#include <fmt/format.h>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pull/previous.hpp"
#include "pull/render_schema.hpp"
#include "schema/catalog.hpp"

namespace godwit::pull::detail {

using schema::Catalog;
using schema::ColumnId;
using schema::ForeignKeyId;
using schema::IndexId;
using schema::TableId;

inline std::string join(const std::vector<std::string>& items, std::string_view sep) {
  return fmt::format("{}", fmt::join(items, sep));
}

// One relation field, forward (the foreign key's table) or back (the referenced table).
// For an implicit many-to-many relation, `fk` is the join table's foreign key whose
// referenced table is the field's type.
struct RelationField {
  ForeignKeyId fk;
  bool forward = true;
  bool many_to_many = false;
};

// Everything about a catalog that naming and rendering need, computed once.
class PullRenderer {
 public:
  PullRenderer(const Catalog& c, const PullOptions& o);

  std::size_t model_count() const;

  /// The name of each view's `view` block (with PullOptions::views).
  const std::vector<std::string>& view_names() const { return view_names_; }

  std::string render();

  // A multi-file schema: per file, `configs[i]` (its configuration blocks) then its previous
  // models and enums; new ones go to file `new_file` (configs.size() for one not there yet).
  std::vector<std::string> render_files(std::vector<std::string> configs, std::size_t new_file);

  /// ENG introspection/warnings.rs and schema-connector warnings.rs: the warnings Prisma prints
  /// after a pull, "" when there are none. Enums, then models, in the catalog's order.
  std::string warnings() const;

 private:
  struct Order {
    std::vector<TableId> tables;        // the models' tables (join tables left out)
    std::vector<schema::ViewId> views;  // empty without PullOptions::views
    std::vector<schema::EnumId> enums;
  };
  Order order() const;
  bool has_partial_index() const;

  const Catalog& c_;
  const PullOptions& o_;
  PreviousMatch prev_;  // the existing schema's objects, per catalog object
  std::size_t limit_ = 0;
  std::vector<std::string> model_names_;  // per table
  // Per table, the name without the namespace prefix of a name used in two namespaces: Prisma
  // names relations before it counts duplicate names (ENG introspection_map.rs calls
  // relation_names::introspect before populate_top_level_names), so relation and relation
  // field names use this one. Generated relation names never use a previous schema's names:
  // Prisma computes them while its context's map of the previous schema is still empty
  // (DatamodelCalculatorContext::new), so they use table and column names, as a fresh pull.
  std::vector<std::string> relation_model_names_;
  std::vector<std::string> enum_names_;    // per enum
  std::vector<std::string> view_names_;    // per view (with PullOptions::views)
  std::vector<bool> view_duplicate_name_;  // per view: renamed as a duplicate (a warning)
  // Per table / enum: a new one whose name is used in another namespace too (a warning).
  std::vector<bool> duplicate_name_, enum_duplicate_name_;
  // Per foreign key: [relation name, forward field name, back field name]; absent for
  // duplicated foreign keys, which Prisma leaves out.
  std::map<std::uint32_t, std::array<std::string, 3>> relation_names_;
  std::vector<std::vector<RelationField>> relation_fields_;  // per table, in Prisma's order
  std::vector<bool> join_table_;                             // per table
  // Per join table: [relation name, field on model A, field on model B].
  std::map<std::uint32_t, std::array<std::string, 3>> m2m_names_;

  // ENG introspection_helpers.rs `is_prisma_join_table`: `_<Name>` with the columns A and B,
  // one foreign key on each, and a unique index or primary key on (A, B).
  bool is_join_table(TableId t) const;

  // The join table's foreign keys as (on column A, on column B).
  std::pair<ForeignKeyId, ForeignKeyId> join_fks(TableId t) const;

  std::array<std::uint32_t, 2> join_pair(TableId t) const;

  // ENG sanitize_datamodel_names.rs ModelName::new_from_sql: a name used by a table or enum of
  // another namespace gets the namespace as a prefix.
  void name_models();

  // The name of the model's table: `@@map`, as the previous model has it, or when the
  // model's name is not the table's.
  std::optional<std::string> model_map(TableId t) const;

  // `@map` of a column's field: the previous field's, else the name when it is sanitised.
  std::optional<std::string> field_map(ColumnId id) const;

  // ENG ModelPair::ignored: `@@ignore` in the previous schema, or no usable identifier.
  bool ignored(TableId t) const;

  static std::string doc_lines(const std::string& doc, std::string_view indent);

  // A column's field name in a fresh pull (sanitised), which relation names use.
  std::string fresh_field_name(ColumnId id) const;

  std::string field_name(ColumnId id) const;

  static std::array<std::uint32_t, 2> table_pair(TableId a, TableId b);

  // ENG relation_names.rs.
  void name_relations();

  // ENG relation_names.rs prisma_m2m_relation_name.
  std::array<std::string, 3> m2m_relation_name(
      TableId t, const std::set<std::array<std::uint32_t, 2>>& ambiguous) const;

  std::array<std::string, 3> inline_relation_name(
      const schema::ForeignKey& fk, const std::set<std::array<std::uint32_t, 2>>& ambiguous) const;

  bool has_usable_identifier(TableId t) const;

  std::vector<std::string> column_names(const std::vector<schema::IndexColumn>& cols) const;

  // A partial index's condition: the model's, or the one read from a PostgreSQL database.
  const std::string& condition(IndexId id) const;

  std::string namespace_attribute(schema::NamespaceId ns) const;

  std::string type_name(const schema::Column& col) const;

  // ENG introspection_pair/default.rs: the database's default; an enum value by its name in
  // the previous enum; with none in the database, a String field's Prisma-level cuid(),
  // uuid() or nanoid(n) of the previous field.
  std::string field_default(const schema::Column& col, const psl::Field* prev) const;

  // Attributes in the order of ENG datamodel-renderer field.rs: @updatedAt, @unique, @id,
  // @default, @map, @db, @ignore; the previous field's documentation above it.
  std::string render_scalar_field(TableId t, ColumnId id) const;

  std::string render_relation_field(TableId t, const RelationField& rf) const;

  // ENG model.rs relation_fields without foreign keys (relationMode = "prisma"): the previous
  // model's relation fields, copied as written, but those to a model whose table is gone.
  std::string render_emulated_relation_fields(TableId t) const;

  bool back_is_unique(const schema::ForeignKey& fk) const;

  std::string index_fields(IndexId id) const;

  // ENG model.rs indexes(): the previous model's index whose constraint name (`map:`, else
  // Prisma's default name) is the index's name, or, as before Prisma 3, whose `name:` is.
  std::optional<std::size_t> previous_index(TableId t, IndexId id) const;

  // A compound primary key's client name (`@@id(name: ...)`) from the previous model.
  std::optional<std::string> previous_id_name(TableId t) const;

  std::string render_block_attributes(TableId t) const;

  // ENG rendering/models.rs: the previous model's documentation, then Prisma's comments (most
  // only on a model the previous schema does not have).
  std::string render_model(TableId t) const;

  std::string render_enum(schema::EnumId id) const;

  // renderer_views.cpp: ENG rendering/views.rs and introspection_pair/view.rs.
  std::string render_view(schema::ViewId id) const;
  std::string render_view_field(schema::ViewId id, std::size_t column) const;
  std::string render_view_block_attributes(schema::ViewId id) const;
  void view_warnings(std::vector<std::string>& remapped_fields,
                     std::vector<std::string>& unsupported, std::vector<std::string>& remapped,
                     std::vector<std::string>& duplicates,
                     std::vector<std::string>& comments) const;
};

}  // namespace godwit::pull::detail
