#include "migrate/lock_budget.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace godwit::migrate {

std::chrono::milliseconds retry_delay(const LockBudget& budget, int attempt, double unit_random) {
  using std::chrono::milliseconds;
  const double base = static_cast<double>(std::max<long long>(0, budget.retry_base.count()));
  const double cap = static_cast<double>(std::max<long long>(0, budget.retry_max.count()));
  const double exp = std::min(cap, base * std::ldexp(1.0, std::clamp(attempt, 1, 40) - 1));
  // Equal jitter: half the wait is fixed (the backoff stays exponential), half is random (two
  // deploys, or a deploy and a cron job, do not retry in step).
  const double r = std::clamp(unit_random, 0.0, 1.0);
  return milliseconds(static_cast<long long>(std::llround(exp / 2 + r * exp / 2)));
}

StandbyDecision standby_decision(const LockBudget& budget, double worst_lag_s, double waited_s) {
  if (budget.max_standby_lag.count() <= 0) return StandbyDecision::kGo;
  const double limit_s = static_cast<double>(budget.max_standby_lag.count()) / 1000.0;
  if (worst_lag_s <= limit_s) return StandbyDecision::kGo;
  const double max_wait_s = static_cast<double>(budget.max_standby_wait.count()) / 1000.0;
  return waited_s >= max_wait_s ? StandbyDecision::kGiveUp : StandbyDecision::kWait;
}

std::string describe_blocker(const Blocker& b) {
  auto shown = [](const std::string& v) { return v.empty() ? std::string("?") : v; };
  std::string out = fmt::format("pid {} (application \"{}\", user \"{}\", state \"{}\"", b.pid,
                                b.application_name, shown(b.user), shown(b.state));
  if (b.transaction_age_s >= 0)
    out += fmt::format(", transaction open {:.1f} s", b.transaction_age_s);
  if (!b.mode.empty()) {
    out += ", holds " + b.mode;
    if (!b.relation.empty()) out += " on " + b.relation;
  }
  out += ")";
  std::string query = b.query;
  std::replace(query.begin(), query.end(), '\n', ' ');
  if (query.size() > 200) query = query.substr(0, 197) + "...";
  if (!query.empty()) out += ": " + query;
  return out;
}

}  // namespace godwit::migrate
