#include <doctest/doctest.h>

#include <tshsync/sync/price_rounding.hpp>

TEST_SUITE_BEGIN("sync");

namespace {

std::string price(const char* rate, const char* percentage, bool increase, const char* type, int places = 2) {
  const auto rounding = tshsync::sync::price_rounding(type, places);
  REQUIRE(rounding.has_value());
  return tshsync::sync::fixed_percentage_price(rate, percentage, increase, *rounding).value_or("?");
}

}  // namespace

TEST_CASE("price rounding: the five Zoho rounding types") {
  // 13717.5 * 0.9 = 12345.75
  CHECK(price("13717.5", "10", false, "no_rounding") == "12345.75");
  CHECK(price("13717.5", "10", false, "no_rounding", 0) == "12346");
  CHECK(price("13717.5", "10", false, "round_to_dollar") == "12346");
  CHECK(price("13717.5", "10", false, "round_to_dollar_minus_01") == "12345.99");
  CHECK(price("13717.5", "10", false, "round_to_half_dollar") == "12346.0");
  CHECK(price("13717.5", "10", false, "round_to_half_dollar_minus_01") == "12345.99");
  // 13717 * 0.9 = 12345.3
  CHECK(price("13717", "10", false, "round_to_half_dollar") == "12345.5");
  CHECK(price("13717", "10", false, "round_to_half_dollar_minus_01") == "12345.49");
}

TEST_CASE("price rounding: markup, fractional percentages, halves away from zero") {
  CHECK(price("12500", "10", true, "round_to_dollar") == "13750");
  CHECK(price("1000", "12.5", true, "no_rounding") == "1125.00");
  CHECK(price("1", "50", false, "round_to_dollar") == "1");    // 0.5 rounds up
  CHECK(price("0.05", "10", false, "no_rounding") == "0.05");  // 0.045 -> 0.05
  CHECK(price("11250", "10", false, "round_to_dollar") == "10125");
}

TEST_CASE("price rounding: the step and offset the SQL uses") {
  CHECK(tshsync::sync::price_rounding("no_rounding", 3)->step == "0.001");
  CHECK(tshsync::sync::price_rounding("no_rounding", 0)->step == "1");
  CHECK(tshsync::sync::price_rounding("", 2)->step == "0.01");
  CHECK(tshsync::sync::price_rounding("round_to_dollar_minus_01", 2)->offset == "-0.01");
  CHECK(tshsync::sync::price_rounding("round_to_half_dollar", 2)->step == "0.5");
  CHECK_FALSE(tshsync::sync::price_rounding("round_to_nickel", 2).has_value());
  CHECK_FALSE(tshsync::sync::fixed_percentage_price("abc", "10", true, {"1", "0", "0.01"}).has_value());
}

TEST_SUITE_END();
