#pragma once

#include "catalog.hpp"
#include "rng.hpp"

#include <cstddef>
#include <string>
#include <vector>

// Pieces shared by the audit and large catalog generators.
namespace zoho_standin::build {

struct Currency {
  const char* id;
  const char* code;
  int decimal_place;
};
inline constexpr Currency iqd{"4815000000000011", "IQD", 0};
inline constexpr Currency usd{"4815000000000012", "USD", 2};
// Fixed-percentage books apply to the base currency and name none.
inline constexpr Currency base_currency{"", "", 0};

std::string item_id_for(std::size_t index);
std::string sku_for(std::size_t index);
std::string pricebook_id_for(std::size_t number);  // number >= 1

// Nearest multiple of step, never below one step (prices are never rounded to zero).
double round_to_step(double value, double step);

// `count` active items with an image: unique names and skus, IQD rates in multiples of 250,
// stock with about 10% zeros, created in 2023-2024, modified in 2025 in groups of 5 sharing
// one second. Availability is left equal to stock: call set_availability once stock is final.
std::vector<Item> generate_items(std::size_t count, Rng& rng);

// Some items have stock committed to orders: available = on hand minus committed.
void set_availability(Item& item, Rng& rng);

// "Baghdad Main" (primary), "Basra", "Erbil".
std::vector<Location> organization_locations();

// The five adjustments 4815000000090001..4815000000090005, each touching 2-3 active items.
std::vector<Adjustment> sample_adjustments(const std::vector<Item>& items, Rng& rng);

Pricebook make_pricebook(std::size_t number, std::string name, const Currency& currency);

// 2 or 3 brackets from 1, 10 and 50 units, each cheaper than the last; the first is `rate`.
std::vector<PriceBracket> volume_brackets(double rate, double step, Rng& rng);

}  // namespace zoho_standin::build
