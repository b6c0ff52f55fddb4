#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/http/retry.hpp>
#include <tshsync/util/jitter.hpp>

#include "unit/chrono_strings.hpp"

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using tshsync::core::CancelToken;
namespace http = tshsync::http;

TEST_SUITE_BEGIN("http");

namespace {

// Records every slice instead of sleeping, so no test waits on real time.
struct FakeSleep {
  std::vector<milliseconds> slices;
  milliseconds total() const {
    milliseconds sum{0};
    for (const auto slice : slices) sum += slice;
    return sum;
  }
};

// A loop around attempts that fail until `succeed_at` (0: never), with a
// fake sleep and the jitter given; counts what the loop did.
struct Run {
  http::RetryPolicy policy;
  FakeSleep sleep;
  std::vector<double> jitter{0.0};
  size_t jitter_drawn = 0;
  CancelToken cancel;
  std::optional<http::Response> answer;  // sent with each failure (e.g. a Retry-After)
  int succeed_at = 0;
  int attempts = 0;
  std::vector<milliseconds> waits;
  std::optional<int> gave_up_after;
  std::function<void(int)> during_attempt;

  http::RetryTiming timing() {
    http::RetryTiming t;
    t.cancel = &cancel;
    t.sleep = [this](milliseconds slice) { sleep.slices.push_back(slice); };
    t.jitter = [this] { return jitter[jitter_drawn++ % jitter.size()]; };
    return t;
  }

  void go(http::Verdict verdict = http::Verdict::retry) {
    http::run_with_retry(
        policy, timing(), {"GET /items", "GET /items"},
        [&](int attempt) -> std::optional<http::AttemptFailure> {
          ++attempts;
          CHECK(attempt == attempts);
          if (during_attempt) during_attempt(attempt);
          if (attempt == succeed_at) return std::nullopt;
          http::AttemptFailure failure;
          failure.verdict = verdict;
          failure.response = answer;
          failure.reason = "HTTP 503";
          return failure;
        },
        [&](const http::RetryWait& wait) {
          CHECK(wait.attempt == attempts);
          waits.push_back(wait.delay);
        },
        [&](int attempt, http::AttemptFailure&) { gave_up_after = attempt; });
  }
};

http::TransportError transport_error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const http::TransportError& e) {
    return e;
  }
  FAIL("no TransportError");
  return http::TransportError(http::TransportError::Kind::other, "");
}

}  // namespace

TEST_CASE("run_with_retry waits the policy's backoff, drawing jitter from the source it is given") {
  Run run;
  run.jitter = {0.0, 0.5, 1.0};
  run.succeed_at = 4;
  run.go();
  CHECK(run.attempts == 4);
  CHECK_FALSE(run.gave_up_after.has_value());
  // 500 ms * 2^(attempt-1 + 0.5*jitter): 500, 1189, 2828.
  REQUIRE(run.waits.size() == 3);
  CHECK(run.waits[0] == 500ms);
  CHECK(run.waits[1] == 1189ms);
  CHECK(run.waits[2] == 2828ms);
  CHECK(run.sleep.total() == 500ms + 1189ms + 2828ms);
  for (const auto slice : run.sleep.slices) CHECK(slice <= 100ms);  // short slices keep the wait cancellable
}

TEST_CASE("a seeded jitter source gives the same delays run after run") {
  const auto delays_with_seed = [](std::uint32_t seed) {
    tshsync::util::seed_jitter(seed);
    Run run;
    run.policy.max_attempts = 4;
    std::vector<milliseconds> waits;
    http::RetryTiming timing = run.timing();
    timing.jitter = tshsync::util::jitter_unit;
    http::run_with_retry(
        run.policy, timing, {"x", "x"}, [](int) { return std::optional<http::AttemptFailure>(http::AttemptFailure{}); },
        [&](const http::RetryWait& wait) { waits.push_back(wait.delay); }, [](int, http::AttemptFailure&) {});
    return waits;
  };
  const auto first = delays_with_seed(12345);
  CHECK(first.size() == 3);
  CHECK(delays_with_seed(12345) == first);
  CHECK(delays_with_seed(54321) != first);
}

