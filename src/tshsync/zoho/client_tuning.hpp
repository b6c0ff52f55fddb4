#pragma once

#include <chrono>
#include <functional>

#include <tshsync/http/retry.hpp>
#include <tshsync/http/retry_policy.hpp>
#include <tshsync/util/jitter.hpp>

namespace tshsync::zoho {

// Each token request counts against Zoho's 10 per 10 minutes: few attempts.
inline http::RetryPolicy default_token_retry() {
  http::RetryPolicy policy;
  policy.max_attempts = 3;
  policy.base = std::chrono::seconds(1);
  return policy;
}

// What a wait of the client is for.
enum class WaitReason {
  api_retry,     // backoff or Retry-After before the next attempt of an API call
  token_retry,   // backoff before the next attempt of a token request
  request_slot,  // the shared rate account's pacing (and a spent window's hold-off)
};
using WaitObserver = std::function<void(WaitReason, std::chrono::milliseconds)>;

// The client's knobs that are not configuration. Production uses the
// defaults; tests shorten the waits.
struct ClientTuning {
  http::RetryPolicy api_retry{};  // 6 attempts, backoff from 0.5 s
  http::RetryPolicy token_retry = default_token_retry();
  // A cached token is used only while it has this much life left.
  std::chrono::seconds token_refresh_margin{std::chrono::minutes(5)};
  // Zoho allows 10 token requests per refresh token per 10 minutes; stay below.
  int token_requests_per_window = 8;
  // How long to wait for another process that is refreshing the token.
  std::chrono::seconds refresh_lock_patience{std::chrono::minutes(5)};
  // Cap on how far one "window spent" answer pushes the shared rate account.
  std::chrono::milliseconds max_hold_off{std::chrono::minutes(2)};
  // How the client waits (retries, request slots) and draws retry jitter:
  // tests inject a sleep that does not sleep and a seeded jitter.
  http::SleepFn sleep = http::sleep_for;
  util::JitterSource jitter = util::jitter_unit;
  // Told of each wait, whole, before it is slept: tests with a sleep that does
  // not sleep record what was asked for and assert on that, not on real time.
  WaitObserver on_wait;
};

}  // namespace tshsync::zoho
