#pragma once
// Internal to validation: argument helpers shared by the attribute visitors
// (validate_attributes.cpp, validate_index_fields.cpp), with Prisma's messages.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "psl/validate/validate_context.hpp"

namespace godwit::psl::detail {

std::string join_names(const std::vector<std::string>& items, std::string_view sep);
/// "field `a`" / "fields `a`, `b`" (Prisma's format_fields_in_error_with_leading_word).
std::string fields_with_leading_word(const std::vector<std::string>& names);
/// `map:` (an empty string is an error), `name:`, `clustered:`, `sort:`, `length:`.
std::optional<std::string> mapped_name_arg(Context& ctx, AttributeSet& attrs);
std::optional<std::string> name_arg(Context& ctx, AttributeSet& attrs);
std::optional<bool> clustered_arg(Context& ctx, AttributeSet& attrs);
std::optional<SortOrder> sort_arg(Context& ctx, AttributeSet& attrs);
std::optional<std::uint32_t> length_arg(Context& ctx, AttributeSet& attrs);
/// `where:` of @@index / @@unique / @unique on `model` (validate_index_where.cpp), with the
/// messages of Prisma 7.10.1's parser database; nullopt when absent or invalid (reported).
/// The preview feature and the connector are checked later (validate_index_rules.cpp), as
/// Prisma does.
std::optional<IndexWhere> where_arg(Context& ctx, AttributeSet& attrs, ModelId model);
/// Client names (`name:` of @@id/@@unique) may only use `_a-zA-Z0-9`.
void validate_client_name(Context& ctx, Span span, const std::string& model_name,
                          const std::string& name, std::string_view attribute);

/// Names that did not resolve to scalar fields.
struct FieldProblems {
  std::vector<std::string> unknown;
  std::vector<FieldId> relation;
};

/// `fields:` / `references:` of @relation resolved on `model`; nullopt with `problems` set,
/// or an empty list when the value was already reported.
std::optional<std::vector<FieldId>> resolve_plain_fields(Context& ctx, ModelId model,
                                                         const ast::Expression& expr,
                                                         Span attribute_span,
                                                         FieldProblems& problems);

/// @@id, and @@index / @@unique / @@fulltext (the current attribute of `attrs`).
void visit_model_id(Context& ctx, AttributeSet& attrs, ModelId model);
void visit_model_index(Context& ctx, AttributeSet& attrs, ModelId model, Index::Kind kind);

}  // namespace godwit::psl::detail
