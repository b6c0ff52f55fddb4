#include "catalog_build.hpp"
#include "catalogs.hpp"

#include <algorithm>
#include <cmath>

namespace zoho_standin {
namespace {

// The audit's numbers (zoho-integration-analysis.md, "Product Data Integrity").
constexpr std::size_t active_count = 1319;
constexpr std::size_t inactive_count = 37;
constexpr std::size_t active_without_image = 71;
constexpr std::size_t active_unpriced = 104;
constexpr std::size_t unpriced_with_zero_rate = 6;
constexpr std::size_t priced_with_zero_rate = 3;
// 96,590 / 1,319 = 73.23, the audit's average stock level.
constexpr double active_stock_total = 96590;

// `count` of `from`, chosen at random, in catalog order.
std::vector<std::size_t> pick(const std::vector<std::size_t>& from, std::size_t count, Rng& rng) {
  auto chosen = from;
  rng.shuffle(chosen);
  chosen.resize(std::min(count, chosen.size()));
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

// Moves stock one unit at a time over items that have some, until the total is exact.
void adjust_total_stock(std::vector<Item>& items, const std::vector<std::size_t>& subset, double target) {
  double total = 0;
  for (const std::size_t i : subset) {
    total += items[i].stock_on_hand;
  }
  auto missing = static_cast<long>(target - total);
  bool progressed = true;
  while (missing != 0 && progressed) {
    progressed = false;
    for (std::size_t k = 0; k < subset.size() && missing != 0; ++k) {
      Item& item = items[subset[k]];
      if (item.stock_on_hand <= 0 || (missing < 0 && item.stock_on_hand <= 1)) {
        continue;
      }
      const long step = missing > 0 ? 1 : -1;
      item.stock_on_hand += static_cast<double>(step);
      missing -= step;
      progressed = true;
    }
  }
}

double round_cents(double value) { return std::max(0.01, std::round(value * 100) / 100); }

void add_entries(Pricebook& book, const std::vector<Item>& items, const std::vector<std::size_t>& indices,
                 double (*price)(const Item&)) {
  for (const std::size_t i : indices) {
    book.entries.push_back({items[i].item_id, price(items[i]), {}});
  }
}

}  // namespace

Catalog build_audit_catalog(std::uint64_t seed) {
  Rng rng(seed);
  auto items = build::generate_items(active_count + inactive_count, rng);
  std::vector<std::size_t> all(items.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i] = i;
  }

  const auto inactive = pick(all, inactive_count, rng);
  for (const std::size_t i : inactive) {
    items[i].active = false;
    items[i].has_image = !rng.chance(0.2);
  }
  std::vector<std::size_t> active;
  for (const std::size_t i : all) {
    if (items[i].active) {
      active.push_back(i);
    }
  }

  for (const std::size_t i : pick(active, active_without_image, rng)) {
    items[i].has_image = false;
  }

  // Unpriced items: in no active per_item sales book. Some of them have rate 0 too.
  auto unpriced_in_random_order = active;
  rng.shuffle(unpriced_in_random_order);
  unpriced_in_random_order.resize(active_unpriced);
  for (std::size_t k = 0; k < unpriced_with_zero_rate; ++k) {
    items[unpriced_in_random_order[k]].rate = 0;
  }
  std::vector<bool> is_unpriced(items.size(), false);
  for (const std::size_t i : unpriced_in_random_order) {
    is_unpriced[i] = true;
  }
  std::vector<std::size_t> unpriced;
  std::vector<std::size_t> priced;
  for (const std::size_t i : active) {
    (is_unpriced[i] ? unpriced : priced).push_back(i);
  }
  // A few priced items have no base rate: their price lives only in the price lists.
  for (const std::size_t i : pick(priced, priced_with_zero_rate, rng)) {
    items[i].rate = 0;
  }

  // Two pairs of active items share a sku, for duplicate-SKU validation.
  auto sharing = active;
  rng.shuffle(sharing);
  items[sharing[1]].sku = items[sharing[0]].sku;
  items[sharing[3]].sku = items[sharing[2]].sku;

  adjust_total_stock(items, active, active_stock_total);
  for (Item& item : items) {
    build::set_availability(item, rng);
  }

  // Consumer prices: the base rate, sometimes 5% more; items without a rate get one from cost.
  std::vector<double> consumer_rate(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    const double base = item.rate > 0 ? item.rate : build::round_to_step(item.purchase_rate * 1.3, 250);
    consumer_rate[i] = rng.chance(0.3) ? build::round_to_step(base * 1.05, 250) : base;
  }

  auto consumer = build::make_pricebook(1, "Consumer", build::iqd);
  consumer.is_default = true;
  for (const std::size_t i : priced) {
    consumer.entries.push_back({items[i].item_id, consumer_rate[i], {}});
  }

  auto wholesale = build::make_pricebook(2, "Wholesale", build::iqd);
  const auto wholesale_items = pick(priced, 600, rng);
  const auto volume_items = pick(wholesale_items, 40, rng);
  for (const std::size_t i : wholesale_items) {
    const double rate = build::round_to_step(consumer_rate[i] * 0.9, 250);
    PricebookEntry entry{items[i].item_id, rate, {}};
    if (std::binary_search(volume_items.begin(), volume_items.end(), i)) {
      entry.brackets = build::volume_brackets(rate, 250, rng);
    }
    wholesale.entries.push_back(std::move(entry));
  }

  auto retailer_usd = build::make_pricebook(3, "Retailer USD", build::usd);
  for (const std::size_t i : pick(priced, 300, rng)) {
    retailer_usd.entries.push_back({items[i].item_id, round_cents(consumer_rate[i] / 1310), {}});
  }

  // Inactive and purchase books list unpriced items too: they must not count as prices.
  auto old_promo = build::make_pricebook(4, "Old Promo", build::iqd);
  old_promo.active = false;
  auto promo_items = pick(unpriced, 20, rng);
  for (const auto& more : {pick(priced, 25, rng), pick(inactive, 5, rng)}) {
    promo_items.insert(promo_items.end(), more.begin(), more.end());
  }
  std::sort(promo_items.begin(), promo_items.end());
  add_entries(old_promo, items, promo_items,
              [](const Item& item) { return build::round_to_step(item.rate * 0.8, 250); });

  auto supplier_costs = build::make_pricebook(5, "Supplier Costs", build::iqd);
  supplier_costs.sales_or_purchase_type = "purchases";
  auto cost_items = pick(unpriced, 30, rng);
  const auto priced_costs = pick(priced, 70, rng);
  cost_items.insert(cost_items.end(), priced_costs.begin(), priced_costs.end());
  std::sort(cost_items.begin(), cost_items.end());
  add_entries(supplier_costs, items, cost_items, [](const Item& item) { return item.purchase_rate; });

  Catalog catalog;
  catalog.set_locations(build::organization_locations());
  for (const auto& adjustment : build::sample_adjustments(items, rng)) {
    catalog.add_adjustment(adjustment);
  }
  catalog.reserve_items(items.size());
  for (auto& item : items) {
    catalog.add_item(std::move(item));
  }
  for (auto* book : {&consumer, &wholesale, &retailer_usd, &old_promo, &supplier_costs}) {
    catalog.add_pricebook(std::move(*book));
  }
  return catalog;
}

}  // namespace zoho_standin
