#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <string>

#include <tshsync/http/retry_policy.hpp>

#include "unit/chrono_strings.hpp"

using namespace std::chrono_literals;
using tshsync::http::classify;
using tshsync::http::Response;
using tshsync::http::RetryPolicy;
using tshsync::http::TransportError;
using tshsync::http::Verdict;

TEST_SUITE_BEGIN("http");

namespace {

Response response_with(long status, const std::string& name, const std::string& value) {
  Response response;
  response.status = status;
  response.headers[name] = value;
  return response;
}

// A fixed "now": Sun, 06 Nov 1994 08:49:37 GMT.
const auto fixed_now = std::chrono::system_clock::from_time_t(784111777);

}  // namespace

TEST_CASE("classify(http_status)") {
  SUBCASE("2xx succeed") {
    CHECK(classify(200L) == Verdict::success);
    CHECK(classify(201L) == Verdict::success);
    CHECK(classify(204L) == Verdict::success);
    CHECK(classify(299L) == Verdict::success);
  }
  SUBCASE("408 and 429 are retried") {
    CHECK(classify(408L) == Verdict::retry);
    CHECK(classify(429L) == Verdict::retry);
  }
  SUBCASE("other 4xx fail") {
    for (const long status : {400L, 401L, 403L, 404L, 409L, 410L, 422L, 499L}) {
      CAPTURE(status);
      CHECK(classify(status) == Verdict::fail);
    }
  }
  SUBCASE("5xx are retried") {
    for (const long status : {500L, 502L, 503L, 504L, 599L}) {
      CAPTURE(status);
      CHECK(classify(status) == Verdict::retry);
    }
  }
  SUBCASE("501 and 505 fail: they will not change") {
    CHECK(classify(501L) == Verdict::fail);
    CHECK(classify(505L) == Verdict::fail);
  }
  SUBCASE("1xx, 3xx and nonsense fail") {
    CHECK(classify(0L) == Verdict::fail);
    CHECK(classify(100L) == Verdict::fail);
    CHECK(classify(301L) == Verdict::fail);
    CHECK(classify(304L) == Verdict::fail);
    CHECK(classify(600L) == Verdict::fail);
  }
}

TEST_CASE("classify(TransportError::Kind)") {
  using ErrorKind = TransportError::Kind;
  CHECK(classify(ErrorKind::timeout) == Verdict::retry);
  CHECK(classify(ErrorKind::connect) == Verdict::retry);
  CHECK(classify(ErrorKind::reset) == Verdict::retry);
  CHECK(classify(ErrorKind::tls) == Verdict::fail);
  CHECK(classify(ErrorKind::cancelled) == Verdict::fail);
  CHECK(classify(ErrorKind::other) == Verdict::fail);
}

TEST_CASE("RetryPolicy::should_retry") {
  const RetryPolicy policy;
  CHECK(policy.max_attempts == 6);
  CHECK(policy.should_retry(1, Verdict::retry));
  CHECK(policy.should_retry(5, Verdict::retry));
  CHECK_FALSE(policy.should_retry(6, Verdict::retry));
  CHECK_FALSE(policy.should_retry(7, Verdict::retry));
  CHECK_FALSE(policy.should_retry(1, Verdict::fail));
  CHECK_FALSE(policy.should_retry(1, Verdict::success));

  RetryPolicy single;
  single.max_attempts = 1;
  CHECK_FALSE(single.should_retry(1, Verdict::retry));
}

TEST_CASE("RetryPolicy::backoff without a server hint") {
  const RetryPolicy policy;  // base 500 ms, max 60 s

  SUBCASE("doubles per attempt, no jitter at 0") {
    CHECK(policy.backoff(1, nullptr, 0.0, fixed_now) == 500ms);
    CHECK(policy.backoff(2, nullptr, 0.0, fixed_now) == 1000ms);
    CHECK(policy.backoff(3, nullptr, 0.0, fixed_now) == 2000ms);
    CHECK(policy.backoff(5, nullptr, 0.0, fixed_now) == 8000ms);
  }
  SUBCASE("jitter adds up to half a doubling") {
    // 500 * 2^0.5 = 707.1; 1000 * 2^0.5 = 1414.2
    CHECK(policy.backoff(1, nullptr, 1.0, fixed_now) == 707ms);
    CHECK(policy.backoff(2, nullptr, 1.0, fixed_now) == 1414ms);
    CHECK(policy.backoff(2, nullptr, 0.5, fixed_now) == 1189ms);  // 1000 * 2^0.25
  }
  SUBCASE("jitter bounds hold for any draw, even out of range") {
    for (int attempt = 1; attempt <= 8; ++attempt) {
      const auto low = policy.backoff(attempt, nullptr, 0.0, fixed_now);
      const auto high = policy.backoff(attempt, nullptr, 1.0, fixed_now);
      for (const double unit : {0.0, 0.1, 0.37, 0.5, 0.99, 1.0}) {
        const auto delay = policy.backoff(attempt, nullptr, unit, fixed_now);
        CHECK(delay >= low);
        CHECK(delay <= high);
      }
      CHECK(policy.backoff(attempt, nullptr, -3.0, fixed_now) == low);
      CHECK(policy.backoff(attempt, nullptr, 7.0, fixed_now) == high);
    }
  }
  SUBCASE("capped at max_delay, even for absurd attempts") {
    CHECK(policy.backoff(8, nullptr, 0.0, fixed_now) == 60s);  // 500 * 128 = 64 s
    CHECK(policy.backoff(1000, nullptr, 1.0, fixed_now) == 60s);
    RetryPolicy tight;
    tight.max_delay = 700ms;
    CHECK(tight.backoff(1, nullptr, 0.0, fixed_now) == 500ms);
    CHECK(tight.backoff(2, nullptr, 0.0, fixed_now) == 700ms);
  }
  SUBCASE("a response without hints uses the exponential wait") {
    Response plain;
    plain.status = 503;
    CHECK(policy.backoff(3, &plain, 0.0, fixed_now) == 2000ms);
  }
  SUBCASE("attempt below 1 is treated as 1") { CHECK(policy.backoff(0, nullptr, 0.0, fixed_now) == 500ms); }
}

