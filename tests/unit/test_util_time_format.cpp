#include <doctest/doctest.h>

#include <tshsync/util/time_format.hpp>

using namespace tshsync::util;

TEST_SUITE("util") {
  TEST_CASE("parse_zoho_timestamp reads offsets without a colon") {
    const auto t = parse_zoho_timestamp("2013-11-08T18:24:51+0530");
    REQUIRE(t.has_value());
    CHECK(format_utc_iso8601(*t) == "2013-11-08T12:54:51Z");
  }

  TEST_CASE("parse_zoho_timestamp variants") {
    CHECK(format_utc_iso8601(*parse_zoho_timestamp("2025-10-08T09:15:00+03:00")) == "2025-10-08T06:15:00Z");
    CHECK(format_utc_iso8601(*parse_zoho_timestamp("2025-10-08T09:15:00Z")) == "2025-10-08T09:15:00Z");
    CHECK(format_utc_iso8601(*parse_zoho_timestamp("2025-10-08T09:15:00-0400")) == "2025-10-08T13:15:00Z");
    CHECK(format_utc_iso8601(*parse_zoho_timestamp("2025-10-08T09:15:00.123+0000")) == "2025-10-08T09:15:00Z");
    CHECK(format_utc_iso8601(*parse_zoho_timestamp("2025-10-08 09:15:00")) == "2025-10-08T09:15:00Z");
  }

  TEST_CASE("parse_zoho_timestamp rejects garbage") {
    CHECK_FALSE(parse_zoho_timestamp("").has_value());
    CHECK_FALSE(parse_zoho_timestamp("yesterday").has_value());
    CHECK_FALSE(parse_zoho_timestamp("2025-13-08T09:15:00+0000").has_value());
    CHECK_FALSE(parse_zoho_timestamp("2025-10-08T09:15:00+03").has_value());
    CHECK_FALSE(parse_zoho_timestamp("2025-10-08T09:15:00+0300junk").has_value());
  }

  TEST_CASE("format_zoho_timestamp round-trips through the parser") {
    const auto t = *parse_zoho_timestamp("2025-10-08T09:15:07+0300");
    CHECK(format_zoho_timestamp(t) == "2025-10-08T06:15:07+0000");
    CHECK(parse_zoho_timestamp(format_zoho_timestamp(t)) == t);
  }
}
