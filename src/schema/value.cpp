#include "schema/value.hpp"

namespace godwit::schema {

std::string hex_encode(const std::string& raw) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(raw.size() * 2);
  for (unsigned char c : raw) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0x0f];
  }
  return out;
}

std::string to_debug_string(const Value& v) {
  switch (v.kind) {
    case Value::Kind::String:
    case Value::Kind::Enum:
    case Value::Kind::Json:
    case Value::Kind::DateTime:
      return "'" + v.text + "'";
    case Value::Kind::Bytes:
      return "x'" + hex_encode(v.text) + "'";
    case Value::Kind::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        out += to_debug_string(v.items[i]);
      }
      return out + "]";
    }
    case Value::Kind::Int:
    case Value::Kind::Float:
    case Value::Kind::Boolean:
      return v.text;
  }
  return v.text;
}

}  // namespace godwit::schema

namespace godwit::schema {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string strip_leading_zeros(std::string digits) {
  std::size_t nz = digits.find_first_not_of('0');
  if (nz == std::string::npos) return "0";
  return digits.substr(nz);
}

}  // namespace

std::optional<std::string> canonical_integer(std::string_view lit) {
  std::size_t i = 0;
  bool negative = false;
  if (i < lit.size() && (lit[i] == '-' || lit[i] == '+')) negative = lit[i++] == '-';
  if (i == lit.size()) return std::nullopt;
  std::string digits;
  for (; i < lit.size(); ++i) {
    if (!is_digit(lit[i])) return std::nullopt;
    digits += lit[i];
  }
  digits = strip_leading_zeros(std::move(digits));
  // i64 range: at most 19 digits, and 9223372036854775807 / ...808 for negatives.
  static const std::string kMax = "9223372036854775807";
  static const std::string kMinAbs = "9223372036854775808";
  const std::string& limit = negative ? kMinAbs : kMax;
  if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit)) {
    return std::nullopt;
  }
  if (digits == "0") return digits;
  return negative ? "-" + digits : digits;
}

std::optional<std::string> canonical_decimal(std::string_view lit) {
  std::size_t i = 0;
  bool negative = false;
  if (i < lit.size() && (lit[i] == '-' || lit[i] == '+')) negative = lit[i++] == '-';
  std::string int_part, frac_part;
  while (i < lit.size() && is_digit(lit[i]))
    int_part += lit[i++];
  if (i < lit.size() && lit[i] == '.') {
    ++i;
    while (i < lit.size() && is_digit(lit[i]))
      frac_part += lit[i++];
  }
  if (int_part.empty() && frac_part.empty()) return std::nullopt;
  long long exponent = 0;
  if (i < lit.size() && (lit[i] == 'e' || lit[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < lit.size() && (lit[i] == '-' || lit[i] == '+')) exp_negative = lit[i++] == '-';
    std::size_t start = i;
    while (i < lit.size() && is_digit(lit[i])) {
      exponent = exponent * 10 + (lit[i++] - '0');
      if (exponent > 100000) return std::nullopt;
    }
    if (i == start) return std::nullopt;
    if (exp_negative) exponent = -exponent;
  }
  if (i != lit.size()) return std::nullopt;

  std::string digits = strip_leading_zeros(int_part + frac_part);
  long long scale = static_cast<long long>(frac_part.size()) - exponent;
  std::string out;
  if (scale <= 0) {
    out = digits + std::string(static_cast<std::size_t>(-scale), '0');
  } else {
    auto s = static_cast<std::size_t>(scale);
    if (digits.size() < s + 1) digits.insert(0, s + 1 - digits.size(), '0');
    out = digits.substr(0, digits.size() - s) + "." + digits.substr(digits.size() - s);
  }
  bool zero = digits.find_first_not_of("0") == std::string::npos;
  return negative && !zero ? "-" + out : out;
}

std::optional<std::string> canonical_datetime(std::string_view lit) {
  auto digits_at = [&](std::size_t pos, std::size_t n) {
    if (pos + n > lit.size()) return false;
    for (std::size_t k = 0; k < n; ++k) {
      if (!is_digit(lit[pos + k])) return false;
    }
    return true;
  };
  // YYYY-MM-DD[T ]HH:MM:SS
  if (!digits_at(0, 4) || lit.size() < 19 || lit[4] != '-' || !digits_at(5, 2) || lit[7] != '-' ||
      !digits_at(8, 2)) {
    return std::nullopt;
  }
  if (lit[10] != 'T' && lit[10] != 't' && lit[10] != ' ') return std::nullopt;
  if (!digits_at(11, 2) || lit[13] != ':' || !digits_at(14, 2) || lit[16] != ':' ||
      !digits_at(17, 2)) {
    return std::nullopt;
  }
  std::string out{lit.substr(0, 10)};
  out += ' ';
  out += lit.substr(11, 8);
  std::size_t i = 19;
  if (i < lit.size() && lit[i] == '.') {
    ++i;
    std::string frac;
    while (i < lit.size() && is_digit(lit[i]))
      frac += lit[i++];
    if (frac.empty()) return std::nullopt;
    frac.resize(9, '0');  // nanoseconds; chrono drops digits beyond the ninth
    if (frac != "000000000") {
      if (frac.compare(3, 6, "000000") == 0) {
        out += "." + frac.substr(0, 3);
      } else if (frac.compare(6, 3, "000") == 0) {
        out += "." + frac.substr(0, 6);
      } else {
        out += "." + frac;
      }
    }
  }
  if (i < lit.size() && (lit[i] == 'Z' || lit[i] == 'z') && i + 1 == lit.size()) {
    return out + " +00:00";
  }
  if (i + 6 == lit.size() && (lit[i] == '+' || lit[i] == '-') && digits_at(i + 1, 2) &&
      lit[i + 3] == ':' && digits_at(i + 4, 2)) {
    std::string_view hh = lit.substr(i + 1, 2), mm = lit.substr(i + 4, 2);
    char sign = (hh == "00" && mm == "00") ? '+' : lit[i];
    return out + " " + sign + std::string(hh) + ":" + std::string(mm);
  }
  return std::nullopt;
}

std::optional<std::string> base64_decode(std::string_view text) {
  auto value_of = [](char c) -> int {
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
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        v[k] = 0;
        ++pad;
        continue;
      }
      if (pad > 0) return std::nullopt;  // data after padding
      v[k] = value_of(c);
      if (v[k] < 0) return std::nullopt;
    }
    std::uint32_t n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
    out += static_cast<char>((n >> 16) & 0xff);
    if (pad < 2) out += static_cast<char>((n >> 8) & 0xff);
    if (pad < 1) out += static_cast<char>(n & 0xff);
  }
  return out;
}

}  // namespace godwit::schema
