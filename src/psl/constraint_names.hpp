#pragma once
// Prisma's default constraint names (prisma-compat.md §7.4; ENG
// psl/psl-core/src/datamodel_connector/constraint_names.rs) as the validator needs them. The
// names themselves are the schema model's (schema/naming.hpp), so validation and rendering
// cannot disagree; this header adds SQL Server's default-constraint name.

#include <cstddef>
#include <string>
#include <string_view>

#include "schema/naming.hpp"

namespace godwit::psl {

using schema::foreign_key_name;
using schema::index_name;
using schema::primary_key_name;
using schema::unique_index_name;

/// `<table>_<column>_df` (SQL Server default constraints); `<table>_<column>` is cut to
/// limit-3 bytes when at least that long, never inside a UTF-8 character.
std::string default_constraint_name(std::string_view table, std::string_view column,
                                    std::size_t limit);

}  // namespace godwit::psl
