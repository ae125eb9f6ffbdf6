#include "psl/parse/parser_cursor.hpp"

#include <array>

#include "core/unicode.hpp"

namespace godwit::psl::detail {
namespace {

constexpr bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The ASCII characters after an identifier's first (letters, digits, `_`, `-`), as a table: the
// scanner tests every character of every name. Non-ASCII letters are looked up separately.
constexpr std::array<bool, 256> kIdentifierTail = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = is_alnum(static_cast<char>(c)) || c == '_' || c == '-';
  return t;
}();
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Prisma's parse_codepoint: `\uXXXX` at the start of `s` -> (bytes consumed, code unit).
std::pair<std::size_t, std::optional<std::uint32_t>> parse_codepoint(std::string_view s) {
  if (s.size() < 4 || !s.starts_with("\\u")) return {0, std::nullopt};
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    int v = 2 + i < s.size() ? hex_value(s[2 + i]) : -1;
    if (v < 0) return {2 + i, std::nullopt};
    cp = (cp << 4) | static_cast<std::uint32_t>(v);
  }
  return {6, cp};
}

}  // namespace

std::size_t Cursor::ws_len_non_ascii(std::size_t at) const {
  auto b = [&](std::size_t i) {
    return at + i < text_.size() ? static_cast<unsigned char>(text_[at + i]) : 0u;
  };
  unsigned c0 = b(0);
  if (c0 == 0xC2 && b(1) == 0xA0) return 2;                  // U+00A0
  if (c0 == 0xE1 && b(1) == 0x9A && b(2) == 0x80) return 3;  // U+1680
  if (c0 == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8A || b(2) == 0xAF) && b(2) >= 0x80) return 3;
  if (c0 == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;  // U+205F
  if (c0 == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;  // U+3000
  return 0;
}

void Cursor::skip_ws() {
  while (std::size_t n = ws_len(pos))
    pos += n;
}

std::size_t Cursor::newline_len(std::size_t at) const {
  if (at >= text_.size()) return 0;
  if (text_[at] == '\n') return 1;
  if (text_[at] == '\r') return (at + 1 < text_.size() && text_[at + 1] == '\n') ? 2 : 1;
  return 0;
}

bool Cursor::eat_newline() {
  std::size_t n = newline_len(pos);
  pos += n;
  return n > 0;
}

bool Cursor::eat(std::string_view literal) {
  if (!at(literal)) return false;
  pos += literal.size();
  return true;
}

void Cursor::skip_to_line_end() {
  while (!eof() && newline_len(pos) == 0)
    pos += char_len(pos);
}

std::size_t Cursor::char_len(std::size_t at) const {
  unsigned char c = static_cast<unsigned char>(text_[at]);
  std::size_t n = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 1;
  if (at + n > text_.size()) return 1;
  for (std::size_t i = 1; i < n; ++i)
    if ((static_cast<unsigned char>(text_[at + i]) & 0xC0) != 0x80) return 1;
  return n;
}

std::size_t Cursor::letter_len(std::size_t at) const {
  if (static_cast<unsigned char>(text_[at]) < 0x80) return 0;
  auto [cp, len] = core::decode_utf8(text_, at);
  return core::is_unicode_letter(cp) ? len : 0;
}

// Prisma 7's identifier: (ASCII letter or digit | Unicode letter) ~ (ASCII letter or digit |
// Unicode letter | "_" | "-")*. Letters are general category L (checked against the oracle:
// marks, Nl/No numbers, non-ASCII digits and symbols are not identifier characters).
bool Cursor::skip_identifier() {
  if (eof()) return false;
  if (is_alnum(text_[pos])) {
    ++pos;
  } else if (std::size_t n = letter_len(pos)) {
    pos += n;
  } else {
    return false;
  }
  while (!eof()) {
    if (kIdentifierTail[static_cast<unsigned char>(text_[pos])]) {
      ++pos;
    } else if (std::size_t n = letter_len(pos)) {
      pos += n;
    } else {
      break;
    }
  }
  return true;
}

std::optional<ast::Identifier> Cursor::parse_identifier() {
  std::size_t start = pos;
  if (!skip_identifier()) return std::nullopt;
  return ast::Identifier{text_.substr(start, pos - start), span(start, pos)};
}

bool Cursor::skip_path() {
  if (!skip_identifier()) return false;
  // path = identifier ~ ("." ~ path?)*, atomic: dots may repeat and the tail may be empty.
  while (!eof() && text_[pos] == '.') {
    ++pos;
    skip_identifier();
  }
  return true;
}

std::optional<ast::Identifier> Cursor::parse_path() {
  std::size_t start = pos;
  if (!skip_path()) return std::nullopt;
  return ast::Identifier{text_.substr(start, pos - start), span(start, pos)};
}

std::string Cursor::decode_string(std::size_t content_start, std::size_t content_end) {
  std::string_view content = text_.substr(content_start, content_end - content_start);
  if (content.find('\\') == std::string_view::npos) return std::string(content);  // no escapes
  std::string out;
  std::size_t i = content_start;
  while (i < content_end) {
    char c = text_[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    char e = text_[i + 1];  // the grammar guarantees a character after a backslash
    switch (e) {
      case '"':
        out += '"';
        i += 2;
        continue;
      case '\\':
        out += '\\';
        i += 2;
        continue;
      case '/':
        out += '/';
        i += 2;
        continue;
      case 'b':
        out += '\b';
        i += 2;
        continue;
      case 'f':
        out += '\f';
        i += 2;
        continue;
      case 'n':
        out += '\n';
        i += 2;
        continue;
      case 'r':
        out += '\r';
        i += 2;
        continue;
      case 't':
        out += '\t';
        i += 2;
        continue;
      case 'u':
        break;
      default: {
        std::size_t len = 1 + char_len(i + 1);
        diags_.error(
            "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped "
            "as `\\\\`.",
            span(i, i + len));
        i += len;
        continue;
      }
    }
    // \uXXXX, possibly a UTF-16 surrogate pair (Prisma's try_parse_unicode_codepoint).
    std::string_view slice = text_.substr(i, content_end - i);
    auto bad = [&](std::size_t consumed) {
      diags_.error("Invalid unicode escape sequence.",
                   span(i, i + std::min(slice.size(), consumed)));
    };
    auto [consumed, first] = parse_codepoint(slice);
    std::size_t advance = consumed;
    if (!first) {
      bad(std::max<std::size_t>(consumed, 2));
    } else if (*first < 0xD800 || *first > 0xDFFF) {
      append_utf8(out, *first);
    } else {
      auto [consumed2, second] = parse_codepoint(slice.substr(6));
      if (!second) {
        bad(consumed);
      } else {
        advance = consumed * 2;
        if (*first <= 0xDBFF && *second >= 0xDC00 && *second <= 0xDFFF) {
          append_utf8(out, 0x10000 + ((*first - 0xD800) << 10) + (*second - 0xDC00));
        } else {
          bad(consumed + consumed2);
        }
      }
    }
    i += std::max<std::size_t>(advance, 2);
  }
  return out;
}

std::optional<ast::Expression> Cursor::parse_string_literal() {
  std::optional<ast::Expression> out(std::in_place);
  if (!string_literal_into(*out)) out.reset();
  return out;
}

bool Cursor::string_literal_into(ast::Expression& e) {
  if (eof() || text_[pos] != '"') return false;
  std::size_t start = pos;
  std::size_t i = pos + 1;
  while (i < text_.size()) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c == '\\') {
      if (i + 1 >= text_.size()) return false;
      i += 1 + char_len(i + 1);
    } else if (c == '"' || c < 0x20) {
      break;
    } else {
      i += char_len(i);
    }
  }
  if (i >= text_.size() || text_[i] != '"') return false;
  e.kind = ast::Expression::Kind::String;
  e.value = decode_string(start + 1, i);
  pos = i + 1;
  e.span = span(start, pos);
  return true;
}

