#include "pricing.hpp"

#include <cmath>
#include <cstdlib>

namespace zoho_standin {
namespace {

double round_to_places(double value, int places) {
  const double scale = std::pow(10.0, places);
  return std::round(value * scale) / scale;
}

}  // namespace

bool is_rounding_type(std::string_view rounding_type) {
  return rounding_type == "no_rounding" || rounding_type == "round_to_dollar" || rounding_type == "round_to_dollor" ||
         rounding_type == "round_to_dollar_minus_01" || rounding_type == "round_to_half_dollar" ||
         rounding_type == "round_to_half_dollar_minus_01";
}

double effective_rate(const Pricebook& book, const Item& item) {
  if (book.is_per_item()) {
    const PricebookEntry* entry = book.find_entry(item.item_id);
    if (entry == nullptr) {
      return item.rate;
    }
    // "5%" and "10" both mean percent.
    const double discount = entry->discount.empty() ? 0 : std::strtod(entry->discount.c_str(), nullptr);
    return discount == 0 ? entry->pricebook_rate
                         : round_to_places(entry->pricebook_rate * (1 - discount / 100), book.decimal_place);
  }
  const double factor = book.is_increase ? 1 + book.percentage / 100 : 1 - book.percentage / 100;
  const double raw = item.rate * factor;
  const std::string& rounding = book.rounding_type;
  if (rounding == "round_to_dollar" || rounding == "round_to_dollor") {
    return std::round(raw);
  }
  if (rounding == "round_to_dollar_minus_01") {
    return round_to_places(std::round(raw) - 0.01, 2);
  }
  if (rounding == "round_to_half_dollar") {
    return std::round(raw * 2) / 2;
  }
  if (rounding == "round_to_half_dollar_minus_01") {
    return round_to_places(std::round(raw * 2) / 2 - 0.01, 2);
  }
  return round_to_places(raw, book.decimal_place);
}

}  // namespace zoho_standin
