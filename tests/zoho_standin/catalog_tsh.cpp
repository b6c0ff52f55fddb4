// The `tsh` catalog: shaped like TSH's own organization as its records and
// integration code show it (../shared/docs/zoho-real-shapes.md): USD rates,
// many below a dollar and some with three decimals, 41% inactive items, every
// item type, services and combos, negative stock, the "WholeSale WareHouse"
// location TSH sells from, discounts and every rounding type in the books.
#include "catalog_build.hpp"
#include "catalogs.hpp"

#include <fmt/format.h>
#include <cmath>

namespace zoho_standin {
namespace {

constexpr std::size_t tsh_item_count = 2204;
inline constexpr build::Currency tsh_usd{"2646610000000000099", "USD", 2};
inline constexpr build::Currency tsh_iqd{"2646610000000000098", "IQD", 0};

// TSH's rates: USD, about 10% zero, 30% below a dollar with up to three decimals.
double tsh_rate(Rng& rng) {
  const double roll = rng.uniform();
  if (roll < 0.10) {
    return 0;
  }
  if (roll < 0.40) {
    return static_cast<double>(rng.between(5, 995)) / 1000;  // 0.005 .. 0.995
  }
  return static_cast<double>(rng.between(100, 6000)) / 100;  // 1.00 .. 60.00
}

// TSH's item types: inventory 2124, sales 58, purchases 2, sales_and_purchases 20 of 2,204.
void set_types(Item& item, std::size_t index) {
  if (index % 1100 == 7) {
    item.item_type = "purchases";
  } else if (index % 38 == 5) {
    item.item_type = "sales";  // services and shipping fees ("اجور الشحن الجزئي")
    item.product_type = "service";
  } else if (index % 110 == 9) {
    item.item_type = "sales_and_purchases";
  }
  item.is_combo = index % 200 == 17;
}

Pricebook tsh_book(std::size_t number, std::string name, const build::Currency& currency) {
  Pricebook book = build::make_pricebook(number, std::move(name), currency);
  book.pricebook_id = fmt::format("26466100000491491{:02d}", number);
  return book;
}

}  // namespace

Catalog build_tsh_catalog(std::uint64_t seed) {
  Rng rng(seed);
  auto items = build::generate_items(tsh_item_count, rng);
  for (std::size_t i = 0; i < items.size(); ++i) {
    Item& item = items[i];
    item.item_id = fmt::format("26466100000{:08d}", 66650802 + i * 7);
    item.active = !rng.chance(0.41);
    item.rate = tsh_rate(rng);
    item.purchase_rate = std::round(item.rate * 700) / 1000;
    set_types(item, i);
    if (i % 97 == 3) {
      item.stock_on_hand = -2;  // sold before it was received: Zoho allows it
    }
    build::set_availability(item, rng);
    if (i % 5 == 1 && item.actual_available_stock > 2) {
      item.for_sale_stock = item.actual_available_stock - 2;  // some reserved for open orders
    }
  }

  auto consumer = tsh_book(3, "Consumer", tsh_iqd);
  consumer.is_default = true;
  auto retail = tsh_book(4, "Retailor USD", tsh_usd);
  std::size_t listed = 0;
  for (const Item& item : items) {
    if (!item.active || item.rate <= 0) {
      continue;
    }
    ++listed;
    consumer.entries.push_back({item.item_id, build::round_to_step(item.rate * 1310, 250), {}});
    PricebookEntry entry{item.item_id, item.rate, {}};
    entry.discount = listed % 9 == 0 ? "5%" : listed % 13 == 0 ? "10" : "";
    entry.unit_bracket = listed % 4 == 0;  // Zoho's own unit example carries one 0..0 bracket
    if (listed % 50 == 0) {
      entry.brackets = {{1, 9, item.rate}, {10, 0, std::round(item.rate * 900) / 1000}};
    }
    retail.entries.push_back(std::move(entry));
  }
  // Its detail lists no items (Inventory "may not return items"): priced per item instead.
  auto technical = tsh_book(5, "Technical IQD", tsh_iqd);
  technical.items_shape = "empty";
  for (std::size_t i = 0; i < consumer.entries.size(); i += 3) {
    technical.entries.push_back({consumer.entries[i].item_id, consumer.entries[i].pricebook_rate, {}});
  }

  Catalog catalog;
  catalog.set_locations({{"2646610000000077024", "WholeSale WareHouse", true},
                         {"2646610000000077030", "Retail Shop", false},
                         {"2646610000000077036", "Basra Branch", false}});
  catalog.reserve_items(items.size());
  for (auto& item : items) {
    catalog.add_item(std::move(item));
  }
  catalog.add_pricebook(std::move(consumer));
  catalog.add_pricebook(std::move(retail));
  catalog.add_pricebook(std::move(technical));
  // Every rounding type Zoho lists, in both spellings of the dollar ones, on fixed-percentage books.
  const std::pair<const char*, const char*> roundings[] = {
      {"Wholesale A USD", "round_to_dollar_minus_01"}, {"Wholesale B USD", "round_to_dollor"},
      {"Wholesale C USD", "round_to_half_dollar"},     {"Wholesale D USD", "round_to_half_dollar_minus_01"},
      {"Wholesale E USD", "round_to_dollar"},          {"Wholesale F USD", "no_rounding"}};
  std::size_t number = 6;
  for (const auto& [name, rounding] : roundings) {
    Pricebook book = tsh_book(number++, name, build::base_currency);
    book.pricebook_type = "fixed_percentage";
    book.percentage = 10;
    book.is_increase = false;
    book.rounding_type = rounding;
    book.decimal_place = 2;
    catalog.add_pricebook(std::move(book));
  }
  return catalog;
}

}  // namespace zoho_standin
