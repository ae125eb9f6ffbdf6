#pragma once
// Validation: a parsed schema -> the resolved model (model.hpp) plus every error and warning,
// with Prisma's rules and messages (ENG psl/parser-database, psl/psl-core validations;
// prisma-compat.md §8). All errors of all files are reported at once.

#include <string_view>

#include "psl/ast.hpp"
#include "psl/datasource.hpp"
#include "psl/diagnostics.hpp"
#include "psl/model.hpp"

namespace godwit::psl {

struct ValidationResult {
  ast::Schema ast;  ///< views the SchemaSource's text: valid only while that source lives
  Schema schema;    ///< complete only when `diagnostics` has no errors
  Diagnostics diagnostics;
  bool ok() const { return !diagnostics.has_errors(); }
};

/// Parses and validates every file of `source`. Never throws for schema problems; they are in
/// `diagnostics`.
ValidationResult validate_schema(const SchemaSource& source);

/// validate_schema, then throws the P1012 error (all errors, Prisma layout) when there are
/// errors. Warnings are left in the result for the caller to print.
ValidationResult validate_or_throw(const SchemaSource& source);

/// Whether `name` is one the Prisma client reserves (`PrismaClient`, JavaScript keywords: ENG
/// parser-database names/reserved_model_names.rs): no model or enum may have it, and `db pull`
/// renames a table so named to `Renamed<name>`.
bool is_reserved_model_name(std::string_view name);

}  // namespace godwit::psl
