// sql::Statement stays small (a data migration holds one per statement) and its kind tags are
// interned: equal text, equal tag, from any thread.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sql/statement.hpp"

namespace godwit::sql {
namespace {

TEST(StatementKind, ReadsBackTheTextItWasMadeFrom) {
  StatementKind none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.view(), "");
  StatementKind k = "CREATE INDEX CONCURRENTLY";
  EXPECT_FALSE(k.empty());
  EXPECT_EQ(k, "CREATE INDEX CONCURRENTLY");
  EXPECT_TRUE(k.starts_with("CREATE INDEX"));
  EXPECT_FALSE(k == "CREATE INDEX");
  const std::string dynamic = std::string("PRAGMA ") + "foreign_keys";
  StatementKind p = dynamic;
  EXPECT_EQ(p.view(), "PRAGMA foreign_keys");
  std::ostringstream out;
  out << p;
  EXPECT_EQ(out.str(), "PRAGMA foreign_keys");
}

TEST(StatementKind, SameTextIsTheSameTagAcrossThreads) {
  std::vector<std::string> seen(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        StatementKind k = "KIND " + std::to_string(i % 50);
        if (k != "KIND " + std::to_string(i % 50)) seen[t] = "mismatch at " + std::to_string(i);
      }
    });
  }
  for (auto& th : threads)
    th.join();
  for (const auto& s : seen)
    EXPECT_EQ(s, "");
  StatementKind a = "KIND 7";
  StatementKind b = std::string("KIND 7");
  EXPECT_EQ(a, b);
}

TEST(Statement, StaysAtTwentyFourBytes) {
  EXPECT_LE(sizeof(Statement), 24u);
}

}  // namespace
}  // namespace godwit::sql
