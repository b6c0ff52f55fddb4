#include <doctest/doctest.h>

#include <tshsync/sync/price_rounding.hpp>

TEST_SUITE_BEGIN("sync");

namespace {

std::string markdown(const char* rate, const char* percentage, const char* type, int places = 2) {
  const auto rounding = tshsync::sync::price_rounding(type, places);
  REQUIRE(rounding.has_value());
  return tshsync::sync::fixed_percentage_price(rate, percentage, false, *rounding).value_or("?");
}

std::string net(const char* rate, const char* discount, const char* type = "no_rounding", int places = 2) {
  const auto rounding = tshsync::sync::price_rounding(type, places);
  REQUIRE(rounding.has_value());
  return tshsync::sync::discounted_price(rate, discount, *rounding).value_or("?");
}

}  // namespace

TEST_CASE("net price: Zoho's spelling round_to_dollor is round_to_dollar") {
  REQUIRE(tshsync::sync::price_rounding("round_to_dollor", 2).has_value());
  CHECK(markdown("13717.5", "10", "round_to_dollor") == markdown("13717.5", "10", "round_to_dollar"));
  CHECK(markdown("13717.5", "10", "round_to_dollor") == "12346");
}

TEST_CASE("net price: sub-dollar rates never go negative nor to zero") {
  // 0.35 * 0.9 = 0.315: round_to_dollar_minus_01 would give -0.01, round_to_half_dollar 0.
  CHECK(markdown("0.35", "10", "round_to_dollar_minus_01") == "0.32");
  CHECK(markdown("0.2", "10", "round_to_half_dollar") == "0.18");           // 0.18 -> 0
  CHECK(markdown("0.2", "10", "round_to_half_dollar_minus_01") == "0.18");  // -> -0.01
  CHECK(markdown("0.35", "10", "round_to_half_dollar") == "0.5");           // 0.315 is nearer 0.5
  CHECK(markdown("0.35", "10", "round_to_half_dollar_minus_01") == "0.49");
  CHECK(markdown("0.35", "10", "round_to_dollar") == "0.32");
  // 0.065 * 0.9 = 0.0585 -> 0.06; 0.004 * 0.9 -> one cent, never 0.
  CHECK(markdown("0.065", "10", "round_to_dollar") == "0.06");
  CHECK(markdown("0.004", "10", "round_to_dollar_minus_01") == "0.01");
  CHECK(markdown("0.004", "10", "round_to_dollar_minus_01", 3) == "0.004");
  // Above the step the rounding applies as Zoho documents it.
  CHECK(markdown("1.3", "10", "round_to_dollar_minus_01") == "0.99");
  CHECK(markdown("1.3", "10", "round_to_half_dollar") == "1.0");
}

TEST_CASE("net price: rate less pricebook_discount, rounded as the book says") {
  CHECK(net("22", "5") == "20.90");
  CHECK(net("55000", "10", "no_rounding", 0) == "49500");
  CHECK(net("0.065", "5", "no_rounding", 3) == "0.062");  // 0.06175
  CHECK(net("0.35", "10", "round_to_dollar_minus_01") == "0.32");
  CHECK(net("12.5", "0") == "12.5");     // no discount: Zoho's rate exactly
  CHECK(net("0.01", "99.9") == "0.01");  // never zero from a positive rate
  CHECK(net("-3", "0") == "0");          // never below zero
  CHECK(net("0", "5") == "0");
  CHECK(net("abc", "5") == "?");
}

TEST_SUITE_END();
