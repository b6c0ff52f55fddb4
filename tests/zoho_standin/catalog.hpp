#pragma once

#include "zoho_time.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace zoho_standin {

struct Item {
  std::string item_id;
  std::string name;
  std::string sku;
  std::string unit = "pcs";
  bool active = true;
  double rate = 0;
  double purchase_rate = 0;
  double stock_on_hand = 0;
  double available_stock = 0;
  double actual_available_stock = 0;
  bool has_image = false;
  std::string item_type = "inventory";  // sales, purchases, sales_and_purchases
  std::string product_type = "goods";   // or service
  bool is_combo = false;                // is_combo_product (Inventory only)
  UnixSeconds created_time = 0;
  UnixSeconds last_modified_time = 0;
  // Shape quirks, fixed by the item's position in the catalog (see Catalog::add_item).
  bool stock_as_text = false;  // stock_on_hand/available_stock sent as "12.00" strings
  bool uses_locations = true;  // locations[] (newer items) or warehouses[] (older ones)
  int location_count = 3;      // 2 or 3 of the organization's locations
  bool deleted = false;
  std::optional<double> for_sale_stock;  // available_for_sale; unset: actual_available_stock

  double available_for_sale_stock() const { return for_sale_stock.value_or(actual_available_stock); }
};

struct PriceBracket {
  double start_quantity = 0;
  double end_quantity = 0;
  double pricebook_rate = 0;
};

struct PricebookEntry {
  PricebookEntry() = default;
  PricebookEntry(std::string id, double rate, std::vector<PriceBracket> volume = {})
      : item_id(std::move(id)), pricebook_rate(rate), brackets(std::move(volume)) {}

  std::string item_id;
  double pricebook_rate = 0;
  std::vector<PriceBracket> brackets;  // non-empty: pricing_scheme "volume"
  std::string discount;                // pricebook_discount as Zoho spells it ("5%", "10"); "" none
  bool unit_bracket = false;           // unit row sent with one 0..0 bracket, like Zoho's example
};

struct Pricebook {
  std::string pricebook_id;
  std::string name;
  std::string currency_id;
  std::string currency_code;
  int decimal_place = 0;
  bool active = true;
  bool is_default = false;
  std::string sales_or_purchase_type = "sales";  // or "purchases"
  std::string pricebook_type = "per_item";       // or "fixed_percentage"
  double percentage = 0;
  bool is_increase = false;
  std::string rounding_type = "no_rounding";
  // How the detail sends pricebook_items: "full", "empty" ([]) or "absent" (no key), as
  // Zoho Inventory's detail "may not return items" (TSH's storefront code).
  std::string items_shape = "full";
  std::vector<PricebookEntry> entries;  // per_item books only

  bool is_per_item() const { return pricebook_type == "per_item"; }
  const PricebookEntry* find_entry(const std::string& item_id) const;
  // Replaces the item's entry or appends one.
  void set_entry(PricebookEntry entry);
  // False when the item was not listed.
  bool remove_entry(const std::string& item_id);
};

struct Location {
  std::string id;
  std::string name;
  bool is_primary = false;
};

// One location's share of an item's stock figures.
struct LocationStock {
  const Location* location;
  double stock_on_hand;
  double available_stock;
  double actual_available_stock;
  double available_for_sale_stock;  // what TSH sells from
};

struct AdjustmentLine {
  std::string item_id;
  double quantity_adjusted = 0;
};

struct Adjustment {
  std::string id;
  std::string reference_number;
  std::string date;  // yyyy-MM-dd
  std::string reason;
  std::vector<AdjustmentLine> lines;
};

enum class StatusFilter { all, active, inactive };
enum class SortColumn { name, last_modified_time, created_time };
enum class ModifiedComparison { ge, gt };

struct ItemQuery {
  StatusFilter status = StatusFilter::all;
  std::optional<UnixSeconds> modified_since;
  ModifiedComparison comparison = ModifiedComparison::ge;
  SortColumn sort = SortColumn::name;
  bool descending = false;
  std::size_t page = 1;  // 1-based
  std::size_t per_page = 200;
};

struct ItemPage {
  std::vector<const Item*> items;
  bool has_more_page = false;
};

// All data the server holds. Not thread-safe: ServerState's mutex guards it.
class Catalog {
 public:
  // Appends an item and fixes its shape quirks from its position.
  void add_item(Item item);
  void reserve_items(std::size_t count);
  void add_pricebook(Pricebook book);
  void set_locations(std::vector<Location> locations);
  void add_adjustment(Adjustment adjustment);

  // nullptr when unknown or deleted.
  const Item* find_item(const std::string& item_id) const;
  // The live item to change, created fresh (at `now`) when unknown or deleted. Sort orders are
  // rebuilt on the next listing.
  Item& item_for_update(const std::string& item_id, UnixSeconds now, bool& created);
  // Removes the item and its per_item pricebook entries; false when it was not there.
  bool delete_item(const std::string& item_id);

  ItemPage list_items(const ItemQuery& query) const;
  std::vector<const Item*> live_items() const;

  const std::vector<Pricebook>& pricebooks() const { return pricebooks_; }
  const Pricebook* find_pricebook(const std::string& pricebook_id) const;
  Pricebook* find_pricebook(const std::string& pricebook_id);
  // The book to change, created (empty, per_item, sales, active) when unknown.
  Pricebook& pricebook_for_update(const std::string& pricebook_id, bool& created);

  const std::vector<Location>& locations() const { return locations_; }
  // The item's stock split over its first location_count locations; sums to the item's totals.
  std::vector<LocationStock> stock_by_location(const Item& item) const;

  const std::vector<Adjustment>& adjustments() const { return adjustments_; }
  const Adjustment* find_adjustment(const std::string& adjustment_id) const;

  // Builds the sort orders now, so the first listing is as fast as the rest.
  void warm_caches() const;

 private:
  // What a listing filters on, copied next to the sort order so that scanning 100,000 items
  // for a deep page reads one small contiguous array.
  struct OrderEntry {
    std::size_t slot;
    UnixSeconds last_modified_time;
    bool active;
    bool deleted;
  };

  const std::vector<OrderEntry>& order_by(SortColumn column) const;
  static bool matches(const OrderEntry& entry, const ItemQuery& query);

  std::vector<Item> items_;
  std::unordered_map<std::string, std::size_t> slot_by_id_;  // includes deleted items
  std::vector<Pricebook> pricebooks_;
  std::vector<Location> locations_;
  std::vector<Adjustment> adjustments_;
  // Items sorted by (column, item_id), one order per SortColumn; empty means stale.
  mutable std::array<std::vector<OrderEntry>, 3> orders_;
};

}  // namespace zoho_standin
