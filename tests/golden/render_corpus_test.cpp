// For every real-world history in the corpus, the real godwit binary's
// `migrate diff --from-empty --to-schema <schema.prisma> --script` must print exactly what
// Prisma 7.10.1 printed (prisma-golden/full.sql), byte for byte.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "golden/render_compare.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

// The histories with a Prisma answer (corpus README, "Prisma's own answers").
const std::vector<std::string> kHistories = {
    "langfuse__langfuse",
    "triggerdotdev__trigger.dev/database",
    "triggerdotdev__trigger.dev/run-ops-database",
    "hoppscotch__hoppscotch",
    "umami-software__umami",
    "teableio__teable/postgres",
    "teableio__teable/sqlite",
    "Mintplex-Labs__anything-llm",
    "stonith404__pingvin-share",
};

class CorpusRender : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusRender, ScriptEqualsPrismaFullSql) {
  fs::path dir = corpus_dir() / GetParam();
  fs::path schema = dir / "schema.prisma";
  fs::path golden = dir / "prisma-golden" / "full.sql";
  ASSERT_TRUE(fs::exists(schema)) << schema;
  ASSERT_TRUE(fs::exists(golden)) << golden;
  ASSERT_TRUE(fs::exists(godwit_binary())) << "build the godwit target first";

  auto r =
      run_godwit({"migrate", "diff", "--from-empty", "--to-schema", schema.string(), "--script"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string expected = read_file(golden);
  EXPECT_EQ(first_difference(expected, r.out), "") << GetParam();
}

TEST_P(CorpusRender, ExitCodeSignalsANonEmptyDiff) {
  fs::path schema = corpus_dir() / GetParam() / "schema.prisma";
  auto r = run_godwit(
      {"migrate", "diff", "--from-empty", "--to-schema", schema.string(), "--exit-code"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("[+] Added tables\n"), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Histories, CorpusRender, ::testing::ValuesIn(kHistories),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char ch : info.param) {
                             name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace godwit::test
