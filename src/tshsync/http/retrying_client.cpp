#include <tshsync/http/retrying_client.hpp>

#include <algorithm>
#include <random>
#include <thread>

#include <tshsync/http/url.hpp>

namespace tshsync::http {
namespace {

using std::chrono::milliseconds;

// Short enough that a SIGTERM during a long Retry-After wait ends it promptly.
constexpr milliseconds sleep_slice{100};

bool is_cancelled(const std::atomic<bool>* cancel) {
  return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

std::string describe(const Request& request) { return request.method + " " + redact_url_query(request.url); }

double draw_jitter_unit() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

void wait(milliseconds delay, const std::atomic<bool>* cancel, const SleepFn& sleep, const Request& request) {
  while (delay > milliseconds(0)) {
    if (is_cancelled(cancel)) break;
    const milliseconds slice = std::min(delay, sleep_slice);
    sleep(slice);
    delay -= slice;
  }
  if (is_cancelled(cancel)) {
    throw TransportError(TransportError::Kind::cancelled, "cancelled while waiting to retry " + describe(request));
  }
}

}  // namespace

void sleep_for(milliseconds duration) { std::this_thread::sleep_for(duration); }

Response perform_with_retry(HttpClient& client, const Request& request, const RetryPolicy& policy,
                            const std::function<void(const RetryEvent&)>& on_retry,
                            const std::atomic<bool>* cancel, const SleepFn& sleep) {
  for (int attempt = 1;; ++attempt) {
    if (is_cancelled(cancel)) {
      throw TransportError(TransportError::Kind::cancelled, "cancelled before " + describe(request));
    }
    RetryEvent event;
    event.attempt = attempt;
    std::optional<Response> response;
    try {
      response = client.perform(request);
      const Verdict verdict = classify(response->status);
      if (!policy.should_retry(attempt, verdict)) return std::move(*response);
      event.status = response->status;
      event.reason = "HTTP " + std::to_string(response->status);
    } catch (const TransportError& error) {
      if (!policy.should_retry(attempt, classify(error.kind()))) throw;
      event.transport = error.kind();
      event.reason = error.what();
    }
    event.delay = policy.backoff(attempt, response ? &*response : nullptr, draw_jitter_unit());
    if (on_retry) on_retry(event);
    wait(event.delay, cancel, sleep, request);
  }
}

}  // namespace tshsync::http
