#pragma once

#include <chrono>
#include <exception>
#include <functional>
#include <optional>
#include <string>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/http/http_client.hpp>
#include <tshsync/http/retry_policy.hpp>
#include <tshsync/util/jitter.hpp>

namespace tshsync::http {

using SleepFn = std::function<void(std::chrono::milliseconds)>;

// Sleeps for real; the default SleepFn.
void sleep_for(std::chrono::milliseconds duration);

// Waits `duration` in short slices passed to `sleep`, so a raised token ends
// the wait promptly with TransportError(cancelled, "cancelled " + what).
void pause(std::chrono::milliseconds duration, const core::CancelToken* cancel, const std::string& what,
           const SleepFn& sleep = sleep_for);

// How a retry loop waits. Production uses the defaults; tests inject a sleep
// that does not sleep and a seeded jitter, so no test waits on real time.
struct RetryTiming {
  const core::CancelToken* cancel = nullptr;
  SleepFn sleep = sleep_for;
  util::JitterSource jitter = util::jitter_unit;
};

// What a loop is doing, for the cancellation messages: "cancelled before
// <attempt>" and "cancelled while waiting to retry <retry>".
struct RetryLabels {
  std::string attempt;
  std::string retry;
};

// An attempt that did not finish the job.
struct AttemptFailure {
  Verdict verdict = Verdict::retry;  // retry: another attempt may succeed; fail: none will
  std::optional<Response> response;  // its answer (a Retry-After there counts), none after a transport error
  std::string reason;                // one line, no secrets
  std::exception_ptr error;          // the transport error, when it got no answer
  bool uncounted = false;            // try again at once, not counted as an attempt (a refreshed token)
};

// Reported before each wait, for the caller's log line.
struct RetryWait {
  int attempt = 0;  // the attempt that failed (1-based)
  const AttemptFailure& failure;
  std::chrono::milliseconds delay{0};
};

// Reports an attempt's failure, or nothing when the attempt finished the job
// (its result is the caller's to keep).
using AttemptFn = std::function<std::optional<AttemptFailure>(int attempt)>;
// Called once when the loop stops retrying (a `fail` verdict, or attempts run
// out): throws the caller's error or keeps the failure as the result.
using GiveUpFn = std::function<void(int attempt, AttemptFailure& failure)>;

// The one retry loop. Before each attempt it checks the token; after a
// failure it asks `policy` whether to retry and how long to wait (Retry-After
// honoured, jitter from `timing.jitter`), reports the wait, then pauses.
void run_with_retry(const RetryPolicy& policy, const RetryTiming& timing, const RetryLabels& labels,
                    const AttemptFn& attempt, const std::function<void(const RetryWait&)>& on_wait,
                    const GiveUpFn& give_up);

}  // namespace tshsync::http