bool Cursor::number_into(ast::Expression& e) {
  std::size_t start = pos;
  std::size_t i = pos;
  if (i < text_.size() && text_[i] == '-') ++i;
  std::size_t digits = i;
  while (i < text_.size() && is_digit(text_[i]))
    ++i;
  if (i == digits) return false;
  if (i + 1 < text_.size() && text_[i] == '.' && is_digit(text_[i + 1])) {
    i += 1;
    while (i < text_.size() && is_digit(text_[i]))
      ++i;
  }
  pos = i;
  e.kind = ast::Expression::Kind::Number;
  e.value = std::string(text_.substr(start, i - start));
  e.span = span(start, i);
  return true;
}

bool Cursor::can_start_expression() const {
  if (eof()) return false;
  char c = text_[pos];
  return is_alnum(c) || c == '[' || c == '{' || c == '-' || c == '"' || letter_len(pos) > 0;
}

bool Cursor::expression_item(std::vector<ast::Expression>& items) {
  if (!can_start_expression()) return false;
  if (expression_into(items.emplace_back())) return true;
  items.pop_back();
  return false;
}

bool Cursor::array_into(ast::Expression& e) {
  Checkpoint cp(*this);
  if (!eat("[")) return false;
  std::vector<ast::Expression> items;
  skip_ws();
  if (expression_item(items)) {
    while (true) {
      Checkpoint item(*this);
      skip_ws();
      if (!eat(",")) break;
      skip_ws();
      if (!expression_item(items)) break;
      item.commit();
    }
  }
  skip_ws();
  if (!eat("]")) return false;
  e.kind = ast::Expression::Kind::Array;
  e.items = std::move(items);
  e.span = span(cp.start(), pos);
  cp.commit();
  return true;
}

