#pragma once

#include <chrono>
#include <functional>

#include <pqxx/pqxx>

#include <tshsync/sync/item_merge.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

struct PullProductsOptions {
  bool full = false;
  bool dry_run = false;
  std::chrono::seconds lookback{600};
  ApplyOptions apply;
  std::function<void()> after_page;  // progress, cancellation
  int64_t max_list_pages = 1000;     // [zoho].max_list_pages
};

struct PullProductsCounts {
  MergeCounts items;
  int64_t deactivated = 0;
  bool resumed = false;
  bool from_start = false;
  int64_t list_calls = 0;
  bool listing_distrusted = false;  // a complete --full listing deactivated nothing (see the log)
  std::string strategy;  // listing_strategy.hpp
};

// Zoho items into products (see run_listing_pull for paging, cursor and
// checkpoints). --full also marks products whose item Zoho no longer lists as
// inactive, once the whole listing has finished: the ids seen are kept in
// tshsync_full_pull_seen as the listing goes. `counts` is filled as pages
// commit, so it is right even when the run stops half-way.
void pull_products(zoho::Client& client, pqxx::connection& conn, const PullProductsOptions& options,
                   PullProductsCounts& counts);

}  // namespace tshsync::sync
