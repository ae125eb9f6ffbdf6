#pragma once
// Time is injected so tests can pin it; production code uses system_clock.

#include <chrono>
#include <functional>
#include <string>

namespace godwit::core {

using TimePoint = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;
using Clock = std::function<TimePoint()>;

/// The real UTC wall clock, truncated to microseconds (PostgreSQL's timestamptz precision).
TimePoint system_now();

/// Milliseconds since the Unix epoch (how Prisma stores SQLite history timestamps).
long long epoch_millis(TimePoint t);

/// "2026-11-21 14:52:00.123456+00:00": ISO 8601 UTC, accepted by PostgreSQL timestamptz.
std::string iso_utc(TimePoint t);

}  // namespace godwit::core
