// The lock budget's pure parts (migrate/lock_budget.hpp): the retry backoff with jitter and the
// text that names a blocking session.
#include "migrate/lock_budget.hpp"

#include <gtest/gtest.h>

namespace godwit::migrate {
namespace {

using std::chrono::milliseconds;

TEST(LockBudgetRetryDelay, DoublesFromTheBaseUpToTheCapWithHalfOfItRandom) {
  LockBudget b;  // defaults: 500 ms base, 30 s cap
  // Retry n waits min(cap, base * 2^(n-1)); the random half goes from 0 to all of it.
  EXPECT_EQ(retry_delay(b, 1, 0.0), milliseconds(250));
  EXPECT_EQ(retry_delay(b, 1, 1.0), milliseconds(500));
  EXPECT_EQ(retry_delay(b, 2, 0.0), milliseconds(500));
  EXPECT_EQ(retry_delay(b, 4, 0.5), milliseconds(3000));     // 4 s: 2 s fixed + 1 s of 2 s random
  EXPECT_EQ(retry_delay(b, 7, 1.0), milliseconds(30000));    // 32 s capped at 30 s
  EXPECT_EQ(retry_delay(b, 100, 0.0), milliseconds(15000));  // no overflow far out
}

TEST(LockBudgetRetryDelay, OutOfRangeInputsStayInRange) {
  LockBudget b;
  EXPECT_EQ(retry_delay(b, 0, 0.0), milliseconds(250));   // attempts count from 1
  EXPECT_EQ(retry_delay(b, 1, -3.0), milliseconds(250));  // randomness clamped to [0, 1]
  EXPECT_EQ(retry_delay(b, 1, 7.0), milliseconds(500));
  b.retry_base = milliseconds(0);
  EXPECT_EQ(retry_delay(b, 5, 0.5), milliseconds(0));
}

TEST(LockBudgetStandbyDecision, WaitsWhileALagIsAboveTheLimitThenGivesUp) {
  LockBudget b;  // defaults: 30 s lag, at most 10 minutes of waiting
  EXPECT_EQ(standby_decision(b, 0, 0), StandbyDecision::kGo);   // no standby
  EXPECT_EQ(standby_decision(b, 30, 0), StandbyDecision::kGo);  // at the limit
  EXPECT_EQ(standby_decision(b, 30.5, 0), StandbyDecision::kWait);
  EXPECT_EQ(standby_decision(b, 45, 599.9), StandbyDecision::kWait);
  EXPECT_EQ(standby_decision(b, 45, 600), StandbyDecision::kGiveUp);
  EXPECT_EQ(standby_decision(b, 12, 600), StandbyDecision::kGo);  // caught up at the last moment
  b.max_standby_lag = milliseconds(0);                            // --max-standby-lag 0: off
  EXPECT_EQ(standby_decision(b, 3600, 3600), StandbyDecision::kGo);
  b.max_standby_lag = milliseconds(500);
  b.max_standby_wait = milliseconds(0);  // no waiting at all: stop at once
  EXPECT_EQ(standby_decision(b, 0.6, 0), StandbyDecision::kGiveUp);
}

TEST(LockBudgetDescribeBlocker, NamesPidApplicationStateAgeLockAndQuery) {
  Blocker b;
  b.pid = 4242;
  b.application_name = "billing-worker";
  b.user = "app";
  b.state = "idle in transaction";
  b.transaction_age_s = 35.26;
  b.relation = "\"User\"";
  b.mode = "AccessShareLock";
  b.query = "SELECT *\nFROM \"User\"";
  EXPECT_EQ(describe_blocker(b),
            "pid 4242 (application \"billing-worker\", user \"app\", state \"idle in "
            "transaction\", transaction open 35.3 s, holds AccessShareLock on \"User\"): SELECT "
            "* FROM \"User\"");
}

TEST(LockBudgetDescribeBlocker, HiddenValuesAndLongQueries) {
  Blocker b;
  b.pid = 7;
  b.query = std::string(300, 'x');
  const auto text = describe_blocker(b);
  const std::string head = "pid 7 (application \"\", user \"?\", state \"?\"): ";
  EXPECT_TRUE(text.starts_with(head + "xxx")) << text;
  EXPECT_EQ(text.size(), head.size() + 200);  // 197 characters of the query, then "..."
  EXPECT_TRUE(text.ends_with("..."));
}

}  // namespace
}  // namespace godwit::migrate