// object = "{" (entry ("," entry)*)? "}", entry = identifier ":" expression (the grammar
// of Prisma 7.10's partial index `where: { ... }`).
bool Cursor::object_into(ast::Expression& e) {
  Checkpoint cp(*this);
  if (!eat("{")) return false;
  std::vector<ast::Argument> entries;
  auto entry = [&]() -> bool {
    Checkpoint one(*this);
    std::size_t start = pos;
    if (!skip_identifier()) return false;
    std::size_t name_end = pos;
    skip_ws();
    if (!eat(":")) return false;
    skip_ws();
    if (!can_start_expression()) return false;
    auto& arg = entries.emplace_back();
    if (!expression_into(arg.value)) {
      entries.pop_back();
      return false;
    }
    arg.name = ast::Identifier{text_.substr(start, name_end - start), span(start, name_end)};
    arg.span = span(start, pos);
    one.commit();
    return true;
  };
  skip_ws();
  if (entry()) {
    while (true) {
      Checkpoint more(*this);
      skip_ws();
      if (!eat(",")) break;
      skip_ws();
      if (!entry()) break;
      more.commit();
    }
  }
  skip_ws();
  if (!eat("}")) return false;  // no trailing comma: Prisma's grammar has none here
  e.kind = ast::Expression::Kind::Object;
  e.args = std::move(entries);
  e.span = span(cp.start(), pos);
  cp.commit();
  return true;
}

std::optional<ast::Expression> Cursor::parse_expression() {
  std::optional<ast::Expression> out(std::in_place);
  if (!expression_into(*out)) out.reset();
  return out;
}

bool Cursor::expression_into(ast::Expression& e) {
  // expression = function_call | array_expression | object | numeric_literal | string_literal
  //              | path
  std::size_t start = pos;
  if (skip_path()) {
    std::size_t path_end = pos;
    {
      Checkpoint cp(*this);
      skip_ws();
      // Fills the three outputs only when it succeeds.
      if (parse_arguments_list(e.args, e.empty_args, e.trailing_comma, e.trailing_comma_span)) {
        e.kind = ast::Expression::Kind::Function;
        e.value = std::string(text_.substr(start, path_end - start));
        e.name_span = span(start, path_end);
        e.span = span(start, pos);
        cp.commit();
        return true;
      }
    }
    pos = start;
    // Not a call. A path starts with a letter or digit, so only a number can still come
    // first in the grammar's order (no array, no string).
    if (number_into(e)) return true;
    pos = path_end;
    e.kind = ast::Expression::Kind::Constant;
    e.value = std::string(text_.substr(start, path_end - start));
    e.span = span(start, path_end);
    return true;
  }
  return array_into(e) || object_into(e) || number_into(e) || string_literal_into(e);
}

