#include "psl/validate/literal_checks.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

namespace godwit::psl {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// A small JSON syntax checker with serde_json's messages.
class JsonChecker {
 public:
  explicit JsonChecker(std::string_view s) : s_(s) {}

  std::optional<std::string> run() {
    skip_ws();
    if (!value()) return error_;
    skip_ws();
    if (pos_ < s_.size()) return fail("trailing characters", pos_);
    return std::nullopt;
  }

 private:
  std::optional<std::string> fail(std::string_view what, std::size_t at) {
    if (!error_) {
      std::size_t line = 1, col = 0;
      for (std::size_t i = 0; i < at && i < s_.size(); ++i) {
        if (s_[i] == '\n') {
          ++line;
          col = 0;
        } else {
          ++col;
        }
      }
      if (at < s_.size()) ++col;
      error_ = fmt::format("{} at line {} column {}", what, line, col);
    }
    return error_;
  }
  void skip_ws() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }
  bool eof_in(std::string_view what) {
    fail(fmt::format("EOF while parsing {}", what), s_.size());
    return false;
  }
  bool value() {
    if (pos_ >= s_.size()) return eof_in("a value");
    char c = s_[pos_];
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') return string();
    if (c == '-' || is_digit(c)) return number();
    for (std::string_view lit : {"true", "false", "null"}) {
      if (s_.substr(pos_, lit.size()) == lit) {
        pos_ += lit.size();
        return true;
      }
      if (lit.substr(0, s_.size() - pos_) == s_.substr(pos_) && lit[0] == c)
        return eof_in("a value");
    }
    fail("expected value", pos_);
    return false;
  }
  bool object() {
    ++pos_;
    skip_ws();
    if (pos_ >= s_.size()) return eof_in("an object");
    if (s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_ws();
      if (pos_ >= s_.size()) return eof_in("an object");
      if (s_[pos_] != '"') {
        fail(s_[pos_] == '}' ? "trailing comma" : "key must be a string", pos_);
        return false;
      }
      if (!string()) return false;
      skip_ws();
      if (pos_ >= s_.size()) return eof_in("an object");
      if (s_[pos_] != ':') {
        fail("expected `:`", pos_);
        return false;
      }
      ++pos_;
      skip_ws();
      if (!value()) return false;
      skip_ws();
      if (pos_ >= s_.size()) return eof_in("an object");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      fail("expected `,` or `}`", pos_);
      return false;
    }
  }
  bool array() {
    ++pos_;
    skip_ws();
    if (pos_ >= s_.size()) return eof_in("a list");
    if (s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ']') {
        fail("trailing comma", pos_);
        return false;
      }
      if (!value()) return false;
      skip_ws();
      if (pos_ >= s_.size()) return eof_in("a list");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      fail("expected `,` or `]`", pos_);
      return false;
    }
  }
  bool string() {
    ++pos_;
    while (pos_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) {
        fail("control character (\\u0000-\\u001F) found while parsing a string", pos_);
        return false;
      }
      if (c == '\\') {
        ++pos_;
        if (pos_ >= s_.size()) return eof_in("a string");
        char e = s_[pos_];
        if (e == 'u') {
          for (int i = 1; i <= 4; ++i) {
            if (pos_ + i >= s_.size()) return eof_in("a string");
            if (!std::isxdigit(static_cast<unsigned char>(s_[pos_ + i]))) {
              fail("invalid escape", pos_ + i);
              return false;
            }
          }
          pos_ += 5;
          continue;
        }
        if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          fail("invalid escape", pos_);
          return false;
        }
      }
      ++pos_;
    }
    return eof_in("a string");
  }
  bool number() {
    if (s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size()) return eof_in("a value");
    if (!is_digit(s_[pos_])) {
      fail("invalid number", pos_);
      return false;
    }
    if (s_[pos_] == '0') {
      ++pos_;
    } else {
      while (pos_ < s_.size() && is_digit(s_[pos_]))
        ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (pos_ >= s_.size()) return eof_in("a value");
      if (!is_digit(s_[pos_])) {
        fail("invalid number", pos_);
        return false;
      }
      while (pos_ < s_.size() && is_digit(s_[pos_]))
        ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size()) return eof_in("a value");
      if (!is_digit(s_[pos_])) {
        fail("invalid number", pos_);
        return false;
      }
      while (pos_ < s_.size() && is_digit(s_[pos_]))
        ++pos_;
    }
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::optional<std::string> error_;
};

std::optional<std::string> int64_error(std::string_view s) {
  if (s.empty()) return std::string("cannot parse integer from empty string");
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc::result_out_of_range) {
    return std::string(s[0] == '-' ? "number too small to fit in target type"
                                   : "number too large to fit in target type");
  }
  if (ec != std::errc() || p != s.data() + s.size())
    return std::string("invalid digit found in string");
  return std::nullopt;
}

