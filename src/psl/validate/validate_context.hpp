#pragma once
// Internal to validation: the state shared by the validation phases (validate_*.cpp) and the
// helpers that reproduce Prisma's attribute/argument bookkeeping (ENG psl/parser-database
// context.rs, coerce_expression.rs) so that messages match Prisma's.

#include <array>
#include <cstddef>
#include <map>
#include <memory_resource>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "psl/ast.hpp"
#include "psl/connector.hpp"
#include "psl/datasource.hpp"
#include "psl/diagnostics.hpp"
#include "psl/model.hpp"

namespace godwit::psl::detail {

/// Validation-time data about a model field that the public model does not keep.
struct FieldCtx {
  const ast::Field* ast = nullptr;
  const ast::Attribute* default_attr = nullptr;
  const ast::Expression* default_expr = nullptr;
  const ast::Attribute* relation_attr = nullptr;
  std::optional<Span> on_delete_span;
  std::optional<Span> on_update_span;
  bool unknown_default_function = false;
};

/// An index / unique of Model::indexes, with its attribute.
struct IndexCtx {
  const ast::Attribute* attr = nullptr;
  bool on_field = false;  ///< @unique rather than @@unique/@@index/@@fulltext
};

struct ModelCtx {
  const ast::Block* ast = nullptr;
  std::vector<FieldCtx> fields;
  const ast::Attribute* pk_attr = nullptr;
  std::vector<IndexCtx> indexes;  ///< parallel to Model::indexes
  std::optional<Span> schema_span;
  const ast::Attribute* map_attr = nullptr;
};

struct EnumCtx {
  const ast::Block* ast = nullptr;
  std::optional<Span> schema_span;
};

/// The `fields:` / `references:` of a field's @relation; nullopt without the attribute or
/// the argument.
inline const std::optional<std::vector<FieldId>>& fields_of(const Field& f) {
  static const std::optional<std::vector<FieldId>> kNone;
  return f.relation_attribute ? f.relation_attribute->fields : kNone;
}
inline const std::optional<std::vector<FieldId>>& references_of(const Field& f) {
  static const std::optional<std::vector<FieldId>> kNone;
  return f.relation_attribute ? f.relation_attribute->references : kNone;
}

/// A relation as Prisma infers it before validation: sides may be missing
/// (ENG parser-database relations.rs).
struct RelationCtx {
  enum class Kind { ImplicitManyToMany, TwoWayEmbeddedManyToMany, OneToOne, OneToMany };
  Kind kind = Kind::OneToMany;
  ModelId model_a;  ///< the referencing (forward) model for inline relations
  ModelId model_b;
  std::optional<FieldId> field_a;  ///< forward side
  std::optional<FieldId> field_b;  ///< back side
  std::optional<std::string> name;
};

/// The datasource as validation needs it.
struct DatasourceCtx {
  std::string name;
  std::string provider;  ///< as written
  const Connector* connector = nullptr;
  bool relation_mode_prisma = false;
  std::vector<std::string> schemas;
  std::optional<Span> schemas_span;
  Span span;
};

/// Tracks which attributes of one item (field, model, enum value) have been looked at, and
/// the arguments of the attribute currently under validation.
class AttributeSet {
 public:
  /// `attrs` (the AST's) must outlive the set.
  AttributeSet(struct Context& ctx, const std::vector<ast::Attribute>& attrs);
  AttributeSet(const AttributeSet&) = delete;
  AttributeSet& operator=(const AttributeSet&) = delete;

  /// The attribute `name`, when it occurs exactly once; reports duplicates (and then returns
  /// null). Starts argument validation for it when found.
  const ast::Attribute* optional_single(std::string_view name);
  /// The next not yet visited attribute `name` (repeatable attributes such as @@index).
  const ast::Attribute* next_repeated(std::string_view name);
  /// The `@<ds>.<Type>` attribute, if any (duplicates reported).
  const ast::Attribute* datasource_scoped();
  /// Reports every attribute nobody visited ("Attribute not known").
  void finish();

