#pragma once

#include <chrono>

#include <tshsync/http/http_client.hpp>

namespace tshsync::http {

enum class Verdict { success, retry, fail };

// 2xx succeed; 408, 429 and 5xx (but 501 Not Implemented and 505 HTTP Version
// Not Supported, which will not change) are worth retrying; the rest fail.
Verdict classify(long http_status);
// Timeouts, refused connections and resets are transient; TLS failures and
// cancellation are not, nor is anything unrecognised.
Verdict classify(TransportError::Kind kind);

// When to retry and how long to wait. Pure: the caller supplies the random
// jitter and the clock, so every decision is reproducible in tests.
struct RetryPolicy {
  int max_attempts = 6;  // including the first
  std::chrono::milliseconds base{500};
  std::chrono::milliseconds max_delay{std::chrono::seconds(60)};
  // Cap on waits the server asks for (Retry-After, X-Rate-Limit-Reset).
  std::chrono::milliseconds max_server_delay{std::chrono::seconds(120)};
  // Spread added to a server-requested wait so clients do not return in lockstep.
  std::chrono::milliseconds server_jitter{1000};

  // True when `attempt` (1-based, just made) ended in `verdict` and another is allowed.
  bool should_retry(int attempt, Verdict verdict) const;

  // The wait before attempt + 1. `last` is the response of `attempt`, or null
  // after a transport error; `jitter_unit` is drawn from U(0, 1).
  // Without a server hint: base * 2^(attempt-1 + 0.5*jitter_unit), capped at max_delay.
  // With Retry-After (seconds or HTTP-date), or X-Rate-Limit-Reset (seconds) on a
  // 429: that wait plus jitter_unit * server_jitter, capped at max_server_delay.
  std::chrono::milliseconds backoff(int attempt, const Response* last, double jitter_unit,
                                    std::chrono::system_clock::time_point now) const;
  std::chrono::milliseconds backoff(int attempt, const Response* last, double jitter_unit) const;
};

}  // namespace tshsync::http
