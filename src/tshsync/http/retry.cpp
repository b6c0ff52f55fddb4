#include <tshsync/http/retry.hpp>

#include <algorithm>
#include <thread>

namespace tshsync::http {
namespace {

using std::chrono::milliseconds;

// Short enough that a SIGTERM during a long Retry-After wait ends it promptly.
constexpr milliseconds sleep_slice{100};

}  // namespace

void sleep_for(milliseconds duration) { std::this_thread::sleep_for(duration); }

void pause(milliseconds duration, const core::CancelToken* cancel, const std::string& what, const SleepFn& sleep) {
  while (duration > milliseconds(0)) {
    abort_if_cancelled(cancel, what);
    const milliseconds slice = std::min(duration, sleep_slice);
    sleep(slice);
    duration -= slice;
  }
  abort_if_cancelled(cancel, what);
}

void run_with_retry(const RetryPolicy& policy, const RetryTiming& timing, const RetryLabels& labels,
                    const AttemptFn& attempt, const std::function<void(const RetryWait&)>& on_wait,
                    const GiveUpFn& give_up) {
  for (int number = 1;; ++number) {
    abort_if_cancelled(timing.cancel, "before " + labels.attempt);
    std::optional<AttemptFailure> failure = attempt(number);
    if (!failure) return;
    if (failure->uncounted) {
      --number;
      continue;
    }
    if (!policy.should_retry(number, failure->verdict)) {
      give_up(number, *failure);
      return;
    }
    const milliseconds delay =
        policy.backoff(number, failure->response ? &*failure->response : nullptr, timing.jitter());
    if (on_wait) on_wait(RetryWait{number, *failure, delay});
    pause(delay, timing.cancel, "while waiting to retry " + labels.retry, timing.sleep);
  }
}

}  // namespace tshsync::http
