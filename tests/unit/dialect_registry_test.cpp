// The dialect registry: one entry per dialect with all its parts, found by provider in its
// one canonical spelling.
#include <gtest/gtest.h>

#include "dialect/registry.hpp"
#include "psl/datasource.hpp"

namespace godwit::dialect {
namespace {

TEST(DialectRegistry, EachDialectHasAllItsPartsThatExistSoFar) {
  for (std::string_view provider : {"postgresql", "sqlite"}) {
    const Parts* parts = find_parts(provider);
    ASSERT_NE(parts, nullptr) << provider;
    EXPECT_EQ(parts->provider, provider);
    ASSERT_NE(parts->runner, nullptr);
    EXPECT_EQ(parts->runner->provider(), provider);
    ASSERT_NE(parts->renderer, nullptr);
    EXPECT_EQ(parts->renderer->provider(), provider);
    EXPECT_NE(parts->psl, nullptr);
    EXPECT_NE(parts->inspector, nullptr);
    EXPECT_NE(parts->diff_policy, nullptr);
  }
  EXPECT_EQ(find_parts("postgresql")->psl->default_namespace, "public");
  EXPECT_EQ(find_parts("sqlite")->psl->default_namespace, "main");
  EXPECT_TRUE(find_parts("postgresql")->diff_policy->namespaces);
  EXPECT_TRUE(find_parts("sqlite")->diff_policy->foreign_keys_in_create_table);
}

TEST(DialectRegistry, PostgresIsPostgresql) {
  EXPECT_EQ(psl::canonical_provider("postgres"), "postgresql");
  EXPECT_EQ(psl::canonical_provider("postgresql"), "postgresql");
  EXPECT_EQ(psl::canonical_provider("sqlite"), "sqlite");
  EXPECT_EQ(find_parts("postgres"), find_parts("postgresql"));
  EXPECT_EQ(find("postgres"), find("postgresql"));
}

TEST(DialectRegistry, UnsupportedProviders) {
  EXPECT_EQ(find_parts("mysql"), nullptr);
  EXPECT_EQ(find_parts(""), nullptr);
  try {
    find("mysql");
    FAIL() << "expected GW2002";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2002");
  }
}

}  // namespace
}  // namespace godwit::dialect
