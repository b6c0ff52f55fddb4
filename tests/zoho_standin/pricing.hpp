#pragma once

#include "catalog.hpp"

#include <string_view>

namespace zoho_standin {

// Rounding types of fixed_percentage books, as Zoho names them.
bool is_rounding_type(std::string_view rounding_type);

// The price a book gives an item: its per_item rate (the item's own rate when not listed), or
// for fixed_percentage books the item's rate marked up or down by `percentage`, then rounded:
//   no_rounding                    to the book's decimal places
//   round_to_dollar                to the nearest whole unit          (12 345.6 -> 12 346)
//   round_to_dollar_minus_01       nearest whole unit minus 0.01      (-> 12 345.99)
//   round_to_half_dollar           to the nearest 0.5                 (-> 12 345.5)
//   round_to_half_dollar_minus_01  nearest 0.5 minus 0.01             (-> 12 345.49)
double effective_rate(const Pricebook& book, const Item& item);

}  // namespace zoho_standin
