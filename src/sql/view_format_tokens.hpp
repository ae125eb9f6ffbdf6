#pragma once
// The tokenizer behind format_view_definition (sql/view_format.hpp): splits SQL the way the Rust
// crate sqlformat 0.2.6 does, which is not how PostgreSQL does (see the token kinds). Internal
// to the formatter; exposed for its tests.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::sql::view_format {

enum class TokenKind : std::uint8_t {
  kWhitespace,
  kString,  ///< '...', E'...', N'...', "...", `...` and also [...] (SQL Server quoting)
  kReserved,
  kReservedTopLevel,          ///< starts a clause: SELECT, FROM, WHERE, GROUP BY ...
  kReservedTopLevelNoIndent,  ///< UNION, INTERSECT, MINUS, BEGIN, DECLARE, $$
  kReservedNewline,           ///< AND, OR, XOR, WHEN, ELSE, the JOIN forms
  kOperator,
  kOpenParen,     ///< "(" or CASE
  kCloseParen,    ///< ")" or END
  kLineComment,   ///< -- or # to the end of the line
  kBlockComment,  ///< /* ... */ (not nested)
  kNumber,
  kPlaceholder,  ///< ?, ?1, $1, @name, :name, $name
  kWord,
};

struct Token {
  TokenKind kind = TokenKind::kWord;
  std::string_view text;  ///< a view of the tokenized input, as written

  bool is_reserved() const {
    return kind == TokenKind::kReserved || kind == TokenKind::kReservedTopLevel ||
           kind == TokenKind::kReservedTopLevelNoIndent || kind == TokenKind::kReservedNewline;
  }
};

/// The tokens of `sql`, white space included, in order; their texts concatenate to `sql`.
std::vector<Token> tokenize(std::string_view sql);

/// Unicode White_Space (Rust's char::is_whitespace), on the code point starting at `text[pos]`;
/// sets `length` to its byte length (1 for an invalid UTF-8 byte).
bool whitespace_at(std::string_view text, std::size_t pos, std::size_t& length);

/// `text` without leading and trailing Unicode white space (Rust's str::trim).
std::string_view trim_unicode_whitespace(std::string_view text);

/// `text` without trailing Unicode white space (Rust's str::trim_end).
std::string_view trim_unicode_whitespace_end(std::string_view text);

}  // namespace godwit::sql::view_format
