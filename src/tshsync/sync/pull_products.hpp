#pragma once

#include <cstdint>
#include <string>

#include <pqxx/pqxx>

#include <tshsync/sync/item_merge.hpp>
#include <tshsync/sync/listing_state.hpp>
#include <tshsync/sync/pull_progress.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

struct PullProductsOptions {
  ListingOptions listing;
  ApplyOptions apply;
};

struct PullProductsCounts {
  MergeCounts items;
  int64_t deactivated = 0;
  // Known once the listing is complete:
  bool listing_distrusted = false;  // a complete --full listing deactivated nothing (see the log)
  bool resumed = false;
  bool from_start = false;
  int64_t list_calls = 0;
  std::string strategy;  // listing_strategy.hpp
};

// Zoho items into products, page by page: GET /items (item_listing.hpp),
// parse, COPY and one merge per batch of pages, the cursor or --full
// checkpoint moved in the same transaction (listing_state.hpp). --full also
// marks products whose item Zoho no longer lists as inactive, once the whole
// listing has finished and only when it proves them gone: the ids seen are
// kept in tshsync_full_pull_seen as the listing goes.
void pull_products(zoho::Client& client, pqxx::connection& conn, const PullProductsOptions& options,
                   PullProductsCounts& counts, const AfterBatch& after_batch);

}  // namespace tshsync::sync
