// Formatter goldens (tests/golden/psl/format/<case>/{input,expected}.prisma; expected outputs
// written by the real `prisma format`, see make_format_goldens.sh), and the corpus round trip:
// every corpus schema formats idempotently and validates to the same model afterwards.
#include <gtest/gtest.h>

#include <filesystem>

#include "psl/format.hpp"
#include "psl/validate.hpp"
#include "support/test_support.hpp"

namespace godwit::psl {
namespace {
namespace fs = std::filesystem;

std::string format(const std::string& text) {
  Diagnostics d;
  std::string out = format_file(text, 0, d);
  EXPECT_FALSE(d.has_errors());
  return out;
}

TEST(PslFormatGolden, MatchesPrismaFormat) {
  auto root = test::source_dir() / "tests" / "golden" / "psl" / "format";
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root))
    dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  ASSERT_GE(dirs.size(), 11u);
  std::size_t corpus = 0;
  for (const auto& dir : dirs) {
    SCOPED_TRACE(dir.filename().string());
    if (dir.filename().string().rfind("corpus_", 0) == 0) ++corpus;
    std::string input = test::read_file(dir / "input.prisma");
    std::string actual = format(input);
    // expected.prisma comes from Prisma: never rewritten by GODWIT_UPDATE_EXPECT.
    EXPECT_EQ(actual, test::read_file(dir / "expected.prisma"));
    EXPECT_EQ(format(actual), actual) << "not idempotent";
  }
  EXPECT_EQ(corpus, 11u);
}

SchemaSource source_of(std::string text) {
  SchemaSource s;
  s.root = "schema.prisma";
  s.files.push_back({"schema.prisma", std::move(text)});
  return s;
}

TEST(PslFormatGolden, CorpusRoundTripKeepsTheMeaning) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(test::corpus_dir()))
    if (e.path().extension() == ".prisma") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 11u);
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    std::string original = test::read_file(f);
    std::string once = format(original);
    EXPECT_EQ(format(once), once) << "not idempotent";
    auto before = validate_schema(source_of(original));
    auto after = validate_schema(source_of(once));
    EXPECT_EQ(before.ok(), after.ok());
    if (f.filename() != "template.prisma") {
      // The template's provider is a placeholder; every real corpus schema is valid.
      EXPECT_TRUE(before.ok()) << render_errors(source_of(original), before.diagnostics);
    }
    EXPECT_EQ(to_debug_string(before.schema), to_debug_string(after.schema));
  }
}

}  // namespace
}  // namespace godwit::psl
