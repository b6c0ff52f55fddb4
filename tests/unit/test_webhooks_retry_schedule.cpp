#include <doctest/doctest.h>

#include <chrono>

#include <tshsync/webhooks/retry_schedule.hpp>

using namespace std::chrono;
using tshsync::webhooks::attempts_exhausted;
using tshsync::webhooks::retry_delay;

TEST_SUITE_BEGIN("webhooks");

TEST_CASE("retry_delay") {
  SUBCASE("the middle of the spread is the base delay") {
    CHECK(retry_delay(1, 0.5) == minutes(2));
    CHECK(retry_delay(2, 0.5) == minutes(10));
    CHECK(retry_delay(3, 0.5) == minutes(30));
    CHECK(retry_delay(4, 0.5) == hours(1));
    CHECK(retry_delay(8, 0.5) == hours(12));
    CHECK(retry_delay(9, 0.5) == hours(24));
    CHECK(retry_delay(10, 0.5) == hours(24));
  }
  SUBCASE("jitter spreads by 20% either way") {
    CHECK(retry_delay(1, 0.0) == seconds(96));
    CHECK(retry_delay(1, 1.0) == seconds(144));
    CHECK(retry_delay(4, 0.0) == seconds(2880));
    CHECK(retry_delay(4, 1.0) == seconds(4320));
  }
  SUBCASE("the first retry comes within minutes, later ones hours apart, always growing") {
    CHECK(retry_delay(1, 1.0) < minutes(5));
    CHECK(retry_delay(5, 0.0) >= hours(1));
    for (int f = 1; f < 9; ++f) CHECK(retry_delay(f + 1, 0.0) > retry_delay(f, 1.0) / 2);
    for (int f = 1; f < 9; ++f) CHECK(retry_delay(f + 1, 0.5) > retry_delay(f, 0.5));
  }
  SUBCASE("out-of-range input is clamped") {
    CHECK(retry_delay(0, 0.5) == minutes(2));
    CHECK(retry_delay(50, 2.0) == seconds(static_cast<long long>(86400 * 1.2)));
  }
}

TEST_CASE("attempts_exhausted") {
  CHECK_FALSE(attempts_exhausted(9, 10));
  CHECK(attempts_exhausted(10, 10));
  CHECK(attempts_exhausted(11, 10));
  CHECK(attempts_exhausted(1, 1));
}

TEST_SUITE_END();
