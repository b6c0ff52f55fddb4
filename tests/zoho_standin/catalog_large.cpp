#include "catalog_build.hpp"
#include "catalogs.hpp"

#include <algorithm>

namespace zoho_standin {

Catalog build_large_catalog(std::size_t item_count, std::uint64_t seed) {
  Rng rng(seed);
  auto items = build::generate_items(item_count, rng);
  for (Item& item : items) {
    item.active = !rng.chance(0.03);
    item.has_image = !rng.chance(0.05);
    build::set_availability(item, rng);
  }

  auto consumer = build::make_pricebook(1, "Consumer", build::iqd);
  consumer.is_default = true;
  consumer.entries.reserve(items.size());
  for (const Item& item : items) {
    if (!item.active || !rng.chance(0.8)) {
      continue;
    }
    PricebookEntry entry{item.item_id, item.rate > 0 ? item.rate : 250, {}};
    if (rng.chance(0.02)) {
      entry.brackets = build::volume_brackets(entry.pricebook_rate, 250, rng);
    }
    consumer.entries.push_back(std::move(entry));
  }

  auto wholesale = build::make_pricebook(2, "Wholesale -10%", build::base_currency);
  wholesale.pricebook_type = "fixed_percentage";
  wholesale.percentage = 10;
  wholesale.is_increase = false;
  wholesale.rounding_type = "round_to_dollar";

  auto retired = build::make_pricebook(3, "Retired", build::iqd);
  retired.active = false;
  auto retired_items = shuffled_indices(items.size(), rng);
  retired_items.resize(std::min<std::size_t>(100, items.size()));
  std::sort(retired_items.begin(), retired_items.end());
  for (const std::size_t i : retired_items) {
    retired.entries.push_back({items[i].item_id, build::round_to_step(items[i].rate * 0.85, 250), {}});
  }

  Catalog catalog;
  catalog.set_locations(build::organization_locations());
  for (const auto& adjustment : build::sample_adjustments(items, rng)) {
    catalog.add_adjustment(adjustment);
  }
  catalog.reserve_items(items.size());
  for (auto& item : items) {
    catalog.add_item(std::move(item));
  }
  for (auto* book : {&consumer, &wholesale, &retired}) {
    catalog.add_pricebook(std::move(*book));
  }
  return catalog;
}

}  // namespace zoho_standin
