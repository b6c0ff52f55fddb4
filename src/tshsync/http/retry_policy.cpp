#include <tshsync/http/retry_policy.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#include <tshsync/http/wait_hints.hpp>

namespace tshsync::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// The wait the server asked for, if any. X-Rate-Limit-Reset rides on every
// response, so it only means "wait" on a 429.
// Whole seconds: a date's fraction of a second is dropped.
std::optional<seconds> server_hint(const Response& last, util::SystemTime now) {
  std::optional<milliseconds> wait = retry_after_wait(last.header("retry-after"), now);
  if (!wait && last.status == 429) wait = rate_limit_reset_wait(last.header("x-rate-limit-reset"), now);
  if (!wait) return std::nullopt;
  return std::chrono::duration_cast<seconds>(*wait);
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

milliseconds RetryPolicy::backoff(int attempt, const Response* last, double jitter_unit, util::SystemTime now) const {
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