TEST_CASE("run_with_retry honours Retry-After") {
  Run run;
  http::Response busy;
  busy.status = 503;
  busy.headers["retry-after"] = "7";
  run.answer = busy;
  run.succeed_at = 2;
  SUBCASE("plus no spread at jitter 0") {
    run.go();
    REQUIRE(run.waits.size() == 1);
    CHECK(run.waits[0] == 7s);
  }
  SUBCASE("plus the server jitter's share") {
    run.jitter = {0.5};
    run.go();
    REQUIRE(run.waits.size() == 1);
    CHECK(run.waits[0] == 7500ms);
  }
  CHECK(run.sleep.total() == run.waits[0]);
}

TEST_CASE("run_with_retry gives up after max_attempts") {
  Run run;
  run.policy.max_attempts = 3;
  run.go();
  CHECK(run.attempts == 3);
  CHECK(run.waits.size() == 2);
  CHECK(run.gave_up_after == 3);
}

TEST_CASE("run_with_retry gives up at once on a failure that will not change") {
  Run run;
  run.go(http::Verdict::fail);
  CHECK(run.attempts == 1);
  CHECK(run.waits.empty());
  CHECK(run.sleep.slices.empty());
  CHECK(run.gave_up_after == 1);
}

TEST_CASE("an uncounted attempt is tried again at once") {
  http::RetryPolicy policy;
  policy.max_attempts = 2;
  int calls = 0;
  int waits = 0;
  std::optional<int> gave_up_after;
  FakeSleep sleep;
  http::RetryTiming timing;
  timing.sleep = [&](milliseconds slice) { sleep.slices.push_back(slice); };
  timing.jitter = [] { return 0.0; };
  http::run_with_retry(
      policy, timing, {"x", "x"},
      [&](int attempt) -> std::optional<http::AttemptFailure> {
        ++calls;
        http::AttemptFailure failure;
        failure.uncounted = calls == 1;  // e.g. a refreshed token
        CHECK(attempt == (calls == 1 ? 1 : calls - 1));
        return failure;
      },
      [&](const http::RetryWait&) { ++waits; }, [&](int attempt, http::AttemptFailure&) { gave_up_after = attempt; });
  CHECK(calls == 3);
  CHECK(waits == 1);
  CHECK(gave_up_after == 2);
}

TEST_CASE("a cancellation during a wait ends it with TransportError(cancelled)") {
  Run run;
  run.policy.base = 1s;
  http::RetryTiming timing = run.timing();
  int slices = 0;
  timing.sleep = [&](milliseconds) {
    if (++slices == 3) run.cancel.request(SIGTERM);  // a SIGTERM arrives during the wait
  };
  int attempts = 0;
  const http::TransportError error = transport_error_of([&] {
    http::run_with_retry(
        run.policy, timing, {"GET /items", "GET /items page 2"},
        [&](int) {
          ++attempts;
          return std::optional<http::AttemptFailure>(http::AttemptFailure{});
        },
        {}, [](int, http::AttemptFailure&) {});
  });
  CHECK(error.kind() == http::TransportError::Kind::cancelled);
  CHECK(std::string(error.what()) == "cancelled while waiting to retry GET /items page 2");
  CHECK(slices == 3);
  CHECK(attempts == 1);
}

TEST_CASE("a raised token stops the loop before the next attempt") {
  Run run;
  run.cancel.request();
  const http::TransportError error = transport_error_of([&] { run.go(); });
  CHECK(error.kind() == http::TransportError::Kind::cancelled);
  CHECK(std::string(error.what()) == "cancelled before GET /items");
  CHECK(run.attempts == 0);
}

TEST_CASE("pause sleeps in slices of 100 ms at most") {
  FakeSleep sleep;
  const auto record = [&](milliseconds slice) { sleep.slices.push_back(slice); };
  http::pause(250ms, nullptr, "while testing", record);
  CHECK(sleep.slices == std::vector<milliseconds>{100ms, 100ms, 50ms});
  sleep.slices.clear();
  http::pause(0ms, nullptr, "while testing", record);
  CHECK(sleep.slices.empty());
  CancelToken raised;
  raised.request();
  const http::TransportError error = transport_error_of([&] { http::pause(1s, &raised, "while testing", record); });
  CHECK(std::string(error.what()) == "cancelled while testing");
  CHECK(sleep.slices.empty());
}

TEST_SUITE_END();
