#include "catalog_build.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace zoho_standin::build {
namespace {

struct Brand {
  const char* name;
  double price_factor;
};

struct Product {
  const char* name;
  double base_price_iqd;
};

constexpr Brand brands[] = {
    {"Samsung", 1.3}, {"Apple", 1.6},    {"Xiaomi", 0.9}, {"Huawei", 1.1},     {"Anker", 1.1},
    {"Baseus", 0.9},  {"Ugreen", 0.9},   {"Oraimo", 0.8}, {"Lenovo", 1.1},     {"HP", 1.2},
    {"Dell", 1.2},    {"Logitech", 1.1}, {"JBL", 1.2},    {"Sony", 1.4},       {"TP-Link", 0.9},
    {"Hoco", 0.7},    {"Joyroom", 0.7},  {"Remax", 0.7},  {"Green Lion", 0.8}, {"Porodo", 0.8},
};

// A few names carry quotes and inch marks on purpose: they must survive JSON and SQL intact.
constexpr Product products[] = {
    {"65W Charger USB-C", 35000},
    {"25W Charger USB-C", 15000},
    {"20W Power Adapter", 12500},
    {"Car Charger 38W", 10000},
    {"Cable USB-C to USB-C 1m", 5000},
    {"Cable USB-C to Lightning 1m", 7500},
    {"Cable Micro-USB 2m", 3000},
    {"Power Bank 10000mAh", 25000},
    {"Power Bank 20000mAh", 40000},
    {"Wireless Earbuds", 45000},
    {"Bluetooth Speaker", 60000},
    {"Wireless Mouse", 15000},
    {"Mechanical Keyboard", 75000},
    {"Screen Protector iPhone 15", 4000},
    {"Phone Case Galaxy S24", 6000},
    {"HDMI Cable 2m", 7500},
    {"Smart Watch", 120000},
    {"Router AX1800", 95000},
    {"Flash Drive 64GB", 10000},
    {"microSD Card 128GB", 20000},
    {"Over-Ear Headphones", 85000},
    {"Laptop Stand", 30000},
    {"USB Hub 7-in-1", 35000},
    {"Wireless Charger 15W", 20000},
    {"Magnetic Car Mount", 9000},
    {"Ring Light 10\"", 25000},
    {"Extension Cord 3m \"Heavy Duty\"", 15000},
    {"Gaming Headset", 65000},
    {"Webcam 1080p", 55000},
    {"Tablet 10.1\" 64GB", 250000},
    {"Smartphone 128GB", 350000},
    {"Laptop 15.6\" i5", 750000},
};

constexpr const char* colors[] = {"", " Black", " White", " Blue", " Silver"};

constexpr const char* adjustment_reasons[] = {"Stock count", "Damaged goods", "Stolen goods", "Returned to supplier",
                                              "Inventory revaluation"};

struct NamedProduct {
  std::string name;
  double base_price;
};

// Every brand x product x color once, in random order.
std::vector<NamedProduct> shuffled_combinations(Rng& rng) {
  std::vector<NamedProduct> combinations;
  for (const Brand& brand : brands) {
    for (const Product& product : products) {
      for (const char* color : colors) {
        combinations.push_back(
            {fmt::format("{} {}{}", brand.name, product.name, color), product.base_price_iqd * brand.price_factor});
      }
    }
  }
  rng.shuffle(combinations);
  return combinations;
}

double random_stock(Rng& rng) {
  if (rng.chance(0.10)) {
    return 0;
  }
  return static_cast<double>(rng.chance(0.8) ? rng.between(1, 100) : rng.between(100, 300));
}

UnixSeconds random_time_between(Rng& rng, UnixSeconds from, UnixSeconds to) { return rng.between(from, to); }

}  // namespace

std::string item_id_for(std::size_t index) {
  return std::to_string(4815000001000001ULL + static_cast<unsigned long long>(index) * 1000ULL);
}

std::string sku_for(std::size_t index) { return fmt::format("TSH-{:06d}", index + 1); }

std::string pricebook_id_for(std::size_t number) {
  return std::to_string(4815000000070000ULL + static_cast<unsigned long long>(number));
}

double round_to_step(double value, double step) { return std::max(step, std::round(value / step) * step); }

