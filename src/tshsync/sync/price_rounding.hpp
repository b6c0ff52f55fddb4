#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tshsync::sync {

// How a fixed_percentage pricebook rounds the marked-up or marked-down rate,
// as Zoho names the rounding types. The price is
//   round(rate * (1 ± percentage/100) / step) * step + offset
// with round() halves away from zero (PostgreSQL numeric, like Zoho):
//   no_rounding                    step 10^-decimal_place, offset 0
//   round_to_dollar                step 1,   offset 0      12345.6 -> 12346
//   round_to_dollar_minus_01       step 1,   offset -0.01  12345.6 -> 12345.99
//   round_to_half_dollar           step 0.5, offset 0      12345.6 -> 12345.5
//   round_to_half_dollar_minus_01  step 0.5, offset -0.01  12345.6 -> 12345.49
// Zoho's Books OpenAPI spells the dollar types "round_to_dollor"; both spellings
// are the same rule.
// Two floors keep the result sane (tshsync's rule; Zoho documents no price
// below one step): a price is never below zero, and a positive unrounded
// price that the rounding would make zero or negative (0.35 under
// round_to_dollar_minus_01 -> -0.01) is instead rounded to the book's
// decimal places, at least one unit of the last place (0.35 -> 0.35).
struct PriceRounding {
  std::string step;           // decimal text
  std::string offset;         // decimal text
  std::string unit = "0.01";  // 10^-decimal_place: the floor's precision
};

// nullopt for a rounding type tshsync does not know (the book is then reported as failed).
std::optional<PriceRounding> price_rounding(std::string_view rounding_type, int decimal_place);

// The price of `rate` under the rule, in exact decimal arithmetic: what the
// SQL computes, for tests and messages. Inputs are decimal text ("12500",
// "12.5"); percentage is "10" for 10%. Empty when an input is not decimal.
std::optional<std::string> fixed_percentage_price(std::string_view rate, std::string_view percentage, bool is_increase,
                                                  const PriceRounding& rounding);

// A per_item row's net price: the rate less `discount` percent, rounded as
// the book says (the same rule and floors). A discount of zero keeps Zoho's
// rate exactly as sent. Empty when an input is not decimal.
std::optional<std::string> discounted_price(std::string_view rate, std::string_view discount,
                                            const PriceRounding& rounding);

}  // namespace tshsync::sync
