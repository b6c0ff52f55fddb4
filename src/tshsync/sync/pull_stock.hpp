#pragma once

#include <cstdint>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/sync/listing_state.hpp>
#include <tshsync/sync/pull_progress.hpp>
#include <tshsync/sync/stock_merge.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

struct PullStockOptions {
  ListingOptions listing;
  StockOptions stock;
};

struct PullStockCounts {
  StockCounts stock;
  // Known once the listing is complete:
  int64_t detail_calls = 0;
  bool details_fell_back = false;  // /itemdetails missing: one call per item
  bool from_location = false;      // stock was one location's figure ([zoho].stock_location)
  bool resumed = false;
  int64_t list_calls = 0;
  std::string strategy;  // listing_strategy.hpp
};

// Zoho stock into products.stock_quantity (and product_stock_locations with
// options.stock.locations), page by page like pull-products, with its own
// cursor ("pull-stock.cursor"). Per-location figures come from item details
// fetched 100 ids a call with each batch of pages, before its transaction opens.
void pull_stock(zoho::Client& client, pqxx::connection& conn, const PullStockOptions& options, PullStockCounts& counts,
                const AfterBatch& after_batch);

}  // namespace tshsync::sync
