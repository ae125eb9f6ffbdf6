#pragma once
// The tokenizer of Prisma's PostgreSQL default parser (ENG sql-schema-describer/src/postgres/
// default/tokenize.rs), used by introspect_default.cpp: a column default as PostgreSQL prints
// it (pg_get_expr) cut into Prisma's tokens. Internal to the PostgreSQL inspector.

#include <cstddef>
#include <string_view>
#include <vector>

namespace godwit::postgres::default_tokens {

enum class Tok {
  Comma,
  OpenParen,
  CloseParen,
  OpenBracket,
  CloseBracket,
  OpenCurly,
  CloseCurly,
  Minus,
  Dot,
  Cast,
  QuotedIdent,
  String,
  CString,
  Digits,
  Ident,
  Unterminated,
  Space,
  Unknown,
};

/// A token: its kind and its first byte in the tokenized text (it ends where the next begins).
struct Token {
  Tok kind;
  std::size_t start;
};

bool is_digit(char c);

/// tokenize.rs. Multi-byte UTF-8 characters only occur inside literals and identifiers' quotes,
/// or become Unknown tokens (one per byte here, one per character in Rust: either way the parse
/// fails on them).
std::vector<Token> tokenize(std::string_view s);

}  // namespace godwit::postgres::default_tokens
