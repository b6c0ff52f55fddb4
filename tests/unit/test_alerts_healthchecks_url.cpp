#include <doctest/doctest.h>

#include <regex>

#include <tshsync/alerts/healthchecks_url.hpp>

using namespace tshsync::alerts;

TEST_SUITE("alerts healthchecks url") {
  TEST_CASE("{command} becomes the command's name, every time it appears; other URLs are unchanged") {
    CHECK(check_url_for("https://hc-ping.com/KEY/{command}", "pull-stock") == "https://hc-ping.com/KEY/pull-stock");
    CHECK(check_url_for("https://x/{command}/{command}", "health") == "https://x/health/health");
    CHECK(check_url_for("https://hc-ping.com/uuid", "health") == "https://hc-ping.com/uuid");
  }

  TEST_CASE("run ids are version 4 UUIDs and differ") {
    static const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    const std::string a = new_run_id(), b = new_run_id();
    CHECK(std::regex_match(a, uuid));
    CHECK(std::regex_match(b, uuid));
    CHECK(a != b);
  }
}
