#include "core/clock.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace godwit::core {

TimePoint system_now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

long long epoch_millis(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::string iso_utc(TimePoint t) {
  auto secs = std::chrono::time_point_cast<std::chrono::seconds>(t);
  auto micros = (t - secs).count();
  return fmt::format("{:%Y-%m-%d %H:%M:%S}.{:06d}+00:00", secs, micros);
}

}  // namespace godwit::core
