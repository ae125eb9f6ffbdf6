// Formatter behaviour beyond the Prisma goldens: regression inputs found by fuzzing, and the
// places where godwit deliberately differs from `prisma format` (to stay idempotent).
#include <gtest/gtest.h>

#include "psl/format.hpp"

namespace godwit::psl {
namespace {

std::string format(std::string_view text) {
  Diagnostics d;
  return format_file(text, 0, d);
}

void expect_idempotent(std::string_view input) {
  std::string once = format(input);
  EXPECT_EQ(format(once), once) << "input:\n" << input;
}

TEST(PslFormat, BlockFollowedOnTheSameLine) {
  // Fuzzer finding: `}model ...` formatted differently the second time.
  std::string_view input =
      "datasource db {\n  probvider = \"postgresql\"\n\n\n}model String {\n  id   Int    @id\n}\n";
  EXPECT_EQ(
      format(input),
      "datasource db {\n  probvider = \"postgresql\"\n}\n\nmodel String {\n  id Int @id\n}\n");
  expect_idempotent(input);
  expect_idempotent("model A {\n  id Int @id\n}// c\n");
  expect_idempotent("model A {\n  id Int @id\n}garbage\n");
}

TEST(PslFormat, KeyWithoutValueKeepsItsEqualsSign) {
  // Fuzzer finding: Prisma drops the `=` of `key =`, which then no longer parses.
  std::string_view input = "datasource db {\n  prIvider =\n}\n";
  EXPECT_EQ(format(input), "datasource db {\n  prIvider =\n}\n");
  expect_idempotent(input);
}

TEST(PslFormat, EmptyAndWhitespaceOnlyInput) {
  EXPECT_EQ(format(""), "\n");
  EXPECT_EQ(format("\n\n  \n"), "\n");
}

TEST(PslFormat, InvalidLinesAreKept) {
  Diagnostics d;
  std::string out = format_file("model A {\n  id Int @id\n  what is this\n}\n", 0, d);
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(out, "model A {\n  id Int @id\n  what is this\n}\n");
}

}  // namespace
}  // namespace godwit::psl