bool is_decimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && is_digit(s[i]))
    ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i]))
      ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp = 0;
    while (i < s.size() && is_digit(s[i]))
      ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

}  // namespace

std::optional<std::string> json_syntax_error(std::string_view text) {
  return JsonChecker(text).run();
}

std::optional<std::string> decode_base64(std::string_view text) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      char c = text[i + k];
      if (c == '=') {
        if (i + 4 != text.size() || k < 2) return std::nullopt;
        v[k] = 0;
        ++pad;
      } else {
        if (pad) return std::nullopt;
        v[k] = val(c);
        if (v[k] < 0) return std::nullopt;
      }
    }
    std::uint32_t n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
    out += static_cast<char>((n >> 16) & 0xFF);
    if (pad < 2) out += static_cast<char>((n >> 8) & 0xFF);
    if (pad < 1) out += static_cast<char>(n & 0xFF);
  }
  return out;
}

std::optional<std::string> rfc3339_error(std::string_view s) {
  // YYYY-MM-DD(T|t| )HH:MM:SS(.frac)?(Z|z|(+|-)HH:MM)
  std::size_t i = 0;
  auto digits = [&](int n, int lo, int hi) -> std::optional<std::string> {
    int v = 0;
    for (int k = 0; k < n; ++k) {
      if (i >= s.size()) return std::string("premature end of input");
      if (!is_digit(s[i])) return std::string("input contains invalid characters");
      v = v * 10 + (s[i] - '0');
      ++i;
    }
    if (v < lo || v > hi) return std::string("input is out of range");
    return std::nullopt;
  };
  auto lit = [&](std::string_view chars) -> std::optional<std::string> {
    if (i >= s.size()) return std::string("premature end of input");
    if (chars.find(s[i]) == std::string_view::npos)
      return std::string("input contains invalid characters");
    ++i;
    return std::nullopt;
  };
  if (auto e = digits(4, 0, 9999)) return e;
  if (auto e = lit("-")) return e;
  if (auto e = digits(2, 1, 12)) return e;
  if (auto e = lit("-")) return e;
  if (auto e = digits(2, 1, 31)) return e;
  if (auto e = lit("Tt ")) return e;
  if (auto e = digits(2, 0, 23)) return e;
  if (auto e = lit(":")) return e;
  if (auto e = digits(2, 0, 59)) return e;
  if (auto e = lit(":")) return e;
  if (auto e = digits(2, 0, 60)) return e;
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i]))
      ++i;
    if (i == start)
      return std::string(i >= s.size() ? "premature end of input"
                                       : "input contains invalid characters");
  }
  if (i >= s.size()) return std::string("premature end of input");
  if (s[i] == 'Z' || s[i] == 'z') {
    ++i;
  } else {
    if (auto e = lit("+-")) return e;
    if (auto e = digits(2, 0, 23)) return e;
    if (auto e = lit(":")) return e;
    if (auto e = digits(2, 0, 59)) return e;
  }
  if (i != s.size()) return std::string("trailing input");
  return std::nullopt;
}

std::optional<std::string> check_default_literal(ScalarType type, const ast::Expression& value) {
  using K = ast::Expression::Kind;
  const std::string& v = value.value;
  switch (type) {
    case ScalarType::Json:
      if (value.kind == K::String) {
        if (auto e = json_syntax_error(v))
          return fmt::format(
              "Error parsing attribute \"@default\": Parse error: \"{}\" is not a "
              "valid JSON string. ({})",
              v, *e);
      }
      break;
    case ScalarType::Bytes:
      if (value.kind == K::String && !decode_base64(v))
        return fmt::format(
            "Error parsing attribute \"@default\": Parse error: \"{}\" is not a "
            "valid base64 string. (Could not convert from `base64 encoded bytes` "
            "to `PrismaValue::Bytes`)",
            v);
      break;
    case ScalarType::DateTime:
      if (value.kind == K::String) {
        if (auto e = rfc3339_error(v))
          return fmt::format(
              "Error parsing attribute \"@default\": Parse error: \"{}\" is not a "
              "valid rfc3339 datetime string. ({})",
              v, *e);
      }
      break;
    case ScalarType::Int:
    case ScalarType::BigInt:
      if (value.kind == K::Number) {
        if (auto e = int64_error(v))
          return fmt::format(
              "Error parsing attribute \"@default\": Parse error: \"{}\" is not a "
              "valid integer. ({})",
              v, *e);
      }
      break;
    case ScalarType::Decimal:
      if (value.kind == K::String && !is_decimal(v))
        return fmt::format(
            "Error parsing attribute \"default\": Parse error: \"{}\" is not a "
            "valid decimal. (invalid digit found in string)",
            v);
      break;
    default:
      break;
  }
  return std::nullopt;
}

}  // namespace godwit::psl
