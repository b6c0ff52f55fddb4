#include <tshsync/http/wait_hints.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>

#include <curl/curl.h>

namespace tshsync::http {
namespace {

// A non-negative count; empty unless the text is only digits.
std::optional<long long> digits_of(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

}  // namespace

std::optional<std::chrono::milliseconds> retry_after_wait(const std::string& value, util::SystemTime now) {
  if (const auto delay = digits_of(value)) return std::chrono::seconds(*delay);
  if (value.empty()) return std::nullopt;
  // libcurl's parser accepts all three HTTP-date forms.
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return util::wait_until(when, now);
}

std::optional<std::chrono::milliseconds> rate_limit_reset_wait(const std::string& value, util::SystemTime now) {
  const auto number = digits_of(value);
  if (!number) return std::nullopt;
  constexpr long long epoch_threshold = 1'000'000'000;  // 2001-09-09: no window lasts 31 years
  if (*number < epoch_threshold) return std::chrono::seconds(*number);
  return util::wait_until(static_cast<time_t>(*number), now);
}

}  // namespace tshsync::http
