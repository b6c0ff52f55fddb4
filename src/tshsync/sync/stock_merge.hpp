#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/config.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

// Defaults are [zoho]'s (core/config.hpp).
struct StockOptions {
  std::string stock_field = core::ZohoConfig{}.stock_field;  // [zoho].stock_field: a list or location_* figure
  bool locations = false;                                    // also per-location stock (detail records)
  std::string stock_location{};                              // [zoho].stock_location, for the location_* fields
  core::ErpConfig erp;                                       // [erp.products].stock_columns receive the figure

  // The stock comes from one location's figure in item details.
  bool from_location() const;

  static StockOptions from_config(const core::ZohoConfig& zoho, bool locations,
                                  const core::ErpConfig& erp = core::ErpConfig());
};

struct StockCounts {
  int64_t fetched = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t failed = 0;
  int64_t unknown_items = 0;            // no product has the item's zoho_item_id (pull-products creates them)
  int64_t locations_updated = 0;        // per-location rows inserted, changed or removed
  int64_t missing_location = 0;         // items without [zoho].stock_location: stock 0
  std::vector<std::string> failed_ids;  // items the database refused

  void add(const StockCounts& other);
};

// Stock figures of item records (list or detail) into products.stock_quantity,
// in the caller's transaction: one COPY, one UPDATE of the rows whose figure
// differs. Bad records, and records the database refuses (a check
// constraint, a value out of range), are skipped, counted and logged.
StockCounts merge_stock(pqxx::transaction_base& tx, const nlohmann::json& items, const StockOptions& options);

// With a location_* stock field: the configured location's figure of detail
// records into products.stock_quantity (stock_at_location, then merge_stock).
StockCounts merge_location_stock(pqxx::transaction_base& tx, const nlohmann::json& details,
                                 const StockOptions& options);

// Per-location stock of detail records (locations[] or warehouses[]) into
// product_stock_locations: one COPY, one upsert of changed rows, one delete of
// the locations a product no longer has. Records without either array are
// left alone. Adds to counts.locations_updated and counts.failed.
void merge_locations(pqxx::transaction_base& tx, const nlohmann::json& details, StockCounts& counts);

// For replay-dlq and webhooks: re-reads these items' details from Zoho
// (itemdetails, 100 ids a call) and writes their stock (and, with
// options.locations, per-location stock) in one transaction.
// `batched` false: GET /items/{id} per item from the start (Books).
StockCounts refresh_stock(zoho::Client& client, pqxx::connection& conn, const std::vector<std::string>& item_ids,
                          const StockOptions& options, bool batched = true);

}  // namespace tshsync::sync
