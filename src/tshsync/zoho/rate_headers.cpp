#include <tshsync/zoho/rate_headers.hpp>

#include <algorithm>
#include <cctype>
#include <string>

#include <curl/curl.h>

namespace tshsync::zoho {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using SystemTime = std::chrono::system_clock::time_point;

std::optional<long long> digits_of(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

milliseconds until(time_t when, SystemTime now) {
  const auto wait = std::chrono::duration_cast<milliseconds>(std::chrono::system_clock::from_time_t(when) - now);
  return std::max(wait, milliseconds(0));
}

std::optional<milliseconds> retry_after(const std::string& value, SystemTime now) {
  if (const auto delay = digits_of(value)) return seconds(*delay);
  if (value.empty()) return std::nullopt;
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return until(when, now);
}

std::optional<milliseconds> reset_in(const std::string& value, SystemTime now) {
  const auto number = digits_of(value);
  if (!number) return std::nullopt;
  constexpr long long epoch_threshold = 1'000'000'000;  // no window lasts 31 years
  if (*number < epoch_threshold) return seconds(*number);
  return until(static_cast<time_t>(*number), now);
}

}  // namespace

std::optional<milliseconds> spent_window_wait(const http::Response& response, milliseconds cap, SystemTime now) {
  const bool rejected = response.status == 429;
  const bool spent = response.header("x-rate-limit-remaining") == "0";
  if (!rejected && !spent) return std::nullopt;
  const auto hinted_after = retry_after(response.header("retry-after"), now);
  const auto hinted_reset = reset_in(response.header("x-rate-limit-reset"), now);
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
