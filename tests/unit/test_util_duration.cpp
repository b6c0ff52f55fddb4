#include <doctest/doctest.h>

#include <stdexcept>

#include <tshsync/util/duration.hpp>

using std::chrono::seconds;
using tshsync::util::format_duration;
using tshsync::util::parse_duration;

TEST_SUITE("util") {
  TEST_CASE("parse_duration") {
    CHECK(parse_duration("30s") == seconds(30));
    CHECK(parse_duration("15m") == seconds(900));
    CHECK(parse_duration("1h") == seconds(3600));
    CHECK(parse_duration("90d") == seconds(90 * 86400));
    CHECK(parse_duration("1h30m") == seconds(5400));
    CHECK(parse_duration("2w") == seconds(14 * 86400));
    CHECK(parse_duration("45") == seconds(45));
    SUBCASE("invalid") {
      CHECK_THROWS_AS(parse_duration(""), std::invalid_argument);
      CHECK_THROWS_AS(parse_duration("h"), std::invalid_argument);
      CHECK_THROWS_AS(parse_duration("10x"), std::invalid_argument);
      CHECK_THROWS_AS(parse_duration("-5m"), std::invalid_argument);
      CHECK_THROWS_AS(parse_duration("1h30"), std::invalid_argument);
      CHECK_THROWS_AS(parse_duration("99999999999999d"), std::invalid_argument);
    }
  }

  TEST_CASE("format_duration") {
    CHECK(format_duration(seconds(0)) == "0s");
    CHECK(format_duration(seconds(5400)) == "1h30m");
    CHECK(format_duration(seconds(90 * 86400)) == "90d");
    CHECK(format_duration(seconds(61)) == "1m1s");
  }
}
