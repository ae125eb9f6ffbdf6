// The tokenizer of Prisma's PostgreSQL default parser (see introspect_default_tokens.hpp).
#include "dialect/postgres/introspect/introspect_default_tokens.hpp"

namespace godwit::postgres::default_tokens {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0, n = s.size();
  auto ident_tail = [&] {
    while (i < n && (is_alnum(s[i]) || s[i] == '_' || s[i] == '-'))
      ++i;
  };
  while (i < n) {
    std::size_t start = i;
    char c = s[i++];
    switch (c) {
      case ',':
        out.push_back({Tok::Comma, start});
        continue;
      case '(':
        out.push_back({Tok::OpenParen, start});
        continue;
      case ')':
        out.push_back({Tok::CloseParen, start});
        continue;
      case '[':
        out.push_back({Tok::OpenBracket, start});
        continue;
      case ']':
        out.push_back({Tok::CloseBracket, start});
        continue;
      case '-':
        out.push_back({Tok::Minus, start});
        continue;
      case '.':
        out.push_back({Tok::Dot, start});
        continue;
      case '{':
        out.push_back({Tok::OpenCurly, start});
        continue;
      case '}':
        out.push_back({Tok::CloseCurly, start});
        continue;
      case ':':
        if (i < n && s[i] == ':') {
          ++i;
          out.push_back({Tok::Cast, start});
          continue;
        }
        out.push_back({Tok::Unknown, start});
        return out;
      default:
        break;
    }
    if (is_digit(c)) {
      while (i < n && is_digit(s[i]))
        ++i;
      out.push_back({Tok::Digits, start});
    } else if (c == 'E' || c == 'e') {
      if (i < n && s[i] == '\'') {
        ++i;
        bool done = false;
        while (!done) {
          if (i >= n) {
            out.push_back({Tok::Unterminated, start});
            break;
          }
          char d = s[i++];
          if (d == '\\') {
            if (i >= n) {
              out.push_back({Tok::Unterminated, start});
              break;
            }
            ++i;
          } else if (d == '\'') {
            out.push_back({Tok::CString, start});
            done = true;
          }
        }
      } else if (i < n && is_alnum(s[i])) {
        ++i;
        ident_tail();
        out.push_back({Tok::Ident, start});
      } else {
        out.push_back({Tok::Ident, start});
      }
    } else if (c == '\'') {
      while (true) {
        if (i >= n) {
          out.push_back({Tok::Unterminated, start});
          return out;
        }
        char d = s[i++];
        if (d == '\'') {
          if (i < n && s[i] == '\'') {
            ++i;
          } else {
            out.push_back({Tok::String, start});
            break;
          }
        }
      }
    } else if (c == '"') {
      while (true) {
        if (i >= n) {
          out.push_back({Tok::Unterminated, start});
          return out;
        }
        char d = s[i++];
        if (d == '"') {
          out.push_back({Tok::QuotedIdent, start});
          break;
        }
        if (d == '\\' && i < n) ++i;
      }
    } else if (is_space(c)) {
      while (i < n && is_space(s[i]))
        ++i;
      out.push_back({Tok::Space, start});
    } else if (is_alpha(c)) {
      ident_tail();
      out.push_back({Tok::Ident, start});
    } else {
      out.push_back({Tok::Unknown, start});
    }
  }
  return out;
}

}  // namespace godwit::postgres::default_tokens
