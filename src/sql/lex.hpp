#pragma once
// Lexical helpers shared by the dialect splitters: skipping white space and comments,
// turning raw statement ranges into trimmed Statement values, reading leading keywords.
// Nothing here knows a grammar; the dialect's own parser finds the statement ends.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sql/statement.hpp"

namespace godwit::sql {

/// How block comments behave: PostgreSQL nests `/* /* */ */`, SQLite does not.
enum class CommentStyle { kPostgres, kSqlite };

/// Byte position of the first character at or after `pos` that is neither white space nor
/// part of a `--` / `/* */` comment. A UTF-8 byte order mark at byte 0 counts as white space
/// (editors on Windows write one; neither server accepts it as SQL). An unterminated block
/// comment runs to the end. Returns `text.size()` when only trivia remains.
std::size_t skip_trivia(std::string_view text, std::size_t pos, CommentStyle style);

/// A raw statement as the dialect's parser delimits it: bytes [begin, end) of the script,
/// without the terminating ';' (leading trivia and trailing white space may be included).
struct RawRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Statements for `ranges` (in script order): text trimmed of leading white space and
/// comments and of trailing white space, `line` of the first token. Ranges that hold
/// only trivia (stray ';', comment-only tails) are dropped, except, in PostgreSQL style, one
/// holding an unterminated block comment: the server rejects it, so it stays a statement.
/// Each text is a view of `script`, and between two consecutive statements there is only what
/// the ranges left out (the ';') and trivia (the trimmed white space and comments, and dropped
/// trivia-only ranges), so a run of statements is itself a view of `script` that the server
/// splits the same way. Classification fields are left at their defaults.
std::vector<Statement> statements_from_ranges(std::string_view script,
                                              const std::vector<RawRange>& ranges,
                                              CommentStyle style);

/// Up to `max_words` leading words of `text` (after trivia), upper-cased ASCII. A word is
/// `[A-Za-z_][A-Za-z0-9_$]*`; reading stops at the first character that starts no word
/// (a quote, a parenthesis, '=' ...). Comments between words are skipped.
std::vector<std::string> leading_words(std::string_view text, std::size_t max_words,
                                       CommentStyle style);

/// "A B C" from words[0..n).
std::string join_words(const std::vector<std::string>& words, std::size_t n);

}  // namespace godwit::sql
