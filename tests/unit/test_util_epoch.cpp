#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <vector>

#include <tshsync/util/epoch.hpp>
#include <tshsync/util/jitter.hpp>

using namespace std::chrono_literals;
namespace util = tshsync::util;

TEST_SUITE_BEGIN("util");

TEST_CASE("epoch seconds and microseconds round-trip") {
  CHECK(util::epoch_seconds(util::from_epoch_seconds(1760000000)) == 1760000000);
  CHECK(util::epoch_micros(util::from_epoch_micros(1760000000123456)) == 1760000000123456);
  // Seconds drop the fraction; microseconds keep it.
  const util::SystemTime t = util::from_epoch_micros(1760000000999999);
  CHECK(util::epoch_seconds(t) == 1760000000);
  CHECK(util::to_epoch_seconds(t) == doctest::Approx(1760000000.999999));
}

TEST_CASE("wait_until is never negative") {
  const util::SystemTime now = util::from_epoch_seconds(1000);
  CHECK(util::wait_until(1005, now) == 5s);
  CHECK(util::wait_until(995, now) == 0ms);
}

TEST_CASE("the jitter source draws from [0, 1) and repeats after the same seed") {
  util::seed_jitter(7);
  std::vector<double> first;
  first.reserve(5);
  for (int i = 0; i < 5; ++i) first.push_back(util::jitter_unit());
  for (const double u : first) {
    CHECK(u >= 0.0);
    CHECK(u < 1.0);
  }
  util::seed_jitter(7);
  std::vector<double> again;
  again.reserve(5);
  for (int i = 0; i < 5; ++i) again.push_back(util::jitter_unit());
  CHECK(again == first);
}

TEST_SUITE_END();
