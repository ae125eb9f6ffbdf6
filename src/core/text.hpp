#pragma once
// Small string helpers shared by every layer.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::core {

/// 1-based line number of byte `offset` in `text` (offset past the end counts as the last line).
int line_of_offset(std::string_view text, std::size_t offset);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// `text` with every occurrence of `from` replaced by `to`.
std::string replace_all(std::string_view text, std::string_view from, std::string_view to);

/// Splits on `sep`, keeping empty pieces.
std::vector<std::string> split(std::string_view text, char sep);

/// Lines of `text` (without their "\n" / "\r\n").
std::vector<std::string_view> lines(std::string_view text);

/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

/// `text` with each line prefixed by `prefix`.
std::string indent(std::string_view text, std::string_view prefix);

/// `text` in single quotes with every `'` doubled: an SQL string literal (PostgreSQL with
/// standard_conforming_strings, SQLite; as Prisma renders them, ENG `escape_string_literal`).
std::string single_quoted(std::string_view text);
/// single_quoted(text) appended to `out` (renderers build a whole script in one string).
void append_single_quoted(std::string& out, std::string_view text);

/// `text` in double quotes, *without* escaping embedded quotes: Prisma's identifier rendering
/// (prisma-compat.md §7.1), kept byte-identical.
std::string double_quoted(std::string_view text);
/// double_quoted(text) appended to `out`.
void append_double_quoted(std::string& out, std::string_view text);

/// `text` in double quotes with every `"` doubled: an SQL identifier that is safe for any name
/// (PostgreSQL and SQLite), for SQL godwit writes itself rather than Prisma's renderings.
std::string quoted_identifier(std::string_view text);

/// A database URL with its password replaced by "****", so it can appear in output and logs.
/// Handles `scheme://user:password@host` and `password=` query / keyword forms.
std::string redact_url(std::string_view url);

}  // namespace godwit::core
