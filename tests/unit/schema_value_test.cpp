// Canonical literal spellings: what Prisma prints for numbers, dates and bytes after parsing
// them (checked against the Prisma oracle in tests/golden/render/defaults).
#include <gtest/gtest.h>

#include "schema/value.hpp"

namespace godwit::schema {
namespace {

TEST(SchemaValue, CanonicalInteger) {
  EXPECT_EQ(canonical_integer("42"), "42");
  EXPECT_EQ(canonical_integer("-42"), "-42");
  EXPECT_EQ(canonical_integer("-0"), "0");
  EXPECT_EQ(canonical_integer("007"), "7");
  EXPECT_EQ(canonical_integer("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(canonical_integer("-9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(canonical_integer("9223372036854775808"), std::nullopt);
  EXPECT_EQ(canonical_integer("1.5"), std::nullopt);
  EXPECT_EQ(canonical_integer(""), std::nullopt);
  EXPECT_EQ(canonical_integer("-"), std::nullopt);
}

TEST(SchemaValue, CanonicalDecimalKeepsTheScale) {
  EXPECT_EQ(canonical_decimal("1.0"), "1.0");
  EXPECT_EQ(canonical_decimal("1.50"), "1.50");
  EXPECT_EQ(canonical_decimal("-0.001"), "-0.001");
  EXPECT_EQ(canonical_decimal("3"), "3");
  EXPECT_EQ(canonical_decimal("00012.5"), "12.5");
  EXPECT_EQ(canonical_decimal(".5"), "0.5");
  EXPECT_EQ(canonical_decimal("5."), "5");
  EXPECT_EQ(canonical_decimal("+7"), "7");
}

TEST(SchemaValue, CanonicalDecimalZeroAndExponents) {
  EXPECT_EQ(canonical_decimal("-0"), "0");
  EXPECT_EQ(canonical_decimal("-0.0"), "0.0");
  EXPECT_EQ(canonical_decimal("-0.00"), "0.00");
  EXPECT_EQ(canonical_decimal("1e3"), "1000");
  EXPECT_EQ(canonical_decimal("0e5"), "000000");
  EXPECT_EQ(canonical_decimal("12.5e-1"), "1.25");
  EXPECT_EQ(canonical_decimal("1E-10"), "0.0000000001");
  EXPECT_EQ(canonical_decimal("0.00000012"), "0.00000012");
  EXPECT_EQ(canonical_decimal("123456789012345678901234567890"), "123456789012345678901234567890");
  EXPECT_EQ(canonical_decimal("1e"), std::nullopt);
  EXPECT_EQ(canonical_decimal("."), std::nullopt);
  EXPECT_EQ(canonical_decimal("abc"), std::nullopt);
}

TEST(SchemaValue, CanonicalDatetime) {
  EXPECT_EQ(canonical_datetime("2020-01-01T00:00:00Z"), "2020-01-01 00:00:00 +00:00");
  EXPECT_EQ(canonical_datetime("2020-01-01T10:11:12.345+02:00"), "2020-01-01 10:11:12.345 +02:00");
  EXPECT_EQ(canonical_datetime("2020-01-01 10:00:00+01:00"), "2020-01-01 10:00:00 +01:00");
  EXPECT_EQ(canonical_datetime("2020-01-01T10:00:00.5-01:30"), "2020-01-01 10:00:00.500 -01:30");
  EXPECT_EQ(canonical_datetime("2020-01-01T10:00:00.123456Z"), "2020-01-01 10:00:00.123456 +00:00");
  EXPECT_EQ(canonical_datetime("2020-01-01T10:00:00.123456789Z"),
            "2020-01-01 10:00:00.123456789 +00:00");
  EXPECT_EQ(canonical_datetime("2020-01-01T10:00:00.1234567891Z"),
            "2020-01-01 10:00:00.123456789 +00:00");
  EXPECT_EQ(canonical_datetime("2020-01-01T10:00:00.000Z"), "2020-01-01 10:00:00 +00:00");
  EXPECT_EQ(canonical_datetime("2020-01-01T10:00:00-00:00"), "2020-01-01 10:00:00 +00:00");
  EXPECT_EQ(canonical_datetime("2020-01-01T10:00:00"), std::nullopt);
  EXPECT_EQ(canonical_datetime("2020-01-01T10:00:00.5-0130"), std::nullopt);
  EXPECT_EQ(canonical_datetime("2020-01-01"), std::nullopt);
}

TEST(SchemaValue, Base64AndHex) {
  EXPECT_EQ(base64_decode("aGVsbG8="), "hello");
  EXPECT_EQ(base64_decode("aGk="), "hi");
  EXPECT_EQ(base64_decode("aGVs"), "hel");
  EXPECT_EQ(base64_decode(""), "");
  EXPECT_EQ(base64_decode("aGVsbG8"), std::nullopt);
  EXPECT_EQ(base64_decode("a=Vs"), std::nullopt);
  EXPECT_EQ(base64_decode("a*Vs"), std::nullopt);
  EXPECT_EQ(hex_encode("hello"), "68656c6c6f");
  EXPECT_EQ(hex_encode(std::string("\x00\xff", 2)), "00ff");
}

TEST(SchemaValue, DebugString) {
  EXPECT_EQ(to_debug_string(Value::list({Value::string("a"), Value::integer("1")})), "['a', 1]");
  EXPECT_EQ(to_debug_string(Value::bytes("hi")), "x'6869'");
  EXPECT_EQ(to_debug_string(Value::boolean(true)), "true");
}

}  // namespace
}  // namespace godwit::schema
