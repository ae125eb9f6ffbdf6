#pragma once
// Prisma's canonical formatting (`prisma format`; ENG psl/schema-ast/src/reformat.rs and
// renderer/table.rs): two-space indentation; fields aligned in name / type / attributes
// columns, and datasource/generator keys aligned on `=`, within groups separated by blank
// lines; field attributes and block attributes sorted (id, unique, default, updatedAt, index,
// fulltext, map, relation, ignore, then the rest in source order); block attributes moved
// after a blank line at the end of their block, with their comments; one blank line between
// top-level items; runs of blank lines folded into one; `/* */` comments rewritten as `/** */`
// blocks; trailing commas in argument lists dropped. The result ends with a line break and is
// idempotent.
//
// Prisma's `format` also adds missing back-relation fields ("Either run `prisma format` or
// add it manually"); godwit's does not.

#include <string>
#include <string_view>

#include "psl/diagnostics.hpp"

namespace godwit::psl {

/// Formats one file. Syntax errors are added to `diags` (lines the grammar rejects are kept
/// verbatim in the output).
std::string format_file(std::string_view text, std::uint32_t file_id, Diagnostics& diags);

}  // namespace godwit::psl
