#include <doctest/doctest.h>

#include <chrono>

#include <tshsync/http/wait_hints.hpp>

using namespace std::chrono_literals;
using tshsync::http::rate_limit_reset_wait;
using tshsync::http::retry_after_wait;

TEST_SUITE_BEGIN("http");

namespace {

// A fixed "now": Sun, 06 Nov 1994 08:49:37 GMT.
const auto rfc_date_now = std::chrono::system_clock::from_time_t(784111777);

}  // namespace

TEST_CASE("retry_after_wait reads delay-seconds and HTTP-dates") {
  CHECK(retry_after_wait("30", rfc_date_now) == std::chrono::milliseconds(30s));
  CHECK(retry_after_wait("Sun, 06 Nov 1994 08:50:07 GMT", rfc_date_now) == std::chrono::milliseconds(30s));
  CHECK(retry_after_wait("Sun, 06 Nov 1994 08:00:00 GMT", rfc_date_now) == 0ms);  // past: no wait
  CHECK_FALSE(retry_after_wait("", rfc_date_now).has_value());
  CHECK_FALSE(retry_after_wait("soon", rfc_date_now).has_value());
  CHECK_FALSE(retry_after_wait("-5", rfc_date_now).has_value());
}

TEST_CASE("rate_limit_reset_wait reads seconds, or an epoch time by its size") {
  CHECK(rate_limit_reset_wait("45", rfc_date_now) == std::chrono::milliseconds(45s));
  CHECK(rate_limit_reset_wait("999999999", rfc_date_now) == std::chrono::milliseconds(999999999s));
  const auto later_now = std::chrono::system_clock::from_time_t(1700000000);
  CHECK(rate_limit_reset_wait("1700000045", later_now) == std::chrono::milliseconds(45s));
  CHECK(rate_limit_reset_wait("1699999990", later_now) == 0ms);  // past: no wait
  CHECK_FALSE(rate_limit_reset_wait("", rfc_date_now).has_value());
  CHECK_FALSE(rate_limit_reset_wait("1.5", rfc_date_now).has_value());
}

TEST_SUITE_END();