  // Arguments of the current attribute.
  /// The argument `name`, or else the first unnamed one. Errors are reported and give null.
  const ast::Expression* default_arg(std::string_view name, bool report_missing = true);
  const ast::Expression* optional_arg(std::string_view name);
  /// The span of argument `name` in the current attribute, if present.
  std::optional<Span> arg_span(std::string_view name) const;
  /// "No such argument." for every argument not visited; ends the current attribute.
  void finish_arguments();
  /// Ends the current attribute without checking its arguments.
  void discard_arguments();

  const ast::Attribute* current() const { return current_; }
  /// "@name" as Prisma names the current attribute in messages (`@index` for `@@index`).
  std::string current_name() const;
  /// `Error parsing attribute "@name": <message>` on the current attribute.
  void attribute_error(const std::string& message);

 private:
  bool start(const ast::Attribute* attr);
  std::string source_text(const ast::Expression& e) const;

  const std::vector<ast::Attribute>& attrs_;
  struct Context& ctx_;
  Diagnostics& diags_;
  const ast::Attribute* current_ = nullptr;
  // One set per field, model and enum value: its bookkeeping lives in an inline buffer
  // (the heap is used only past it), so validating a field allocates nothing.
  std::array<std::byte, 256> buffer_;
  std::pmr::monotonic_buffer_resource arena_;
  std::pmr::vector<bool> used_;  ///< parallel to attrs_
  /// Arguments of the current attribute not yet visited: name (none: unnamed), index.
  std::pmr::vector<std::pair<std::optional<std::string_view>, std::size_t>> args_;
};

/// Everything the phases share.
struct Context {
  const SchemaSource& source;
  const ast::Schema& ast;
  Diagnostics& diags;
  Schema& schema;

  std::vector<ModelCtx> models;  ///< parallel to schema.models
  std::vector<EnumCtx> enums;    ///< parallel to schema.enums
  std::vector<RelationCtx> relations;
  std::optional<DatasourceCtx> datasource;
  const Connector* connector = nullptr;  ///< the datasource's, else the empty connector
  bool relation_mode_prisma = false;
  std::set<std::string> preview_features;

  std::string_view text_of(Span s) const;
  /// Prisma's display of an expression in messages (its source text).
  std::string display(const ast::Expression& e) const;
  const ModelCtx& mctx(ModelId id) const { return models.at(id.value); }
  const FieldCtx& fctx(ModelId m, FieldId f) const { return models.at(m.value).fields.at(f.value); }
  const Field& field(ModelId m, FieldId f) const {
    return schema.models.at(m.value).fields.at(f.value);
  }
  const Model& model(ModelId m) const { return schema.models.at(m.value); }
  const char* container(ModelId m) const { return model(m).is_view ? "view" : "model"; }
  /// The relation name a relation field uses: explicit, else "<A>To<B>" with names sorted.
  std::string relation_name_of(ModelId m, FieldId f) const;
};

/// "numeric", "string", "literal", "functional", "array" (Prisma's describe_value_type).
const char* describe_value_type(const ast::Expression& e);

/// Coercions with Prisma's type-mismatch message; null/nullopt after reporting.
const std::string* coerce_string(Context& ctx, const ast::Expression& e);
const std::string* coerce_constant(Context& ctx, const ast::Expression& e);
std::optional<long long> coerce_integer(Context& ctx, const ast::Expression& e);
std::optional<bool> coerce_boolean(Context& ctx, const ast::Expression& e);

// Phases (validate_*.cpp).
void resolve_names(Context& ctx);
void resolve_types(Context& ctx);
void resolve_attributes(Context& ctx);
void infer_relations(Context& ctx);
void load_configuration(Context& ctx);
void validate_rules(Context& ctx);
void validate_default_values(Context& ctx);
void finalize_relations(Context& ctx);

/// The @default attribute of a model scalar field (parser-database default.rs).
void visit_default(Context& ctx, AttributeSet& attrs, ModelId model, FieldId field);

}  // namespace godwit::psl::detail