std::vector<Item> generate_items(std::size_t count, Rng& rng) {
  const auto names = shuffled_combinations(rng);
  const UnixSeconds created_from = unix_from_civil(2023, 1, 1, 0, 0, 0);
  const UnixSeconds created_to = unix_from_civil(2024, 12, 31, 23, 59, 59);
  std::vector<Item> items(count);
  for (std::size_t i = 0; i < count; ++i) {
    Item& item = items[i];
    const NamedProduct& named = names[i % names.size()];
    item.item_id = item_id_for(i);
    item.name = named.name;
    if (i >= names.size()) {
      item.name += fmt::format(" Series {}", i / names.size() + 1);
    }
    if (i % 50 == 49) {
      item.name += " (أصلي)";  // "original": some names are partly Arabic
    }
    item.sku = sku_for(i);
    item.rate = round_to_step(named.base_price * (0.85 + 0.3 * rng.uniform()), 250);
    item.purchase_rate = round_to_step(item.rate * (0.6 + 0.2 * rng.uniform()), 250);
    item.stock_on_hand = random_stock(rng);
    item.available_stock = item.stock_on_hand;
    item.actual_available_stock = item.stock_on_hand;
    item.has_image = true;
    item.created_time = random_time_between(rng, created_from, created_to);
  }
  // Modification times come in groups of five items sharing one second, the groups scattered
  // over the catalog, so paging by last_modified_time must break ties by item_id.
  const UnixSeconds modified_from = unix_from_civil(2025, 1, 1, 0, 0, 0);
  const UnixSeconds modified_to = unix_from_civil(2025, 10, 30, 23, 59, 59);
  const auto order = shuffled_indices(count, rng);
  UnixSeconds group_time = 0;
  for (std::size_t k = 0; k < count; ++k) {
    if (k % 5 == 0) {
      group_time = random_time_between(rng, modified_from, modified_to);
    }
    items[order[k]].last_modified_time = group_time;
  }
  return items;
}

void set_availability(Item& item, Rng& rng) {
  double committed = 0;
  if (item.stock_on_hand > 0 && rng.chance(0.15)) {
    const auto most = std::min<std::int64_t>(5, static_cast<std::int64_t>(item.stock_on_hand));
    committed = static_cast<double>(rng.between(1, most));
  }
  item.available_stock = item.stock_on_hand - committed;
  item.actual_available_stock = item.available_stock;
}

std::vector<Location> organization_locations() {
  return {{"4815000000000101", "Baghdad Main", true},
          {"4815000000000102", "Basra", false},
          {"4815000000000103", "Erbil", false}};
}

std::vector<Adjustment> sample_adjustments(const std::vector<Item>& items, Rng& rng) {
  std::vector<std::size_t> active;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].active) {
      active.push_back(i);
    }
  }
  std::vector<Adjustment> adjustments;
  if (active.empty()) {
    return adjustments;
  }
  for (std::size_t n = 1; n <= 5; ++n) {
    Adjustment adjustment;
    adjustment.id = std::to_string(4815000000090000ULL + n);
    adjustment.reference_number = fmt::format("ADJ-{:05d}", n);
    adjustment.date = fmt::format("2025-10-{:02d}", 20 + n);
    adjustment.reason = adjustment_reasons[n - 1];
    const std::size_t line_count = rng.chance(0.5) ? 2 : 3;
    for (std::size_t l = 0; l < line_count; ++l) {
      const Item& item = items[active[rng.below(active.size())]];
      auto quantity = rng.between(1, 10);
      if (rng.chance(0.5)) {
        quantity = -quantity;
      }
      adjustment.lines.push_back({item.item_id, static_cast<double>(quantity)});
    }
    adjustments.push_back(std::move(adjustment));
  }
  return adjustments;
}

Pricebook make_pricebook(std::size_t number, std::string name, const Currency& currency) {
  Pricebook book;
  book.pricebook_id = pricebook_id_for(number);
  book.name = std::move(name);
  book.currency_id = currency.id;
  book.currency_code = currency.code;
  book.decimal_place = currency.decimal_place;
  return book;
}

std::vector<PriceBracket> volume_brackets(double rate, double step, Rng& rng) {
  std::vector<PriceBracket> brackets{{1, 9, rate}, {10, 49, round_to_step(rate * 0.95, step)}};
  if (rng.chance(0.5)) {
    brackets.push_back({50, 9999, round_to_step(rate * 0.9, step)});
  } else {
    brackets.back().end_quantity = 9999;
  }
  return brackets;
}

}  // namespace zoho_standin::build
