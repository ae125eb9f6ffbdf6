#pragma once
// A constant column default, independent of any dialect (describer `PrismaValue`).
//
// Every scalar is kept as text in one canonical spelling, so that two catalogs compare equal
// exactly when the databases would hold the same default, and renderers only decide quoting:
// - String, Enum, Json: the content, unescaped;
// - Int, Float: the decimal number as Prisma prints it ("-42", "1.50", "0.0000001": never an
//   exponent; see psl/catalog_builder.cpp for how literals are normalised);
// - Boolean: "true" / "false";
// - DateTime: "YYYY-MM-DD HH:MM:SS[.fff] +HH:MM" (chrono's Display, which Prisma prints);
// - Bytes: the raw bytes;
// - List: `items`, each a Value of the element kind.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::schema {

struct Value {
  enum class Kind : std::uint8_t { String, Int, Float, Boolean, DateTime, Json, Bytes, Enum, List };

  Kind kind = Kind::String;
  std::string text;
  std::vector<Value> items;

  static Value string(std::string s) { return {Kind::String, std::move(s), {}}; }
  static Value integer(std::string digits) { return {Kind::Int, std::move(digits), {}}; }
  static Value floating(std::string digits) { return {Kind::Float, std::move(digits), {}}; }
  static Value boolean(bool b) { return {Kind::Boolean, b ? "true" : "false", {}}; }
  static Value datetime(std::string s) { return {Kind::DateTime, std::move(s), {}}; }
  static Value json(std::string s) { return {Kind::Json, std::move(s), {}}; }
  static Value bytes(std::string raw) { return {Kind::Bytes, std::move(raw), {}}; }
  static Value enum_value(std::string s) { return {Kind::Enum, std::move(s), {}}; }
  static Value list(std::vector<Value> items) { return {Kind::List, {}, std::move(items)}; }

  friend bool operator==(const Value&, const Value&) = default;
};

/// A debugging form of `v` ("'abc'", "42", "[1, 2]", "x'0a'"), used by dump(Catalog).
std::string to_debug_string(const Value& v);

/// Lower-case hexadecimal of raw bytes ("\x01\xab" -> "01ab").
std::string hex_encode(const std::string& raw);

// Canonical spellings of literals, as Prisma prints them after parsing (ENG
// sql_schema_calculator.rs `constant_expression_to_sql_default`). nullopt: not a valid literal.

/// An i64 literal printed back: "-0" -> "0", "007" -> "7". nullopt when out of range.
std::optional<std::string> canonical_integer(std::string_view literal);

/// A decimal literal (BigDecimal parse + Display): sign, digits, optional fraction and
/// exponent in; plain notation out, keeping the literal's scale: "1.50" -> "1.50",
/// "1e3" -> "1000", "-0" -> "0", ".5" -> "0.5", "1E-3" -> "0.001", "0e2" -> "000".
std::optional<std::string> canonical_decimal(std::string_view literal);

/// An RFC 3339 date-time ("2020-01-01T10:00:00.5Z"; a space may replace the T) printed as
/// chrono's DateTime<FixedOffset> Display: "2020-01-01 10:00:00.500 +00:00". Fractions print
/// as 3, 6 or 9 digits (whichever is exact), none when zero; beyond 9 digits they are cut.
std::optional<std::string> canonical_datetime(std::string_view literal);

/// Standard base64 (with `=` padding) to raw bytes.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace godwit::schema
