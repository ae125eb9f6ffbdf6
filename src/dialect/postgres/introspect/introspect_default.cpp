// A port of Prisma's PostgreSQL default parser (ENG sql-schema-describer/src/postgres/default.rs,
// default/tokenize.rs, default/c_style_scalar_lists.rs): same tokens, same grammar, so that the
// same defaults become constants and the rest dbgenerated() with the text as PostgreSQL prints it.
#include "dialect/postgres/introspect/introspect_default.hpp"

#include "dialect/postgres/introspect/introspect_default_tokens.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <vector>

namespace godwit::postgres {

namespace {

using default_tokens::is_digit;
using default_tokens::Tok;
using default_tokens::Token;
using default_tokens::tokenize;
using schema::DefaultValue;
using schema::Value;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

class Parser {
 public:
  explicit Parser(std::string_view input) : input_(input), tokens_(tokenize(input)) {}

  std::string_view input() const { return input_; }

  std::optional<Tok> peek() const {
    auto at = next_non_space();
    if (!at) return std::nullopt;
    return tokens_[*at].kind;
  }

  std::optional<Tok> next() {
    auto at = next_non_space();
    if (!at) return std::nullopt;
    offset_ = *at + 1;
    return tokens_[*at].kind;
  }

  /// The next token's text when it is `kind` (consumed), else nullopt (nothing consumed).
  std::optional<std::string_view> expect(Tok kind) {
    auto at = next_non_space();
    if (!at || tokens_[*at].kind != kind) return std::nullopt;
    offset_ = *at + 1;
    std::size_t start = tokens_[*at].start;
    std::size_t end = *at + 1 < tokens_.size() ? tokens_[*at + 1].start : input_.size();
    return input_.substr(start, end - start);
  }

  /// Prisma's `is_finished`: all tokens but possibly the last consumed (sic: `offset >= len-1`).
  bool finished() const { return tokens_.empty() || offset_ + 1 >= tokens_.size(); }

 private:
  std::optional<std::size_t> next_non_space() const {
    for (std::size_t i = offset_; i < tokens_.size(); ++i) {
      if (tokens_[i].kind != Tok::Space) return i;
    }
    return std::nullopt;
  }

