#include <tshsync/http/retry_policy.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <optional>
#include <string>

#include <curl/curl.h>

namespace tshsync::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using SystemTime = std::chrono::system_clock::time_point;

// A non-negative count of seconds; empty unless the text is only digits.
std::optional<long long> parse_seconds(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

// Retry-After is either delay-seconds or an HTTP-date (RFC 9110 10.2.3).
std::optional<seconds> retry_after(const std::string& value, SystemTime now) {
  if (value.empty()) return std::nullopt;
  if (const auto delay = parse_seconds(value)) return seconds(*delay);
  // libcurl's parser accepts all three HTTP-date forms.
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  const auto wait = std::chrono::duration_cast<seconds>(std::chrono::system_clock::from_time_t(when) - now);
  return std::max(wait, seconds(0));
}

// Zoho documents X-Rate-Limit-Reset as seconds until the window resets; an
// epoch timestamp (as some APIs send) is recognised by its size.
std::optional<seconds> rate_limit_reset(const std::string& value, SystemTime now) {
  const auto number = parse_seconds(value);
  if (!number) return std::nullopt;
  constexpr long long epoch_threshold = 1'000'000'000;  // 2001-09-09: no window lasts 31 years
  if (*number < epoch_threshold) return seconds(*number);
  const auto wait = std::chrono::duration_cast<seconds>(
      std::chrono::system_clock::from_time_t(static_cast<time_t>(*number)) - now);
  return std::max(wait, seconds(0));
}

// The wait the server asked for, if any. X-Rate-Limit-Reset rides on every
// response, so it only means "wait" on a 429.
std::optional<seconds> server_hint(const Response& last, SystemTime now) {
  if (auto wait = retry_after(last.header("retry-after"), now)) return wait;
  if (last.status == 429) return rate_limit_reset(last.header("x-rate-limit-reset"), now);
  return std::nullopt;
}

}  // namespace

Verdict classify(long http_status) {
  if (http_status >= 200 && http_status < 300) return Verdict::success;
  if (http_status == 408 || http_status == 429) return Verdict::retry;
  if (http_status == 501 || http_status == 505) return Verdict::fail;
  if (http_status >= 500 && http_status < 600) return Verdict::retry;
  return Verdict::fail;
}

Verdict classify(TransportError::Kind kind) {
  switch (kind) {
    case TransportError::Kind::timeout:
    case TransportError::Kind::connect:
    case TransportError::Kind::reset:
      return Verdict::retry;
    case TransportError::Kind::tls:
    case TransportError::Kind::cancelled:
    case TransportError::Kind::other:
      return Verdict::fail;
  }
  return Verdict::fail;
}

bool RetryPolicy::should_retry(int attempt, Verdict verdict) const {
  return verdict == Verdict::retry && attempt < max_attempts;
}

milliseconds RetryPolicy::backoff(int attempt, const Response* last, double jitter_unit, SystemTime now) const {
  jitter_unit = std::clamp(jitter_unit, 0.0, 1.0);
  if (last != nullptr) {
    if (const auto hint = server_hint(*last, now)) {
      const milliseconds requested = std::min(milliseconds(*hint), max_server_delay);
      const auto spread = milliseconds(std::llround(jitter_unit * static_cast<double>(server_jitter.count())));
      return std::min(requested + spread, max_server_delay);
    }
  }
  const double exponent = static_cast<double>(std::max(attempt, 1) - 1) + 0.5 * jitter_unit;
  const double delay_ms = static_cast<double>(base.count()) * std::pow(2.0, exponent);
  const double capped_ms = std::min(delay_ms, static_cast<double>(max_delay.count()));
  return milliseconds(std::llround(capped_ms));
}

milliseconds RetryPolicy::backoff(int attempt, const Response* last, double jitter_unit) const {
  return backoff(attempt, last, jitter_unit, std::chrono::system_clock::now());
}

}  // namespace tshsync::http
