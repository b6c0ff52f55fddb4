#include <tshsync/zoho/rate_headers.hpp>

#include <algorithm>

#include <tshsync/http/wait_hints.hpp>

namespace tshsync::zoho {

using std::chrono::milliseconds;
using std::chrono::seconds;

std::optional<milliseconds> spent_window_wait(const http::Response& response, milliseconds cap, util::SystemTime now) {
  const bool rejected = response.status == 429;
  const bool spent = response.header("x-rate-limit-remaining") == "0";
  if (!rejected && !spent) return std::nullopt;
  const auto hinted_after = http::retry_after_wait(response.header("retry-after"), now);
  const auto hinted_reset = http::rate_limit_reset_wait(response.header("x-rate-limit-reset"), now);
  std::optional<milliseconds> wait;
  if (hinted_after || hinted_reset) {
    wait = std::max(hinted_after.value_or(milliseconds(0)), hinted_reset.value_or(milliseconds(0)));
  } else if (rejected) {
    wait = seconds(1);
  }
  if (wait) wait = std::min(*wait, cap);
  return wait;
}

}  // namespace tshsync::zoho