bool Cursor::parse_arguments_list(std::vector<ast::Argument>& args,
                                  std::vector<ast::Identifier>& empty, bool& trailing_comma,
                                  Span& trailing_comma_span) {
  Checkpoint cp(*this);
  if (!eat("(")) return false;
  std::vector<ast::Argument> out_args;
  std::vector<ast::Identifier> out_empty;
  // argument = named_argument | empty_argument | expression
  // Each argument is parsed in place in out_args (an Expression is large: no moves).
  auto value_into = [&](ast::Argument& arg) {
    return can_start_expression() && expression_into(arg.value);
  };
  auto argument = [&]() -> bool {
    std::size_t start = pos;
    {
      // Most arguments are unnamed (`now()`, `"x"`, `200`, which also start like a name): the
      // name is only built once the `:` is there.
      Checkpoint named(*this);
      if (skip_identifier()) {
        std::size_t name_end = pos;
        skip_ws();
        if (eat(":")) {
          std::optional<ast::Identifier> name(
              ast::Identifier{text_.substr(start, name_end - start), span(start, name_end)});
          Checkpoint value_cp(*this);
          skip_ws();
          if (can_start_expression()) {
            auto& arg = out_args.emplace_back();
            if (value_into(arg)) {
              value_cp.commit();
              named.commit();
              arg.name = std::move(*name);
              arg.span = span(start, pos);
              return true;
            }
            out_args.pop_back();
          }
          named.commit();  // empty_argument: `name:`
          out_empty.push_back(std::move(*name));
          return true;
        }
      }
    }
    if (!can_start_expression()) return false;
    auto& arg = out_args.emplace_back();
    if (value_into(arg)) {
      arg.span = span(start, pos);
      return true;
    }
    out_args.pop_back();
    return false;
  };
  skip_ws();
  bool trailing = false;
  if (argument()) {
    while (true) {
      Checkpoint more(*this);
      skip_ws();
      if (!eat(",")) break;
      skip_ws();
      if (!argument()) break;
      more.commit();
    }
  }
  skip_ws();
  Span comma;
  if (eat(",")) {
    trailing = true;
    comma = span(pos - 1, pos);
  }
  skip_ws();
  if (!eat(")")) return false;
  cp.commit();
  args = std::move(out_args);
  empty = std::move(out_empty);
  trailing_comma = trailing;
  trailing_comma_span = comma;
  return true;
}

std::optional<ast::Attribute> Cursor::parse_attribute(bool block) {
  std::optional<ast::Attribute> out(std::in_place);
  if (!attribute_into(*out, block)) out.reset();
  return out;
}

bool Cursor::attribute_into(ast::Attribute& a, bool block) {
  Checkpoint cp(*this);
  if (!eat(block ? "@@" : "@")) return false;
  skip_ws();
  std::size_t name_start = pos;
  if (!skip_path()) return false;
  a.name = {text_.substr(name_start, pos - name_start), span(name_start, pos)};
  {
    Checkpoint args(*this);
    skip_ws();
    if (parse_arguments_list(a.args, a.empty_args, a.trailing_comma, a.trailing_comma_span)) {
      a.has_parens = true;
      args.commit();
    }
  }
  a.span = span(cp.start(), pos);
  cp.commit();
  return true;
}

void Cursor::field_attributes(std::vector<ast::Attribute>& out) {
  while (true) {
    Checkpoint a(*this);
    skip_ws();
    if (!at("@")) break;
    if (!attribute_into(out.emplace_back(), false)) {
      out.pop_back();
      break;
    }
    a.commit();
  }
}

std::optional<ast::Comment> Cursor::parse_comment() {
  Checkpoint cp(*this);
  skip_ws();
  // Tried after every field and attribute line, which rarely has a comment.
  if (!at("/")) return std::nullopt;
  std::size_t start = pos;
  ast::Comment c;
  if (eat("///")) {
    c.kind = ast::Comment::Kind::Doc;
  } else if (eat("//")) {
    c.kind = ast::Comment::Kind::Line;
  } else if (eat("/*")) {
    c.kind = ast::Comment::Kind::Block;
    auto close = text_.find("*/", pos);
    if (close == std::string_view::npos) return std::nullopt;
    pos = close + 2;
    c.text = std::string(text_.substr(start, pos - start));
    c.span = span(start, pos);
    cp.commit();
    return c;
  } else {
    return std::nullopt;
  }
  std::size_t content = pos;
  skip_to_line_end();
  c.text = std::string(text_.substr(content, pos - content));
  c.span = span(start, pos);
  cp.commit();
  return c;
}

}  // namespace godwit::psl::detail
