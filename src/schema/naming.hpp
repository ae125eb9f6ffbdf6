#pragma once
// Default constraint and index names, as Prisma generates them (prisma-compat.md §7.4; ENG
// psl/psl-core/src/datamodel_connector/constraint_names.rs). Inputs are database names (after
// @map/@@map). `limit` is the dialect's identifier length in bytes (PostgreSQL 63, SQLite
// 10000); truncation never splits a UTF-8 character.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::schema {

inline constexpr std::size_t kPostgresIdentifierLimit = 63;
inline constexpr std::size_t kSqliteIdentifierLimit = 10000;

/// `s` cut to at most `max_bytes` bytes, backing off to a UTF-8 character boundary.
std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes);

/// `s` cut to at most `max_chars` Unicode characters (code points).
std::string_view truncate_chars(std::string_view s, std::size_t max_chars);

/// `<table>_pkey`; the table part is cut to limit-5 bytes when it is at least that long.
std::string primary_key_name(std::string_view table, std::size_t limit);

/// `<table>_<c1>_<c2>_key`; `<table>_<cols>` is cut to limit-4 bytes when at least that long.
std::string unique_index_name(std::string_view table, const std::vector<std::string>& columns,
                              std::size_t limit);

/// `<table>_<c1>_<c2>_idx`, cut as unique_index_name.
std::string index_name(std::string_view table, const std::vector<std::string>& columns,
                       std::size_t limit);

/// `<table>_<c1>_<c2>_fkey`; `<table>_<cols>` is cut to limit-5 bytes when at least that long.
std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::size_t limit);

}  // namespace godwit::schema
