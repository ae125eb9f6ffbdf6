#pragma once
// The PSL parser: text -> ast (prisma-compat.md §8). It follows Prisma's PEG grammar (ENG
// psl/schema-ast/src/parser/datamodel.pest) rule for rule, including its recovery: a line the
// grammar rejects becomes an error ("This line is invalid ...", "This line is not a valid field
// or attribute definition.") and parsing goes on with the next line, so one run reports every
// syntax error. Messages are Prisma's. Identifiers are Prisma 7.10.1's, which goes beyond that
// grammar file's ASCII rule: they start with an ASCII letter or digit or any Unicode letter
// (general category L) and go on with those, `_` and `-` (every code point checked against
// the oracle; core::is_unicode_letter).

#include <string_view>

#include "psl/ast.hpp"
#include "psl/datasource.hpp"
#include "psl/diagnostics.hpp"

namespace godwit::psl {

/// Parses one file; `file_id` is stored in every span.
ast::File parse_file(std::string_view text, std::uint32_t file_id, Diagnostics& diags);

/// Parses every file of `source` (file ids are indexes into source.files).
ast::Schema parse_schema(const SchemaSource& source, Diagnostics& diags);

}  // namespace godwit::psl
