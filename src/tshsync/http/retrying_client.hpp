#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/http/http_client.hpp>
#include <tshsync/http/retry.hpp>
#include <tshsync/http/retry_policy.hpp>

namespace tshsync::http {

// Reported before each wait, for logs and the run report.
struct RetryEvent {
  int attempt = 0;                                // the attempt that just failed (1-based)
  std::optional<long> status;                     // its HTTP status, if it got one
  std::optional<TransportError::Kind> transport;  // or why it got none
  std::string reason;                             // one line, no secrets
  std::chrono::milliseconds delay{0};             // wait before the next attempt
};

// Runs `request` until it succeeds, fails for good, or attempts run out.
// Any method is retried, so pass only requests that are safe to repeat.
// Returns the last response, whatever its status: when
// classify(response.status) == Verdict::retry the retries were exhausted
// (report "try later" rather than "refused"). Rethrows the last TransportError
// when no attempt got a response. Waits are cut into short slices passed to
// `sleep`, and a raised `cancel` token ends them with TransportError(cancelled);
// give the client the same token (ClientOptions::cancel) to abort transfers too.
// Jitter comes from util::jitter_unit.
Response perform_with_retry(HttpClient& client, const Request& request, const RetryPolicy& policy,
                            const std::function<void(const RetryEvent&)>& on_retry = {},
                            const core::CancelToken* cancel = nullptr, const SleepFn& sleep = sleep_for);

}  // namespace tshsync::http