  std::string_view input_;
  std::vector<Token> tokens_;
  std::size_t offset_ = 0;
};

// eat_cast: `::type name(precision)[]`; true when there was none or it was well formed.
bool eat_cast(Parser& p) {
  if (p.peek() != Tok::Cast) return true;
  p.expect(Tok::Cast);
  while (true) {
    auto t = p.peek();
    if (t == Tok::QuotedIdent || t == Tok::Ident || t == Tok::Dot) {
      p.next();
    } else {
      break;
    }
  }
  if (p.peek() == Tok::OpenParen) {
    while (true) {
      auto t = p.next();
      if (!t) return false;
      if (*t == Tok::CloseParen) break;
    }
  }
  if (p.peek() == Tok::OpenBracket) {
    p.expect(Tok::OpenBracket);
    if (!p.expect(Tok::CloseBracket)) return false;
  }
  return true;
}

std::optional<std::string> parse_string_value(Parser& p) {
  auto t = p.peek();
  if (t == Tok::String) {
    std::string_view s = *p.expect(Tok::String);
    std::string out;
    std::string_view body = s.substr(1, s.size() - 2);
    for (std::size_t i = 0; i < body.size(); ++i) {
      out += body[i];
      if (body[i] == '\'') ++i;  // '' -> '
    }
    if (!eat_cast(p)) return std::nullopt;
    return out;
  }
  if (t == Tok::CString) {
    std::string_view s = *p.expect(Tok::CString);
    std::string_view body = s.substr(2, s.size() - 3);
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c != '\\' || i + 1 >= body.size()) {
        out += c;
        continue;
      }
      char e = body[++i];
      switch (e) {
        case 'a':
          out += '\x07';
          break;
        case 'b':
          out += '\x08';
          break;
        case 'v':
          out += '\x11';  // sic (Prisma's value)
          break;
        case 'f':
          out += '\x12';  // sic
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
        case 'U': {
          std::size_t digits = e == 'u' ? 4 : 8;
          if (i + digits >= body.size()) return std::nullopt;
          std::uint32_t cp = 0;
          for (std::size_t k = 0; k < digits; ++k) {
            char h = body[++i];
            int v = is_digit(h) ? h - '0'
                    : (std::tolower(h) >= 'a' && std::tolower(h) <= 'f')
                        ? std::tolower(h) - 'a' + 10
                        : -1;
            if (v < 0) return std::nullopt;
            cp = cp * 16 + static_cast<std::uint32_t>(v);
          }
          // UTF-8 encode.
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
          break;
        }
        default:
          out += e;
      }
    }
    if (!eat_cast(p)) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_i64(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string unquote_identifier(std::string_view s) {
  std::string out;
  std::string_view body = s.substr(1, s.size() - 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) ++i;
    out += body[i];
  }
  return out;
}

std::optional<std::string> parse_identifier(Parser& p) {
  if (auto s = p.expect(Tok::QuotedIdent)) return unquote_identifier(*s);
  if (auto s = p.expect(Tok::Ident)) return std::string(*s);
  return std::nullopt;
}

struct IntResult {
  std::optional<Value> value;
  std::optional<std::string> sequence;
};

std::optional<IntResult> parse_int_default(Parser& p) {
  auto t = p.peek();
  if (!t) return std::nullopt;
  switch (*t) {
    case Tok::Digits: {
      auto v = parse_i64(*p.expect(Tok::Digits));
      if (!v) return std::nullopt;
      return IntResult{Value::integer(std::to_string(*v)), {}};
    }
    case Tok::Minus: {
      p.expect(Tok::Minus);
      auto d = p.expect(Tok::Digits);
      if (!d) return std::nullopt;
      auto v = parse_i64(*d);
      if (!v) return std::nullopt;
      return IntResult{Value::integer(std::to_string(-*v)), {}};
    }
    case Tok::String: {
      auto contents = parse_string_value(p);
      if (!contents) return std::nullopt;
      auto v = parse_i64(*contents);
      if (!v) return std::nullopt;
      return IntResult{Value::integer(std::to_string(*v)), {}};
    }
    case Tok::Ident: {
      std::string_view s = *p.expect(Tok::Ident);
      if (!iequals(s, "nextval")) return std::nullopt;  // unique_rowid(): CockroachDB only
      if (!p.expect(Tok::OpenParen)) return std::nullopt;
      if (p.peek() == Tok::OpenParen) p.expect(Tok::OpenParen);
      auto nt = p.peek();
      if (nt != Tok::String && nt != Tok::CString) return std::nullopt;
      auto name_text = parse_string_value(p);
      if (!name_text) return std::nullopt;
      Parser np(*name_text);
      auto first = parse_identifier(np);
      if (!first) return std::nullopt;
      std::string seq = *first;
      if (np.peek() == Tok::Dot) {
        np.expect(Tok::Dot);
        auto second = parse_identifier(np);
        if (!second) return std::nullopt;
        seq = *second;
      }
      while (true) {
        auto k = p.next();
        if (!k) return std::nullopt;
        if (*k == Tok::CloseParen) break;
      }
      if (!eat_cast(p)) return std::nullopt;
      if (p.peek() == Tok::CloseParen) p.expect(Tok::CloseParen);
      if (!eat_cast(p)) return std::nullopt;
      return IntResult{std::nullopt, seq};
    }
    default:
      return std::nullopt;
  }
}

std::optional<Value> parse_float_inner(Parser& p) {
  bool open = false;
  auto t = p.peek();
  if (!t) return std::nullopt;
  if (*t == Tok::OpenParen) {
    p.expect(Tok::OpenParen);
    open = true;
  } else if (*t == Tok::String || *t == Tok::CString) {
    auto s = parse_string_value(p);
    if (!s) return std::nullopt;
    Parser inner(*s);
    return parse_float_inner(inner);
  }
  std::string text;
  if (p.peek() == Tok::Minus) {
    p.expect(Tok::Minus);
    text += '-';
  }
  auto integer = p.expect(Tok::Digits);
  if (!integer) return std::nullopt;
  text += *integer;
  if (p.peek() == Tok::Dot) {
    p.expect(Tok::Dot);
    auto frac = p.expect(Tok::Digits);
    if (!frac) return std::nullopt;
    text += '.';
    text += *frac;
  }
  auto canonical = schema::canonical_decimal(text);
  if (!canonical) return std::nullopt;
  if (open && !p.expect(Tok::CloseParen)) return std::nullopt;
  return Value::floating(*canonical);
}

std::optional<Value> parse_float_default(Parser& p) {
  auto v = parse_float_inner(p);
  if (!v || !eat_cast(p)) return std::nullopt;
  return v;
}

std::optional<DefaultValue> parse_datetime(Parser& p) {
  if (p.peek() != Tok::Ident) return std::nullopt;
  std::string_view name = *p.expect(Tok::Ident);
  if (p.peek() == Tok::OpenParen) {
    p.expect(Tok::OpenParen);
    if (!p.expect(Tok::CloseParen)) return std::nullopt;
  }
  if (!eat_cast(p)) return std::nullopt;
  if (iequals(name, "now") || iequals(name, "current_timestamp")) return DefaultValue::now();
  return std::nullopt;
}

std::optional<Value> parse_enum(Parser& p) {
  auto t = p.peek();
  if (t == Tok::Ident) {
    std::string_view s = *p.expect(Tok::Ident);
    if (!eat_cast(p)) return std::nullopt;
    return Value::enum_value(std::string(s));
  }
  if (t == Tok::String || t == Tok::CString) {
    auto s = parse_string_value(p);
    if (!s || !eat_cast(p)) return std::nullopt;
    return Value::enum_value(*s);
  }
  return std::nullopt;
}

std::optional<Value> parse_bool(Parser& p) {
  auto s = p.expect(Tok::Ident);
  if (!s) return std::nullopt;
  if (iequals(*s, "t") || iequals(*s, "true")) return Value::boolean(true);
  if (iequals(*s, "f") || iequals(*s, "false")) return Value::boolean(false);
  return std::nullopt;
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Value> parse_binary(Parser& p) {
  auto s = parse_string_value(p);
  if (!s || s->size() < 2 || (*s)[0] != '\\' || (*s)[1] != 'x') return std::nullopt;
  std::string_view hex = std::string_view(*s).substr(2);
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string raw;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    raw += static_cast<char>(hi * 16 + lo);
  }
  return Value::bytes(std::move(raw));
}

// One scalar constant of `family` (parser_for_family), or nullopt.
std::optional<DefaultValue> parse_scalar(Parser& p, DefaultFamily family, bool json) {
  switch (family) {
    case DefaultFamily::String: {
      auto s = parse_string_value(p);
      if (!s) return std::nullopt;
      return DefaultValue::constant(json ? Value::json(*s) : Value::string(*s));
    }
    case DefaultFamily::Int: {
      auto r = parse_int_default(p);
      if (!r || !r->value) return std::nullopt;
      return DefaultValue::constant(*r->value);
    }
    case DefaultFamily::Float: {
      auto v = parse_float_default(p);
      if (!v) return std::nullopt;
      return DefaultValue::constant(*v);
    }
    case DefaultFamily::Boolean: {
      auto v = parse_bool(p);
      if (!v) return std::nullopt;
      return DefaultValue::constant(*v);
    }
    case DefaultFamily::DateTime:
      return parse_datetime(p);
    case DefaultFamily::Binary: {
      auto v = parse_binary(p);
      if (!v) return std::nullopt;
      return DefaultValue::constant(*v);
    }
    case DefaultFamily::Enum: {
      auto v = parse_enum(p);
      if (!v) return std::nullopt;
      return DefaultValue::constant(*v);
    }
    case DefaultFamily::Other:
      return std::nullopt;
  }
  return std::nullopt;
}

// c_style_scalar_lists.rs parse_literal
std::optional<Value> list_literal(std::string_view s, DefaultFamily family, bool json) {
  switch (family) {
    case DefaultFamily::Int: {
      auto v = parse_i64(s);
      if (!v) return std::nullopt;
      return Value::integer(std::to_string(*v));
    }
    case DefaultFamily::Float: {
      auto v = schema::canonical_decimal(s);
      if (!v) return std::nullopt;
      return Value::floating(*v);
    }
    case DefaultFamily::String:
      return json ? Value::json(std::string(s)) : Value::string(std::string(s));
    case DefaultFamily::Boolean:
      if (iequals(s, "t") || iequals(s, "true")) return Value::boolean(true);
      if (iequals(s, "f") || iequals(s, "false")) return Value::boolean(false);
      return std::nullopt;
    case DefaultFamily::Enum: {
      Parser p(s);
      if (auto v = parse_string_value(p)) return Value::enum_value(*v);
      return Value::enum_value(std::string(s));
    }
    default:
      return std::nullopt;
  }
}

std::optional<std::vector<Value>> parse_array_literal(std::string_view input, DefaultFamily family,
                                                      bool json) {
  std::vector<Value> values;
  Parser p(input);
  if (!p.expect(Tok::OpenCurly)) return std::nullopt;
  while (true) {
    auto t = p.peek();
    if (!t) return std::nullopt;
    if (*t == Tok::CloseCurly) {
      p.expect(Tok::CloseCurly);
      break;
    }
    std::optional<Value> v;
    if (*t == Tok::Ident) {
      v = list_literal(*p.expect(Tok::Ident), family, json);
    } else if (*t == Tok::QuotedIdent) {
      v = list_literal(unquote_identifier(*p.expect(Tok::QuotedIdent)), family, json);
    } else if (*t == Tok::String) {
      auto s = parse_string_value(p);
      if (!s) return std::nullopt;
      v = list_literal(*s, family, json);
    } else if (*t == Tok::Minus || *t == Tok::Digits) {
      if (family == DefaultFamily::Int) {
        auto r = parse_int_default(p);
        if (r && r->value) v = r->value;
      } else if (family == DefaultFamily::Float) {
        v = parse_float_default(p);
      }
    }
    if (!v) return std::nullopt;
    values.push_back(std::move(*v));
    auto sep = p.peek();
    if (sep == Tok::Comma) {
      p.expect(Tok::Comma);
    } else if (sep == Tok::CloseCurly) {
      p.expect(Tok::CloseCurly);
      break;
    } else {
      return std::nullopt;
    }
  }
  return values;
}

std::optional<std::vector<Value>> parse_array_constructor(Parser& p, DefaultFamily family,
                                                          bool json) {
  std::vector<Value> values;
  p.expect(Tok::OpenParen);  // optional
  auto kw = p.expect(Tok::Ident);
  if (!kw || !iequals(*kw, "array")) return std::nullopt;
  if (!p.expect(Tok::OpenBracket)) return std::nullopt;
  while (true) {
    auto t = p.peek();
    if (!t) return std::nullopt;
    if (*t == Tok::CloseBracket) {
      p.expect(Tok::CloseBracket);
      break;
    }
    auto d = parse_scalar(p, family, json);
    if (!d || d->kind != schema::DefaultKind::Value) return std::nullopt;
    values.push_back(std::move(d->value));
    auto sep = p.next();
    if (!sep) return std::nullopt;
    if (*sep == Tok::CloseBracket) break;
    if (*sep != Tok::Comma) return std::nullopt;
  }
  return values;
}

DefaultValue parse_list_default(Parser& p, DefaultFamily family, bool json) {
  std::optional<std::vector<Value>> values;
  auto t = p.peek();
  if (t == Tok::String || t == Tok::CString) {
    if (auto s = parse_string_value(p)) values = parse_array_literal(*s, family, json);
  } else if (t == Tok::Ident || t == Tok::OpenParen) {
    values = parse_array_constructor(p, family, json);
    if (values) eat_cast(p);
  }
  if (values) return DefaultValue::constant(Value::list(std::move(*values)));
  return DefaultValue::db_generated(std::string(p.input()));
}

std::string_view trim_start(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  return s;
}

}  // namespace

ParsedDefault parse_default(std::string_view text, DefaultFamily family, bool list, bool json) {
  ParsedDefault out;
  if (trim_start(text).starts_with("NULL")) return out;
  Parser p(text);
  if (list) {
    out.value = parse_list_default(p, family, json);
    return out;
  }
  if (family == DefaultFamily::Int) {
    auto r = parse_int_default(p);
    if (r && p.finished()) {
      if (r->sequence) {
        out.is_sequence = true;
        out.sequence = *r->sequence;
        return out;
      }
      out.value = DefaultValue::constant(*r->value);
      return out;
    }
    out.value = DefaultValue::db_generated(std::string(text));
    return out;
  }
  auto parsed = parse_scalar(p, family, json);
  if (parsed && p.finished()) {
    out.value = std::move(*parsed);
  } else {
    out.value = DefaultValue::db_generated(std::string(text));
  }
  return out;
}

}  // namespace godwit::postgres
