#include <tshsync/http/retrying_client.hpp>

#include <tshsync/http/url.hpp>

namespace tshsync::http {

Response perform_with_retry(HttpClient& client, const Request& request, const RetryPolicy& policy,
                            const std::function<void(const RetryEvent&)>& on_retry, const core::CancelToken* cancel,
                            const SleepFn& sleep) {
  const std::string described = request.method + " " + redact_url_query(request.url);
  RetryTiming timing;
  timing.cancel = cancel;
  timing.sleep = sleep;
  std::optional<Response> result;
  RetryEvent event;
  run_with_retry(
      policy, timing, RetryLabels{described, described},
      [&](int attempt) -> std::optional<AttemptFailure> {
        event = RetryEvent{};
        event.attempt = attempt;
        AttemptFailure failure;
        try {
          Response response = client.perform(request);
          if (classify(response.status) != Verdict::retry) {
            result = std::move(response);
            return std::nullopt;
          }
          event.status = response.status;
          event.reason = "HTTP " + std::to_string(response.status);
          failure.response = std::move(response);
        } catch (const TransportError& error) {
          failure.verdict = classify(error.kind());
          failure.error = std::current_exception();
          event.transport = error.kind();
          event.reason = error.what();
        }
        return failure;
      },
      [&](const RetryWait& wait) {
        event.delay = wait.delay;
        if (on_retry) on_retry(event);
      },
      [&](int, AttemptFailure& failure) {
        // Attempts ran out on a retryable answer: the caller sees it ("try later").
        if (!failure.error) {
          result = std::move(failure.response);
          return;
        }
        std::rethrow_exception(failure.error);
      });
  return std::move(*result);
}

}  // namespace tshsync::http