TEST_CASE("RetryPolicy::backoff honours the server") {
  const RetryPolicy policy;  // server delay cap 120 s, server jitter up to 1 s

  SUBCASE("Retry-After in seconds") {
    const Response response = response_with(503, "retry-after", "7");
    CHECK(policy.backoff(1, &response, 0.0, fixed_now) == 7s);
    CHECK(policy.backoff(4, &response, 0.0, fixed_now) == 7s);  // not scaled by attempt
    CHECK(policy.backoff(1, &response, 0.5, fixed_now) == 7500ms);
    CHECK(policy.backoff(1, &response, 1.0, fixed_now) == 8000ms);
  }
  SUBCASE("Retry-After: 0 waits only the jitter") {
    const Response response = response_with(429, "retry-after", "0");
    CHECK(policy.backoff(1, &response, 0.0, fixed_now) == 0ms);
    CHECK(policy.backoff(1, &response, 0.25, fixed_now) == 250ms);
  }
  SUBCASE("Retry-After as an HTTP-date") {
    const Response response = response_with(503, "retry-after", "Sun, 06 Nov 1994 08:50:07 GMT");
    CHECK(policy.backoff(1, &response, 0.0, fixed_now) == 30s);
  }
  SUBCASE("Retry-After as an obsolete RFC 850 date") {
    const Response response = response_with(503, "retry-after", "Sunday, 06-Nov-94 08:50:07 GMT");
    CHECK(policy.backoff(1, &response, 0.0, fixed_now) == 30s);
  }
  SUBCASE("Retry-After date in the past means now") {
    const Response response = response_with(503, "retry-after", "Sun, 06 Nov 1994 08:00:00 GMT");
    CHECK(policy.backoff(1, &response, 0.0, fixed_now) == 0ms);
  }
  SUBCASE("Retry-After garbage falls back to the exponential wait") {
    for (const char* junk : {"soon", "-5", "1.5", "12abc", ""}) {
      CAPTURE(junk);
      const Response response = response_with(503, "retry-after", junk);
      CHECK(policy.backoff(2, &response, 0.0, fixed_now) == 1000ms);
    }
  }
  SUBCASE("X-Rate-Limit-Reset on a 429") {
    const Response response = response_with(429, "x-rate-limit-reset", "42");
    CHECK(policy.backoff(1, &response, 0.0, fixed_now) == 42s);
    CHECK(policy.backoff(1, &response, 1.0, fixed_now) == 43s);
  }
  SUBCASE("X-Rate-Limit-Reset as an epoch timestamp") {
    const auto now = std::chrono::system_clock::from_time_t(1'700'000'000);
    const Response response = response_with(429, "x-rate-limit-reset", "1700000020");
    CHECK(policy.backoff(1, &response, 0.0, now) == 20s);
  }
  SUBCASE("X-Rate-Limit-Reset is ignored when not rate limited") {
    // Zoho sends it on every response; a 503 must not wait for the quota window.
    const Response response = response_with(503, "x-rate-limit-reset", "42");
    CHECK(policy.backoff(1, &response, 0.0, fixed_now) == 500ms);
  }
  SUBCASE("Retry-After wins over X-Rate-Limit-Reset") {
    Response response = response_with(429, "x-rate-limit-reset", "42");
    response.headers["retry-after"] = "3";
    CHECK(policy.backoff(1, &response, 0.0, fixed_now) == 3s);
  }
  SUBCASE("server waits are capped at max_server_delay") {
    const Response long_wait = response_with(429, "retry-after", "3600");
    CHECK(policy.backoff(1, &long_wait, 0.0, fixed_now) == 120s);
    CHECK(policy.backoff(1, &long_wait, 1.0, fixed_now) == 120s);  // jitter cannot exceed it
    const Response huge = response_with(429, "retry-after", "999999999999");
    CHECK(policy.backoff(1, &huge, 1.0, fixed_now) == 120s);
    const Response daily = response_with(429, "x-rate-limit-reset", "86400");
    CHECK(policy.backoff(1, &daily, 0.5, fixed_now) == 120s);
  }
  SUBCASE("the server cap is independent of max_delay") {
    RetryPolicy policy_small;
    policy_small.max_delay = 1s;
    policy_small.max_server_delay = 10s;
    const Response response = response_with(429, "retry-after", "5");
    CHECK(policy_small.backoff(1, &response, 0.0, fixed_now) == 5s);
  }
}

TEST_CASE("RetryPolicy::backoff with the real clock") {
  const RetryPolicy policy;
  CHECK(policy.backoff(1, nullptr, 0.0) == 500ms);
  const Response response = response_with(503, "retry-after", "2");
  CHECK(policy.backoff(1, &response, 0.0) == 2s);
}

TEST_SUITE_END();
