#pragma once
// Prisma's default constraint names (prisma-compat.md §7.4; ENG
// psl/psl-core/src/datamodel_connector/constraint_names.rs). Inputs are database names (after
// @map/@@map); `limit` is the provider's identifier length limit (PostgreSQL 63, MySQL 64,
// SQLite 10000, SQL Server 128). Truncation never splits a UTF-8 character.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::psl {

/// `<table>_pkey`.
std::string primary_key_name(std::string_view table, std::size_t limit);
/// `<table>_<col1>_<col2>..._key`.
std::string unique_index_name(std::string_view table, const std::vector<std::string>& columns,
                              std::size_t limit);
/// `<table>_<cols>_idx`.
std::string index_name(std::string_view table, const std::vector<std::string>& columns,
                       std::size_t limit);
/// `<table>_<cols>_fkey` (the referencing table and columns).
std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::size_t limit);
/// `<table>_<column>_df` (SQL Server default constraints).
std::string default_constraint_name(std::string_view table, std::string_view column,
                                    std::size_t limit);

}  // namespace godwit::psl
