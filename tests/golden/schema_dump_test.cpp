// The catalog that the PSL front end builds, as its stable text dump (schema/dump.hpp), for the
// render cases' schemas (tests/golden/render/<case>/schema.prisma, per provider the case
// lists) and a few corpus schemas. The expected files are godwit's own format, written by
// godwit: GODWIT_UPDATE_EXPECT=1 rewrites them; review their diff like code. They show every
// change to the model (the SQL goldens show that rendering did not change).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "dialect/registry.hpp"
#include "golden/render_compare.hpp"
#include "psl/catalog_builder.hpp"
#include "psl/datasource.hpp"
#include "psl/validate.hpp"
#include "schema/dump.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string name;      ///< the expected file's stem
  fs::path schema;       ///< the PSL schema
  std::string provider;  ///< "" = as the schema says
};

fs::path expected_dir() {
  return source_dir() / "tests" / "golden" / "schema" / "catalog";
}

std::vector<Case> all_cases() {
  std::vector<Case> out;
  fs::path render = source_dir() / "tests" / "golden" / "render";
  for (const auto& entry : fs::directory_iterator(render)) {
    fs::path schema = entry.path() / "schema.prisma";
    if (!fs::exists(schema)) continue;
    std::vector<std::string> providers = {"postgresql", "sqlite"};
    if (fs::exists(entry.path() / "providers")) {
      providers.clear();
      std::istringstream in(read_file(entry.path() / "providers"));
      for (std::string p; in >> p;)
        providers.push_back(p);
    }
    for (const auto& p : providers)
      out.push_back({entry.path().filename().string() + "." + p, schema, p});
  }
  for (const char* history :
       {"stonith404__pingvin-share", "umami-software__umami", "hoppscotch__hoppscotch"}) {
    std::string name = std::string("corpus.") + history;
    out.push_back({name, corpus_dir() / history / "schema.prisma", ""});
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

class CatalogDump : public ::testing::TestWithParam<Case> {};

TEST_P(CatalogDump, EqualsExpected) {
  const Case& c = GetParam();
  ASSERT_TRUE(fs::exists(c.schema)) << c.schema;
  TempDir tmp;
  fs::path schema = tmp.path() / "schema.prisma";
  std::string text = read_file(c.schema);
  write_file(schema, c.provider.empty() ? text : with_provider(text, c.provider));
  auto result = psl::validate_or_throw(psl::load_schema_source(schema));
  const auto* parts = dialect::find_parts(result.schema.provider());
  ASSERT_NE(parts, nullptr) << result.schema.provider();
  std::string actual = schema::dump(psl::build_catalog(result.schema, *parts->psl));
  EXPECT_EQ(check_golden(expected_dir() / (c.name + ".txt"), actual), "");
}

INSTANTIATE_TEST_SUITE_P(Schemas, CatalogDump, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name;
                           for (char ch : info.param.name)
                             name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           return name;
                         });

}  // namespace
}  // namespace godwit::test
