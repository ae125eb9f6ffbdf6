#pragma once
// Mapping a server's error position back to the migration script.

#include <cstddef>
#include <string_view>

#include "sql/statement.hpp"

namespace godwit::sql {

/// Byte offset, within `text`, of the 1-based character `position` (UTF-8 code points, as
/// PostgreSQL counts PG_DIAG_STATEMENT_POSITION with client_encoding UTF8). Position <= 1
/// gives 0; a position past the end gives `text.size()`. Invalid UTF-8 bytes count as one
/// character each.
std::size_t byte_offset_of_char(std::string_view text, int position);

/// 1-based line in the script of character `position` of `statement.text` (the statement's own
/// line plus the line ends before that character). Position <= 0 (unknown) gives
/// `statement.line`; a position past the end of the statement gives the statement's last line.
int script_line_at(const Statement& statement, int position);

}  // namespace godwit::sql
