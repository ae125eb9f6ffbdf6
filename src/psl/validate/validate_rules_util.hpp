#pragma once
// Internal to validation: unique criteria, default referential actions and constraint names
// with their uniqueness scopes (ENG psl-core validations/constraint_namespace.rs,
// walkers unique_criteria.rs).

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "psl/validate/validate_context.hpp"

namespace godwit::psl::detail {

/// The primary key or a unique index of a model.
struct UniqueCriteria {
  std::vector<FieldId> fields;
};

/// Primary key first, then unique indexes in model order.
std::vector<UniqueCriteria> unique_criterias(const Context& ctx, ModelId model);
using UniqueCriteriaFn = std::function<std::vector<UniqueCriteria>(ModelId)>;

/// onDelete when none is written: Restrict for required relations (NoAction where Restrict is
/// not available), else SetNull (prisma-compat.md §7.6).
ReferentialAction effective_on_delete(const Field& forward, bool relation_mode_prisma);

/// Database names of constraints (map: or Prisma's generated name).
std::string index_constraint_name(const Context& ctx, ModelId model, const Index& index);
std::optional<std::string> primary_key_constraint_name(const Context& ctx, ModelId model);
std::string foreign_key_constraint_name(const Context& ctx, const RelationCtx& r);

/// Occurrences of constraint names per scope.
struct ConstraintNamespace {
  /// One name in one scope: global keys are per database schema, local keys per model (the
  /// rules look a name up both ways in every scope, so the two kinds never compare equal).
  /// `schema` and `name` view the model (ctx.schema) and the name lists below.
  struct Key {
    ConstraintScope scope = ConstraintScope::GlobalKeyIndex;
    bool local = false;
    std::uint32_t model = 0;  ///< local keys only
    bool in_schema = false;   ///< global keys: the model has @@schema
    std::string_view schema;  ///< global keys with in_schema
    std::string_view name;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  static Key global_key(ConstraintScope scope, const Model& model, std::string_view name);
  static Key local_key(std::uint32_t model, ConstraintScope scope, std::string_view name);

  /// Hashed, since a 500-model schema has thousands of names per scope and every one is
  /// looked up again by the rules.
  std::unordered_map<Key, int, KeyHash> counts;
  std::map<std::pair<std::uint32_t, std::string>, int> local_custom;  // model, name
  /// index_constraint_name of every Model::indexes entry, [model][index]: built once here
  /// and reused by the index rules.
  std::vector<std::vector<std::string>> index_names;
  std::vector<std::optional<std::string>> pk_names;             ///< [model]
  std::vector<std::pair<std::uint32_t, std::string>> fk_names;  ///< model_a, name

  enum class Kind { Index, Relation, Default, PrimaryKey };
  /// Scopes in which `name` of `kind` on `model` occurs more than once (global first).
  std::vector<ConstraintScope> violations(const Context& ctx, ModelId model, Kind kind,
                                          const std::string& name) const;
};

/// Counts every constraint name. The keys view strings owned by the result and by ctx.schema,
/// so the result must not outlive ctx (moving it is fine: the strings stay where they are).
ConstraintNamespace build_constraint_namespace(const Context& ctx);

/// Relation checks (validate_relations.cpp); `ns` is validate_rules' namespace, which nothing
/// in between changes.
void validate_relations(Context& ctx, const ConstraintNamespace& ns);

/// Reports a foreign key name that is not unique in its scope.
void validate_foreign_key_name(Context& ctx, const ConstraintNamespace& ns, const RelationCtx& r);

/// Reports a `map:` name longer than the provider allows (ENG constraint_names.rs
/// is_db_name_too_long).
void validate_db_name_length(Context& ctx, const std::string& model_name,
                             const ast::Attribute& attr, const std::optional<std::string>& name,
                             bool double_at);

// Shared by the rule files (validate_rules.cpp, validate_index_rules.cpp,
// validate_relation_fields.cpp).
std::string join_list(const std::vector<std::string>& items, std::string_view sep);
std::optional<Span> attribute_arg_span(const ast::Attribute* attr, std::string_view name);
std::string pk_attribute_name(const Model& m);
std::string index_attribute_name(const Index& idx);
/// `Error parsing attribute "<attr_name>": <msg>`.
void rule_attribute_error(Context& ctx, std::string_view attr_name, const std::string& msg,
                          Span span);

void index_rules(Context& ctx, ModelId id, std::size_t index, const ConstraintNamespace& ns);
/// Relation field checks; false on an ambiguous relation (Prisma stops validating there).
bool relation_field_rules(Context& ctx, ModelId id, FieldId fid);
void client_name_rules(Context& ctx, ModelId id, const Field& f);

}  // namespace godwit::psl::detail
