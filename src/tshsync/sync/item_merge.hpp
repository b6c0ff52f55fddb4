#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/config.hpp>
#include <tshsync/sync/mass_change_guard.hpp>
#include <tshsync/sync/product_filter.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

// Products a run has deactivated because their items stopped qualifying
// (ProductFilter), across its batches: the guard weighs the run, not a batch.
// A one-item refresh (webhooks, replay) uses a fresh one per call.
struct ExclusionTally {
  bool full = false;     // a --full listing: also projected from the share of items seen so far
  int64_t catalog = -1;  // active products when the run began (-1: not read yet)
  int64_t seen = 0;      // items merged so far
  int64_t excluded = 0;  // active products they deactivated
};

// How Zoho items become products rows. Defaults are [zoho]'s (core/config.hpp).
struct ApplyOptions {
  std::string image_url_template = core::ZohoConfig{}.image_url_template;
  std::string stock_field = core::ZohoConfig{}.stock_field;  // the stock a new product starts with
  ProductFilter products;                                    // items that fail it become inactive products
  // How many of them one batch may deactivate. pull-products sets the limit;
  // one-item refreshes (webhooks, replay) are never mass changes.
  MassChangeLimit mass_changes{core::SyncConfig{}.max_change_share, true};
  core::ErpConfig erp;  // which ERP columns receive what

  static ApplyOptions from_config(const core::ZohoConfig& zoho, const core::ErpConfig& erp);
};

struct MergeCounts {
  int64_t fetched = 0;  // records handed in
  int64_t inserted = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;                // staged rows that needed no write
  int64_t failed = 0;                   // bad records, skipped and logged
  int64_t future_times = 0;             // last_modified_time in the future: not kept, reported
  int64_t not_products = 0;             // active in Zoho but not a product by [zoho].item_types etc.: kept inactive
  std::vector<std::string> failed_ids;  // their item ids when readable: they still exist in Zoho

  void add(const MergeCounts& other);
};

// One batch of items (a page or several) parsed and checked, ready to stage;
// no database needed (pull-products prepares the next batch while the current
// one is written).
struct PreparedItems {
  std::vector<zoho::Item> items;  // one per item id (the newest when a page repeats one)
  MergeCounts counts;             // fetched, failed, failed_ids so far
};

// Parses a JSON array as GET /items returns it. Bad records are skipped,
// counted and logged with their item id.
PreparedItems prepare_items(const nlohmann::json& items);

// COPYs prepared items into a staging table and merges them into products in
// ONE statement inside the caller's transaction. Only rows that differ are
// written (updated_at moves with them); a record older than the product's
// zoho_last_modified_at never overwrites it, except in a --full listing. A
// new product also gets its stock; existing products' stock is pull-stock's.
// Records the database refuses (a constraint, a too long value) are isolated,
// logged and counted as failed; the rest are written. With `seen_by` (a --full
// listing's sync type) the same statement records the page's item ids, bad
// records' included, in tshsync_full_pull_seen. `tally` is the run's (the
// mass-change guard on items that stopped qualifying).
MergeCounts merge_prepared(pqxx::transaction_base& tx, const PreparedItems& prepared, const ApplyOptions& options,
                           ExclusionTally& tally, const char* seen_by = nullptr);

// prepare_items, then merge_prepared with a tally of its own.
MergeCounts merge_items(pqxx::transaction_base& tx, const nlohmann::json& items, const ApplyOptions& options);

// merge_items in a transaction of its own: the path replay-dlq uses for item
// payloads it re-fetched, the same code pull-products runs per page.
MergeCounts apply_items(pqxx::connection& conn, const nlohmann::json& items, const ApplyOptions& options);

// Marks the product of a Zoho item Zoho deleted as inactive. False when there
// is no such product or it already was inactive.
bool deactivate_item(pqxx::connection& conn, const std::string& zoho_item_id);

}  // namespace tshsync::sync
