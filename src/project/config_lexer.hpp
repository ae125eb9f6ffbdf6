#pragma once
// The tokenizer of the prisma.config.ts reader (config_file.hpp): identifiers, numbers,
// strings ('…', "…", `…`; escapes decoded, \uXXXX as UTF-8), punctuation, with line numbers
// and whether a line break came before each token. Comments and a leading byte-order mark are
// skipped. Not a full JavaScript lexer: regular-expression literals are not recognised.

#include <string>
#include <string_view>
#include <vector>

namespace godwit::project::config_lexer {

/// kTemplateExpr: a back-quoted string holding `${`, computed when the file runs.
enum class Tok { kIdent, kString, kNumber, kPunct, kTemplateExpr, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  ///< identifier, punctuation, or the decoded string
  int line = 1;
  bool newline_before = false;
};

/// Throws GW2020 "<file>:<line>: <what>".
[[noreturn]] void fail(const std::string& file, int line, const std::string& what);

/// The tokens of `s`, ending with one kEnd token (on the last line). Throws GW2020 for an
/// unterminated string or comment.
std::vector<Token> lex(std::string_view s, const std::string& file);

}  // namespace godwit::project::config_lexer
