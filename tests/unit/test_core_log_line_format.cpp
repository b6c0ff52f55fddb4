#include <doctest/doctest.h>

#include <tshsync/core/log_line_format.hpp>
#include <tshsync/util/time_format.hpp>

using namespace tshsync::core;

TEST_SUITE("core log line format") {
  const auto when = tshsync::util::SystemTime(std::chrono::seconds(1796004600));  // 2026-11-30T02:10:00Z

  TEST_CASE("a terminal shows info plainly and other levels by name") {
    CHECK(format_log_line(Level::info, "fetched 10", LogStyle::terminal, when) == "tshsync: fetched 10");
    CHECK(format_log_line(Level::error, "boom", LogStyle::terminal, when) == "tshsync: error: boom");
  }

  TEST_CASE("logs get a UTC timestamp and every level") {
    CHECK(format_log_line(Level::info, "fetched 10", LogStyle::timestamped, when) ==
          "2026-11-30T02:10:00Z tshsync: info: fetched 10");
    CHECK(format_log_line(Level::notice, "x", LogStyle::timestamped, when) ==
          "2026-11-30T02:10:00Z tshsync: notice: x");
  }

  TEST_CASE("journald gets its priority prefix and no timestamp") {
    CHECK(format_log_line(Level::error, "boom", LogStyle::journal, when) == "<3>tshsync: error: boom");
    CHECK(format_log_line(Level::warning, "w", LogStyle::journal, when) == "<4>tshsync: warning: w");
    CHECK(format_log_line(Level::info, "i", LogStyle::journal, when) == "<6>tshsync: info: i");
  }

  TEST_CASE("write_log's prefixes map to levels") {
    CHECK(level_from_prefix("error: ") == Level::error);
    CHECK(level_from_prefix("warning: ") == Level::warning);
    CHECK(level_from_prefix("notice: ") == Level::notice);
    CHECK(level_from_prefix("") == Level::info);
  }
}
