#include "recover/repair_tokens.hpp"

#include <algorithm>

namespace godwit::recover {
namespace {

bool repair_is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// Identifier and number characters; bytes >= 0x80 (UTF-8 letters) are identifier characters in
// both dialects.
bool repair_is_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || u >= 0x80;
}
// PostgreSQL's operator characters (scan.l `op_chars`): a run of them is one operator, so that
// "<=" and "< =" stay different.
bool repair_is_op(char c) {
  return std::string_view("~!@#^&|`?+-*/%<>=").find(c) != std::string_view::npos;
}

// End (one past) of the quoted run opening at `i` with `close`; `backslash`: a backslash escapes
// the next byte (E'...'); a doubled closing quote is part of the run. npos when unterminated.
std::size_t repair_quote_end(std::string_view t, std::size_t i, char close, bool backslash) {
  for (std::size_t j = i + 1; j < t.size(); ++j) {
    if (backslash && t[j] == '\\') {
      ++j;
      continue;
    }
    if (t[j] != close) continue;
    if (close != ']' && j + 1 < t.size() && t[j + 1] == close) {
      ++j;
      continue;
    }
    return j + 1;
  }
  return std::string_view::npos;
}

// "$tag$" at `i` (tag empty or an identifier not starting with a digit): its length, else 0.
std::size_t repair_dollar_tag(std::string_view t, std::size_t i) {
  if (t[i] != '$') return 0;
  std::size_t j = i + 1;
  if (j < t.size() && t[j] >= '0' && t[j] <= '9') return 0;  // $1: a parameter
  while (j < t.size() && repair_is_word(t[j]) && t[j] != '$')
    ++j;
  return j < t.size() && t[j] == '$' ? j + 1 - i : 0;
}

}  // namespace

std::optional<std::vector<std::string>> statement_tokens(std::string_view t) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (repair_is_space(c)) {
      ++i;
    } else if (c == '-' && i + 1 < t.size() && t[i + 1] == '-') {
      const auto nl = t.find('\n', i);
      i = nl == std::string_view::npos ? t.size() : nl + 1;
    } else if (c == '/' && i + 1 < t.size() && t[i + 1] == '*') {
      const auto end = t.find("*/", i + 2);
      if (end == std::string_view::npos) return std::nullopt;
      // A nested opening reads differently in the two dialects: not certain.
      if (t.substr(i + 2, end - i - 2).find("/*") != std::string_view::npos) return std::nullopt;
      i = end + 2;
    } else if (const auto tag = repair_dollar_tag(t, i); tag > 0) {
      const auto close = t.find(t.substr(i, tag), i + tag);
      if (close == std::string_view::npos) return std::nullopt;
      out.emplace_back(t.substr(i, close + tag - i));
      i = close + tag;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      // E'...' (and e'...'): the word token just read is the prefix of this string.
      bool escapes = false;
      if (c == '\'' && i > 0 && (t[i - 1] == 'E' || t[i - 1] == 'e') && !out.empty() &&
          (out.back() == "E" || out.back() == "e")) {
        escapes = true;
      }
      const auto end = repair_quote_end(t, i, c == '[' ? ']' : c, escapes);
      if (end == std::string_view::npos) return std::nullopt;
      out.emplace_back(t.substr(i, end - i));
      i = end;
    } else if (repair_is_word(c)) {
      std::size_t j = i;
      while (j < t.size() && repair_is_word(t[j]))
        ++j;
      out.emplace_back(t.substr(i, j - i));
      i = j;
    } else if (repair_is_op(c)) {
      std::size_t j = i;
      // A comment start ends the operator ("=--x" is "=" then a comment), as in scan.l.
      while (j < t.size() && repair_is_op(t[j]) &&
             !(j + 1 < t.size() &&
               ((t[j] == '-' && t[j + 1] == '-') || (t[j] == '/' && t[j + 1] == '*')))) {
        ++j;
      }
      if (j == i) j = i + 1;
      out.emplace_back(t.substr(i, j - i));
      i = j;
    } else {
      out.emplace_back(1, c);
      ++i;
    }
  }
  return out;
}

std::optional<TokenDifference> first_token_difference(const migrate::Dialect& dialect,
                                                      std::string_view original,
                                                      std::string_view edited) {
  const auto a = dialect.split(original);
  const auto b = dialect.split(edited);
  const std::size_t n = std::max(a.statements.size(), b.statements.size());
  for (std::size_t k = 0; k < n; ++k) {
    const bool in_a = k < a.statements.size();
    const bool in_b = k < b.statements.size();
    std::optional<std::vector<std::string>> ta, tb;
    if (in_a) ta = statement_tokens(a.statements[k].text);
    if (in_b) tb = statement_tokens(b.statements[k].text);
    if (in_a && in_b && ta && tb && *ta == *tb) continue;
    TokenDifference d;
    d.statement = k + 1;
    if (in_a) d.original = std::string(a.statements[k].text);
    if (in_b) d.edited = std::string(b.statements[k].text);
    return d;
  }
  return std::nullopt;
}

}  // namespace godwit::recover
