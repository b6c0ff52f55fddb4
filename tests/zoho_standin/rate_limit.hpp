#pragma once

#include "clock.hpp"

#include <cstdint>
#include <deque>

namespace zoho_standin {

// What the X-Rate-Limit-* headers say.
struct RateHeaders {
  bool enabled = false;  // false when the per-minute limit is off: no headers are sent
  long limit = 0;
  long remaining = 0;
  long reset_seconds = 0;  // until the oldest request leaves the window
};

enum class RateVerdict { allowed, per_minute_exceeded, per_day_exceeded };

// The organization's request limits: a rolling 60-second window and a daily count (the day
// runs midnight to midnight in +0300). Rejected requests do not count. 0 turns a limit off.
class RateLimiter {
 public:
  static constexpr std::chrono::seconds window{60};

  RateLimiter(long per_minute, long per_day);

  // Records the request when it is allowed.
  RateVerdict admit(SteadyTime now, UnixSeconds unix_now);
  RateHeaders headers(SteadyTime now);
  // Seconds until one more request fits in the window (at least 1).
  long retry_after_seconds(SteadyTime now);
  // Seconds until the daily count starts again.
  static long seconds_until_next_day(UnixSeconds unix_now);
  void reset();

 private:
  void forget_old(SteadyTime now);

  long per_minute_;
  long per_day_;
  std::deque<SteadyTime> window_;
  std::int64_t day_ = 0;
  long used_today_ = 0;
};

}  // namespace zoho_standin
