#pragma once

#include <chrono>
#include <functional>

#include <pqxx/pqxx>

#include <tshsync/sync/stock_merge.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

struct PullStockOptions {
  bool full = false;
  bool dry_run = false;
  std::chrono::seconds lookback{600};
  StockOptions stock;
  std::function<void()> after_page;  // progress, cancellation
};

struct PullStockCounts {
  StockCounts stock;
  bool resumed = false;
  bool from_start = false;
  int64_t list_calls = 0;
  std::string strategy;  // listing_strategy.hpp
  int64_t detail_calls = 0;
  bool details_fell_back = false;  // /itemdetails missing: one call per item
  bool from_location = false;      // stock was one location's figure ([zoho].stock_location)
};

// Zoho stock into products.stock_quantity (and product_stock_locations with
// options.stock.locations), page by page like pull-products, with its own
// cursor ("pull-stock.cursor"). Per-location figures come from item details
// fetched 100 ids a call with each batch of pages, before its transaction opens.
void pull_stock(zoho::Client& client, pqxx::connection& conn, const PullStockOptions& options,
                PullStockCounts& counts);

}  // namespace tshsync::sync
