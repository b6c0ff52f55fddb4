#include "rate_limit.hpp"

#include <algorithm>

namespace zoho_standin {
namespace {

std::int64_t local_day(UnixSeconds unix_now) {
  const std::int64_t local = unix_now + baghdad_offset_minutes * 60;
  return local / seconds_per_day;
}

long ceil_seconds(std::chrono::steady_clock::duration duration) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
  return static_cast<long>((ms + 999) / 1000);
}

}  // namespace

RateLimiter::RateLimiter(long per_minute, long per_day) : per_minute_(per_minute), per_day_(per_day) {}

RateVerdict RateLimiter::admit(SteadyTime now, UnixSeconds unix_now) {
  forget_old(now);
  if (local_day(unix_now) != day_) {
    day_ = local_day(unix_now);
    used_today_ = 0;
  }
  if (per_day_ > 0 && used_today_ >= per_day_) {
    return RateVerdict::per_day_exceeded;
  }
  if (per_minute_ > 0 && static_cast<long>(window_.size()) >= per_minute_) {
    return RateVerdict::per_minute_exceeded;
  }
  ++used_today_;
  if (per_minute_ > 0) {
    window_.push_back(now);
  }
  return RateVerdict::allowed;
}

RateHeaders RateLimiter::headers(SteadyTime now) {
  forget_old(now);
  RateHeaders headers;
  headers.enabled = per_minute_ > 0;
  headers.limit = per_minute_;
  headers.remaining = std::max(0L, per_minute_ - static_cast<long>(window_.size()));
  headers.reset_seconds = window_.empty() ? 0 : ceil_seconds(window_.front() + window - now);
  return headers;
}

long RateLimiter::retry_after_seconds(SteadyTime now) {
  forget_old(now);
  return window_.empty() ? 1 : std::max(1L, ceil_seconds(window_.front() + window - now));
}

long RateLimiter::seconds_until_next_day(UnixSeconds unix_now) {
  const std::int64_t local = unix_now + baghdad_offset_minutes * 60;
  return static_cast<long>(seconds_per_day - local % seconds_per_day);
}

void RateLimiter::reset() {
  window_.clear();
  used_today_ = 0;
}

void RateLimiter::forget_old(SteadyTime now) {
  while (!window_.empty() && window_.front() + window <= now) {
    window_.pop_front();
  }
}

}  // namespace zoho_standin
