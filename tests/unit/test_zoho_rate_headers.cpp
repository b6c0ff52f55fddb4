#include <doctest/doctest.h>

#include <chrono>

#include <tshsync/zoho/rate_headers.hpp>

using namespace std::chrono_literals;
using tshsync::http::Response;
using tshsync::zoho::spent_window_wait;

TEST_SUITE_BEGIN("zoho");

namespace {

const auto fixed_now = std::chrono::system_clock::from_time_t(1760000000);  // Thu, 09 Oct 2025 08:53:20 GMT

Response with(long status, std::initializer_list<std::pair<const std::string, std::string>> headers) {
  Response response;
  response.status = status;
  response.headers = headers;
  return response;
}

}  // namespace

TEST_CASE("rate headers: a window with requests left needs no wait") {
  CHECK_FALSE(
      spent_window_wait(with(200, {{"x-rate-limit-remaining", "12"}, {"x-rate-limit-reset", "40"}}), 120s, fixed_now));
  CHECK_FALSE(spent_window_wait(with(200, {}), 120s, fixed_now));
}

TEST_CASE("rate headers: remaining 0 waits for the reset") {
  CHECK(spent_window_wait(with(200, {{"x-rate-limit-remaining", "0"}, {"x-rate-limit-reset", "17"}}), 120s,
                          fixed_now) == std::chrono::milliseconds(17s));
  // An epoch time rather than seconds.
  CHECK(spent_window_wait(with(200, {{"x-rate-limit-remaining", "0"}, {"x-rate-limit-reset", "1760000023"}}), 120s,
                          fixed_now) == std::chrono::milliseconds(23s));
  CHECK_FALSE(spent_window_wait(with(200, {{"x-rate-limit-remaining", "0"}}), 120s, fixed_now));
}

TEST_CASE("rate headers: a 429 waits for the later of Retry-After and the reset, capped") {
  CHECK(spent_window_wait(with(429, {{"retry-after", "5"}, {"x-rate-limit-reset", "9"}}), 120s, fixed_now) ==
        std::chrono::milliseconds(9s));
  CHECK(spent_window_wait(with(429, {{"retry-after", "Thu, 09 Oct 2025 08:53:30 GMT"}}), 120s, fixed_now) ==
        std::chrono::milliseconds(10s));
  CHECK(spent_window_wait(with(429, {}), 120s, fixed_now) == std::chrono::milliseconds(1s));
  CHECK(spent_window_wait(with(429, {{"retry-after", "86400"}}), 120s, fixed_now) == std::chrono::milliseconds(120s));
}

TEST_SUITE_END();
