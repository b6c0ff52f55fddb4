#pragma once

#include "zoho_time.hpp"

#include <chrono>

namespace zoho_standin {

using SteadyTime = std::chrono::steady_clock::time_point;

// The server's sense of time. Tests can move it forward (POST /_admin/clock/skew) to expire
// tokens, the token-mint window or the rate-limit window without waiting.
class Clock {
 public:
  SteadyTime now() const { return std::chrono::steady_clock::now() + skew_; }

  UnixSeconds unix_now() const {
    const auto wall = std::chrono::system_clock::now() + skew_;
    return std::chrono::duration_cast<std::chrono::seconds>(wall.time_since_epoch()).count();
  }

  void set_skew(std::chrono::seconds skew) { skew_ = skew; }
  std::chrono::seconds skew() const { return skew_; }

 private:
  std::chrono::seconds skew_{0};
};

}  // namespace zoho_standin
