#include <doctest/doctest.h>

#include <tshsync/zoho/call_shares.hpp>

using namespace tshsync::zoho;
using std::chrono::hours;
using std::chrono::minutes;

TEST_SUITE("zoho call shares") {
  TEST_CASE("a share grows through the UTC day from a quarter (6 h of headroom) to the whole") {
    CHECK(allowance_at(500, 0.5, hours(0)) == 62);    // 250 * 6/24
    CHECK(allowance_at(500, 0.5, hours(6)) == 125);   // 250 * 12/24
    CHECK(allowance_at(500, 0.5, hours(18)) == 250);  // the whole share from 18:00
    CHECK(allowance_at(500, 0.5, hours(23) + minutes(59)) == 250);
  }

  TEST_CASE("no budget or no share: no cap; a tiny share is still one call") {
    CHECK(allowance_at(0, 0.5, hours(12)) == 0);
    CHECK(allowance_at(500, 0.0, hours(12)) == 0);
    CHECK(allowance_at(4, 0.25, hours(0)) == 1);
    CHECK(allowance_at(4, 0.25, hours(23)) == 1);
  }

  TEST_CASE("the configured share of a command; commands without one only count") {
    tshsync::core::ZohoConfig config;
    config.daily_call_budget = 1000;
    const auto midnight = tshsync::util::SystemTime(std::chrono::hours(24 * 20000));
    CHECK(share_allowance(config, "pull-products", midnight) == 145);  // 0.58 * 1000 * 6/24
    CHECK(share_allowance(config, "pull-products", midnight + hours(20)) == 580);
    CHECK(share_allowance(config, "check", midnight + hours(20)) == 0);
    config.call_shares["pull-products"] = 0.1;
    CHECK(share_allowance(config, "pull-products", midnight + hours(20)) == 100);
  }
}
